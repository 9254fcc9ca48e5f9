"""Make the cache folder (``.editlint_cache``) with its own ``.gitignore``, as ruff does.

The ``.gitignore`` holds ``*``, so git ignores the whole cache with no line in the
repository's own ``.gitignore``. It is written only into a folder editlint has just made: a
folder that already exists (a ``--cache-dir`` naming a user's folder) is never changed.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from editlint.safefiles import write_by_rename

GITIGNORE = b"# Made by editlint: a cache, safe to delete; git ignores all of it.\n*\n"


def make_cache_folder(folder: Path) -> None:
    """Create ``folder`` (and its parents) if missing; a new one gets the ``.gitignore``."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    try:
        folder.mkdir()
    except FileExistsError:
        return
    with contextlib.suppress(OSError):  # a cache without its .gitignore still works
        write_by_rename(folder / ".gitignore", GITIGNORE, folder, ".tmp-gitignore-")
