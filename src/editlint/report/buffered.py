"""A report rendered from the whole run at its end (HTML): the one format that keeps every
result, with its text, until the run is done."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import IO

from editlint.engine.runner import FileResult
from editlint.report.model import Located, RunReport, Tally
from editlint.report.stream import Writer


class BufferedWriter(Writer):
    """Keeps each file's result (a dump's parts joined into one) and renders them on close."""

    def __init__(self, out: IO[str], run: RunReport, render: Callable[[RunReport], str]) -> None:
        super().__init__(out, run)
        self._render = render
        self._results: list[FileResult] = []
        self._parts: list[FileResult] = []

    def add(self, result: FileResult, located: list[Located]) -> None:
        self._parts.append(result)

    def end(self) -> None:
        if len(self._parts) == 1:
            self._results.append(self._parts[0])
        else:  # a dump's parts
            from editlint.engine.dumps import joined

            self._results.append(joined(self._parts))
        self._parts = []

    def close(self, tally: Tally) -> None:
        self.out.write(self._render(replace(self.run, results=self._results)))
