"""``editlint rules``: list rules with code, category, severity, fixability and opt-in."""

from __future__ import annotations

import argparse
import json
import sys

from editlint.commands.common import add_config_argument, configured_rules


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=["text", "json"], default="text")
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    rules = configured_rules(args)
    if args.format == "json":
        listing = [
            {**rule.metadata(), "examples": rule.examples.to_dict() if rule.examples else None}
            for rule in rules
        ]
        sys.stdout.write(json.dumps(listing, indent=2, ensure_ascii=False) + "\n")
        return 0
    for rule in rules:
        fixable = rule.fix_applicability.value if rule.fix_applicability else "-"
        opt_in = "(opt-in) " if rule.opt_in else ""
        print(
            f"{rule.code:<8} {rule.name:<32} {rule.category.value:<20} "
            f"{rule.severity.value:<8} {fixable:<8} {opt_in}{rule.summary or rule.message}"
        )
    return 0
