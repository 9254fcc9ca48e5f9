"""The ``full`` report's excerpt: a span over several lines is underlined on every line."""

from __future__ import annotations

from editlint.diagnostics import Category, Diagnostic, Severity
from editlint.engine.runner import FileResult
from editlint.report import RunReport, render


def _full(tmp_path, text: str, start: int, end: int) -> str:
    diagnostic = Diagnostic("SRC101", "Unsourced.", start, end, Severity.INFO, Category.UNSOURCED)
    report = RunReport([FileResult(tmp_path / "a.md", text, [diagnostic])], cwd=tmp_path)
    report.quiet = True
    return render(report, "full")


def test_a_span_over_three_lines_is_underlined_on_each_line(tmp_path):
    text = "# A\n\nThe quay was built\nin 1850 and rebuilt\nin 1901.\n"
    start = text.index("quay")
    end = text.index("1901") + 4
    assert _full(tmp_path, text, start, end) == (
        "a.md:3:5: SRC101 [info] Unsourced.\n"
        "  |\n"
        "3 | The quay was built\n"
        "  |     ^^^^^^^^^^^^^^\n"
        "4 | in 1850 and rebuilt\n"
        "  | ^^^^^^^^^^^^^^^^^^^\n"
        "5 | in 1901.\n"
        "  | ^^^^^^^\n"
        "\n"
    )


def test_a_span_ending_at_a_line_break_does_not_underline_the_next_line(tmp_path):
    text = "One line.\nTwo lines.\n"
    assert _full(tmp_path, text, 0, len("One line.\n")) == (
        "a.md:1:1: SRC101 [info] Unsourced.\n  |\n1 | One line.\n  | ^^^^^^^^^\n\n"
    )


def test_a_long_span_shows_its_first_and_last_lines(tmp_path):
    text = "".join(f"line {n}\n" for n in range(1, 13))
    lines = _full(tmp_path, text, 0, len(text) - 1).splitlines()
    assert lines.index("   ⋮") == 8  # after three lines, each with its underline
    assert [line[:4] for line in lines if line[:2].strip().isdigit()] == [
        " 1 |",
        " 2 |",
        " 3 |",
        "10 |",
        "11 |",
        "12 |",
    ]
