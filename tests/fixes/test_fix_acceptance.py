"""On copies of the demo content and of the seed, with every rule there is:
``--fix --unsafe-fixes`` twice gives the same bytes as once, the fixed files have no fixable
finding left, and ``--diff`` touches only the spans of the applied fixes.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SEED, shared
from editlint.config.model import find_config, load_config
from editlint.diagnostics import Applicability
from editlint.document.lines import LineIndex
from editlint.engine.runner import Checker
from editlint.fixes.session import fix_file


@pytest.fixture
def repo(tmp_path) -> Path:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copy(ROOT / "editlint.yaml", tmp_path / "editlint.yaml")
    shutil.copyfile(shared(SEED), tmp_path / "content" / SEED.name)  # not its 0444 mode
    return tmp_path


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_fixing_twice_equals_fixing_once_and_leaves_nothing_fixable(cli, repo):
    first = cli("check", "--fix-only", "--unsafe-fixes", "content", cwd=repo)
    assert first.returncode == 0, first.stderr
    once = _snapshot(repo / "content")
    second = cli("check", "--fix-only", "--unsafe-fixes", "content", cwd=repo)
    assert second.returncode == 0, second.stderr
    assert second.stderr == "No fixes applied.\n"
    assert _snapshot(repo / "content") == once
    recheck = cli("check", "--format", "json", "content", cwd=repo)
    fixable = [
        d
        for d in json.loads(recheck.stdout)["diagnostics"]
        if d["fix"] and d["fix"]["applicability"] in ("safe", "unsafe")
    ]
    assert fixable == []


def test_the_diff_touches_only_the_spans_of_applied_fixes(cli, repo):
    result = cli("check", "--diff", "--unsafe-fixes", "content", cwd=repo)
    checker = Checker(load_config(find_config(repo), repo))
    changed_lines = _removed_lines(result.stdout)
    for path in sorted((repo / "content").iterdir()):
        fixed = fix_file(checker, path, Applicability.UNSAFE, write=False)
        lines = LineIndex(fixed.original)
        allowed = set()
        for region in fixed.regions.items:
            first, last = lines.position(region.start)[0], lines.position(region.end)[0]
            allowed.update(range(first, last + 1))
        name = f"content/{path.name}"
        assert changed_lines.get(name, set()) <= allowed, name
        assert (name in changed_lines) == fixed.changed
    assert result.returncode == (1 if changed_lines else 0)


def _removed_lines(diff: str) -> dict[str, set[int]]:
    """Original line numbers each file's diff removes or replaces."""
    found: dict[str, set[int]] = {}
    current = None
    line = 0
    for text in diff.splitlines():
        if text.startswith("--- a/"):
            current = found.setdefault(text[6:], set())
        elif match := re.match(r"@@ -(\d+)", text):
            line = int(match.group(1))
        elif text.startswith("-") and not text.startswith("---"):
            current.add(line)
            line += 1
        elif text.startswith(" "):
            line += 1
    return found
