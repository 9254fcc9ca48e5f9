"""Inline suppression comments and front-matter ignores.

Each comment becomes a range of offsets with the codes (or code prefixes; ``None``: every code)
it switches off. For matching, the ranges are merged per prefix into sorted, disjoint intervals,
so a finding is looked up with a binary search per prefix of its code: checking n findings
against m comments costs about (n + m) log m, not n * m.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cached_property

from editlint.diagnostics import Diagnostic
from editlint.document import Document

_COMMENT = re.compile(
    r"<!--\s*editlint-(disable-next-line|disable-line|disable|enable)\b([^>]*?)-->"
)
_CODES = re.compile(r"[A-Z]{2,6}[0-9]*")


@dataclass
class Suppressions:
    """Ranges of offsets where codes (or all codes, ``None``) are switched off."""

    ranges: list[tuple[int, int, frozenset[str] | None]] = field(default_factory=list)
    file_codes: tuple[str, ...] = ()

    def suppresses(self, diagnostic: Diagnostic) -> bool:
        code = diagnostic.code
        if any(code.startswith(prefix) for prefix in self.file_codes):
            return True
        spans = self._spans
        if not spans:
            return False
        offset = diagnostic.start
        keys = (None, *(code[:length] for length in range(1, len(code) + 1)))
        return any(key in spans and spans[key].contains(offset) for key in keys)

    @cached_property
    def _spans(self) -> dict[str | None, _Intervals]:
        """The ranges, merged per prefix (``None``: every code)."""
        by_key: dict[str | None, list[tuple[int, int]]] = {}
        for start, end, codes in self.ranges:
            if start < end:
                for key in (None,) if codes is None else codes:
                    by_key.setdefault(key, []).append((start, end))
        return {key: _Intervals(pairs) for key, pairs in by_key.items()}


class _Intervals:
    """Half-open intervals merged into sorted, disjoint ones, for binary search."""

    def __init__(self, pairs: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(pairs):
            if self.ends and start <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def contains(self, offset: int) -> bool:
        position = bisect_right(self.starts, offset) - 1
        return position >= 0 and offset < self.ends[position]


def find_suppressions(document: Document, file_ignores: list[str]) -> Suppressions:
    text = document.text
    lines = document.lines
    suppressions = Suppressions(file_codes=tuple(file_ignores))
    open_ranges: dict[frozenset[str] | None, int] = {}
    for match in _COMMENT.finditer(text):
        action = match.group(1)
        codes = frozenset(_CODES.findall(match.group(2))) or None
        line, _ = lines.position(match.start())
        if action == "disable-next-line":
            start = lines.line_start(line + 1)
            suppressions.ranges.append((start, lines.line_end(line + 1) + 1, codes))
        elif action == "disable-line":
            suppressions.ranges.append((lines.line_start(line), lines.line_end(line) + 1, codes))
        elif action == "disable":
            open_ranges.setdefault(codes, match.end())
        else:
            _close(suppressions, open_ranges, codes, match.start())
    for codes, start in open_ranges.items():
        suppressions.ranges.append((start, len(text) + 1, codes))
    return suppressions


def _close(suppressions: Suppressions, open_ranges: dict, codes, end: int) -> None:
    if codes is None:
        for open_codes, start in list(open_ranges.items()):
            suppressions.ranges.append((start, end, open_codes))
        open_ranges.clear()
        return
    start = open_ranges.pop(codes, None)
    if start is not None:
        suppressions.ranges.append((start, end, codes))
