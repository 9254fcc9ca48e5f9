"""Text from a repository made safe to show: file names that are not UTF-8, and control
characters (terminal escape sequences) from file names and articles.

A repository names its files and writes its articles; neither may retitle a terminal, clear
the screen or break a report's encoding. Reports keep the data (machine formats escape what
their syntax needs); whatever reaches a terminal goes through ``terminal_safe``.
"""

from __future__ import annotations

import re

#: C0 controls but tab, line feed and carriage return; DEL; C1 controls (U+009B is a CSI).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: Every control character, line breaks and tabs included (for names on one line).
_ANY_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable_path(name: str) -> str:
    """A file name as valid UTF-8 text on one line: the bytes of a name that is not UTF-8
    (which Python holds as surrogate escapes, and no UTF-8 output can encode) and control
    characters shown as ``\\xe9``, as Python's ``backslashreplace`` does."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    if _ANY_CONTROL.search(name):
        name = _ANY_CONTROL.sub(lambda found: f"\\x{ord(found.group()):02x}", name)
    return name


def terminal_safe(text: str) -> str:
    """``text`` with control characters (but tab and line breaks) shown as U+FFFD, and any
    surrogate escape (a byte that is not UTF-8) too: safe to write to a terminal."""
    text = CONTROL.sub("\ufffd", text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        text = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return text
