"""Inline suppression comments and front-matter ignores."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
        for start, end, codes in self.ranges:
            if start <= diagnostic.start < end and (
                codes is None or any(code.startswith(c) for c in codes)
            ):
                return True
        return False


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

