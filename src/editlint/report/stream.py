"""Reports written as the run goes: each file's findings reach the format's writer as soon as
the file is checked, and leave memory after; the run keeps only counts (``Tally``).

A writer is told when a file begins, gets its findings (a MediaWiki dump's in parts, a batch of
pages at a time), is told when it ends, and is closed with the run's counts. Formats whose
document names totals before the findings (JSON's summary, SARIF's rules, JUnit's counts) write
the findings into a spool (``spool``: memory up to ``SPOOL_MEMORY``, a temporary file past it)
and copy it after the opening once the totals are known, so the document is the same, byte for
byte, as one rendered from every finding at once.
"""

from __future__ import annotations

import shutil
import tempfile
from io import StringIO
from typing import IO

from editlint.engine.runner import FileResult
from editlint.report.model import Located, RunReport, Tally

#: How much of a spool stays in memory before it moves to a temporary file.
SPOOL_MEMORY = 1 << 20


def spool() -> IO[str]:
    """A text buffer for findings written before their document's opening is known."""
    return tempfile.SpooledTemporaryFile(
        max_size=SPOOL_MEMORY, mode="w+", encoding="utf-8", errors="surrogatepass", newline=""
    )


def copy_spool(source: IO[str], out: IO[str]) -> None:
    source.seek(0)
    shutil.copyfileobj(source, out)
    source.close()


class Writer:
    """One report format, written to ``out`` file by file. ``run`` holds the report's settings
    (rules, fail-on, colour, quiet...); its results are not read."""

    def __init__(self, out: IO[str], run: RunReport) -> None:
        self.out = out
        self.run = run

    def begin(self, path: str) -> None:
        """A file (its path as reports show it) starts."""

    def add(self, result: FileResult, located: list[Located]) -> None:
        """Findings of the current file (all of them, or one part of a dump's)."""

    def end(self) -> None:
        """The current file is done."""

    def close(self, tally: Tally) -> None:
        """The run is done; ``tally`` counts all of it."""


class ReportStream:
    """Feeds results to a writer in the order they come, counting them; keeps no finding."""

    def __init__(self, writer: Writer, run: RunReport) -> None:
        self.writer = writer
        self.run = run
        self.tally = Tally(run.fail_on)
        self._open = False
        self._found = False

    def add(self, result: FileResult, last: bool = True) -> None:
        """A file's result, or a part of it (``last``: the file is done)."""
        if not self._open:
            self.writer.begin(self.run.display_path(result.path))
            self._open, self._found = True, False
        if result.diagnostics:
            self.tally.add(result.diagnostics)
            self._found = True
        self.writer.add(result, self.run.locate(result))
        if last:
            self.writer.end()
            self.tally.add_file(self._found)
            self._open = False

    def close(self) -> Tally:
        self.writer.close(self.tally)
        return self.tally


def rendered(writer: type[Writer], run: RunReport) -> str:
    """The report of a run whose results are all at hand, as one string."""
    out = StringIO()
    stream = ReportStream(writer(out, run), run)
    for result in run.results:
        stream.add(result)
    stream.close()
    return out.getvalue()
