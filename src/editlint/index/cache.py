"""The index cache on disk: one JSON file per content root, entries keyed by path, mtime, size.

JSON rather than pickle: a cache folder is writable by whoever shares the repository, and
loading it must never run code. A cache that cannot be read or written is simply not used.
Its name is predictable, so a repository can plant it: it is read only as a regular file (no
link followed, no FIFO or device opened) of bounded size (``limit``), and a malformed entry
makes the whole file a miss.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import fields
from pathlib import Path

from editlint.cachefolder import make_cache_folder
from editlint.index.scan import ScannedArticle
from editlint.safefiles import read_own, remove_stale, write_by_rename

CACHE_VERSION = 1


def cache_file(cache_dir: Path, root: Path) -> Path:
    digest = hashlib.sha1(str(root).encode("utf-8")).hexdigest()[:16]
    return cache_dir / f"index-v{CACHE_VERSION}-{digest}.json"


#: The cache file may hold this much, plus ``LIMIT_PER_ARTICLE`` per article file found
#: (a real one holds well under 1 KB per article).
LIMIT, LIMIT_PER_ARTICLE = 1024 * 1024, 64 * 1024
TEMP_PREFIX = ".index-"


def limit_for(articles: int) -> int:
    return LIMIT + LIMIT_PER_ARTICLE * articles


def load(path: Path, limit: int) -> dict[str, tuple[int, int, ScannedArticle]]:
    """Cached scans by relative path: (mtime_ns, size, scan); empty when the file is missing,
    not a regular file, over ``limit`` bytes or malformed."""
    raw = read_own(path, limit)
    if raw is None:
        return {}
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("version") != CACHE_VERSION:
            return {}
        return {_name(name): _entry(entry) for name, entry in data["files"].items()}
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return {}


_STRING_LISTS = ("aliases", "redirect_from", "ids")
_FIELDS = tuple(field.name for field in fields(ScannedArticle))


def _name(name: object) -> str:
    if not isinstance(name, str):
        raise TypeError("a file name must be a string")
    return name


def _entry(entry: dict) -> tuple[int, int, ScannedArticle]:
    """One file's entry, its types checked: a crafted entry is a TypeError, not a crash later."""
    mtime, size, article = entry["mtime_ns"], entry["size"], entry["article"]
    if type(mtime) is not int or type(size) is not int or not isinstance(article, dict):
        raise TypeError("malformed entry")
    scan = ScannedArticle(**article)
    optional = (scan.slug, scan.redirect_to)
    lists = [getattr(scan, name) for name in _STRING_LISTS]
    if scan.headings is not None:
        lists.append(scan.headings)
    if (
        not isinstance(scan.title, str)
        or not isinstance(scan.digest, str)
        or type(scan.body_start) is not int
        or not all(value is None or isinstance(value, str) for value in optional)
        or not all(isinstance(v, list) and all(isinstance(s, str) for s in v) for v in lists)
    ):
        raise TypeError("malformed entry")
    return mtime, size, scan


def save(path: Path, entries: dict[str, tuple[int, int, ScannedArticle]]) -> None:
    data = {
        "version": CACHE_VERSION,
        "files": {
            # the fields as they are (JSON copies them): asdict's deep copy took most of a save
            name: {
                "mtime_ns": mtime,
                "size": size,
                "article": {f: getattr(scan, f) for f in _FIELDS},
            }
            for name, (mtime, size, scan) in entries.items()
        },
    }
    try:
        make_cache_folder(path.parent)
        remove_stale(path.parent, TEMP_PREFIX)  # what a killed run left
        try:  # a file name that is not UTF-8 (a surrogate escape) is written as a \u escape
            encoded = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
        except UnicodeEncodeError:
            encoded = json.dumps(data, separators=(",", ":")).encode()
        write_by_rename(path, encoded, path.parent, TEMP_PREFIX, ".tmp")
    except OSError:
        return
