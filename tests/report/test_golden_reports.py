"""Every report format on the golden repository, compared exactly with tests/golden/output/.

Regenerate after an intended change with:  EDITLINT_REGENERATE_GOLDEN=1 pytest tests/report
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editlint.config.model import find_config, load_config
from editlint.engine.runner import Checker
from editlint.report import FORMATS, QUOTING_FORMATS, RunReport, render

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
INPUT = GOLDEN / "input"
REGENERATE = os.environ.get("EDITLINT_REGENERATE_GOLDEN") == "1"
EXTENSIONS = {"json": "json", "sarif": "sarif.json", "junit": "xml", "html": "html"}
CASES = [
    *((name, name, False, False) for name in sorted(FORMATS)),
    ("full-colour", "full", False, True),
    ("statistics", "full", True, False),
    ("statistics-json", "json", True, False),
]


def golden_report() -> RunReport:
    checker = Checker(load_config(find_config(INPUT), INPUT))
    files = sorted((INPUT / "articles").iterdir())
    rules = {rule.code: rule.metadata() for rule in checker.rules}
    return RunReport([checker.check_file(path) for path in files], rules, cwd=INPUT)


def test_every_format_has_a_golden_case():
    plain = {fmt for _, fmt, statistics, colour in CASES if not (statistics or colour)}
    assert set(FORMATS) <= plain


@pytest.mark.parametrize(("name", "fmt", "statistics", "colour"), CASES, ids=[c[0] for c in CASES])
def test_report_matches_golden_file(name, fmt, statistics, colour):
    output = render(golden_report(), fmt, statistics=statistics, colour=colour)
    golden = GOLDEN / "output" / f"report.{name}.{EXTENSIONS.get(fmt, 'txt')}"
    if REGENERATE:
        golden.write_bytes(output.encode("utf-8"))
    assert golden.read_bytes().decode("utf-8") == output


RELEASED_CASES = [case for case in CASES if case[1] not in QUOTING_FORMATS or case[2]]


@pytest.mark.parametrize(
    ("name", "fmt", "statistics", "colour"), RELEASED_CASES, ids=[c[0] for c in RELEASED_CASES]
)
def test_reports_that_quote_no_text_need_only_line_starts(name, fmt, statistics, colour):
    report = golden_report()
    for result in report.results:
        result.release_text()
    assert all(result.text is None and result.lines is not None for result in report.results)
    output = render(report, fmt, statistics=statistics, colour=colour)
    golden = GOLDEN / "output" / f"report.{name}.{EXTENSIONS.get(fmt, 'txt')}"
    assert golden.read_bytes().decode("utf-8") == output
