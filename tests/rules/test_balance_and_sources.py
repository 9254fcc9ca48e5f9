"""Counter-perspective (BAL) and unsourced (SRC) rules on whole articles, and two rules at once.

A rule's own cases (flagged, not flagged, fixed) are in tests/fixtures/rules/; its examples are
run by tests/authoring/test_rule_examples.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import ROOT
from editlint.config.model import Config, LoadedConfig
from editlint.diagnostics import Applicability
from editlint.document.lines import LineIndex
from editlint.engine.runner import Checker, SelectionOverrides
from editlint.fixes.apply import fix_text

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"


def checker(root: Path, select: list[str] | None = None, rules: dict | None = None) -> Checker:
    loaded = LoadedConfig(Config(rules=rules or {}), None, root)
    return Checker(loaded, SelectionOverrides(select=select or ["BAL", "SRC"]))


def findings(path: Path, select: list[str] | None = None, rules: dict | None = None):
    result = checker(path.parent, select, rules).check_file(path)
    lines = LineIndex(result.text or "")
    return [(d.code, *lines.position(d.start), d) for d in result.diagnostics]


def test_seed_counter_perspective_findings(seed_path):
    found = [(code, line, column) for code, line, column, _ in findings(seed_path, ["BAL"])]
    assert found == [
        ("BAL103", 13, 93),  # "From a center-right vantage, ..." in the narrator's voice
        ("BAL104", 57, 1),  # the debate section's balance summary
        ("BAL101", 57, 27),  # "(from a center-right perspective)"
        ("BAL103", 65, 165),  # bullet 4: "From a center-right view, ..." settles the debate
        ("BAL103", 69, 90),  # bullet 6: "a center-right perspective often stresses ..."
    ]


def test_seed_bullets_with_both_sides_are_not_flagged(seed_path):
    bullet_lines = [59, 61, 63, 65, 67, 69]
    text = seed_path.read_text(encoding="utf-8").splitlines()
    assert all(text[line - 1].lstrip().startswith("•") for line in bullet_lines)
    flagged = {line for code, line, _, _ in findings(seed_path, ["BAL"]) if line in bullet_lines}
    assert flagged == {65, 69}


def test_seed_balance_summary_message(seed_path):
    summary = [d for code, *_, d in findings(seed_path, ["BAL104"])]
    assert [d.message for d in summary] == [
        "'Debates and controversies (from a center-right perspective)': 4 of 6 items give more "
        "than one side's view; items 4 (line 65) and 6 (line 69) do not"
    ]


def test_seed_cites_nothing_one_finding(seed_path):
    """An article that cites nothing is one problem: SRC101, not a finding per claim."""
    found = findings(seed_path, ["SRC"])
    assert [(code, line, column) for code, line, column, _ in found] == [("SRC101", 1, 1)]


UNCITED = {"SRC103": {"in_uncited_articles": True}}


def test_seed_unsourced_findings(seed_path):
    found = findings(seed_path, ["SRC"], UNCITED)
    assert [(code, line, column) for code, line, column, _ in found if code == "SRC101"] == [
        ("SRC101", 1, 1)
    ]
    dated = {
        (line, column, d.message.split("'")[1])
        for code, line, column, d in found
        if code == "SRC103" and "date of an event" in d.message
    }
    assert dated == {(11, 232, "2008"), (13, 1, "2022")}
    assert {code for code, *_ in found} == {"SRC101", "SRC103"}
    # the list item of line 61 is read only when list items are asked for
    with_items = {"SRC103": {**UNCITED["SRC103"], "list_items": True}}
    lines = {line for code, line, _, _ in findings(seed_path, ["SRC103"], with_items)}
    assert 61 in lines and 61 not in {line for _, line, _, _ in found}


def test_seed_citation_marker_fix_is_exact(seed_path):
    text = seed_path.read_text(encoding="utf-8")
    check = checker(seed_path.parent, ["SRC103"], UNCITED)
    fixed = fix_text(
        text, lambda t: check.check_text(t, seed_path).diagnostics, Applicability.UNSAFE
    )
    sentence = (
        "The 2008 war with Georgia and the 2014 annexation of Crimea signaled a willingness to use"
    )
    assert fixed.text.count("[citation needed]") == len(
        check.check_text(text, seed_path).diagnostics
    )
    assert (
        "reshape the security map of eastern Europe.[citation needed] In the Middle East"
        in fixed.text
    )
    assert sentence in fixed.text
    assert check.check_text(fixed.text, seed_path).diagnostics == []


DEMO = sorted(
    path
    for path in (ROOT / "content").glob("*.md")
    if path.name != "foreign-relations-of-russia.md"
)


@pytest.mark.parametrize("path", DEMO, ids=[path.stem for path in DEMO])
def test_balanced_cited_demo_articles_have_no_findings(path):
    assert [(code, line, d.message) for code, line, _, d in findings(path)] == []


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.md")), ids=lambda path: path.stem)
def test_balanced_cited_test_articles_have_no_findings(path):
    assert [(code, line, d.message) for code, line, _, d in findings(path)] == []


def test_a_paragraph_reported_whole_is_not_split_into_claims(tmp_path):
    """SRC102 and SRC103 on one uncited paragraph would be two findings for one problem."""
    paragraph = (
        "The mill was built in 1931 by the two brothers who owned the farm, and it ground wheat"
        " and barley for the bakers of three valley towns until the river changed its course"
        " and the great wheel stopped turning for good."
    )
    text = f"## History\n\nIt opened.[^1]\n\n{paragraph}\n\n[^1]: Mill ledger.\n"
    path = tmp_path / "mill.md"
    both = checker(tmp_path, ["SRC102", "SRC103"]).check_text(text, path).diagnostics
    assert [d.code for d in both] == ["SRC102"]
    alone = checker(tmp_path, ["SRC103"]).check_text(text, path).diagnostics
    assert [d.code for d in alone] == ["SRC103"]
