"""Where a report goes: standard output, or the ``--output`` file, written as the run goes.

The file is written under a temporary name beside it and renamed into place once the report is
complete: a run that stops early (an error, an interrupt) leaves the file as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from editlint.errors import UsageError
from editlint.printable import terminal_safe


class TerminalSafe:
    """A text stream that shows control characters as U+FFFD (``printable.terminal_safe``)."""

    def __init__(self, out: IO[str]) -> None:
        self._out = out

    def write(self, text: str) -> int:
        return self._out.write(terminal_safe(text))


@contextlib.contextmanager
def report_output(path: Path | None, safe: bool = False) -> Iterator[IO[str]]:
    """``path`` (a new file put in place on success), else standard output (``safe``: made
    safe for a terminal)."""
    if path is None:
        yield TerminalSafe(sys.stdout) if safe else sys.stdout  # type: ignore[misc]
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        # Created as open() would create the file (permissions by the umask).
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise UsageError(f"cannot write the report: {error.strerror}", path) from None
    try:
        with open(handle, "w", encoding="utf-8") as out:
            yield out
        with contextlib.suppress(OSError):  # an existing report keeps its permissions
            os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
