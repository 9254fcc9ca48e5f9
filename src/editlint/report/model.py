"""What reporters read: the results of a run, with line/column computed on demand, and the
counts a report keeps once the findings themselves are gone (``Tally``)."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from editlint.diagnostics import Applicability, Diagnostic, Severity
from editlint.document.lines import LineIndex
from editlint.engine.runner import FileResult
from editlint.printable import printable_path


@dataclass
class Located:
    """A diagnostic with its 1-based start and end line/column (in characters)."""

    path: str
    diagnostic: Diagnostic
    line: int
    column: int
    end_line: int
    end_column: int
    lines: LineIndex | None = field(default=None, repr=False, compare=False)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of another offset in the same file, e.g. of a fix's edit."""
        return self.lines.position(offset) if self.lines else (1, 1)


class Tally:
    """What a report says about a whole run, counted finding by finding: the summary, the
    statistics, the exit code. A streamed report keeps this, not the findings."""

    def __init__(self, fail_on: Severity | None = Severity.INFO) -> None:
        self.fail_on = fail_on
        self.files = 0
        self.files_with_findings = 0
        self.codes: Counter[str] = Counter()
        self.fixable_codes: Counter[str] = Counter()
        self.names: dict[str, str] = {}  # code -> rule name, the last finding's
        self.severities: Counter[str] = Counter()
        self.categories: Counter[str] = Counter()
        self.applicabilities: Counter[Applicability] = Counter()
        self.failing = 0

    def add(self, diagnostics: list[Diagnostic]) -> None:
        fail_rank = self.fail_on.rank if self.fail_on is not None else None
        for diagnostic in diagnostics:
            code = diagnostic.code
            self.codes[code] += 1
            self.names[code] = diagnostic.rule_name
            self.severities[diagnostic.severity.value] += 1
            self.categories[diagnostic.category.value] += 1
            if diagnostic.fix is not None:
                self.fixable_codes[code] += 1
                self.applicabilities[diagnostic.fix.applicability] += 1
            if fail_rank is not None and diagnostic.severity.rank >= fail_rank:
                self.failing += 1

    def add_file(self, had_findings: bool) -> None:
        self.files += 1
        self.files_with_findings += had_findings

    @property
    def findings(self) -> int:
        return self.codes.total()

    def summary(self) -> dict:
        return {
            "files": self.files,
            "files_with_findings": self.files_with_findings,
            "findings": self.findings,
            "by_severity": dict(sorted(self.severities.items())),
            "by_category": dict(sorted(self.categories.items())),
            "fixable": self.fixable_codes.total(),
        }


@dataclass
class RunReport:
    results: list[FileResult]
    rules: dict[str, dict] = field(default_factory=dict)  # code -> metadata
    cwd: Path = field(default_factory=Path.cwd)
    show_fixes: bool = False
    colour: bool = False
    #: The least severity that fails the run (``--fail-on``); None when nothing does
    #: (``--exit-zero``). JUnit marks only failing findings as failures.
    fail_on: Severity | None = Severity.INFO
    #: ``--quiet``: the findings and nothing else (no summary line, no "All clear").
    quiet: bool = False

    def fails(self, diagnostic: Diagnostic) -> bool:
        return self.fail_on is not None and diagnostic.severity.rank >= self.fail_on.rank

    def display_path(self, path: Path | None) -> str:
        """The path as reports show it: relative to the working folder when inside it, and
        always valid text (``printable_path``)."""
        if path is None:
            return "<text>"
        # abspath, not resolve: show the name the user gave, even for a link or a link loop
        absolute = os.path.abspath(path)
        if absolute == os.path.abspath(self.cwd):
            return "."
        if absolute.startswith(self._cwd_prefix):
            return printable_path(absolute[len(self._cwd_prefix) :].replace(os.sep, "/"))
        return printable_path(path.as_posix())

    @cached_property
    def _cwd_prefix(self) -> str:
        return os.path.join(os.path.abspath(self.cwd), "")

    def lines(self, result: FileResult) -> LineIndex:
        return result.lines if result.lines is not None else LineIndex(result.text or "")

    def locate(self, result: FileResult) -> list[Located]:
        """The findings of one result with their lines and columns, in its order."""
        if not result.diagnostics:
            return []
        lines = self.lines(result)
        path = self.display_path(result.path)
        found = []
        for diagnostic in result.diagnostics:
            line, column = lines.position(diagnostic.start)
            end_line, end_column = lines.position(diagnostic.end)
            found.append(Located(path, diagnostic, line, column, end_line, end_column, lines))
        return found

    @cached_property
    def located(self) -> list[Located]:
        return [item for result in self.results for item in self.locate(result)]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for result in self.results for d in result.diagnostics]

    def tally(self) -> Tally:
        """The counts of every result (a run whose results are all at hand)."""
        tally = Tally(self.fail_on)
        for result in self.results:
            tally.add(result.diagnostics)
            tally.add_file(bool(result.diagnostics))
        return tally

    def summary(self) -> dict:
        return self.tally().summary()
