"""Real git repositories in temporary folders, for tests of git-aware features."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Test Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.org",
    "GIT_CONFIG_NOSYSTEM": "1",
}


def git_env(home: Path) -> dict[str, str]:
    """The environment git runs in: a throwaway HOME so no user config leaks in."""
    return {**os.environ, **GIT_ENV, "HOME": str(home)}


class GitRepo:
    """A git work tree at ``path``; ``git(...)`` runs a command there and returns its stdout."""

    def __init__(self, path: Path, env: dict[str, str] | None = None) -> None:
        self.path = path
        self.env = env or git_env(path.parent)
        path.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", "main")

    def run(self, *command: str, timeout: float = 300) -> subprocess.CompletedProcess:
        """Run any command in the work tree, with the repository's environment."""
        return subprocess.run(
            command, cwd=self.path, env=self.env, capture_output=True, text=True, timeout=timeout
        )

    def git(self, *args: str, check: bool = True) -> str:
        result = self.run("git", *args)
        if check and result.returncode != 0:
            raise AssertionError(f"git {' '.join(args)} failed: {result.stderr}")
        return result.stdout

    def write(self, name: str, text: str) -> Path:
        path = self.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def commit(self, message: str, *names: str) -> str:
        self.git("add", "--", *(names or ["."]))
        self.git("commit", "-q", "--no-verify", "-m", message)
        return self.git("rev-parse", "HEAD").strip()
