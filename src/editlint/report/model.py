"""What reporters read: the results of a run, with line/column computed on demand."""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from editlint.diagnostics import Diagnostic, Severity
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

    @cached_property
    def located(self) -> list[Located]:
        found = []
        for result in self.results:
            if not result.diagnostics:
                continue
            lines = self.lines(result)
            path = self.display_path(result.path)
            for diagnostic in result.diagnostics:
                line, column = lines.position(diagnostic.start)
                end_line, end_column = lines.position(diagnostic.end)
                found.append(
                    Located(path, diagnostic, line, column, end_line, end_column, lines)
                )
        return found

    @property
    def diagnostics(self) -> list[Diagnostic]:
        return [d for result in self.results for d in result.diagnostics]

    def summary(self) -> dict:
        diagnostics = self.diagnostics
        return {
            "files": len(self.results),
            "files_with_findings": sum(1 for r in self.results if r.diagnostics),
            "findings": len(diagnostics),
            "by_severity": dict(sorted(Counter(d.severity.value for d in diagnostics).items())),
            "by_category": dict(sorted(Counter(d.category.value for d in diagnostics).items())),
            "fixable": sum(1 for d in diagnostics if d.fix is not None),
        }
