"""Build the content index of a content root, reusing cached scans of unchanged files."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from editlint.document import MDX_SUFFIXES, TEXT_SUFFIXES, WIKITEXT_SUFFIXES
from editlint.document.wikinames import title_from_path
from editlint.errors import ConfigError
from editlint.files.screening import DEFAULT_MAX_FILE_SIZE, read_text
from editlint.index import cache
from editlint.index.content import Article, ContentIndex, article_files
from editlint.index.scan import ScannedArticle, scan_text, scan_wikitext
from editlint.safefiles import remove_stale
from editlint.yamlsource import load_yaml

#: Scans by the article's path relative to the root: (mtime_ns, size, scan).
Entries = dict[str, tuple[int, int, ScannedArticle]]
#: Scans article files under a root: ``scan_all(files, root)``, one result per file, in order.
ScanAll = Callable[[list[str], Path], Iterable["ScannedArticle | None"]] | None


def build_index(
    root: Path,
    cache_dir: Path | None = None,
    redirects_file: Path | None = None,
    subfolders: bool = True,
    scan_all: ScanAll = None,
    known: Entries | None = None,
    files: list[tuple[str, os.stat_result]] | None = None,
) -> ContentIndex:
    """Index every article under ``root`` (only those directly in it without ``subfolders``);
    with ``cache_dir``, only changed files are read. ``scan_all(files, root)`` scans the files
    to read (default: one after another here), e.g. on several cores.

    ``known`` holds the scans of an earlier build in memory (the warm process's): when it
    holds any, it stands for the disk cache, and it is updated in place. ``files`` is the
    result of ``article_files`` when the caller has it already."""
    root = root.resolve()
    index = ContentIndex(root=root)
    if not root.is_dir():
        return index
    cache_path = cache.cache_file(cache_dir, root) if cache_dir else None
    files = article_files(str(root), subfolders) if files is None else files
    if known:
        cached = known
    else:
        cached = cache.load(cache_path, cache.limit_for(len(files))) if cache_path else {}
    entries: Entries = {}
    prefix = len(str(root)) + 1
    found = []  # (file, name, stat, cached scan or None)
    for file, stat in files:
        name = file[prefix:].replace(os.sep, "/")
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
    if cache_path and _worth_saving(cached, entries, len(to_read)):
        cache.save(cache_path, entries)
    elif cache_path and to_read:
        remove_stale(cache_path.parent, cache.TEMP_PREFIX)  # what a killed save left
    if known is not None:
        known.clear()
        known.update(entries)
    if redirects_file is not None:
        for name, title in read_redirects(redirects_file).items():
            index.add_redirect(name, title)
    return index


#: Files read again (changed, added) or gone before the cache file is rewritten: rewriting
#: it costs as much as reading it (3.8 MB at 10,000 articles), a changed file costs one scan.
RESCANS_BEFORE_SAVING = 16


def _worth_saving(cached: Entries, entries: Entries, read: int) -> bool:
    """Whether to rewrite the cache file: when it had nothing, or when more files than
    ``RESCANS_BEFORE_SAVING`` were read or are gone. Until then a changed file is read again
    on every run (its time or size still differ from the cache's), which a one-file check
    of the file just edited (pre-commit, an editor's save) does anyway."""
    if not cached:
        return bool(entries)
    if read > RESCANS_BEFORE_SAVING:
        return True
    gone = len(cached.keys() - entries.keys())
    return read + gone > RESCANS_BEFORE_SAVING


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
