"""Reporters: one module per output format, all reading the same results.

A reporter is a function ``render(run: RunReport) -> str``. They are imported only
when asked for, so checking one file never loads the HTML or SARIF code.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from editlint.report.model import RunReport

FORMATS: dict[str, str] = {
    "full": "editlint.report.text:render_full",
    "concise": "editlint.report.text:render_concise",
    "grouped": "editlint.report.text:render_grouped",
    "json": "editlint.report.json_format:render",
    "sarif": "editlint.report.sarif:render",
    "github": "editlint.report.github:render",
    "junit": "editlint.report.junit:render",
    "html": "editlint.report.html:render",
}
#: Formats that read the articles' text (to quote it; SARIF to fingerprint findings by it);
#: the others place findings by line starts alone.
QUOTING_FORMATS = frozenset({"full", "html", "sarif"})


def needs_text(name: str, statistics: bool = False) -> bool:
    """Whether format ``name`` reads the articles' text: the others need each file's line
    starts only, so a run may let each text go once it is checked."""
    return name in QUOTING_FORMATS and not statistics


def reporter(name: str) -> Callable[[RunReport], str]:
    module_name, function = FORMATS[name].split(":")
    return getattr(import_module(module_name), function)


def render(run: RunReport, name: str, statistics: bool = False, colour: bool = False) -> str:
    """The report in format ``name``; with ``statistics``, counts per rule instead."""
    run.colour = colour
    if statistics:
        from editlint.report.statistics import render_statistics

        return render_statistics(run, as_json=name == "json")
    return reporter(name)(run)


__all__ = ["FORMATS", "QUOTING_FORMATS", "RunReport", "needs_text", "render", "reporter"]
