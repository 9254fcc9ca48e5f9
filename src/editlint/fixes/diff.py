"""A unified diff of what fixing would change, in the style of ``git diff``."""

from __future__ import annotations

import difflib

_NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(label: str, original: str, fixed: str, context: int = 3) -> str:
    """The diff from ``original`` to ``fixed`` ('' when equal); line endings are kept."""
    if original == fixed:
        return ""
    lines = difflib.unified_diff(
        _lines(original),
        _lines(fixed),
        fromfile=f"a/{label}",
        tofile=f"b/{label}",
        n=context,
    )
    out = []
    for line in lines:
        if line.endswith("\n"):
            out.append(line)
        else:  # the last line of a text without a final newline
            out.append(line + "\n" + _NO_NEWLINE)
    return "".join(out)


def _lines(text: str) -> list[str]:
    """Split after each "\\n" only (not at the other breaks ``str.splitlines`` knows)."""
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]
    return lines if lines[-1] else lines[:-1]
