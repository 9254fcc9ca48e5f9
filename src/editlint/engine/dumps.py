"""Check a MediaWiki XML dump (``.xml``, ``.xml.bz2``): every article page, streamed.

Two passes over the dump, each one page at a time. The first adds every page (its title,
headings, redirect) to a copy of the content index whose pages are kept in SQLite
(``index/pages.py``, a temporary file), so links between pages of the dump resolve;
redirect pages are aliases there and are not checked. The second checks the pages
in batches, here, on a local process pool or on Dask workers, with at most a few batches
in flight. A dump is one file of the report: its findings, each naming its page
(``[[Title]] ...``) and placed at the line and column of the dump where it is
(``DumpPositions``), come in parts as the pages are checked (``dump_parts``), so a streamed
report holds no page's findings or text once written. Fixes are not offered: a dump is not
rewritten.
"""

from __future__ import annotations

import sys
import tempfile
from array import array
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import replace
from itertools import chain, islice
from pathlib import Path

from editlint.diagnostics import Category, Diagnostic, Severity
from editlint.document.dump import DumpError, DumpPage, iter_pages
from editlint.document.lines import LineIndex
from editlint.engine import parallel
from editlint.engine.runner import INTERNAL_CODE, Checker, FileResult
from editlint.files.screening import TOO_LARGE_CODE, UNPARSABLE_CODE, refuse_path
from editlint.index.content import Article, ContentIndex
from editlint.index.pages import PagesIndex
from editlint.index.scan import scan_wikitext

#: Pages per batch handed to a worker.
BATCH_SIZE = 64
#: Batches in flight per worker: enough to keep each busy, few enough to bound memory.
BATCHES_PER_WORKER = 2

#: A page to check: (the file name it is checked as, its text, its title).
PageItem = tuple[str, str, str]


def page_path(dump: Path, title: str) -> Path:
    """The name a page of ``dump`` is checked and indexed under: ``pages.xml/Title.wiki``."""
    return dump / (title.replace(" ", "_").replace("/", "%2F") + ".wiki")


class DumpPositions:
    """Lines and columns of a dump's findings: a finding's ``start`` and ``end`` are indexes
    into this table (two numbers a finding, not a copy of its page's text)."""

    __slots__ = ("_lines", "_columns")

    def __init__(self) -> None:
        self._lines = array("q")
        self._columns = array("q")

    def add(self, line: int, column: int) -> int:
        self._lines.append(line)
        self._columns.append(column)
        return len(self._lines) - 1

    def position(self, offset: int) -> tuple[int, int]:
        if not self._lines:
            return 1, 1
        offset = max(0, min(offset, len(self._lines) - 1))
        return self._lines[offset], self._columns[offset]


def check_dump(
    checker: Checker,
    dump: Path,
    engine: str = "local",
    jobs: int | None = None,
    scheduler: str | None = None,
) -> FileResult:
    """Every article page of ``dump`` checked; one result, an input finding if it is broken."""
    return joined([part for part, _ in dump_parts(checker, dump, engine, jobs, scheduler)])


def dump_parts(
    checker: Checker,
    dump: Path,
    engine: str = "local",
    jobs: int | None = None,
    scheduler: str | None = None,
) -> Iterator[tuple[FileResult, bool]]:
    """The findings of ``dump`` as its pages are checked: one result of the dump's path for
    each page with findings, each with its own positions, and a last one (``True``) that
    holds the dump's break, if any. Nothing of a page is kept once its part is yielded."""
    config = checker.loaded.config
    refusal = refuse_path(dump, sys.maxsize, checker.loaded.root)
    if refusal is not None:
        code, message, _ = refusal
        yield _broken(dump, code, message, 1, 1), True
        return
    try:
        with tempfile.TemporaryDirectory(prefix="editlint-dump-") as folder:
            index = None
            if any(rule.needs_index for rule in checker.rules):
                database = Path(folder) / "pages.sqlite"
                index = dump_index(checker.index, dump, config.max_file_size, database)
                checker = checker.with_index(index)
            try:
                pages = iter_pages(dump, config.max_file_size)
                for page, found in _checked(checker, dump, pages, engine, jobs, scheduler):
                    positions = DumpPositions()
                    placed = _placed(page, found, positions)
                    if placed:
                        yield _part(dump, placed, positions), False
            finally:
                if index is not None:
                    index.close()
    except DumpError as error:
        yield _broken(dump, UNPARSABLE_CODE, error.message, error.line, error.column), True
        return
    yield _part(dump, [], DumpPositions()), True


