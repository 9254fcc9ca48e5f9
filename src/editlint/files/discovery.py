"""Turn command-line paths into the article files to check (``.gitignore`` respected)."""

from __future__ import annotations

import os
import subprocess
from collections import Counter
from fnmatch import fnmatch
from pathlib import Path

from editlint.document import SUPPORTED_SUFFIXES, UNSUPPORTED_SUFFIXES
from editlint.errors import UsageError

_WALKED = SUPPORTED_SUFFIXES | UNSUPPORTED_SUFFIXES
_SKIPPED_FOLDERS = frozenset(
    {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__"}
)


def collect_files(
    paths: list[Path], exclude: list[str] = (), skipped: Counter | None = None
) -> list[Path]:
    """Files named directly are always checked; folders are walked for articles. Documents
    of a format editlint does not read, met in a walk, are counted by suffix in ``skipped``."""
    files: list[Path] = []
    for path in paths:
        if not path.exists() and not path.is_symlink():  # a dangling link is a finding
            raise UsageError(f"no such file or folder: {path}")
        if path.is_dir():
            walked = _walk(path)
            if skipped is not None:
                skipped.update(
                    p.suffix.lower() for p in walked if p.suffix.lower() in UNSUPPORTED_SUFFIXES
                )
            files.extend(p for p in walked if p.suffix.lower() in SUPPORTED_SUFFIXES)
        else:
            files.append(path)
    unique = list(dict.fromkeys(files))
    return [path for path in unique if not _excluded(path, exclude)]


def skipped_note(skipped: Counter) -> str:
    """One line naming what a walk left out: 'skipped: .rst x3, .adoc x1 (unsupported format)'."""
    counts = ", ".join(f"{suffix} x{count}" for suffix, count in sorted(skipped.items()))
    return f"skipped: {counts} (unsupported format)"


def _excluded(path: Path, exclude: list[str]) -> bool:
    posix = path.as_posix()
    return any(fnmatch(posix, pattern) or fnmatch(path.name, pattern) for pattern in exclude)


def _walk(folder: Path) -> list[Path]:
    tracked = _git_files(folder)
    if tracked is not None:
        return tracked
    found = []
    root = folder.resolve()
    for current, folders, names in os.walk(folder, followlinks=False):
        folders[:] = sorted(
            f for f in folders if f not in _SKIPPED_FOLDERS and not f.startswith(".")
        )
        for name in sorted(names):
            path = Path(current) / name
            if path.suffix.lower() in _WALKED and _inside(path, root):
                found.append(path)
    return found


def _inside(path: Path, root: Path) -> bool:
    """False for a symlink that leads out of the folder being walked.

    A link loop leads nowhere: it is kept, so that reading it reports the loop.
    """
    if not path.is_symlink():
        return True
    try:
        path.resolve().relative_to(root)
    except ValueError:
        return False
    except (OSError, RuntimeError):
        return True
    return True


def _git_files(folder: Path) -> list[Path] | None:
    """Tracked and untracked-but-not-ignored articles under ``folder``, or None outside git."""
    try:
        result = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "."],
            cwd=folder,
            capture_output=True,
            timeout=30,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0:
        return None
    names = [os.fsdecode(name) for name in result.stdout.split(b"\0") if name]
    files = []
    root = folder.resolve()
    for name in sorted(set(names)):
        path = folder / name
        # lexists: a tracked file deleted from the work tree is skipped, a dangling link is not
        if path.suffix.lower() not in _WALKED or not os.path.lexists(path):
            continue
        if not path.is_dir() and _inside(path, root):
            files.append(path)
    return files
