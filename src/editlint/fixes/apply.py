"""Apply fixes to a text: by applicability, in order, skipping overlaps, until stable."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from editlint.diagnostics import Applicability, Diagnostic, Edit, Fix

MAX_PASSES = 10


@dataclass
class FixOutcome:
    text: str
    applied: int
    passes: int
    hit_cap: bool


def apply_once(text: str, fixes: Iterable[Fix]) -> tuple[str, int]:
    """Apply non-overlapping fixes in order of their start; return the text and how many."""
    accepted: list[Fix] = []
    taken: list[tuple[int, int]] = []
    for fix in sorted(fixes, key=lambda f: (f.start, f.end)):
        spans = [(edit.start, edit.end) for edit in fix.edits]
        if any(_overlaps(span, other) for span in spans for other in taken):
            continue
        accepted.append(fix)
        taken.extend(spans)
    edits: list[Edit] = sorted(
        (edit for fix in accepted for edit in fix.edits), key=lambda e: (e.start, e.end)
    )
    pieces = []
    cursor = 0
    for edit in edits:
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces), len(accepted)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # insertions collide only at the same point or inside
        return b[0] < a[0] < b[1] or a[0] < b[0] < a[1] or a == b
    return a[0] < b[1] and b[0] < a[1]


def wanted(fix: Fix | None, minimum: Applicability) -> bool:
    return fix is not None and fix.applicability.rank >= minimum.rank


def fix_text(
    text: str,
    check: Callable[[str], list[Diagnostic]],
    minimum: Applicability = Applicability.SAFE,
    max_passes: int = MAX_PASSES,
) -> FixOutcome:
    """Check, apply what is fixable, and repeat until the text stops changing."""
    applied = 0
    for passes in range(1, max_passes + 1):
        fixes = [d.fix for d in check(text) if wanted(d.fix, minimum)]
        if not fixes:
            return FixOutcome(text, applied, passes - 1, False)
        new_text, count = apply_once(text, fixes)
        applied += count
        if new_text == text:
            return FixOutcome(text, applied, passes, False)
        text = new_text
    return FixOutcome(text, applied, max_passes, True)
