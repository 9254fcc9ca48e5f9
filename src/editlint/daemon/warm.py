"""What the daemon keeps warm between checks: the checkers (rules built) and the content index.

Before each check it makes sure they are still right: the settings key (the config as
loaded, the rule packs' and listed files' bytes) must match, else everything is rebuilt; the
content index is brought up to date from the article files' sizes and modification times,
re-reading only those that changed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from editlint.config.model import LoadedConfig
from editlint.daemon.freshness import FolderWatch
from editlint.daemon.rerun import CachedRuns, TooManyMisses
from editlint.engine.batch import BatchOptions, Progress, check_files
from editlint.engine.cache import pack_stamps
from editlint.engine.runner import Checker, FileResult, SelectionOverrides
from editlint.index import ContentIndex
from editlint.index.build import Entries, build_index, scan_file
from editlint.index.content import article_files, article_name
from editlint.models import plain

#: A run of more files than this is served from the result cache when at most this many of
#: them are missing from it (``daemon/rerun.py``), else left to the command's own process
#: (its process pool checks them faster than one warm core).
MAX_FILES = 32
#: Checkers kept, one per command-line selection (--select, --ignore, --extend-select).
MAX_CHECKERS = 8


class Decline(BaseException):  # noqa: N818 - not an error: the command runs in its own process
    """The daemon does not run this command; the command line runs it as usual.

    A BaseException, so that the command's own ``except Exception`` (an internal error, exit
    2) never turns it into output."""


class WarmState:
    """The daemon's checkers and content index for one config file and cache folder."""

    def __init__(self, cache_dir: Path, config_path: Path | None) -> None:
        self.cache_dir = Path(os.path.abspath(cache_dir))
        self.config_path = Path(os.path.abspath(config_path)) if config_path else None
        self._key: str | None = None
        self._checkers: dict[tuple, Checker] = {}
        self._index: LiveIndex | None = None
        self._parsers: dict[str | None, argparse.ArgumentParser] = {}
        self.cached_runs = CachedRuns(MAX_FILES)

    def parser(self, command: str | None) -> argparse.ArgumentParser:
        """The command line's parser for ``command``, built once (argparse's own
        translations made it cost as much as checking a file)."""
        if command not in self._parsers:
            from editlint.cli import build_parser

            self._parsers[command] = build_parser(command)
        return self._parsers[command]

    def checker(self, loaded: LoadedConfig, overrides: SelectionOverrides) -> Checker:
        """A checker for ``loaded`` and ``overrides`` with an up-to-date content index, or
        Decline when ``loaded`` is not this daemon's config and cache folder."""
        if _absolute(loaded.path) != _absolute(self.config_path):
            raise Decline(f"another config file ({loaded.path})")
        if loaded.cache_dir is None or Path(os.path.abspath(loaded.cache_dir)) != self.cache_dir:
            raise Decline("another cache folder, or none")
        key = settings_key(loaded)
        if key != self._key:
            self._key, self._checkers, self._index = key, {}, None
            self.cached_runs.forget()
        selection = (
            None if overrides.select is None else tuple(overrides.select),
            tuple(overrides.ignore),
            tuple(overrides.extend_select),
        )
        checker = self._checkers.get(selection)
        if checker is None:
            if len(self._checkers) >= MAX_CHECKERS:
                self._checkers.pop(next(iter(self._checkers)))
                self.cached_runs.forget()
            checker = self._checkers[selection] = Checker(loaded, overrides)
        if any(rule.needs_index for rule in checker.rules):
            if self._index is None:
                self._index = LiveIndex(loaded)
            checker.use_index(self._index.fresh())
        return checker

    def check_files(
        self,
        checker: Checker,
        files: list[Path],
        options: BatchOptions,
        progress: Progress | None = None,
    ) -> Iterable[FileResult]:
        """Check ``files`` here, one after another; a run of more than ``MAX_FILES`` files
        from the result cache, checking at most ``MAX_FILES`` missing from it (Decline: more
        are missing, no cache, another engine)."""
        if options.engine != "local":
            raise Decline(f"engine {options.engine}")
        if len(files) <= MAX_FILES:
            return check_files(checker, files, BatchOptions(jobs=1, keep_text=options.keep_text))
        try:
            return self.cached_runs.results(checker, files, options, progress)
        except TooManyMisses as reason:
            raise Decline(f"{len(files)} files: {reason}") from None


