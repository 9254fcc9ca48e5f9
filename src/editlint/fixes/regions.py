"""Where fixing changed a text: spans of the original and the matching spans of the result."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from editlint.diagnostics import Edit


@dataclass(frozen=True, slots=True)
class Region:
    """``original[start:end]`` became ``current[new_start:new_end]``."""

    start: int
    end: int
    new_start: int
    new_end: int


class Regions:
    """Disjoint, sorted changed regions, kept up to date across fixing passes."""

    def __init__(self) -> None:
        self.items: list[Region] = []

    def record(self, edits: Iterable[Edit]) -> None:
        """Add one pass of non-overlapping edits, given in the current text's offsets."""
        spans = [(r.new_start, r.new_end, 0, r) for r in self.items]
        spans += [(e.start, e.end, len(e.replacement) - (e.end - e.start), None) for e in edits]
        spans.sort(key=lambda span: (span[0], span[1]))
        groups: list[list] = []  # [start, end, growth, regions] in the current text
        for start, end, growth, region in spans:
            if groups and start <= groups[-1][1]:
                group = groups[-1]
                group[1] = max(group[1], end)
                group[2] += growth
            else:
                group = [start, end, growth, []]
                groups.append(group)
            if region is not None:
                group[3].append(region)
        merged = []
        shift = 0
        for start, end, growth, regions in groups:
            first = regions[0] if regions else None
            last = max(regions, key=lambda r: r.new_end) if regions else None
            at_start = first is not None and first.new_start == start
            at_end = last is not None and last.new_end == end
            original_start = first.start if at_start else self._original(start)
            original_end = last.end if at_end else self._original(end)
            merged.append(Region(original_start, original_end, start + shift, end + shift + growth))
            shift += growth
        self.items = merged

    def _original(self, offset: int) -> int:
        """The original offset of a current offset that lies outside every region."""
        before = [r for r in self.items if r.new_end <= offset]
        if not before:
            return offset
        return offset - before[-1].new_end + before[-1].end

    def unchanged(self, original_length: int, current_length: int) -> list[tuple[slice, slice]]:
        """Pairs of (original, current) slices that fixing left untouched."""
        pairs = []
        before = after = 0
        for region in self.items:
            pairs.append((slice(before, region.start), slice(after, region.new_start)))
            before, after = region.end, region.new_end
        pairs.append((slice(before, original_length), slice(after, current_length)))
        return pairs
