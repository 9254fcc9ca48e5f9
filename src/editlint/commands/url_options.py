"""``check --check-urls`` and its options: ask every cited and linked URL before checking."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from editlint.errors import UsageError

if TYPE_CHECKING:
    from editlint.engine.runner import Checker


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("link checking (opt-in, uses the network)")
    group.add_argument(
        "--check-urls",
        action="store_true",
        help="ask every cited and linked URL whether it still answers (SRC301-SRC303)",
    )
    group.add_argument(
        "--url-timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="give up on a server silent this long (default: 10)",
    )
    group.add_argument(
        "--url-jobs",
        type=int,
        default=8,
        metavar="N",
        help="URLs asked at once, over all hosts (default: 8)",
    )
    group.add_argument(
        "--url-per-host",
        type=int,
        default=2,
        metavar="N",
        help="URLs asked at once of one host (default: 2)",
    )
    group.add_argument(
        "--url-retries",
        type=int,
        default=2,
        metavar="N",
        help="more attempts after 429, 502-504 or a timeout (default: 2)",
    )
    group.add_argument(
        "--url-max-wait",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="the longest Retry-After honoured before a retry (default: 10)",
    )
    group.add_argument(
        "--url-cache-ttl",
        type=float,
        default=168.0,
        metavar="HOURS",
        help="how long a checked URL is not asked again (default: 168, a week; 0: always ask)",
    )


def check_urls(args: argparse.Namespace, checker: Checker, files: list[Path], progress) -> None:
    """Ask the files' URLs (cached answers first) and hand the statuses to the link rules."""
    from editlint.rules.support.url_statuses import SETTING
    from editlint.urlcheck.fetch import FetchOptions
    from editlint.urlcheck.run import UrlCheckOptions, check_urls, urls_of_files

    for name in ("url_timeout", "url_jobs", "url_per_host", "url_max_wait"):
        if getattr(args, name) <= 0:
            raise UsageError(f"--{name.replace('_', '-')} must be more than 0")
    if args.url_retries < 0 or args.url_cache_ttl < 0:
        raise UsageError("--url-retries and --url-cache-ttl must not be negative")
    if not any(rule.code.startswith("SRC30") for rule in checker.rules):
        return  # the link rules are not selected: nothing would report what is found
    options = UrlCheckOptions(
        jobs=args.url_jobs,
        ttl_hours=args.url_cache_ttl,
        fetch=FetchOptions(
            timeout=args.url_timeout,
            retries=args.url_retries,
            max_wait=args.url_max_wait,
            per_host=args.url_per_host,
        ),
    )
    loaded = checker.loaded
    urls = urls_of_files(files, loaded.config, loaded.root)
    tracked = lambda items: progress(items, "Checking URLs")  # noqa: E731
    statuses = check_urls(urls, loaded.cache_dir, options, tracked)
    checker.share(SETTING, statuses)
