"""Shared test helpers."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.fixture
def cli():
    return run_cli


@pytest.fixture
def seed_path() -> Path:
    if not SEED.is_file():
        pytest.fail(f"the seed article is missing: {SEED}")
    return SEED
