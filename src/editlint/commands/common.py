"""Helpers shared by commands: config loading, code lists."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from editlint.config.model import LoadedConfig, config_near, load_config
from editlint.errors import UsageError

if TYPE_CHECKING:
    from editlint.rules.base import Rule


def codes(value: str) -> list[str]:
    """'NEU101,SRC' -> ['NEU101', 'SRC']."""
    return [code.strip() for code in value.split(",") if code.strip()]


def add_config_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, help="config file (default: the nearest editlint.yaml upward)"
    )


def config_for(
    args: argparse.Namespace, paths: list[Path], cache: Path | bool | None = False
) -> LoadedConfig:
    """The config named by --config, or the nearest one to the first path; ``cache`` (a
    folder, None for the default one, False for none) keeps it validated for the next run."""
    if args.config is not None:
        if not args.config.is_file():
            raise UsageError(f"no such config file: {args.config}")
        return load_config(args.config, args.config.parent, named=True, cache=cache)
    start = paths[0] if paths else Path.cwd()
    if not start.exists():
        raise UsageError(f"no such file or folder: {start}")
    return config_near(start, cache=cache)


def configured_rules(args: argparse.Namespace) -> list[Rule]:
    """Every rule the config (--config, or the nearest one to the working folder) makes
    available: the shipped ones (unless ``builtin_packs: false``) and its ``rule_paths`` packs."""
    from editlint.rules.registry import all_rules

    loaded = config_for(args, [])
    config = loaded.config
    return all_rules([loaded.root / path for path in config.rule_paths], config.builtin_packs)
