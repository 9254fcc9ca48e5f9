"""The project lints its own docs with editlint, through its pre-commit config (real pre-commit)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from conftest import ROOT
from gitrepo import GitRepo, git_env

PAGE = "docs/writing-rule-packs.md"


def test_the_docs_hook_passes_the_docs_and_refuses_new_findings(tmp_path):
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    hooks = [hook for repo in config["repos"] for hook in repo.get("hooks", [])]
    (hook,) = [hook for hook in hooks if hook["id"] == "editlint-docs"]
    assert hook["entry"] == "editlint check --config docs/editlint.yaml"

    env = {**git_env(tmp_path), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit"), "NO_COLOR": "1"}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env['PATH']}"  # the venv's editlint
    repo = GitRepo(tmp_path / "copy", env)
    shutil.copytree(ROOT / "docs", repo.path / "docs")
    shutil.copy2(ROOT / ".gitignore", repo.path / ".gitignore")  # the cache folder is ignored
    local = {"repos": [entry for entry in config["repos"] if entry["repo"] == "local"]}
    (repo.path / ".pre-commit-config.yaml").write_text(yaml.safe_dump(local))
    repo.commit("docs and hooks")

    def run_hook() -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "run", "editlint-docs", "--files", PAGE],
            cwd=repo.path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    clean = run_hook()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    page = repo.path / PAGE
    page.write_text(page.read_text() + "\nThis pack format is a legendary success.\n")
    found = run_hook()
    assert found.returncode == 1, found.stdout
    assert f"{PAGE}:" in found.stdout and "NEU101" in found.stdout, found.stdout