def joined(parts: list[FileResult]) -> FileResult:
    """The parts of one file's result (``dump_parts``) as one result."""
    if len(parts) == 1:
        return parts[0]
    positions = DumpPositions()
    diagnostics = []
    for part in parts:
        lines = part.lines
        for diagnostic in part.diagnostics:
            start = positions.add(*lines.position(diagnostic.start))  # type: ignore[union-attr]
            end = positions.add(*lines.position(diagnostic.end))  # type: ignore[union-attr]
            diagnostics.append(replace(diagnostic, start=start, end=end))
    parsed = all(part.parsed for part in parts)
    return _part(parts[0].path, diagnostics, positions, parsed)  # type: ignore[arg-type]


def _part(
    dump: Path, diagnostics: list[Diagnostic], positions: DumpPositions, parsed: bool = True
) -> FileResult:
    """A result of the dump's path whose findings are placed by ``positions``."""
    return FileResult(dump, None, diagnostics, parsed, lines=positions)  # type: ignore[arg-type]


def _broken(dump: Path, code: str, message: str, line: int, column: int) -> FileResult:
    positions = DumpPositions()
    where = positions.add(line, column)
    return _part(dump, [_input(code, message, where)], positions, parsed=False)


def dump_index(base: ContentIndex, dump: Path, max_text: int, database: Path) -> PagesIndex:
    """``base`` with every article page of ``dump`` added (a redirect page as an alias), the
    pages stored in SQLite at ``database``; a broken dump's pages up to where it breaks (the
    checking pass reports the break)."""
    index = PagesIndex.over(base, database)
    try:
        for page in iter_pages(dump, max_text):
            _add_page(index, dump, page)
    except DumpError:
        pass
    index.finish()
    return index


def _add_page(index: PagesIndex, dump: Path, page: DumpPage) -> None:
    scanned = scan_wikitext(page.text, page.title)
    if page.redirect:
        scanned.redirect_to = page.redirect
    if page.oversize:
        scanned.headings = None  # not read: its anchors are unknown
    index.add_page(Article.from_scan(str(page_path(dump, page.title).resolve()), scanned))


class _Batches:
    """The pages of a dump to check (redirect pages left out), in batches. Where the dump
    breaks the batches end, with the pages read before the break; ``error`` is the break."""

    def __init__(self, pages: Iterable[DumpPage]) -> None:
        self._pages = pages
        self.error: DumpError | None = None

    def __iter__(self) -> Iterator[list[DumpPage]]:
        batch: list[DumpPage] = []
        try:
            for page in self._pages:
                if _is_redirect(page):
                    continue
                batch.append(page)
                if len(batch) == BATCH_SIZE:
                    yield batch
                    batch = []
        except DumpError as error:
            self.error = error
        if batch:
            yield batch


def _checked(
    checker: Checker,
    dump: Path,
    pages: Iterable[DumpPage],
    engine: str,
    jobs: int | None,
    scheduler: str | None,
) -> Iterator[tuple[DumpPage, list[Diagnostic]]]:
    """Each page to check with its findings, in dump order; then the dump's break, if any."""
    batches = _Batches(pages)
    if engine == "dask":
        checked = _on_dask(checker, dump, iter(batches), jobs, scheduler)
    else:
        checked = _on_cores(checker, dump, iter(batches), jobs)
    for batch, results in checked:
        yield from zip(batch, results, strict=True)
    if batches.error is not None:
        raise batches.error


def _is_redirect(page: DumpPage) -> bool:
    return bool(page.redirect) or page.text.lstrip()[:9].upper() == "#REDIRECT"


def _items(dump: Path, batch: list[DumpPage]) -> list[PageItem]:
    return [(str(page_path(dump, page.title)), page.text, page.title) for page in batch]


