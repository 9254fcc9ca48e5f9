"""Collect every available rule: shipped packs, Python built-ins, entry points, extra paths."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

from editlint.errors import ConfigError
from editlint.project import rule_docs_url
from editlint.rules.base import Rule
from editlint.rules.packs import builtin_pack_dir, load_pack, pack_files
from editlint.validated import ValidatedStore

ENTRY_POINT_GROUP = "editlint.rules"


def builtin_python_rules() -> list[Rule]:
    from editlint.rules.builtin import BUILTIN_RULES

    return [rule_class() for rule_class in BUILTIN_RULES]


def entry_point_rules(known: ValidatedStore | None = None) -> list[Rule]:
    """Rules published by other packages: a Rule class, a list of them, or a pack path."""
    rules: list[Rule] = []
    for entry_point in _entry_points(known):
        try:
            loaded = entry_point.load()
        except Exception as error:
            raise ConfigError(f"entry point '{entry_point.name}' failed to load: {error}") from None
        rules.extend(_rules_from(loaded, entry_point.name))
    return rules


def _entry_points(known: ValidatedStore | None) -> list:
    """The installed packages' ``editlint.rules`` entry points.

    Finding them imports ``importlib.metadata`` and reads every installed package's metadata
    (10-15 ms a run). Installing or removing a package changes its folder's modification time,
    so when an earlier run found none and every folder of the import path has the time it
    had then, there are still none (``known`` keeps that answer)."""
    identity = ["no entry points", *map(_stamped, sys.path)]
    if known is not None and known.recall(identity) is True:
        return []
    from importlib.metadata import entry_points

    found = list(entry_points(group=ENTRY_POINT_GROUP))
    if known is not None and not found:
        known.keep(identity, True)
    return found


def _stamped(folder: str) -> str:
    try:
        return f"{folder} {os.stat(folder or '.').st_mtime_ns}"
    except OSError:
        return f"{folder} missing"


def _rules_from(loaded, name: str) -> Iterable[Rule]:
    if isinstance(loaded, (str, Path)):
        for path in pack_files(Path(loaded)):
            yield from load_pack(path)
    elif isinstance(loaded, type) and issubclass(loaded, Rule):
        yield loaded()
    elif isinstance(loaded, Rule):
        yield loaded
    elif isinstance(loaded, (list, tuple)):
        for item in loaded:
            yield from _rules_from(item, name)
    else:
        raise ConfigError(f"entry point '{name}' gave neither rules nor a pack path")


def all_rules(
    rule_paths: Iterable[Path] = (),
    builtin_packs: bool = True,
    known: ValidatedStore | None = None,
) -> list[Rule]:
    """Every rule, in a stable order; two rules with one code are an error. ``known`` keeps
    the packs validated for the next run (``editlint.validated``)."""
    rules: list[Rule] = []
    if builtin_packs:
        for path in pack_files(builtin_pack_dir()):
            rules.extend(load_pack(path, known))
    rules.extend(builtin_python_rules())
    for rule in rules:  # the shipped rules, each a section of docs/rules.md
        rule.docs_url = rule_docs_url(rule.code)
    rules.extend(entry_point_rules(known))
    for extra in rule_paths:
        if not extra.exists():
            raise ConfigError(f"rule_paths: no such file or folder '{extra}'")
        for path in pack_files(extra):
            rules.extend(load_pack(path, known))
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.code in seen:
            raise ConfigError(
                f"rule code {rule.code} is defined twice ({seen[rule.code].origin}, {rule.origin})"
            )
        seen[rule.code] = rule
    return sorted(rules, key=lambda rule: rule.code)
