"""Running git: optional locks off, so a check never blocks the editor's own git; and git
started in the background, so that its walk of the work tree overlaps editlint's start-up."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

#: How long any git command may take.
GIT_SECONDS = 60
#: ``git status`` as the content store reads it (``index/gitstate.py``): every path that is
#: not clean, untracked and ignored ones included, a rename as its two paths.
STATUS = (
    "status", "--porcelain=v1", "-z", "--untracked-files=all", "--ignored=matching",
    "--no-renames",
)  # fmt: skip


def _environment() -> dict[str, str]:
    return {**os.environ, "GIT_OPTIONAL_LOCKS": "0"}


def may_be_in_work_tree(directory: Path) -> bool:
    """False when git would find no repository for ``directory``: no ``.git`` in it or above
    it and no ``GIT_DIR``. A few stats, where asking git costs a process."""
    if "GIT_DIR" in os.environ:
        return True
    directory = directory.resolve()  # as git walks up: the physical path, ".." taken away
    return any((folder / ".git").exists() for folder in (directory, *directory.parents))


def run_git(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """Run git in ``cwd``. Raises OSError or subprocess.TimeoutExpired when git cannot run."""
    return subprocess.run(
        ["git", *args],
        cwd=cwd,
        capture_output=True,
        timeout=GIT_SECONDS,
        check=False,
        env=_environment(),
    )


class StartedGit:
    """A git command running in the background; ``output`` waits for what it printed. Every
    such command reads a repository: where git could find none (``may_be_in_work_tree``),
    none is started and ``output`` is None, as when git fails."""

    def __init__(self, args: list[str], cwd: Path) -> None:
        self._output: bytes | None = None
        self._waited = False
        self._process: subprocess.Popen | None = None
        if not may_be_in_work_tree(cwd):
            return
        try:
            self._process = subprocess.Popen(
                ["git", *args],
                cwd=cwd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=_environment(),
            )
        except OSError:  # no git
            pass

    def output(self) -> bytes | None:
        """What the command printed; None when it could not run, failed or overran."""
        if not self._waited and self._process is not None:
            self._waited = True
            try:
                printed, _ = self._process.communicate(timeout=GIT_SECONDS)
            except subprocess.TimeoutExpired:
                self.close()
                return None
            if self._process.returncode == 0:
                self._output = printed
        return self._output

    def close(self) -> None:
        """Stop the command if it still runs (nobody wanted its answer), and reap it."""
        if self._process is None:
            return
        if self._process.poll() is None:
            self._process.kill()
        self._process.communicate()


class EarlyStatus:
    """The status of the whole work tree holding ``folder``, asked when a check starts
    (``editlint.launch``): git walks the work tree while editlint imports its code and builds
    its rules, on another core when there is one. The content store reads it when its root is
    in this work tree (``index/gitstate.status``); otherwise it cost one git run."""

    def __init__(self, folder: Path) -> None:
        self.top = StartedGit(["rev-parse", "--show-toplevel"], folder)
        self.status = StartedGit([*STATUS, "--", ":/"], folder)

    def close(self) -> None:
        self.top.close()
        self.status.close()
