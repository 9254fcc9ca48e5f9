"""Shared test helpers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from lsp_server import client, lsp_capabilities  # noqa: F401 - the LSP tests' shared fixtures

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "foreign-relations-of-russia.txt"


def run_cli(
    *args: str, cwd: Path | None = None, input: str | None = None
) -> subprocess.CompletedProcess:
    """Run the real ``editlint`` command in a subprocess."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "editlint", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        env=env,
        input=input,
        timeout=300,
    )


def probe_json(probe: str, *args: str, cwd: Path, timeout: float) -> object:
    """Run the Python ``probe`` script with ``args`` in a clean subprocess (editlint from
    src/, no colour, a bare PATH) and return the JSON on its last line of output."""
    run = subprocess.run(
        [sys.executable, "-c", probe, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=timeout,
        env={"PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout.strip().splitlines()[-1])


@pytest.fixture
def cli():
    return run_cli


def shared(path: Path) -> Path:
    """``path`` under ../shared; the test skips with a reason when it is absent, unless
    EDITLINT_REQUIRE_SHARED is set (CI sets it, so there a missing corpus fails)."""
    if path.exists():
        return path
    if os.environ.get("EDITLINT_REQUIRE_SHARED"):
        pytest.fail(f"{path} is missing (EDITLINT_REQUIRE_SHARED is set)")
    pytest.skip(f"needs {path} (the shared corpora beside the clone)")


@pytest.fixture
def seed_path() -> Path:
    return shared(SEED)
