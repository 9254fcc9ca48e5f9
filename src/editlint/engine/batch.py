"""Check a list of files: cached results first, then the rest on local cores or on Dask."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from editlint.document.screening import read_bytes
from editlint.engine.parallel import Item, check_parallel
from editlint.engine.runner import Checker, FileResult

Progress = Callable[[Sequence], Iterable]


@dataclass
class BatchOptions:
    """How to run: ``jobs`` processes (None: all cores), a cache folder, the engine."""

    jobs: int | None = None
    cache_dir: Path | None = None
    engine: str = "local"  # "local" | "dask"
    scheduler: str | None = None  # a Dask scheduler address; None: a local process pool


def check_files(
    checker: Checker,
    files: Sequence[Path],
    options: BatchOptions | None = None,
    progress: Progress | None = None,
) -> list[FileResult]:
    """One result per file, in order; unchanged files come from the cache when there is one."""
    options = options or BatchOptions()
    cache = None
    if options.cache_dir is not None:
        from editlint.engine.cache import ResultCache

        cache = ResultCache.for_checker(checker, options.cache_dir)
    results: list[FileResult | None] = [None] * len(files)
    todo: list[tuple[int, Item, str | None]] = []
    for position, path in enumerate(files):
        raw, key = None, None
        if cache is not None:
            read = read_bytes(path, checker.loaded.config.max_file_size, checker.loaded.root)
            if not isinstance(read, tuple):  # else the checker reports why it is not read
                raw = read
                key = cache.key(path, raw)
                results[position] = cache.load(key, path, raw)
                if results[position] is not None:
                    continue
        todo.append((position, (path, raw), key))
    items = [item for _, item, _ in todo]
    checked = _engine(checker, items, options)
    for (position, _, key), result in zip(_tracked(todo, progress), checked, strict=True):
        results[position] = result
        if cache is not None and key is not None:
            cache.store(key, result)
    if cache is not None and todo:
        cache.prune()
    return results  # type: ignore[return-value] - every position is filled


def _engine(checker: Checker, items: list[Item], options: BatchOptions) -> Iterable[FileResult]:
    if options.engine == "dask" and items:
        from editlint.engine.dask_engine import check_items

        return check_items(checker, items, options.scheduler, options.jobs)
    return check_parallel(checker, items, options.jobs)


def _tracked(todo: list, progress: Progress | None) -> Iterable:
    return progress(todo) if progress is not None else todo
