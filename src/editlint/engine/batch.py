"""Check a list of files: cached results first, then the rest on local cores or on Dask."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from editlint.document.dump import is_dump
from editlint.engine.gc_tuning import collecting_rarely
from editlint.engine.parallel import Item, check_parallel
from editlint.engine.runner import Checker, FileResult
from editlint.files.screening import read_bytes

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
    options = options or BatchOptions()
    if any(is_dump(path) for path in files):
        from editlint.engine.dumps import check_dump

        articles = [path for path in files if not is_dump(path)]
        checked = iter(check_files(checker, articles, options, progress) if articles else [])
        return [
            check_dump(checker, path, options.engine, options.jobs, options.scheduler)
            if is_dump(path)
            else next(checked)
            for path in files
        ]
    with collecting_rarely():  # what lives for the whole run stays out of the collector
        return _check_files(checker, files, options, progress)


def _check_files(
    checker: Checker, files: Sequence[Path], options: BatchOptions, progress: Progress | None
) -> list[FileResult]:
    cache = None
    if options.cache_dir is not None:
        from editlint.engine.cache import ResultCache

        cache = ResultCache.for_checker(checker, options.cache_dir)
    results: list[FileResult | None] = [None] * len(files)
    todo: list[tuple[int, str | None]] = []
    items: list[Item | None] = []
    for position, path in enumerate(files):
        raw, key = None, None
        if cache is not None:
            read = read_bytes(path, checker.loaded.config.max_file_size, checker.loaded.root)
            if not isinstance(read, tuple):  # else the checker reports why it is not read
                raw = read
                key = cache.key(path, raw)
                cached = cache.load(key, path, raw)
                if cached is not None:
                    results[position] = _kept(cached, options)
                    continue
        todo.append((position, key))
        items.append((path, raw))
    checked = _engine(checker, items, options)  # type: ignore[arg-type] - no None yet
    for number, ((position, key), result) in enumerate(
        zip(_tracked(todo, progress), checked, strict=True)
    ):
        items[number] = None  # the file's bytes are no longer needed
        if cache is not None and key is not None:
            cache.store(key, result)
        results[position] = _kept(result, options)
    if cache is not None and todo:
        cache.prune()
    return results  # type: ignore[return-value] - every position is filled


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
