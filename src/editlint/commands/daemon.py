"""``editlint daemon start|stop|status``: the warm process that checks a few files at once."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from editlint.commands.common import add_config_argument, config_for
from editlint.errors import UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("start", "stop", "status"))
    add_config_argument(parser)
    parser.add_argument(
        "--cache-dir", type=Path, help="the cache folder checks use (as for 'editlint check')"
    )
    parser.add_argument("--json", action="store_true", help="print the status as JSON")


def run(args: argparse.Namespace) -> int:
    """Exit 0 when a daemon runs afterwards (``stop``: when none does), 1 otherwise."""
    from editlint.daemon import spawn

    loaded = config_for(args, [])
    if args.cache_dir is not None:
        loaded.cache_override = args.cache_dir
    folder = loaded.cache_dir
    if folder is None:
        raise UsageError("no cache folder: the daemon lives in one (add an editlint.yaml)")
    if args.action == "start":
        found = spawn.start(folder, loaded.path, wait=True)
        if found is None:
            raise UsageError(f"the daemon did not start; see {folder / 'daemon.log'}")
    elif args.action == "stop":
        stopped = spawn.stop(folder)
        print("stopped" if stopped else "no daemon running", f"({folder})")
        return 0
    else:
        found = spawn.status(folder)
    if args.json:
        print(json.dumps(found or {"status": "stopped"}, indent=2))
    elif found is None:
        print(f"no daemon running ({folder})")
    else:
        print(
            f"daemon running: pid {found['pid']}, config {found['config']}, "
            f"{found['served']} check(s) served, up {found['uptime']} s; many-file runs: "
            f"{found.get('from_cache', 0)} file(s) from the result cache, "
            f"{found.get('checked_for_cache', 0)} checked"
        )
    return 0 if found is not None else 1
