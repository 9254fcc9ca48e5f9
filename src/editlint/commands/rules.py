"""``editlint rules``: list rules with code, category, severity and fixability."""

from __future__ import annotations

import argparse
import json
import sys

from editlint.rules.registry import all_rules


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["text", "json"], default="text")


def run(args: argparse.Namespace) -> int:
    rules = all_rules()
    if args.format == "json":
        sys.stdout.write(json.dumps([rule.metadata() for rule in rules], indent=2) + "\n")
        return 0
    for rule in rules:
        fixable = rule.fix_applicability.value if rule.fix_applicability else "-"
        print(
            f"{rule.code:<8} {rule.name:<32} {rule.category.value:<20} "
            f"{rule.severity.value:<8} {fixable:<8} {rule.summary or rule.message}"
        )
    return 0
