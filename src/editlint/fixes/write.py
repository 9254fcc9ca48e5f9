"""Read an article for fixing and write it back atomically, exactly as it was encoded.

The fixed text goes to a temporary file in the same folder, is flushed to disk, gets the
original's permissions, and then replaces the original with ``os.replace`` (atomic on POSIX):
a crash or ``kill -9`` leaves either the old file or the new one, never half of either.
The last check that the file is still the one read is made on the file swapped out by an atomic
exchange (``fixes/exchange.py``), so an edit landing just before the swap is put back, not lost.
A file with several hard links is the exception: a rename would give only one of its names the
fix and turn it into a copy, so it is rewritten in place (``fixes/inplace.py``: checked just
before writing, journalled, so a kill mid-write is finished or undone by the next run) and every
link sees the fix. A symbolic link is followed: its target is written,
the link kept. The write is skipped when the file changed on disk after it was read, and
refused for a read-only file (no write permission bit, or none for this user). A file whose
owner or group the new file could not be given (another user's, writable through the group) is
rewritten in place too, so that it keeps them.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import re
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from editlint.fixes.exchange import exchange
from editlint.fixes.inplace import InPlaceChanged, rewrite_in_place
from editlint.safefiles import sync_folder

BOM = b"\xef\xbb\xbf"
TEMP_SUFFIX = ".editlint-tmp"
_LONE_LF = re.compile(r"(?<!\r)\n")


class ChangedOnDisk(Exception):
    """The file is no longer what was read; writing would lose someone else's edit."""


@dataclass(frozen=True)
class Source:
    """An article as read: its text and how to encode it back byte-for-byte."""

    path: Path
    text: str
    bom: bool
    newline: str  # "\r\n" when most line breaks are CRLF, else "\n"
    digest: str  # sha256 of the bytes read

    def encode(self, text: str) -> bytes:
        data = text.encode("utf-8")
        return BOM + data if self.bom else data

    def match_newlines(self, replacement: str) -> str:
        """Make a fix's line breaks match the file's (CRLF files stay CRLF)."""
        if self.newline == "\r\n":
            return _LONE_LF.sub("\r\n", replacement)
        return replacement


def read_source(path: Path) -> Source:
    """Read ``path`` as UTF-8 (with or without BOM). Raises OSError or UnicodeDecodeError."""
    raw = path.read_bytes()
    bom = raw.startswith(BOM)
    text = (raw[len(BOM) :] if bom else raw).decode("utf-8")
    crlf = text.count("\r\n")
    newline = "\r\n" if crlf and crlf * 2 >= text.count("\n") else "\n"
    return Source(path, text, bom, newline, _digest(raw))


def write_source(source: Source, text: str) -> None:
    """Replace the file with ``text`` atomically. Raises ChangedOnDisk or OSError."""
    target = source.path.resolve()  # write through a symlink, keep the link itself
    data = source.encode(text)
    if _digest(target.read_bytes()) != source.digest:
        raise ChangedOnDisk(f"{source.path} changed on disk since it was read; not written")
    info = target.stat()
    if not info.st_mode & 0o222 or not os.access(target, os.W_OK):
        # A rename would replace a file nobody may write (root could, and did).
        raise PermissionError(errno.EACCES, "read-only file; not fixed", str(source.path))
    if info.st_nlink > 1:
        _write_in_place(source, target, data)
        return
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=TEMP_SUFFIX, dir=target.parent
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, stat.S_IMODE(info.st_mode))
        with contextlib.suppress(OSError):  # only possible as root or for the same owner
            os.chown(temporary, info.st_uid, info.st_gid)
        made = os.stat(temporary)
        if (made.st_uid, made.st_gid) != (info.st_uid, info.st_gid):
            # The new file would belong to whoever runs editlint: keep the owner's file.
            os.unlink(temporary)
            _write_in_place(source, target, data)
            return
        _swap_into_place(temporary, target, source)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    sync_folder(target.parent)


def _swap_into_place(temporary: str, target: Path, source: Source) -> None:
    """Put ``temporary`` at ``target`` if ``target`` still holds what was read.

    With an atomic exchange the check comes after the swap, on the file swapped out: an edit
    another process made at any moment before the swap is in it, and is swapped back. Without
    one, the check comes just before the rename (a moment remains)."""
    changed = f"{source.path} changed on disk since it was read; not written"
    if not exchange(temporary, target):
        if _digest(target.read_bytes()) != source.digest:  # last look before the swap
            raise ChangedOnDisk(changed)
        os.replace(temporary, target)
        return
    try:
        swapped_out = Path(temporary).read_bytes()
    except BaseException:
        exchange(temporary, target)  # not known to be what was read: put it back
        raise
    if _digest(swapped_out) != source.digest:
        exchange(temporary, target)  # someone's edit: back in its place, the fix out
        raise ChangedOnDisk(changed)
    # ``temporary`` now names the original, which the caller's clean-up removes.
    os.unlink(temporary)


def _write_in_place(source: Source, target: Path, data: bytes) -> None:
    """Rewrite the one file all of ``target``'s hard links name."""
    try:
        rewrite_in_place(target, source.digest, data)
    except InPlaceChanged as error:
        raise ChangedOnDisk(f"{source.path}: {error}; not written") from error


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
