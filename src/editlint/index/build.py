"""Build the content index of a content root: from its store in the cache folder
(``index/store.py``, only changed files read), or in memory (no cache folder, the daemon)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from editlint.document import MDX_SUFFIXES, TEXT_SUFFIXES, WIKITEXT_SUFFIXES
from editlint.document.wikinames import title_from_path
from editlint.errors import ConfigError
from editlint.files.screening import DEFAULT_MAX_FILE_SIZE, read_text
from editlint.gitcommand import EarlyStatus
from editlint.index.content import Article, ContentIndex, article_files, article_name
from editlint.index.scan import ScannedArticle, scan_text, scan_wikitext
from editlint.index.stored import StoredIndex
from editlint.yamlsource import load_yaml

#: Scans by the article's path relative to the root: (mtime_ns, size, scan).
Entries = dict[str, tuple[int, int, ScannedArticle]]
#: Scans article files under a root: ``scan_all(files, root)``, one result per file, in order.
ScanAll = Callable[[list[str], Path], Iterable["ScannedArticle | None"]] | None
#: Either index: both answer ``lookup``, ``resolve``, ``by_path``, ``anchor_keys``,
#: ``suggest``, ``articles``, ``stamp`` and ``preload``.
AnyIndex = ContentIndex | StoredIndex


def build_index(
    root: Path,
    cache_dir: Path | None = None,
    redirects_file: Path | None = None,
    subfolders: bool = True,
    scan_all: ScanAll = None,
    known: Entries | None = None,
    files: list[tuple[str, os.stat_result]] | None = None,
    early_status: EarlyStatus | None = None,
) -> AnyIndex:
    """Index every article under ``root`` (only those directly in it without ``subfolders``).

    With ``cache_dir``, the index is the root's store there, brought up to date (only changed
    files read) and looked up name by name. ``scan_all(files, root)`` scans the files to read
    (default: one after another here), e.g. on several cores.

    ``known`` holds the scans of an earlier build in memory (the warm process's), updated in
    place; the index is then built in memory, from the store the first time (when
    ``cache_dir`` is given). ``files`` is the result of ``article_files`` when the caller has
    it already; ``early_status`` is git's status asked when the check started, which the
    store's freshness check reads (``editlint.launch``)."""
    root = root.resolve()
    if not root.is_dir():
        return ContentIndex(root=root)
    redirects = read_redirects(redirects_file) if redirects_file is not None else {}
    if cache_dir is not None:
        stored = _from_store(
            root, cache_dir, subfolders, scan_all or scan_files, redirects, known, early_status
        )
        if stored is not None:
            return stored
    index = ContentIndex(root=root)
    files = article_files(str(root), subfolders) if files is None else files
    cached = known or {}
    entries: Entries = {}
    found = []  # (file, name, stat, cached scan or None)
    for file, stat in files:
        name = article_name(file, str(root))
        hit = cached.get(name)
        fresh = hit is not None and hit[0] == stat.st_mtime_ns and hit[1] == stat.st_size
        found.append((file, name, stat, hit[2] if fresh else None))
    to_read = [file for file, _, _, scanned in found if scanned is None]
    read = iter((scan_all or scan_files)(to_read, root))
    for file, name, stat, scanned in found:
        if scanned is None:
            scanned = next(read)
            if scanned is None:
                continue
        entries[name] = (stat.st_mtime_ns, stat.st_size, scanned)
        index.add(Article.from_scan(file, scanned))
    if known is not None:
        known.clear()
        known.update(entries)
    for name, title in redirects.items():
        index.add_redirect(name, title)
    return index


def _from_store(
    root: Path,
    cache_dir: Path,
    subfolders: bool,
    scan_all: Callable,
    redirects: dict[str, str],
    known: Entries | None,
    early_status: EarlyStatus | None,
) -> StoredIndex | None:
    """The root's store brought up to date, as an index (None: the store cannot be used, the
    index is built in memory). With ``known`` (the warm process), its scans fill ``known``."""
    from editlint.index.freshness import NotStorable, refresh
    from editlint.index.store import ContentStore

    store = ContentStore.open(cache_dir, root, subfolders)
    if store is None:
        return None
    try:
        refresh(store, root, subfolders, scan_all, early_status)
        if known is not None:
            known.clear()
            known.update(store.entries())
            return None
        return StoredIndex(root, store.path, redirects)
    except (sqlite3.Error, NotStorable, OSError):
        return None
    finally:
        store.close()


def read_redirects(path: Path) -> dict[str, str]:
    """A redirects file: a YAML mapping of redirect names to canonical titles."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"links.redirects_file: cannot read: {error}", path) from None
    data = load_yaml(text, path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError("links.redirects_file: expected a mapping of names to titles", path, 1)
    return {str(name): str(title) for name, title in data.items() if title is not None}


def scan_files(files: list[str], root: Path) -> list[ScannedArticle | None]:
    """Scan each article file (None: not read)."""
    return [scan_file(file, root) for file in files]


def scan_file(file: str, root: Path) -> ScannedArticle | None:
    """Scan one article; devices, pipes, links out of ``root`` and huge files are skipped."""
    path = Path(file)
    text = read_text(path, DEFAULT_MAX_FILE_SIZE, root)
    if isinstance(text, tuple):
        return None
    return scan_article(text, path)


def scan_article(text: str, path: Path) -> ScannedArticle:
    """What the index keeps of the article ``text``, read in the format of ``path``."""
    suffix = path.suffix.lower()
    if suffix in WIKITEXT_SUFFIXES:
        return scan_wikitext(text, title_from_path(path))
    if suffix in MDX_SUFFIXES:
        from editlint.document.mdx import blank_mdx

        text = blank_mdx(text)
    return scan_text(text, path.stem, suffix in TEXT_SUFFIXES)
