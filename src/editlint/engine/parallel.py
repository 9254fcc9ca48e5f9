"""Check many files on all cores: a process pool whose workers share one Checker.

The Checker (rules compiled, content index built) is made once in the parent. Where the
platform can fork, workers inherit it without any copying; elsewhere it is pickled once
per worker by the pool initializer. Results come back in file order.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import partial
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING

from editlint.engine.gc_tuning import settle
from editlint.engine.runner import Checker, FileResult
from editlint.index.build import scan_file, scan_files
from editlint.index.scan import ScannedArticle

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

#: Fewer files than this per worker are checked in this process: a pool would cost more.
MIN_FILES_PER_WORKER = 16

_worker_checker: Checker | None = None


def default_jobs() -> int:
    """The cores this process may run on that no other process keeps busy (``engine.cores``)."""
    from editlint.engine.cores import available_cores

    return available_cores()


def workers_for(file_count: int, jobs: int | None) -> int:
    """How many worker processes to start for ``file_count`` files (1: none, check here)."""
    wanted = default_jobs() if not jobs or jobs < 1 else jobs
    return max(1, min(wanted, file_count // MIN_FILES_PER_WORKER))


#: A file to check, with its content when already read (None: the worker reads it).
Item = tuple[Path, bytes | None]


def check_parallel(
    checker: Checker, items: Sequence[Item], jobs: int | None = None
) -> Iterator[FileResult]:
    """Check ``items`` with up to ``jobs`` processes (default: the free cores), in their order."""
    workers = workers_for(len(items), jobs)
    if workers == 1:
        yield from (check_item(checker, item) for item in items)
        return
    from concurrent.futures.process import BrokenProcessPool

    if any(rule.needs_index for rule in checker.rules):
        # Built once here, inherited or pickled by every worker; its articles are scanned on
        # every core first, in a pool of their own that ends before the checking pool forks,
        # and read into memory from the store (many files look up many names).
        checker.build_index(partial(_scan_in_pool, workers=workers)).preload()
    # The first file is checked here, before the workers fork: what checking loads on first
    # use (the Markdown parser, lazy imports, cached patterns) is then loaded once, not once
    # in every worker.
    yield check_item(checker, items[0])
    done = 1
    try:
        with _pool(checker, workers) as pool:
            chunk = _chunk(len(items), workers)
            for result in pool.map(_check_in_worker, items[1:], chunksize=chunk):
                done += 1
                yield result
    except BrokenProcessPool:
        # A worker died (killed, out of memory): finish here, one file at a time.
        yield from (check_item(checker, item) for item in items[done:])


def _chunk(count: int, workers: int) -> int:
    """Items per task: about 1/32 of a worker's share, so no worker idles long at the end."""
    return max(1, min(64, count // (workers * 32)))


def _scan_in_pool(files: list[str], root: Path, workers: int) -> list[ScannedArticle | None]:
    """The content index's scans of ``files``, on up to ``workers`` processes."""
    workers = workers_for(len(files), workers)
    if workers == 1:
        return scan_files(files, root)
    from concurrent.futures.process import BrokenProcessPool

    try:
        with _pool(None, workers) as pool:
            chunk = _chunk(len(files), workers)
            return list(pool.map(scan_file, files, repeat(root), chunksize=chunk))
    except BrokenProcessPool:  # a worker died: scan here
        return scan_files(files, root)


def _pool(checker: Checker | None, workers: int) -> ProcessPoolExecutor:
    """Worker processes; with ``checker``, each holds it for ``_check_in_worker``."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    if "fork" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("fork")
    else:  # pragma: no cover - Windows and macOS defaults
        context = multiprocessing.get_context("spawn")
    if checker is None:
        return ProcessPoolExecutor(max_workers=workers, mp_context=context)
    return ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_init_worker, initargs=(checker,)
    )


def worker_pool(checker: Checker, workers: int) -> ProcessPoolExecutor:
    """A pool of ``workers`` processes, each holding ``checker`` (``worker_checker()``)."""
    return _pool(checker, workers)


def worker_checker() -> Checker:
    """The checker of this worker process (of ``worker_pool``)."""
    assert _worker_checker is not None, "worker used before its initializer ran"
    return _worker_checker


def _init_worker(checker: Checker) -> None:
    global _worker_checker
    _worker_checker = checker
    settle()  # what the worker inherited lives as long as it does


def _check_in_worker(item: Item) -> FileResult:
    assert _worker_checker is not None, "worker used before its initializer ran"
    return check_item(_worker_checker, item)


def check_item(checker: Checker, item: Item) -> FileResult:
    """One file checked here (its bytes when already read)."""
    path, raw = item
    return checker.check_file(path) if raw is None else checker.check_bytes(path, raw)
