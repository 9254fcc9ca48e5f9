"""Swap two names atomically (Linux ``renameat2`` with ``RENAME_EXCHANGE``).

A fix replaces a file only if it is still the one read. Checking and then renaming leaves a
moment in which another process's edit lands and is then replaced; exchanging the fixed file
with the original first, then checking what was swapped out (and swapping back if it is not
what was read) leaves none: the edit is either in the file swapped out, or comes after the
swap. Where the call is missing (another system, an old C library) or the file system refuses
it, ``exchange`` says so and the caller falls back to check-then-rename.
"""

from __future__ import annotations

import ctypes
import errno
import os
from pathlib import Path

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2
#: errno values that mean "no atomic exchange here", not "this exchange failed".
_UNSUPPORTED = {errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.EXDEV}


def _renameat2():
    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p]
    function.argtypes += [ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def exchange(first: str | Path, second: str | Path) -> bool:
    """Swap what ``first`` and ``second`` name, atomically; False where this cannot be done.

    Raises OSError for any other failure (a name missing, no permission)."""
    function = _renameat2()
    if function is None:
        return False
    result = function(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    code = ctypes.get_errno()
    if code in _UNSUPPORTED:
        return False
    raise OSError(code, os.strerror(code), str(first))
