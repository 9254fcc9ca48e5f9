"""Apply fixes to a text: by applicability, in order, skipping overlaps, until stable."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from editlint.diagnostics import Applicability, Diagnostic, Edit, Fix
from editlint.fixes.regions import Regions

MAX_PASSES = 10


@dataclass
class FixOutcome:
    """The fixed text, what was applied (per rule code), and where the original changed."""

    text: str
    applied: int
    passes: int
    hit_cap: bool
    by_code: Counter[str] = field(default_factory=Counter)
    regions: Regions = field(default_factory=Regions)


def choose(fixes: Sequence[Fix], length: int) -> list[int]:
    """Indices of the fixes one pass applies: by start, skipping overlaps and invalid edits."""
    accepted: list[int] = []
    taken: list[tuple[int, int]] = []
    order = sorted(range(len(fixes)), key=lambda i: (fixes[i].start, fixes[i].end))
    for index in order:
        spans = [(edit.start, edit.end) for edit in fixes[index].edits]
        if not _valid(spans, length):
            continue
        if any(_overlaps(span, other) for span in spans for other in taken):
            continue
        accepted.append(index)
        taken.extend(spans)
    return accepted


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Replace each (non-overlapping) edit's span; everything else is copied unchanged."""
    pieces = []
    cursor = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces.append(text[cursor : edit.start])
        pieces.append(edit.replacement)
        cursor = edit.end
    pieces.append(text[cursor:])
    return "".join(pieces)


def apply_once(text: str, fixes: Sequence[Fix]) -> tuple[str, int]:
    """Apply non-overlapping fixes in order of their start; return the text and how many."""
    fixes = list(fixes)
    accepted = choose(fixes, len(text))
    edits = [edit for index in accepted for edit in fixes[index].edits]
    return apply_edits(text, edits), len(accepted)


def _valid(spans: list[tuple[int, int]], length: int) -> bool:
    """Every edit lies inside the text, and a fix's own edits do not overlap each other."""
    if any(not 0 <= start <= end <= length for start, end in spans):
        return False
    ordered = sorted(spans)
    return not any(_overlaps(a, b) for a, b in zip(ordered, ordered[1:], strict=False))


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a[0] == a[1] or b[0] == b[1]:  # insertions collide only at the same point or inside
        return b[0] < a[0] < b[1] or a[0] < b[0] < a[1] or a == b
    return a[0] < b[1] and b[0] < a[1]


def wanted(fix: Fix | None, minimum: Applicability) -> bool:
    return fix is not None and fix.applicability.rank >= minimum.rank


def changes(fix: Fix, text: str) -> bool:
    """False for a fix whose edits would leave the text as it is."""
    return any(text[edit.start : edit.end] != edit.replacement for edit in fix.edits)


def fix_text(
    text: str,
    check: Callable[[str], list[Diagnostic]],
    minimum: Applicability = Applicability.SAFE,
    max_passes: int = MAX_PASSES,
) -> FixOutcome:
    """Check, apply what is fixable, and repeat until the text stops changing.

    Overlapping fixes wait for the next pass (the check runs again on the new text).
    ``hit_cap`` is True when the text was still changing after ``max_passes`` passes.
    """
    outcome = FixOutcome(text, 0, 0, False)
    for passes in range(1, max_passes + 1):
        fixable = _fixable(check(text), text, minimum)
        accepted = [fixable[i] for i in choose([d.fix for d in fixable], len(text))]
        if not accepted:
            outcome.passes = passes - 1
            return outcome
        edits = [edit for d in accepted for edit in d.fix.edits]
        text = apply_edits(text, edits)
        outcome.regions.record(edits)
        outcome.text = text
        outcome.applied += len(accepted)
        outcome.by_code.update(d.code for d in accepted)
        outcome.passes = passes
    outcome.hit_cap = bool(_fixable(check(text), text, minimum))
    return outcome


def _fixable(diagnostics: list[Diagnostic], text: str, minimum: Applicability) -> list[Diagnostic]:
    """Diagnostics whose fix is wanted, fits inside ``text`` and would change it."""
    return [
        d
        for d in diagnostics
        if wanted(d.fix, minimum)
        and _valid([(edit.start, edit.end) for edit in d.fix.edits], len(text))
        and changes(d.fix, text)
    ]
