"""Rules installed by other packages (entry point group ``editlint.rules``): found by
``importlib.metadata`` from a real distribution's metadata on the import path, and the
"none installed" answer an earlier run kept is dropped once a package is installed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from house import one_word_pack

ROOT = Path(__file__).resolve().parents[1]

#: The installed rule, and a shipped one to show the check ran.
WATCHED = ("HSE101", "NEU101")


def _check(repo: Path, site: Path) -> list[tuple[str, int, int]]:
    result = subprocess.run(
        [sys.executable, "-m", "editlint", "check", "--exit-zero", "--format", "json", "a.md"],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONPATH": os.pathsep.join([str(site), str(ROOT / "src")])},
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)["diagnostics"]
    return [(d["code"], d["line"], d["column"]) for d in found if d["code"] in WATCHED]


def _install(site: Path) -> None:
    """What ``pip install`` leaves: the module, its pack and the distribution's metadata."""
    (site / "house_words.py").write_text(
        "from pathlib import Path\nPACK = str(Path(__file__).with_name('house.yaml'))\n",
        encoding="utf-8",
    )
    (site / "house.yaml").write_text(one_word_pack("harbour"), encoding="utf-8")
    metadata = site / "house_words-1.0.dist-info"
    metadata.mkdir()
    (metadata / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: house-words\nVersion: 1.0\n", encoding="utf-8"
    )
    (metadata / "entry_points.txt").write_text(
        "[editlint.rules]\nhouse = house_words:PACK\n", encoding="utf-8"
    )


def test_an_installed_package_s_rules_are_found_after_a_run_found_none(tmp_path):
    repo, site = tmp_path / "wiki", tmp_path / "site-packages"
    repo.mkdir()
    site.mkdir()
    (repo / ".git").mkdir()
    (repo / "a.md").write_text("# Quay\n\nThe harbour is a legendary pier.\n", encoding="utf-8")
    assert _check(repo, site) == [("NEU101", 3, 18)]
    assert _check(repo, site) == [("NEU101", 3, 18)]  # "none installed", kept and used
    _install(site)
    assert _check(repo, site) == [("HSE101", 3, 5), ("NEU101", 3, 18)]
