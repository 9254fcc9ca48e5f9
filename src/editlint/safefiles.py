"""Files editlint keeps for itself (caches) in folders a repository may have planted.

A cache folder beside the config is inside the repository, so a hostile repository can commit
it: entries that are links (to ``/dev/zero``, a FIFO, a file outside), huge files, folders that
are links out of it. What editlint reads there goes through ``read_own`` (no link followed, a
regular file only, a size limit), what it writes through ``contained`` (the folder, links
resolved, is still inside the cache), and what it deletes must carry editlint's tag.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
import time
from pathlib import Path

#: Files a killed run left behind (a write takes milliseconds) are removed after this long.
STALE_SECONDS = 3600


def read_own(path: Path, limit: int) -> bytes | None:
    """The bytes of the regular file ``path`` itself (a link is not followed), or None when it
    is missing, not a regular file, or larger than ``limit`` bytes."""
    try:
        return read_regular(path, limit, follow=False)
    except OSError:
        return None


def read_regular(path: Path, limit: int, follow: bool = True) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``limit`` bytes (a FIFO or
    device is never read, nor waited on); OSError otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)  # opening a FIFO does not wait
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    with os.fdopen(descriptor, "rb") as handle:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(f"not a regular file: {path}")
        data = handle.read(limit + 1) if info.st_size <= limit else b""
    if info.st_size > limit or len(data) > limit:
        raise OSError(f"larger than {limit:,} bytes: {path}")
    return data


def inside(path: str | Path, folder: str | Path) -> bool:
    """Whether ``path`` is ``folder`` or lies under it (both compared as given)."""
    path, folder = os.fspath(path), os.fspath(folder).rstrip(os.sep)
    return path == folder or path.startswith(folder + os.sep)


def contained(path: Path, base: Path) -> bool:
    """Whether ``path``, every link on the way resolved, is still inside ``base`` (resolved)."""
    try:
        return inside(os.path.realpath(path), os.path.realpath(base))
    except (OSError, ValueError):
        return False


def is_plain_folder(path: Path) -> bool:
    """A folder, not a link to one."""
    try:
        return stat.S_ISDIR(os.lstat(path).st_mode)
    except OSError:
        return False


def remove_stale(folder: Path, prefix: str, now: float | None = None) -> int:
    """Remove regular files named ``prefix*`` in ``folder`` older than ``STALE_SECONDS``
    (temporary files of a killed run; a live run's are seconds old). Returns how many."""
    now = time.time() if now is None else now
    removed = 0
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return 0
    for entry in entries:
        if not entry.name.startswith(prefix):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if stat.S_ISREG(info.st_mode) and now - info.st_mtime > STALE_SECONDS:
                os.unlink(entry.path)
                removed += 1
    return removed


def write_by_rename(
    target: Path, data: bytes, folder: Path, prefix: str, suffix: str = "", mode: int | None = None
) -> None:
    """Write ``target`` from a temporary file ``prefix*suffix`` in ``folder``, renamed into
    place: a link planted at ``target`` is replaced, never written through, and a failed write
    leaves neither a half-written ``target`` nor the temporary file."""
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=suffix)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        if mode is not None:
            os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def sync_folder(folder: Path) -> None:
    """Make a rename or removal in ``folder`` durable (best effort: not every system allows
    a folder to be synced)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
