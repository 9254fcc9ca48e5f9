"""Reporters: one module per output format, all reading the same results.

A reporter is a function ``render(run: RunReport) -> str``; the formats but HTML also have a
``Writer`` (``report.stream``) that writes the report as the run goes (``WRITERS``). They are
imported only when asked for, so checking one file never loads the HTML or SARIF code.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import IO

from editlint.report.model import RunReport
from editlint.report.stream import ReportStream, Writer

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
#: The writer of each format that writes findings as each file is done (HTML renders the run
#: at its end: ``report.buffered``).
WRITERS: dict[str, str] = {
    "full": "editlint.report.text:FullWriter",
    "concise": "editlint.report.text:ConciseWriter",
    "grouped": "editlint.report.text:GroupedWriter",
    "json": "editlint.report.json_format:JsonWriter",
    "sarif": "editlint.report.sarif:SarifWriter",
    "github": "editlint.report.github:GithubWriter",
    "junit": "editlint.report.junit:JunitWriter",
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


def writer(name: str, out: IO[str], run: RunReport, statistics: bool = False) -> Writer:
    """The writer of format ``name`` to ``out`` (``run``: the report's settings); with
    ``statistics``, of the counts per rule instead."""
    if statistics:
        from editlint.report.statistics import StatisticsWriter

        return StatisticsWriter(out, run, as_json=name == "json")
    if name not in WRITERS:
        from editlint.report.buffered import BufferedWriter

        return BufferedWriter(out, run, reporter(name))
    module_name, class_name = WRITERS[name].split(":")
    return getattr(import_module(module_name), class_name)(out, run)


def render(run: RunReport, name: str, statistics: bool = False, colour: bool = False) -> str:
    """The report in format ``name``; with ``statistics``, counts per rule instead."""
    run.colour = colour
    if statistics:
        from editlint.report.statistics import render_statistics

        return render_statistics(run, as_json=name == "json")
    return reporter(name)(run)


__all__ = [
    "FORMATS",
    "QUOTING_FORMATS",
    "WRITERS",
    "ReportStream",
    "RunReport",
    "needs_text",
    "render",
    "reporter",
    "writer",
]
