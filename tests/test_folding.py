"""One finding per problem: related findings on one span are folded into one."""

import editlint
from editlint.diagnostics import Category, Diagnostic, Fix, Severity
from editlint.engine.folding import fold_related


def finding(code, start, end, severity=Severity.WARNING, category=Category.NEUTRALITY, fix=None):
    return Diagnostic(code, f"{code} message", start, end, severity, category, fix)


def test_two_neutrality_rules_on_one_phrase_become_one_finding_naming_both():
    # "Many observers": an unnamed crowd of view-holders (NEU201) taking a stance (NEU203)
    text = "Many observers opposed the bridge from the start.\n"
    found = editlint.check_text(text, path="article.md", config={"select": ["NEU2"]})
    assert [(d.code, d.start, d.end) for d in found] == [("NEU201", 0, 14)]
    assert found[0].message.endswith("(also NEU203)")
    assert found[0].data["related"] == ["NEU203"]


def test_the_more_severe_finding_is_kept_and_takes_the_folded_fix():
    fix = Fix.replace(0, 4, "")
    kept = fold_related(
        [
            finding("NEU202", 0, 10, Severity.INFO, fix=fix),
            finding("NEU201", 2, 8, Severity.WARNING),
        ]
    )
    assert [(d.code, d.start, d.end) for d in kept] == [("NEU201", 2, 8)]
    assert kept[0].fix is fix
    assert kept[0].message == "NEU201 message (also NEU202)"


def test_findings_of_other_categories_or_apart_are_kept():
    findings = [
        finding("NEU101", 0, 10),
        finding("SRC103", 0, 40, category=Category.UNSOURCED),
        finding("NEU101", 10, 15),
        finding("BAL104", 12, 30, category=Category.COUNTER_PERSPECTIVE),
    ]
    assert fold_related(list(findings)) == findings


def test_a_named_cross_category_pair_is_folded():
    kept = fold_related(
        [
            finding("BAL103", 0, 30, Severity.ERROR, Category.COUNTER_PERSPECTIVE),
            finding("NEU501", 5, 30, Severity.ERROR),
        ]
    )
    assert [(d.code, d.data["related"]) for d in kept] == [("NEU501", ["BAL103"])]


def test_a_view_given_to_no_one_and_its_uncited_sentence_are_one_finding():
    # naming and citing the historians is the fix for both the weasel words and the sentence
    text = (
        "The treaty was signed in 1919 by four powers.[^1]\n\n## Legacy\n\n"
        "Many historians argue that the treaty caused the war of 1939 and ruined the economy"
        " of the region.\n\n[^1]: Roe, Treaties, 1999.\n"
    )
    found = editlint.check_text(text, path="article.md")
    assert [(d.code, d.start, d.end, d.data["related"]) for d in found] == [
        ("NEU201", 62, 77, ["SRC103"])
    ]
    assert text[62:77] == "Many historians"