class LiveIndex:
    """The content index, kept in memory and brought up to date before each check."""

    def __init__(self, loaded: LoadedConfig) -> None:
        redirects = loaded.config.links.redirects_file
        self.root = loaded.content_root
        self.subfolders = loaded.index_subfolders
        self.redirects_file = loaded.root / redirects if redirects else None
        self.cache_dir = loaded.cache_dir
        self._entries: Entries = {}
        self._stamps: list[tuple[str, int, int]] | None = None
        self._index: ContentIndex | None = None
        self._watch = FolderWatch()

    def fresh(self) -> ContentIndex:
        """The index of the article files as they are now.

        With a folder watch, only the files an event names are looked at: one whose names and
        headings stay the same is patched in place (an edit of its body). Otherwise every file
        is stat'ed and, when any differs, the index is rebuilt from the scans held in memory,
        reading only the changed files."""
        changes = self._watch.changes() if self._index is not None else None
        if changes is not None and all(self._patched(name) for name in changes):
            return self._index  # type: ignore[return-value] - set when changes is not None
        self._watch.sync(self.root, self.subfolders)  # before the walk: no change goes unseen
        files = article_files(str(self.root), self.subfolders)
        if self._watch.active and any(os.path.islink(name) for name, _ in files):
            self._watch.close()  # a link's target may change where no watch sees it
        stamps = [(name, stat.st_mtime_ns, stat.st_size) for name, stat in files]
        if self._index is None or stamps != self._stamps:
            self._index = build_index(
                self.root,
                # The disk cache for the first build only: rewriting it on every change would
                # cost more than the check.
                cache_dir=None if self._entries else self.cache_dir,
                redirects_file=self.redirects_file,
                subfolders=self.subfolders,
                known=self._entries,
                files=files,
            )
            self._stamps = stamps
        return self._index

    def _patched(self, file: str) -> bool:
        """Bring the article ``file`` up to date in place, if only its text changed and not
        what the index knows of it (title, names, headings); False when it cannot be."""
        name = article_name(file, str(self.root))
        held = self._entries.get(name)
        article = self._index.by_path(Path(file)) if self._index is not None else None
        try:
            stat = os.stat(file)
        except OSError:
            return False  # deleted
        if held is None or article is None:
            return False  # new, or not an article the index holds
        if (stat.st_mtime_ns, stat.st_size) == held[:2]:
            return True
        scanned = scan_file(file, self.root)
        if scanned is None:
            return False
        same = replace(scanned, body_start=held[2].body_start, digest=held[2].digest)
        if same != held[2]:
            return False
        self._entries[name] = (stat.st_mtime_ns, stat.st_size, scanned)
        article.body_start, article.digest = scanned.body_start, scanned.digest
        self._stamps = None  # no longer what a walk would find: compare anew when walking
        return True


def _absolute(path: Path | None) -> str | None:
    return os.path.abspath(path) if path is not None else None


def settings_key(loaded: LoadedConfig) -> str:
    """What the rules depend on besides editlint's code: the config as loaded, its root and
    content root (without a config file, the checked folder's), the rule packs' bytes and the
    bytes of the files the config names (source lists, redirects)."""
    config = loaded.config
    digest = hashlib.blake2b(digest_size=20)
    named = [*config.sources.lists]
    if config.links.redirects_file:
        named.append(config.links.redirects_file)
    where = f"{loaded.root}\0{loaded.content_root}\0{loaded.index_subfolders}"
    for part in (json.dumps(plain(config)), where, *pack_stamps(loaded)):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    for name in named:
        try:
            digest.update((loaded.root / name).read_bytes())
        except OSError:
            digest.update(b"unreadable")
        digest.update(b"\0")
    return digest.hexdigest()
