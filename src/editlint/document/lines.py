"""Offsets to 1-based line and column numbers, counted in characters."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right

_LONE_CR = re.compile(r"\r(?!\n)")


class LineIndex:
    """Maps character offsets of a text to (line, column), both 1-based.

    Line starts are kept in a machine-integer array (8 bytes a line, not 36): reports keep
    one index per file with findings. A line ends at a line feed, or at a carriage return not
    followed by one (old Mac line endings), as in CommonMark.
    """

    __slots__ = ("_starts", "_length")

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        position = find("\n")
        while position != -1:
            starts.append(position + 1)
            position = find("\n", position + 1)
        if "\r" in text:
            lone = [match.end() for match in _LONE_CR.finditer(text)]
            if lone:
                starts = sorted(starts + lone)
        self._starts = array("q", starts)
        self._length = len(text)

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, self._length))
        line = bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based ``line``."""
        return self._starts[max(0, min(line - 1, len(self._starts) - 1))]

    def line_end(self, line: int) -> int:
        """Offset just past the last character of 1-based ``line`` (before its newline)."""
        if line < len(self._starts):
            return self._starts[line] - 1
        return self._length
