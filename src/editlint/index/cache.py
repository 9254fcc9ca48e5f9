"""The index cache on disk: one JSON file per content root, entries keyed by path, mtime, size.

JSON rather than pickle: a cache folder is writable by whoever shares the repository, and
loading it must never run code. A cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path

from editlint.index.scan import ScannedArticle

CACHE_VERSION = 1


def cache_file(cache_dir: Path, root: Path) -> Path:
    digest = hashlib.sha1(str(root).encode("utf-8")).hexdigest()[:16]
    return cache_dir / f"index-v{CACHE_VERSION}-{digest}.json"


def load(path: Path) -> dict[str, tuple[int, int, ScannedArticle]]:
    """Cached scans by relative path: (mtime_ns, size, scan)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != CACHE_VERSION:
            return {}
        return {
            name: (entry["mtime_ns"], entry["size"], ScannedArticle(**entry["article"]))
            for name, entry in data["files"].items()
        }
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def save(path: Path, entries: dict[str, tuple[int, int, ScannedArticle]]) -> None:
    data = {
        "version": CACHE_VERSION,
        "files": {
            name: {"mtime_ns": mtime, "size": size, "article": asdict(scan)}
            for name, (mtime, size, scan) in entries.items()
        },
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".index-", suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, path)
    except OSError:
        return
