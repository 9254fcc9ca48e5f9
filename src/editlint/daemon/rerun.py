"""Runs of many files in the daemon, answered from the result cache (``engine/cache.py``).

A re-run of a whole folder after a few edits is mostly files the result cache already holds:
the daemon looks each one up in the run's cache folder, as the command line would, and when
at most ``MAX_FILES`` are missing it checks those itself (and stores them) and answers; more
misses than that are declined, since the command line's process pool checks them faster than
one warm core. The command line and the daemon share the cache's entries: the run key is the
same (the content index's stamp has one formula, ``index/stamp.py``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

from editlint.engine.batch import BatchOptions, Progress, iter_planned, plan
from editlint.engine.cache import ResultCache, checker_key
from editlint.engine.runner import Checker, FileResult
from editlint.files.dumpnames import is_dump


class TooManyMisses(Exception):
    """More files to check than a warm core should take; the command line runs them."""


class CachedRuns:
    """Many-file runs served from the result cache, with counts for ``daemon status``."""

    def __init__(self, max_misses: int) -> None:
        self.max_misses = max_misses
        self.from_cache = 0  # files answered from the result cache
        self.checked = 0  # files of such runs checked here (the misses)
        # Each checker's ``checker_key`` (editlint's code and the packs are hashed once: the
        # daemon stops when its code changes, and rebuilds its checkers when a pack does).
        self._settled: dict[int, tuple[Checker, str]] = {}

    def forget(self) -> None:
        """The checkers were rebuilt: their keys are to be taken again."""
        self._settled = {}

    def results(
        self,
        checker: Checker,
        files: Sequence[Path],
        options: BatchOptions,
        progress: Progress | None = None,
    ) -> Iterator[FileResult]:
        """The results of ``files`` in order, as ``editlint check`` gives them with the cache
        folder ``options.cache_dir``; TooManyMisses (nothing checked, nothing written) when
        more than ``max_misses`` are not in the cache, or a dump is among them."""
        if options.cache_dir is None:
            raise TooManyMisses("no result cache")
        if any(is_dump(path) for path in files):
            raise TooManyMisses("a MediaWiki dump is checked page by page")
        cache = ResultCache.for_checker(checker, options.cache_dir, self._settled_key(checker))
        planned = plan(checker, files, cache)
        if len(planned.todo) > self.max_misses:
            raise TooManyMisses(
                f"{len(planned.todo)} of {len(files)} files not in the result cache: more "
                f"than {self.max_misses}"
            )
        self.from_cache += len(planned.cached)
        self.checked += len(planned.todo)
        one_core = BatchOptions(jobs=1, cache_dir=options.cache_dir, keep_text=options.keep_text)
        return iter_planned(checker, files, planned, one_core, progress)

    def _settled_key(self, checker: Checker) -> str:
        held = self._settled.get(id(checker))
        if held is None or held[0] is not checker:
            held = self._settled[id(checker)] = (checker, checker_key(checker))
        return held[1]
