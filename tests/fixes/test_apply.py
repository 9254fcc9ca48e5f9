"""The fix engine on exact texts: order, overlaps, passes, the cap, changed regions."""

from __future__ import annotations

from editlint.diagnostics import Applicability, Category, Diagnostic, Edit, Fix, Severity
from editlint.fixes.apply import apply_once, choose, fix_text
from editlint.fixes.regions import Regions


def _diagnostic(fix: Fix, code: str = "TST101") -> Diagnostic:
    return Diagnostic(code, "m", fix.start, fix.end, Severity.WARNING, Category.NEUTRALITY, fix)


def test_overlapping_fix_waits_and_invalid_edits_are_skipped():
    fixes = [
        Fix.replace(4, 9, "X"),  # "quick"
        Fix.replace(6, 12, "Y"),  # overlaps the first
        Fix.replace(0, 3, "A"),
        Fix.replace(10, 99, "Z"),  # past the end of the text
        Fix((Edit(0, 2, "a"), Edit(1, 3, "b"))),  # its own edits overlap
    ]
    assert choose(fixes, len("the quick fox")) == [2, 0]
    assert apply_once("the quick fox", fixes) == ("A X fox", 2)


def test_insertions_at_one_point_collide_but_touching_replacements_do_not():
    fixes = [
        Fix.replace(3, 3, "!"),
        Fix.replace(3, 3, "?"),
        Fix.replace(0, 3, "abc"),
        Fix.replace(3, 5, ""),
    ]
    assert apply_once("xyz12", fixes) == ("abc!", 3)


def test_passes_repeat_until_stable_and_count_per_code():
    def check(text: str) -> list[Diagnostic]:  # "aa" -> "a", one pair per finding, overlapping
        return [
            _diagnostic(Fix.replace(i, i + 2, "a"), "TST1")
            for i in range(len(text) - 1)
            if text[i : i + 2] == "aa"
        ]

    outcome = fix_text("aaaaaaaa", check)
    assert outcome.text == "a"
    assert (outcome.passes, outcome.applied, outcome.hit_cap) == (3, 7, False)
    assert outcome.by_code == {"TST1": 7}


def test_unsafe_fixes_only_when_asked_and_display_only_never():
    def check(text: str) -> list[Diagnostic]:
        fixes = [
            Fix.replace(0, 1, "S", Applicability.SAFE),
            Fix.replace(1, 2, "U", Applicability.UNSAFE),
            Fix.replace(2, 3, "D", Applicability.DISPLAY_ONLY),
        ]
        return [_diagnostic(fix) for fix in fixes if text[fix.start] != fix.edits[0].replacement]

    assert fix_text("abc", check).text == "Sbc"
    assert fix_text("abc", check, Applicability.UNSAFE).text == "SUc"


def test_rules_that_undo_each_other_hit_the_cap():
    def check(text: str) -> list[Diagnostic]:
        return [_diagnostic(Fix.replace(0, 1, "b" if text[0] == "a" else "a"))]

    outcome = fix_text("a-tail", check, max_passes=3)
    assert (outcome.text, outcome.passes, outcome.hit_cap) == ("b-tail", 3, True)


def test_a_fix_that_changes_nothing_is_not_applied():
    outcome = fix_text("same", lambda text: [_diagnostic(Fix.replace(0, 4, "same"))])
    assert (outcome.text, outcome.applied, outcome.passes) == ("same", 0, 0)


def test_regions_map_changes_across_passes():
    regions = Regions()
    regions.record([Edit(2, 4, "XYZ"), Edit(8, 8, "++")])  # "abcdefghij" -> "abXYZefgh++ij"
    regions.record([Edit(3, 5, "")])  # -> "abXefgh++ij": inside the first region
    regions.record([Edit(0, 1, "Q")])  # -> "QbXefgh++ij"
    spans = [(r.start, r.end, r.new_start, r.new_end) for r in regions.items]
    assert spans == [(0, 1, 0, 1), (2, 4, 2, 3), (8, 8, 7, 9)]
    pairs = regions.unchanged(len("abcdefghij"), len("QbXefgh++ij"))
    assert ["abcdefghij"[o] for o, _ in pairs] == ["", "b", "efgh", "ij"]
    assert ["QbXefgh++ij"[n] for _, n in pairs] == ["", "b", "efgh", "ij"]
