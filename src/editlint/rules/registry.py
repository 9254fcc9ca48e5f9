"""Collect every available rule: shipped packs, Python built-ins, entry points, extra paths."""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import entry_points
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


def entry_point_rules() -> list[Rule]:
    """Rules published by other packages: a Rule class, a list of them, or a pack path."""
    rules: list[Rule] = []
    for entry_point in entry_points(group=ENTRY_POINT_GROUP):
        try:
            loaded = entry_point.load()
        except Exception as error:
            raise ConfigError(f"entry point '{entry_point.name}' failed to load: {error}") from None
        rules.extend(_rules_from(loaded, entry_point.name))
    return rules


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
    rules.extend(entry_point_rules())
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
