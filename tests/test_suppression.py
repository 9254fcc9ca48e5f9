"""Inline suppression comments and front-matter ignores."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editlint.config.model import Config, LoadedConfig
from editlint.diagnostics import Category, Diagnostic, Severity
from editlint.document import parse_document
from editlint.engine.runner import Checker, SelectionOverrides
from editlint.engine.suppression import Suppressions, find_suppressions


def codes_at(text: str, tmp_path) -> list[tuple[str, int]]:
    checker = Checker(LoadedConfig(Config(), None, tmp_path), SelectionOverrides(select=["NEU101"]))
    result = checker.check_text(text)
    return [(d.code, text[: d.start].count("\n") + 1) for d in result.diagnostics]


def test_disable_next_line(tmp_path):
    text = (
        "A legendary x.\n<!-- editlint-disable-next-line NEU101 -->\n"
        "A legendary y.\nA legendary z.\n"
    )
    assert codes_at(text, tmp_path) == [("NEU101", 1), ("NEU101", 4)]


def test_disable_enable_range_by_prefix(tmp_path):
    text = (
        "<!-- editlint-disable NEU -->\n\nA legendary x.\n\n"
        "<!-- editlint-enable NEU -->\n\nA legendary y.\n"
    )
    assert codes_at(text, tmp_path) == [("NEU101", 7)]


def test_disable_without_codes_disables_all(tmp_path):
    text = "<!-- editlint-disable -->\n\nA legendary x.\n"
    assert codes_at(text, tmp_path) == []


def test_front_matter_ignore(tmp_path):
    text = "---\neditlint:\n  ignore: [NEU101]\n---\n\nA legendary x.\n"
    assert codes_at(text, tmp_path) == []


def test_other_codes_are_not_suppressed(tmp_path):
    text = "<!-- editlint-disable-next-line SEE101 -->\nA legendary x.\n"
    assert codes_at(text, tmp_path) == [("NEU101", 2)]


SUPPRESSION_LINES = [
    "A legendary x.",
    "",
    "<!-- editlint-disable-next-line NEU101 -->",
    "<!-- editlint-disable-line -->",
    "B <!-- editlint-disable-line SRC NEU1 --> c",
    "<!-- editlint-disable NEU -->",
    "<!-- editlint-disable -->",
    "<!-- editlint-disable NEU101 SRC101 -->",
    "<!-- editlint-enable NEU -->",
    "<!-- editlint-enable -->",
    "<!-- editlint-enable NEU101 SRC101 -->",
    "<!-- editlint-disable-next-line -->",
]
FINDING_CODES = ["NEU101", "NEU102", "NEU2", "SRC101", "BAL101", "N"]


def _scan_every_range(suppressions: Suppressions, diagnostic: Diagnostic) -> bool:
    """The plain definition: some range holds the finding's start and covers its code."""
    code = diagnostic.code
    if any(code.startswith(prefix) for prefix in suppressions.file_codes):
        return True
    return any(
        start <= diagnostic.start < end
        and (codes is None or any(code.startswith(prefix) for prefix in codes))
        for start, end, codes in suppressions.ranges
    )


@settings(max_examples=300, deadline=None)
@given(
    lines=st.lists(st.sampled_from(SUPPRESSION_LINES), max_size=30),
    findings=st.lists(
        st.tuples(st.integers(0, 1), st.integers(0, 1000), st.sampled_from(FINDING_CODES)),
        max_size=30,
    ),
    file_codes=st.lists(st.sampled_from(["SRC", "BAL101"]), max_size=1),
)
def test_suppression_lookup_agrees_with_a_scan_of_every_range(lines, findings, file_codes):
    text = "\n".join(lines) + "\n"
    suppressions = find_suppressions(parse_document(text), file_codes)
    for fraction, offset, code in findings:  # offsets anywhere in the text and just past it
        start = offset % (len(text) + 2) if fraction else offset
        diagnostic = Diagnostic(code, "m", start, start, Severity.INFO, Category.NEUTRALITY)
        assert suppressions.suppresses(diagnostic) is _scan_every_range(suppressions, diagnostic)


def test_every_third_line_disabled_by_the_line_before_it():
    lines = [
        "<!-- editlint-disable-next-line NEU101 -->" if number % 3 == 0 else "x."
        for number in range(3000)
    ]
    text = "\n".join(lines) + "\n"
    suppressions = find_suppressions(parse_document(text), [])
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)

    def suppressed(code: str) -> list[int]:
        return [
            number
            for number, start in enumerate(starts[:-1])
            if suppressions.suppresses(
                Diagnostic(code, "m", start, start + 1, Severity.INFO, Category.NEUTRALITY)
            )
        ]

    assert suppressed("NEU101") == list(range(1, 3000, 3))
    assert suppressed("NEU102") == []
