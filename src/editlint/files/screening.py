"""Input checks before parsing: what a file must be for editlint to read it at all.

Each refusal is one ``input`` finding for that file (code, message, offset); the run goes on.
The content index reads articles through ``read_text`` too.
"""

from __future__ import annotations

import os
import re
import stat
from functools import lru_cache
from pathlib import Path

UNREADABLE_CODE = "INP001"
NOT_UTF8_CODE = "INP002"
UNPARSABLE_CODE = "INP003"
EMPTY_CODE = "INP004"
BINARY_CODE = "INP005"
TOO_LARGE_CODE = "INP006"
LONG_LINE_CODE = "INP007"

DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024
DEFAULT_MAX_LINE_LENGTH = 100_000

Refusal = tuple[str, str, int]  # (code, message, offset into the text)


def read_text(path: Path, max_size: int, root: Path) -> str | Refusal:
    """The text of a regular UTF-8 file of at most ``max_size`` bytes, or why not."""
    raw = read_bytes(path, max_size, root)
    return raw if isinstance(raw, tuple) else decode(raw)


def read_bytes(path: Path, max_size: int, root: Path) -> bytes | Refusal:
    """The bytes of a regular file of at most ``max_size`` bytes, or why not."""
    refusal = refuse_path(path, max_size, root)
    if refusal is not None:
        return refusal
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_size + 1)  # the file may grow after stat
    except OSError as error:
        return UNREADABLE_CODE, f"cannot read file: {error.strerror or error}", 0
    if len(raw) > max_size:
        return _too_large(len(raw), max_size)
    return raw


def decode(raw: bytes) -> str | Refusal:
    """UTF-8 text (a byte-order mark dropped), or where it is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        byte = raw[error.start]
        message = f"not UTF-8 text: byte 0x{byte:02x} at line {line}, column {column}"
        return NOT_UTF8_CODE, message, 0


def refuse_path(path: Path, max_size: int, root: Path) -> Refusal | None:
    """Why ``path`` must not be opened, or None.

    A file inside ``root`` (the repository: the config's folder) that links to something
    outside it is not followed: a hostile repository must not get ``~/.ssh/id_rsa`` quoted in
    a CI log.

    Devices, FIFOs and sockets (also behind symlinks) are refused before opening, so a
    repository can't make editlint read ``/dev/zero`` or wait on a pipe; the size is checked
    before reading.
    """
    if _leaves(path, root):
        return UNREADABLE_CODE, "not followed: a symbolic link out of the repository", 0
    try:
        info = path.stat()
    except OSError as error:
        return UNREADABLE_CODE, f"cannot read file: {error.strerror or error}", 0
    if not stat.S_ISREG(info.st_mode):
        return UNREADABLE_CODE, "cannot read file: not a regular file", 0
    if info.st_size > max_size:
        return _too_large(info.st_size, max_size)
    return None


def _leaves(path: Path, root: Path) -> bool:
    """Whether ``path`` lies in ``root`` by name but, through a link, leads out of it."""
    absolute_root = os.path.abspath(root)
    absolute = os.path.abspath(path)
    if not _inside(absolute, absolute_root):
        return False
    try:
        if ".." not in Path(path).parts and not _link_below(absolute, absolute_root):
            return False  # no link between the repository and the file: it cannot leave
        return not _inside(os.path.realpath(path, strict=True), _real(absolute_root))
    except (OSError, RuntimeError):  # missing, or a link loop: reading it reports why
        return False


def _link_below(absolute: str, root: str) -> bool:
    """Whether a folder under ``root`` on the way to ``absolute``, or the file, is a link."""
    below = absolute[len(root.rstrip(os.sep)) :].split(os.sep)
    step = root.rstrip(os.sep)
    for name in below[1:]:
        step = f"{step}{os.sep}{name}"
        if stat.S_ISLNK(os.lstat(step).st_mode):
            return True
    return False


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


@lru_cache(maxsize=64)
def _real(folder: str) -> str:
    """The real path of the repository folder, worked out once per run, not once per file."""
    return os.path.realpath(folder)


def screen_text(text: str, max_size: int, max_line_length: int) -> Refusal | None:
    """Why ``text`` is not checked (binary, empty, too large, a line too long), or None."""
    nul = text.find("\0")
    if nul != -1:
        return BINARY_CODE, "binary file (contains NUL bytes); not checked", nul
    if not text.strip():
        return EMPTY_CODE, "empty file: there is no article text to check", 0
    if len(text) > max_size // 4:  # only then can the UTF-8 size exceed the limit
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > max_size:
            return _too_large(size, max_size)
    if len(text) > max_line_length:
        offset = 0
        for end in (*(match.start() for match in _LINE_BREAK.finditer(text)), len(text)):
            if end - offset > max_line_length:
                return (
                    LONG_LINE_CODE,
                    f"line is {end - offset:,} characters long, over the limit of "
                    f"{max_line_length:,} (max_line_length); not checked",
                    offset,
                )
            offset = end + 1
    return None


#: Where a line ends: a line feed, or a carriage return not followed by one (CommonMark).
_LINE_BREAK = re.compile(r"\n|\r(?!\n)")


def _too_large(size: int, max_size: int) -> Refusal:
    return (
        TOO_LARGE_CODE,
        f"file is {size:,} bytes, over the limit of {max_size:,} (max_file_size); not checked",
        0,
    )
