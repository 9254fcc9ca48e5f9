"""``check`` options for how files are checked: processes, result cache, Dask."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from editlint.config.discovery import CACHE_DIR_NAME

if TYPE_CHECKING:
    from editlint.config.model import LoadedConfig
    from editlint.engine.batch import BatchOptions


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("performance")
    group.add_argument(
        "--jobs",
        "-j",
        type=int,
        default=0,
        metavar="N",
        help="worker processes (default: the cores no other process keeps busy; 1: check in this "
        "process)",
    )
    group.add_argument("--no-cache", action="store_true", help="neither read nor write any cache")
    group.add_argument(
        "--cache-dir",
        type=Path,
        help=f"cache folder (default: {CACHE_DIR_NAME} beside the config file)",
    )
    group.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="'dask' runs on a Dask cluster (pip install 'editlint[dask]')",
    )
    group.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address for --engine dask (default: local processes)",
    )


def batch_options(args: argparse.Namespace, loaded: LoadedConfig) -> BatchOptions:
    """The options, and the cache setting applied to ``loaded`` (the index cache reads it)."""
    if args.no_cache:
        loaded.cache_override = False
    elif args.cache_dir is not None:
        loaded.cache_override = args.cache_dir
    from editlint.engine.batch import BatchOptions  # the engine: not for registering arguments

    return BatchOptions(
        jobs=args.jobs or None,
        cache_dir=loaded.cache_dir,
        engine=args.engine,
        scheduler=args.scheduler,
    )
