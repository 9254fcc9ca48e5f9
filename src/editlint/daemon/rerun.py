"""Runs of many files in the daemon, answered from the result cache (``engine/cache.py``).

A re-run of a whole folder after a few edits is mostly files the result cache already holds:
the daemon looks each one up in the run's cache folder, as the command line would, and when
at most ``MAX_FILES`` are missing it checks those itself (and stores them) and answers; more
misses than that are declined, since the command line's process pool checks them faster than
one warm core. The command line and the daemon share the cache's entries: the run key is the
same (the content index's stamp has one formula, ``index/stamp.py``).

Each file's result is also kept in memory (``Held``), under the file's identity (device,
inode, size, modification and change times) and the run key: a later run finds an unchanged
file without reading its cache entry, and without reading the file at all when the report
quotes no text. A report that quotes text reads the file and checks that its bytes give the
entry's key. A file changed less than ``RACY_NS`` before it was looked at is not kept (a
second write within the file system's clock tick would leave its identity as it was).
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from editlint.diagnostics import Diagnostic
from editlint.document.lines import LineIndex
from editlint.engine.batch import BatchOptions, Progress, iter_planned, plan
from editlint.engine.cache import ResultCache, checker_key
from editlint.engine.parallel import check_item
from editlint.engine.runner import Checker, FileResult
from editlint.files.dumpnames import is_dump
from editlint.files.screening import decode, read_bytes

#: A file changed this recently when looked at is not kept in memory (nanoseconds).
RACY_NS = 2_000_000_000
#: A file's identity: device, inode, size, modification and change times.
Identity = tuple[int, int, int, int, int]


@dataclass
class Held:
    """A file's result kept in memory: under which identity and run key, its cache key, and
    what the cache entry holds (``lines``: its text's line starts, once known)."""

    identity: Identity
    run_key: str
    key: str
    diagnostics: list[Diagnostic]
    parsed: bool
    probes: tuple[tuple[str, bool], ...]
    decoded: bool
    lines: LineIndex | None


class TooManyMisses(Exception):
    """More files to check than a warm core should take; the command line runs them."""


class CachedRuns:
    """Many-file runs served from the result cache, with counts for ``daemon status``."""

    def __init__(self, max_misses: int) -> None:
        self.max_misses = max_misses
        self.from_cache = 0  # files answered from the result cache
        self.from_memory = 0  # of those, held in memory (their cache entry not read)
        self.checked = 0  # files of such runs checked here (the misses)
        # Each checker's ``checker_key`` (editlint's code and the packs are hashed once: the
        # daemon stops when its code changes, and rebuilds its checkers when a pack does).
        self._settled: dict[int, tuple[Checker, str]] = {}
        self._held: dict[str, Held] = {}  # by absolute path: the last run's files

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
        now = time.time_ns()
        identities = [_identity(path) for path in files]
        held = [
            self._held_for(path, found, cache.run_key)
            for path, found in zip(files, identities, strict=True)
        ]
        rest = [path for path, found in zip(files, held, strict=True) if found is None]
        planned = plan(checker, rest, cache, self.max_misses)  # stops past max_misses
        if len(planned.todo) > self.max_misses:
            raise TooManyMisses(f"more than {self.max_misses} not in the result cache")
        self.from_cache += len(files) - len(planned.todo)
        self.from_memory += len(files) - len(rest)
        self.checked += len(planned.todo)
        keys = dict(planned.cached)
        keys.update((position, key) for position, key in planned.todo if key is not None)
        one_core = BatchOptions(jobs=1, cache_dir=options.cache_dir, keep_text=options.keep_text)
        checked = iter_planned(checker, rest, planned, one_core, progress)
        self._held = {}  # this run's files only: bounded by the largest run
        return self._merged(checker, files, held, identities, keys, checked, cache, now, options)

    def _merged(
        self,
        checker: Checker,
        files: Sequence[Path],
        held: list[Held | None],
        identities: list[Identity | None],
        keys: dict[int, str],
        checked: Iterator[FileResult],
        cache: ResultCache,
        now: int,
        options: BatchOptions,
    ) -> Iterator[FileResult]:
        """Every file's result in order: those held in memory, the others as checked or
        read from the cache; each kept in memory for the next run."""
        rest = 0
        for path, found, identity in zip(files, held, identities, strict=True):
            if found is not None:
                result = self._served(checker, path, found, cache, options.keep_text)
            else:
                result = next(checked)
                key = keys.get(rest)
                rest += 1
                if key is not None and identity is not None and _settled(identity, now):
                    found = _held(identity, cache.run_key, key, result)
            if found is not None:
                self._held[os.path.abspath(path)] = found
            yield result

    def _held_for(self, path: Path, identity: Identity | None, run_key: str) -> Held | None:
        """What memory holds for ``path`` as it is now and for this run key, if anything."""
        found = self._held.get(os.path.abspath(path)) if identity is not None else None
        if found is None or found.identity != identity or found.run_key != run_key:
            return None
        if any(os.path.exists(name) != existed for name, existed in found.probes):
            return None  # a file a finding depends on came or went
        return found

    def _served(
        self, checker: Checker, path: Path, found: Held, cache: ResultCache, keep_text: bool
    ) -> FileResult:
        """The result ``found`` holds, as the cache would give it; the file is read when the
        report quotes its text (or its line starts are not known yet), and checked again if
        its bytes no longer give the key."""
        diagnostics = list(found.diagnostics)
        if not found.decoded or (not keep_text and found.lines is not None):
            lines = found.lines if found.decoded else None
            return FileResult(path, None, diagnostics, found.parsed, lines, found.probes)
        read = read_bytes(path, checker.loaded.config.max_file_size, checker.loaded.root)
        raw = None if isinstance(read, tuple) else read
        text = decode(raw) if raw is not None and cache.key(path, raw) == found.key else None
        if isinstance(text, str):
            result = FileResult(path, text, diagnostics, found.parsed, probes=found.probes)
        else:  # changed since it was looked at: as the command line does (``engine/batch``)
            result = check_item(checker, (path, raw))
            if raw is not None:
                cache.store(cache.key(path, raw), result)
            found.identity = (0, 0, 0, 0, 0)  # no longer serves
        if not keep_text:
            result.release_text()
            found.lines = result.lines
        return result

    def _settled_key(self, checker: Checker) -> str:
        held = self._settled.get(id(checker))
        if held is None or held[0] is not checker:
            held = self._settled[id(checker)] = (checker, checker_key(checker))
        return held[1]


def _identity(path: Path) -> Identity | None:
    """``path``'s identity, or None: not a regular file (a link's target may change unseen)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _settled(identity: Identity, now: int) -> bool:
    """Whether the file was last changed long enough before ``now`` to be kept by identity."""
    return now - max(identity[3], identity[4]) >= RACY_NS


def _held(identity: Identity, run_key: str, key: str, result: FileResult) -> Held:
    decoded = result.text is not None or result.lines is not None
    return Held(
        identity,
        run_key,
        key,
        list(result.diagnostics),
        result.parsed,
        result.probes,
        decoded,
        result.lines,
    )
