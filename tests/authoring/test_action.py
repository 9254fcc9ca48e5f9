"""The GitHub Action at the repository root: its inputs, and its check step run for real."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT
from editlint.report import FORMATS

ACTION = yaml.safe_load((ROOT / "action.yml").read_text())
# Issue 10 asks for both modes: annotations (format github) or a SARIF file uploaded to code
# scanning (format sarif, the upload step below). The step with `id: check` runs editlint.
CHECK_STEP = next((step for step in ACTION["runs"]["steps"] if step.get("id") == "check"), {})
ARTICLE = "# Port\n\nThe port is a legendary harbour [@history].\n"


def run_check_step(folder: Path, **inputs: str) -> subprocess.CompletedProcess:
    """Run the step's script as the runner does (bash -eo pipefail), inputs passed as env."""
    values = {name: str(spec.get("default", "")) for name, spec in ACTION["inputs"].items()}
    values.update(inputs)
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "NO_COLOR": "1",
        "EDITLINT_PATHS": values["paths"],
        "EDITLINT_FORMAT": values["format"],
        "EDITLINT_ARGS": values["args"],
        "EDITLINT_SARIF": values["sarif-file"],
    }
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", CHECK_STEP["run"]],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_action_is_a_composite_installing_from_its_own_path():
    assert ACTION["runs"]["using"] == "composite"
    steps = ACTION["runs"]["steps"]
    assert CHECK_STEP, "action.yml: the step running `editlint check` must have `id: check`"
    assert steps[0]["uses"].startswith("actions/setup-python@")
    assert steps[1]["env"]["EDITLINT_SOURCE"] == "${{ github.action_path }}"
    assert steps[-1]["uses"].startswith("github/codeql-action/upload-sarif@"), (
        "action.yml must upload the SARIF report to code scanning when format is 'sarif'"
    )
    assert set(ACTION["inputs"]) == {"paths", "format", "args", "sarif-file", "python-version"}
    # Inputs reach the script only through env, never pasted into it (no injection).
    assert "${{" not in CHECK_STEP["run"]


def test_check_step_passes_paths_and_args_and_fails_on_findings(tmp_path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "port.md").write_text(ARTICLE)
    (tmp_path / "notes.md").write_text("Not checked.\n")
    result = run_check_step(
        tmp_path, paths="articles", format="json", args="--select NEU101 --fail-on warning"
    )
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    found = [(d["path"], d["code"]) for d in report["diagnostics"]]
    assert found == [("articles/port.md", "NEU101")]
    clean = run_check_step(tmp_path, paths="articles", format="json", args="--select SEE")
    assert clean.returncode == 0, clean.stderr


@pytest.mark.skipif("sarif" not in FORMATS, reason="the sarif reporter has not landed yet")
def test_check_step_writes_sarif_for_upload(tmp_path):
    (tmp_path / "port.md").write_text(ARTICLE)
    result = run_check_step(tmp_path, format="sarif", args="--select NEU101")
    assert result.returncode == 1, result.stderr
    sarif = json.loads((tmp_path / "editlint.sarif").read_text())
    assert sarif["runs"][0]["results"][0]["ruleId"] == "NEU101"


@pytest.mark.skipif("github" not in FORMATS, reason="the github reporter has not landed yet")
def test_check_step_annotates_by_default(tmp_path):
    (tmp_path / "port.md").write_text(ARTICLE)
    result = run_check_step(tmp_path, args="--select NEU101")
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("::warning file=port.md,line=3,")
