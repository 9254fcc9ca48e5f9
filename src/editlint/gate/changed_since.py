"""Files changed in a git work tree since a ref: what ``--changed-since`` checks."""

from __future__ import annotations

import subprocess
from pathlib import Path

from editlint.document import SUPPORTED_SUFFIXES
from editlint.errors import UsageError
from editlint.gitcommand import run_git


def changed_files(ref: str, within: list[Path]) -> list[Path]:
    """Existing articles under ``within`` changed since ``ref``, plus untracked ones, sorted.

    Changes are counted from the merge base of ``ref`` and ``HEAD``, so on a branch
    ``--changed-since origin/main`` means the branch's own changes (committed, staged or not),
    never what landed on main meanwhile.
    """
    top = work_tree_top(within)
    base = change_base(ref, top)
    diff = _git(["diff", "--name-only", "-z", "--no-renames", base, "--"], top, "git diff failed")
    untracked = _git(
        ["ls-files", "-z", "--others", "--exclude-standard"], top, "git ls-files failed"
    )
    names = {name for name in (diff + untracked).split("\0") if name}
    roots = [path.resolve() for path in within] or [top.resolve()]
    found = []
    for name in sorted(names):
        path = top / name
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        if path.is_file() and any(_inside(path.resolve(), root) for root in roots):
            found.append(_shortest(path))
    return found


def work_tree_top(within: list[Path]) -> Path:
    """The top folder of the git work tree holding the first of ``within`` (or the cwd)."""
    start = within[0] if within else Path.cwd()
    folder = start if start.is_dir() else start.parent
    return Path(
        _git(["rev-parse", "--show-toplevel"], folder, "not inside a git work tree").strip()
    )


def change_base(ref: str, top: Path) -> str:
    """The merge base of ``ref`` and HEAD: where the branch's own changes start."""
    if ref.startswith("-"):
        raise UsageError(f"--changed-since: not a git ref: '{ref}'")
    return _git(
        ["merge-base", ref, "HEAD"], top, f"--changed-since: unknown git ref '{ref}'"
    ).strip()


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _shortest(path: Path) -> Path:
    """The path relative to the working folder when it lies inside it (as users typed it)."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve())
    except ValueError:
        return path


def _git(args: list[str], cwd: Path, failure: str) -> str:
    try:
        result = run_git(args, cwd)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise UsageError(f"{failure}: {error}") from None
    if result.returncode != 0:
        raise UsageError(failure)
    return result.stdout.decode("utf-8", "surrogateescape")
