"""Check a list of files: cached results first, then the rest on local cores or on Dask;
``iter_checked`` hands each result over in order as it is done (a streamed report)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from editlint.engine.gc_tuning import collecting_rarely
from editlint.engine.parallel import Item, check_item, check_parallel
from editlint.engine.runner import Checker, FileResult
from editlint.files.dumpnames import is_dump
from editlint.files.screening import read_bytes

if TYPE_CHECKING:
    from editlint.engine.cache import ResultCache

Progress = Callable[[Sequence], Iterable]


@dataclass
class BatchOptions:
    """How to run: ``jobs`` processes (None: the free cores, ``engine.cores``), a cache
    folder, the engine.

    Without ``keep_text`` each result keeps only its text's line starts
    (``FileResult.release_text``): enough for every report that quotes no source.
    """

    jobs: int | None = None
    cache_dir: Path | None = None
    engine: str = "local"  # "local" | "dask"
    scheduler: str | None = None  # a Dask scheduler address; None: a local process pool
    keep_text: bool = True


def check_files(
    checker: Checker,
    files: Sequence[Path],
    options: BatchOptions | None = None,
    progress: Progress | None = None,
) -> list[FileResult]:
    """One result per file, in order; unchanged files come from the cache when there is one.
    A MediaWiki XML dump is one result holding the findings of all its pages."""
    results: list[FileResult] = []
    parts: list[FileResult] = []
    for result, last in iter_checked(checker, files, options, progress):
        parts.append(result)
        if last:
            results.append(parts[0] if len(parts) == 1 else _joined(parts))
            parts = []
    return results


def _joined(parts: list[FileResult]) -> FileResult:
    from editlint.engine.dumps import joined

    return joined(parts)


def iter_checked(
    checker: Checker,
    files: Sequence[Path],
    options: BatchOptions | None = None,
    progress: Progress | None = None,
) -> Iterator[tuple[FileResult, bool]]:
    """Each file's result in the order of ``files``, as soon as it and every file before it
    are done, so a report can write it and let it go. A MediaWiki XML dump comes in parts
    (``engine.dumps.dump_parts``); ``True`` marks the last part of a file."""
    options = options or BatchOptions()
    if not any(is_dump(path) for path in files):
        yield from ((result, True) for result in _in_order(checker, files, options, progress))
        return
    from editlint.engine.dumps import dump_parts

    articles = [path for path in files if not is_dump(path)]
    checked = _in_order(checker, articles, options, progress)
    for path in files:
        if is_dump(path):
            yield from dump_parts(checker, path, options.engine, options.jobs, options.scheduler)
        else:
            yield next(checked), True


def _in_order(
    checker: Checker, files: Sequence[Path], options: BatchOptions, progress: Progress | None
) -> Iterator[FileResult]:
    if not files:
        return
    with collecting_rarely():  # what lives for the whole run stays out of the collector
        yield from _check_files(checker, files, options, progress)


@dataclass
class Plan:
    """Which files of a run the result cache answers (``cached``: position -> key) and which
    are to be checked (``todo``: position and key, ``items``: path and bytes, in order)."""

    cache: ResultCache | None
    cached: dict[int, str]
    todo: list[tuple[int, str | None]]
    items: list[Item | None]


def plan(
    checker: Checker,
    files: Sequence[Path],
    cache: ResultCache | None,
    most_misses: int | None = None,
) -> Plan:
    """Read each file once and look its key up in ``cache`` (None: every file is checked).
    With ``most_misses``, stop at the first file past that many misses (an incomplete plan,
    for a caller that then leaves the run to another process)."""
    cached: dict[int, str] = {}
    todo: list[tuple[int, str | None]] = []
    items: list[Item | None] = []
    for position, path in enumerate(files):
        if most_misses is not None and len(todo) > most_misses:
            break
        raw, key = None, None
        if cache is not None:
            read = read_bytes(path, checker.loaded.config.max_file_size, checker.loaded.root)
            if not isinstance(read, tuple):  # else the checker reports why it is not read
                raw = read
                key = cache.key(path, raw)
                if cache.has(key):
                    cached[position] = key
                    continue
        todo.append((position, key))
        items.append((path, raw))
    return Plan(cache, cached, todo, items)


def iter_planned(
    checker: Checker,
    files: Sequence[Path],
    planned: Plan,
    options: BatchOptions,
    progress: Progress | None = None,
) -> Iterator[FileResult]:
    """The results of ``files`` as ``planned`` (no dumps among them), in order: what
    ``iter_checked`` does once the cache was looked at (the daemon looks first)."""
    if not files:
        return
    with collecting_rarely():
        yield from _run_plan(checker, files, planned, options, progress)


def _check_files(
    checker: Checker, files: Sequence[Path], options: BatchOptions, progress: Progress | None
) -> Iterator[FileResult]:
    cache = None
    if options.cache_dir is not None:
        from editlint.engine.cache import ResultCache

        cache = ResultCache.for_checker(checker, options.cache_dir)
    yield from _run_plan(checker, files, plan(checker, files, cache), options, progress)


def _run_plan(
    checker: Checker,
    files: Sequence[Path],
    planned: Plan,
    options: BatchOptions,
    progress: Progress | None,
) -> Iterator[FileResult]:
    """The results in order, each as soon as the files before it are done. A file with a
    cache entry is read from the cache only when its turn comes, so cached results do not
    wait in memory for the files checked before them."""
    cache, cached, todo, items = planned.cache, planned.cached, planned.todo, planned.items
    checked = iter(_engine(checker, items, options))  # type: ignore[arg-type] - no None yet
    tracked = iter(_tracked(todo, progress))
    waiting: dict[int, FileResult] = {}  # checked, for a file before it still to come
    ready = 0  # the first position not yet yielded
    # Plain next() calls, not zip(): zip and enumerate keep their last tuple, and with it the
    # result before the one being checked.
    for number in range(len(todo)):
        position, key = next(tracked)
        result = next(checked)
        items[number] = None  # the file's bytes are no longer needed
        if cache is not None and key is not None:
            cache.store(key, result)
        waiting[position] = _kept(result, options)
        while ready in waiting or ready in cached:
            if ready in waiting:
                yield waiting.pop(ready)
            else:
                yield _cached(checker, files[ready], cache, cached.pop(ready), options)  # type: ignore[arg-type]
            ready += 1
    for position in range(ready, len(files)):
        key = cached.pop(position)
        yield _cached(checker, files[position], cache, key, options)  # type: ignore[arg-type]
    if cache is not None and todo:
        cache.prune()


def _cached(
    checker: Checker, path: Path, cache: ResultCache, key: str, options: BatchOptions
) -> FileResult:
    """The cached result of ``path``; checked here when the entry no longer serves (the file
    or a file its findings depend on changed since the first look)."""
    read = read_bytes(path, checker.loaded.config.max_file_size, checker.loaded.root)
    raw = None if isinstance(read, tuple) else read
    result = None
    if raw is not None and cache.key(path, raw) == key:
        result = cache.load(key, path, raw)
    if result is None:
        result = check_item(checker, (path, raw))
        if raw is not None:
            cache.store(cache.key(path, raw), result)
    return _kept(result, options)


def _kept(result: FileResult, options: BatchOptions) -> FileResult:
    if not options.keep_text:
        result.release_text()
    return result


def _engine(checker: Checker, items: list[Item], options: BatchOptions) -> Iterable[FileResult]:
    if options.engine == "dask" and items:
        from editlint.engine.dask_engine import check_items

        return check_items(checker, items, options.scheduler, options.jobs)
    return check_parallel(checker, items, options.jobs)


def _tracked(todo: list, progress: Progress | None) -> Iterable:
    return progress(todo) if progress is not None else todo
