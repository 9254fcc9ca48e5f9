"""Check every URL the given files cite or link: cached answers first, the rest over the
network with a global limit (threads) and a per-host limit (``HostLimits``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from editlint.urlcheck.cache import DEFAULT_TTL_HOURS, UrlCache
from editlint.urlcheck.fetch import FetchOptions, UrlFetcher
from editlint.urlcheck.status import UrlStatus

if TYPE_CHECKING:
    from editlint.config.model import Config

Progress = Callable[[Sequence], Iterable]


@dataclass
class UrlCheckOptions:
    jobs: int = 8  # URLs asked at once, over all hosts
    ttl_hours: float = DEFAULT_TTL_HOURS
    fetch: FetchOptions = field(default_factory=FetchOptions)


def urls_of_files(files: Sequence[Path], config: Config, root: Path) -> list[str]:
    """The distinct web addresses the readable files cite or link, in first-seen order."""
    from editlint.document import InputError, parse_document
    from editlint.files.screening import decode, read_bytes, screen_text
    from editlint.rules.support.workspace import Workspace
    from editlint.urlcheck.collect import checkable, linked_urls

    seen: dict[str, None] = {}
    for path in files:
        raw = read_bytes(path, config.max_file_size, root)
        text = None if isinstance(raw, tuple) else decode(raw)
        if not isinstance(text, str):
            continue  # the check itself reports an unreadable file
        if screen_text(text, config.max_file_size, config.max_line_length) is not None:
            continue
        try:
            document = parse_document(text, path)
        except (InputError, RecursionError):
            continue
        Workspace.standalone(document)  # read outside a Checker
        for linked in linked_urls(document):
            if linked.marked_dead and linked.archive:
                continue  # readers already get the archived copy: nothing to report
            url = checkable(linked.url)
            if url is not None:
                seen.setdefault(url, None)
    return list(seen)


def check_urls(
    urls: Sequence[str],
    cache_dir: Path | None,
    options: UrlCheckOptions | None = None,
    progress: Progress | None = None,
) -> dict[str, UrlStatus]:
    """The status of each URL: from the cache when checked within the TTL, else asked."""
    options = options or UrlCheckOptions()
    cache = UrlCache(cache_dir, options.ttl_hours * 3600)
    statuses: dict[str, UrlStatus] = {}
    todo = []
    for url in urls:
        cached = cache.get(url)
        if cached is not None:
            statuses[url] = cached
        else:
            todo.append(url)
    if todo:
        with UrlFetcher(options.fetch) as fetcher, ThreadPoolExecutor(max(1, options.jobs)) as pool:
            futures = [(url, pool.submit(fetcher.check, url)) for url in todo]
            for url, future in progress(futures) if progress else futures:
                statuses[url] = status = future.result()
                cache.put(url, status)
        cache.save()
    return statuses
