"""This repository's own pre-commit config: the demo's known findings pass, new ones fail."""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

import yaml

from conftest import ROOT
from gitrepo import GitRepo, git_env

BASELINE = ".editlint-baseline.json"


def test_the_committed_baseline_is_a_valid_baseline_of_the_demo_content():
    data = json.loads((ROOT / BASELINE).read_text())
    assert data["version"] == 1
    assert data["findings"]
    assert all(entry["path"].startswith("content/") for entry in data["findings"])


def test_known_findings_pass_and_new_ones_fail_with_the_real_pre_commit(tmp_path):
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    (local,) = [repo for repo in config["repos"] if repo["repo"] == "local"]
    (hook,) = [hook for hook in local["hooks"] if hook["id"] == "editlint"]
    assert hook["entry"] == f"editlint check --baseline {BASELINE}"

    env = {**git_env(tmp_path), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"), "NO_COLOR": "1"}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"  # the venv's editlint
    repo = GitRepo(tmp_path / "copy", env)
    shutil.copytree(ROOT / "content", repo.path / "content")
    for name in ("editlint.yaml", ".pre-commit-config.yaml"):
        shutil.copy2(ROOT / name, repo.path / name)
    # A baseline of the content as it is now (the committed one is refreshed by `make baseline`).
    written = repo.run("editlint", "check", "content/", "--write-baseline", BASELINE)
    assert written.returncode == 0, written.stderr
    repo.commit("the project's content and hooks")

    known = repo.run(sys.executable, "-m", "pre_commit", "run", "editlint", "--all-files")
    assert known.returncode == 0, known.stdout + known.stderr

    nato = repo.path / "content" / "nato.md"
    lines = nato.read_text().splitlines(keepends=True)
    nato.write_text("".join(lines) + "\nThe alliance is a legendary success [@nato-treaty-1949].\n")
    new = repo.run(sys.executable, "-m", "pre_commit", "run", "editlint", "--all-files")
    assert new.returncode == 1
    assert f"content/nato.md:{len(lines) + 2}:19: NEU101" in new.stdout, new.stdout
    assert "Found 1 finding(s) in 1 of 9 file(s)" in new.stdout