def check_pages(checker: Checker, items: list[PageItem]) -> list[list[Diagnostic]]:
    """The findings of each page of a batch (what a worker runs); a page that fails to be
    read is an internal finding for that page, and the others are checked."""
    return [_check_page(checker, *item) for item in items]


def _check_page(checker: Checker, name: str, text: str, title: str) -> list[Diagnostic]:
    try:
        return checker.check_text(text, Path(name), title).diagnostics
    except Exception as error:  # one page's failure must not stop the dump
        message = f"the page could not be checked: {type(error).__name__}: {error}"
        return [
            Diagnostic(
                INTERNAL_CODE,
                message,
                0,
                0,
                Severity.ERROR,
                Category.INTERNAL,
                rule_name="internal",
            )
        ]


def _check_pages_in_worker(items: list[PageItem]) -> list[list[Diagnostic]]:
    return check_pages(parallel.worker_checker(), items)


Checked = Iterator[tuple[list[DumpPage], list[list[Diagnostic]]]]


def _on_cores(checker: Checker, dump: Path, batches: Iterator, jobs: int | None) -> Checked:
    workers = parallel.default_jobs() if not jobs or jobs < 1 else jobs
    first = list(islice(batches, workers))  # fewer pages than a batch per worker: no pool
    if workers == 1 or len(first) < workers:
        for batch in chain(first, batches):
            yield batch, check_pages(checker, _items(dump, batch))
        return
    with parallel.worker_pool(checker, workers) as pool:
        yield from _windowed(
            lambda batch: pool.submit(_check_pages_in_worker, _items(dump, batch)),
            chain(first, batches),
            workers * BATCHES_PER_WORKER,
        )


def _on_dask(
    checker: Checker, dump: Path, batches: Iterator, jobs: int | None, scheduler: str | None
) -> Checked:
    """Batches on a Dask cluster: the one at ``scheduler``, else a LocalCluster."""
    import logging

    from distributed import Client, LocalCluster

    with ExitStack() as stack:
        if scheduler is None:
            scheduler = stack.enter_context(
                LocalCluster(
                    n_workers=jobs or parallel.default_jobs(),
                    threads_per_worker=1,
                    dashboard_address=None,
                    silence_logs=logging.ERROR,
                )
            )
        client = stack.enter_context(Client(scheduler))
        shared = client.scatter(checker, broadcast=True)
        workers = max(1, len(client.scheduler_info()["workers"]))
        yield from _windowed(
            lambda batch: client.submit(check_pages, shared, _items(dump, batch), pure=False),
            batches,
            workers * BATCHES_PER_WORKER,
        )


def _windowed(submit: Callable, batches: Iterator, window: int) -> Checked:
    """Each batch with its future's result, in order, with at most ``window`` in flight."""
    pending: deque = deque()
    for batch in batches:
        pending.append((batch, submit(batch)))
        if len(pending) >= window:
            done, future = pending.popleft()
            yield done, future.result()
    while pending:
        done, future = pending.popleft()
        yield done, future.result()


def _placed(page: DumpPage, found: list[Diagnostic], positions: DumpPositions) -> list:
    """The page's findings named by its title, placed at the dump's lines; no fixes."""
    if page.oversize:
        message = (
            f"page text is {page.oversize:,} bytes, over the limit of the max_file_size "
            "setting; not checked"
        )
        found = [_input(TOO_LARGE_CODE, message, 0)]
    if not found:
        return []
    lines = LineIndex(page.text)
    placed = []
    for diagnostic in found:
        start = positions.add(*_at(page, lines, diagnostic.start))
        end = positions.add(*_at(page, lines, diagnostic.end))
        message = f"[[{page.title}]] {diagnostic.message}"
        placed.append(replace(diagnostic, message=message, start=start, end=end, fix=None))
    return placed


def _at(page: DumpPage, lines: LineIndex, offset: int) -> tuple[int, int]:
    line, column = lines.position(offset)
    return page.line + line - 1, column + page.column - 1 if line == 1 else column


def _input(code: str, message: str, where: int) -> Diagnostic:
    return Diagnostic(
        code, message, where, where, Severity.ERROR, Category.INPUT, rule_name="input"
    )
