"""Faults: ``--fix`` killed with kill -9 at many points, and editlint processes running at once
on one repository. Every article ends either untouched or fully fixed; never half of either."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import ROOT
from house import house_folder

COUNT = 16


def _article(number: int) -> str:
    # A large file, so that a kill can land while one is being written.
    paragraph = f"Crews utilise cranes in order to lift hull {number} prior to launch. " * 150
    return f"# Ship {number}\n\n{paragraph}\n\nThey utilise the tide [@s{number}].\n"


def _repo(folder: Path) -> dict[str, str]:
    articles = {f"ship-{n:02}.md": _article(n) for n in range(COUNT)}
    house_folder(folder, articles)
    return articles


def _start(folder: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "editlint", "check", *args],
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _contents(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.md"))}


def _reference(tmp_path: Path) -> tuple[dict[str, str], dict[str, str]]:
    folder = tmp_path / "reference"
    original = _repo(folder)
    process = _start(folder, "--fix-only", "--no-cache", "--jobs", "1")
    assert process.wait(timeout=600) == 0, process.stderr.read()
    fixed = _contents(folder)
    assert all(fixed[name] != original[name] for name in original)
    assert all("utilise" not in text for text in fixed.values())
    return original, fixed


def _kill_when(process: subprocess.Popen, folder: Path, original: dict, changed: int) -> None:
    """Kill -9 once ``changed`` articles differ from the original (or the process ends)."""
    while process.poll() is None:
        done = sum(
            1
            for name, text in original.items()
            if (folder / name).read_text(encoding="utf-8") != text
        )
        if done >= changed:
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.005)
    process.wait(timeout=600)


def test_fix_killed_at_many_points_leaves_each_article_untouched_or_fully_fixed(tmp_path):
    original, fixed = _reference(tmp_path)
    rng = random.Random(6)
    points = [0, 1, *sorted(rng.sample(range(2, COUNT - 1), 3))]
    for attempt, changed in enumerate(points):
        folder = tmp_path / f"run{attempt}"
        _repo(folder)
        process = _start(folder, "--fix-only", "--no-cache", "--jobs", "1")
        _kill_when(process, folder, original, changed)
        assert process.returncode == -signal.SIGKILL, process.stderr.read()
        after = _contents(folder)
        assert set(after) == set(original)  # no article lost, no temporary file left as one
        half = [name for name in after if after[name] not in (original[name], fixed[name])]
        assert half == [], f"kill after {changed} changed files: half-written {half}"
        assert sum(after[n] == fixed[n] for n in after) >= changed
        rerun = _start(folder, "--fix-only", "--no-cache")  # and the next run finishes the job
        assert rerun.wait(timeout=600) == 0
        assert _contents(folder) == fixed


def test_two_fix_runs_and_two_checks_at_once_agree_and_corrupt_nothing(tmp_path):
    original, fixed = _reference(tmp_path)
    folder = tmp_path / "shared"
    _repo(folder)
    checks = [_start(folder, "--format", "json", "--select", "HSE201") for _ in range(2)]
    fixers = [_start(folder, "--fix-only", "--jobs", "1") for _ in range(2)]
    outputs = [process.communicate(timeout=600) for process in checks]
    for process in fixers:
        _, errors = process.communicate(timeout=600)
        # 1: the other run changed a file first, so this one left it alone (and said so)
        assert process.returncode in (0, 1), errors
    assert _contents(folder) == fixed
    reports = [json.loads(out) for out, _ in outputs]
    assert reports[0] == reports[1]
    assert reports[0]["summary"]["files"] == COUNT
    # The cache both wrote is sound: a cached run and an uncached run say the same.
    cached = _start(folder, "--format", "json")
    uncached = _start(folder, "--format", "json", "--no-cache")
    assert json.loads(cached.communicate(timeout=600)[0]) == json.loads(
        uncached.communicate(timeout=600)[0]
    )
    shutil.rmtree(folder)
