"""A persistent record of checked URLs (``urls.json`` in the cache folder), each kept for a
time to live: a URL checked on one run is not asked again on the next.

A URL that could not be reached (timeout, refused, 5xx) is not kept: the next run asks again.
The file is read without following a link and written by a rename (``safefiles``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

from editlint.safefiles import read_own, write_by_rename
from editlint.urlcheck.status import UNREACHABLE, UrlStatus

FILE_NAME = "urls.json"
#: The cache file is not read when larger than this.
SIZE_LIMIT = 64 * 1024 * 1024
DEFAULT_TTL_HOURS = 7 * 24.0


class UrlCache:
    """URL -> (when checked, status), for the statuses younger than ``ttl`` seconds."""

    def __init__(self, folder: Path | None, ttl: float, clock: Callable[[], float] = time.time):
        self.folder = folder
        self.ttl = ttl
        self._clock = clock
        self._entries: dict[str, tuple[float, UrlStatus]] = {}
        self._changed = False
        if folder is not None:
            self._entries = _read(folder / FILE_NAME)

    def get(self, url: str) -> UrlStatus | None:
        entry = self._entries.get(url)
        if entry is None or self._clock() - entry[0] > self.ttl:
            return None
        return entry[1]

    def put(self, url: str, status: UrlStatus) -> None:
        if status.outcome == UNREACHABLE:
            return
        self._entries[url] = (self._clock(), status)
        self._changed = True

    def save(self) -> None:
        """Write the fresh entries (expired ones are dropped) when anything changed."""
        if self.folder is None or not self._changed:
            return
        now = self._clock()
        kept = {
            url: {"checked": checked, **status.to_dict()}
            for url, (checked, status) in sorted(self._entries.items())
            if now - checked <= self.ttl
        }
        data = json.dumps({"version": 1, "urls": kept}, indent=1).encode("utf-8")
        self.folder.mkdir(parents=True, exist_ok=True)
        write_by_rename(self.folder / FILE_NAME, data, self.folder, ".urls-", ".tmp")
        self._changed = False


def _read(path: Path) -> dict[str, tuple[float, UrlStatus]]:
    raw = read_own(path, SIZE_LIMIT)
    if raw is None:
        return {}
    try:
        data = json.loads(raw)
    except ValueError:
        return {}  # a broken cache is a cold cache
    urls = data.get("urls") if isinstance(data, dict) and data.get("version") == 1 else None
    entries = {}
    for url, entry in (urls or {}).items():
        if not isinstance(entry, dict):
            continue
        checked = entry.pop("checked", None)
        status = UrlStatus.from_dict(entry)
        if isinstance(checked, int | float) and status is not None:
            entries[url] = (float(checked), status)
    return entries
