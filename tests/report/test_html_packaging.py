"""The HTML report's template ships in a real, non-editable ``pip install .`` of the project:
the installed copy (not the source tree) renders the page."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import ROOT


def test_a_non_editable_install_ships_the_template_and_renders_the_page(tmp_path):
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for name in ("src", "rules"):
        shutil.copytree(ROOT / name, source / name, ignore=ignore)
    target = tmp_path / "installed"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(source),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert install.returncode == 0, install.stderr
    shipped = target / "editlint" / "report" / "templates" / "report.html.j2"
    assert (
        shipped.read_bytes()
        == (ROOT / "src" / "editlint" / "report" / "templates" / "report.html.j2").read_bytes()
    )
    wiki = tmp_path / "wiki"
    wiki.mkdir()
    (wiki / "harbour.md").write_text("# Harbour\n\nA legendary <b>port</b>.\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(target), "NO_COLOR": "1"}

    def installed(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, *args], capture_output=True, text=True, timeout=120, cwd=wiki, env=env
        )

    where = installed("-c", "import editlint.report.html as html; print(html.__file__)")
    assert where.stdout.strip() == str(target / "editlint" / "report" / "html.py")
    page = installed("-m", "editlint", "check", "--no-cache", "--format", "html", "harbour.md")
    assert page.returncode == 1, page.stderr
    assert page.stdout.startswith("<!DOCTYPE html>\n")
    assert '# <mark class="hl sev-error" id="mark-f1" data-id="f1"' in page.stdout
    assert 'A <mark class="hl sev-warning" id="mark-f2" data-id="f2"' in page.stdout
    assert "&lt;b&gt;port&lt;/b&gt;" in page.stdout
