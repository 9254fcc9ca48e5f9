"""Rewrite a file in place (a file with several hard links) so a kill at any moment is undone.

A rename would give the fix to one of the file's names only, so the one inode is rewritten;
Linux has no call that replaces an inode's content atomically, and a kill can land mid-write.
Each step therefore leaves a state the next run can tell apart and finish:

1. a journal record is written beside the file (``.editlint-journal-<dev>-<inode>``, fsynced):
   the sizes, the hashes of both texts, and the original bytes (read only to recognise states);
2. a copy of the fixed text is written past the end, at ``max(old size, new size)``, and fsynced
   (the room is claimed first: a full disk or a size limit fails here and the file is cut back
   to the original);
3. the fixed text is written over the start, the file truncated to it and fsynced;
4. the record is removed.

``finish_interrupted`` (every run, before reading) finds a record and the file it names, and
acts only when the file is in one of those states: an incomplete copy (step 2) is cut off,
leaving the original; a complete one (step 3) is copied over the start, leaving the fixed text.
Either way it writes only bytes the file itself holds, or truncates: a record planted by a
hostile repository cannot put text in a file that the file did not have, and it names a file
in its own folder that must stay inside the repository with every link resolved.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from editlint.safefiles import contained, read_own, sync_folder

try:
    import fcntl
except ImportError:  # not POSIX: two runs fixing one file are not kept apart
    fcntl = None  # type: ignore[assignment]

JOURNAL_PREFIX = ".editlint-journal-"
_HEADER_LIMIT = 4096
_BLOCK = 4096
#: Why a file named by a record may open later: the record is kept for that run.
_TRY_AGAIN = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ETXTBSY, errno.EBUSY}
_NO_MATCH = "not in a state an interrupted fix leaves (changed since?); left alone"


class InPlaceChanged(Exception):
    """The file is no longer what was read (or no longer a regular file)."""


@dataclass(frozen=True)
class Record:
    """What the journal says about one in-place rewrite under way."""

    name: str  # the file's name in the record's folder
    device: int
    inode: int
    old_size: int
    new_size: int
    old_sha: str
    new_sha: str
    old: bytes

    @property
    def copy_at(self) -> int:
        """Where the copy of the fixed text starts."""
        return max(self.old_size, self.new_size)


def rewrite_in_place(path: Path, digest: str, data: bytes) -> None:
    """Replace the content of the regular file ``path`` (no link followed) with ``data`` if its
    bytes still hash to ``digest``. Raises InPlaceChanged or OSError (the original kept)."""
    descriptor = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    try:
        _lock(descriptor)  # two runs fixing one inode take turns
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise InPlaceChanged("no longer a regular file")
        old = _read_all(descriptor)
        if _sha(old) != digest:
            raise InPlaceChanged("changed on disk since it was read")
        if old == data:
            return
        record = Record(
            path.name, info.st_dev, info.st_ino, len(old), len(data), digest, _sha(data), old
        )
        journal = path.parent / _journal_name(info)
        write_record(journal, record)
        try:
            _rewrite(descriptor, record, data)
        except BaseException:
            if _cut_back(descriptor, record):
                _remove(journal)
            raise
        _remove(journal)
    finally:
        os.close(descriptor)


def _rewrite(descriptor: int, record: Record, data: bytes) -> None:
    end = record.copy_at + len(data)
    if hasattr(os, "posix_fallocate"):
        os.posix_fallocate(descriptor, 0, end)  # no room: fails before a byte is written
    _write_all(descriptor, data, record.copy_at)
    os.fsync(descriptor)
    _write_all(descriptor, data, 0)
    os.ftruncate(descriptor, len(data))
    os.fsync(descriptor)


def _cut_back(descriptor: int, record: Record) -> bool:
    """After a failed step, put the original back; True when the file holds it again."""
    try:
        _write_all(descriptor, record.old, 0)  # over bytes already there: needs no room
        os.ftruncate(descriptor, record.old_size)
        os.fsync(descriptor)
        return _read_all(descriptor) == record.old
    except OSError:
        return False  # the record stays: the next run finishes the job


def finish_interrupted(folders: set[Path], root: Path, limit: int) -> list[str]:
    """Finish or undo every in-place rewrite a killed run left in ``folders``; one message for
    each record found (what was done, or why the file was left alone)."""
    messages = []
    for folder in sorted(folders):
        try:
            with os.scandir(folder) as found:
                entries = [e for e in found if e.name.startswith(JOURNAL_PREFIX)]
        except OSError:
            continue
        for entry in entries:
            journal = Path(entry.path)
            try:
                messages.append(_finish(journal, root, limit))
            except OSError as error:  # the record stays for a run that can write the file
                why = error.strerror or error
                messages.append(f"{journal}: an interrupted fix cannot be finished: {why}")
                continue
            _remove(journal)
    return messages


def _finish(journal: Path, root: Path, limit: int) -> str:
    """What was done about one record (which the caller then removes); OSError when the
    file it names could not be opened or written."""
    record = _read_record(journal, limit)
    if record is None:
        return f"{journal}: not a journal record editlint could have written; removed"
    path = journal.parent / record.name
    if not contained(path, root):
        return f"{journal}: names a file outside the repository; removed, nothing written"
    try:
        descriptor = os.open(path, os.O_RDWR | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return f"{path}: gone; its journal record removed"
    except OSError as error:
        if error.errno in _TRY_AGAIN:
            raise  # not writable now (read-only, another user's): the record waits
        return f"{path}: not a regular file; its journal record removed"
    try:
        _lock(descriptor)
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode) or (info.st_dev, info.st_ino) != (
            record.device,
            record.inode,
        ):
            return f"{path}: another file now; left alone"
        if info.st_size > record.copy_at + record.new_size:
            return f"{path}: {_NO_MATCH}"
        current = _read_all(descriptor)
        return f"{path}: {_settle(descriptor, record, current)}"
    finally:
        os.close(descriptor)


def _settle(descriptor: int, record: Record, current: bytes) -> str:
    """Bring a file left mid-rewrite to the original or the fixed text."""
    digest = _sha(current)
    if digest in (record.old_sha, record.new_sha):
        return "whole; nothing to do"
    copy = current[record.copy_at :]
    if len(copy) == record.new_size and _sha(copy) == record.new_sha:
        front = current[: record.copy_at]
        before = record.old.ljust(record.copy_at, b"\0")
        after = copy + before[record.new_size :]
        if not _each_byte_from(front, before, after):
            return _NO_MATCH
        _write_all(descriptor, copy, 0)  # the file's own copy of the fixed text
        os.ftruncate(descriptor, record.new_size)
        os.fsync(descriptor)
        return "an in-place fix a killed run left half-written was finished"
    if current[: record.old_size] == record.old and not current[
        record.old_size : record.copy_at
    ].strip(b"\0"):
        os.ftruncate(descriptor, record.old_size)  # the copy never completed: cut it off
        os.fsync(descriptor)
        return "an in-place fix a killed run left half-written was undone"
    return _NO_MATCH


def _each_byte_from(current: bytes, before: bytes, after: bytes) -> bool:
    """Whether every byte of ``current`` is the one at its offset in ``before`` or ``after``
    (a write cut short leaves a mix, block by block)."""
    if not len(current) == len(before) == len(after):
        return False
    for start in range(0, len(current), _BLOCK):
        block = current[start : start + _BLOCK]
        old, new = before[start : start + _BLOCK], after[start : start + _BLOCK]
        if block in (old, new):
            continue
        if any(c != o and c != n for c, o, n in zip(block, old, new, strict=True)):
            return False
    return True


def _lock(descriptor: int) -> None:
    if fcntl is not None:
        fcntl.flock(descriptor, fcntl.LOCK_EX)


def _journal_name(info: os.stat_result) -> str:
    return f"{JOURNAL_PREFIX}{info.st_dev}-{info.st_ino}"


def write_record(journal: Path, record: Record) -> None:
    """Write ``record`` at ``journal`` durably (fsynced, renamed into place, folder fsynced)."""
    header = {
        "editlint": "in-place journal",
        "version": 1,
        "name": record.name,
        "device": record.device,
        "inode": record.inode,
        "old_size": record.old_size,
        "new_size": record.new_size,
        "old_sha256": record.old_sha,
        "new_sha256": record.new_sha,
    }
    data = json.dumps(header).encode() + b"\n" + record.old
    temporary = journal.with_name(journal.name + ".tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(temporary, flags, 0o600)
    try:
        _write_all(descriptor, data, 0)
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    os.replace(temporary, journal)  # a link planted at the name is replaced, not followed
    sync_folder(journal.parent)


def _read_record(journal: Path, limit: int) -> Record | None:
    """The record, or None when it is not one editlint could have written (a link, a FIFO,
    too large, a bad header, an original that does not hash to its size and hash)."""
    raw = read_own(journal, limit + _HEADER_LIMIT)
    if raw is None:
        return None
    head, newline, old = raw.partition(b"\n")
    if not newline or len(head) > _HEADER_LIMIT:
        return None
    try:
        header = json.loads(head)
        record = Record(
            name=str(header["name"]),
            device=int(header["device"]),
            inode=int(header["inode"]),
            old_size=int(header["old_size"]),
            new_size=int(header["new_size"]),
            old_sha=str(header["old_sha256"]),
            new_sha=str(header["new_sha256"]),
            old=old,
        )
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    plain_name = record.name not in ("", ".", "..") and "/" not in record.name
    sizes = 0 <= record.new_size <= limit and record.old_size == len(old)
    if not (plain_name and sizes and _sha(old) == record.old_sha):
        return None
    return record


def _read_all(descriptor: int) -> bytes:
    os.lseek(descriptor, 0, os.SEEK_SET)
    chunks = []
    while chunk := os.read(descriptor, 1 << 20):
        chunks.append(chunk)
    return b"".join(chunks)


def _write_all(descriptor: int, data: bytes, offset: int) -> None:
    view = memoryview(data)
    while view:
        written = os.pwrite(descriptor, view, offset)
        view, offset = view[written:], offset + written


def _remove(journal: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(journal)
        sync_folder(journal.parent)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
