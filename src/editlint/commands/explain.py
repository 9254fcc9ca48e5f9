"""``editlint explain CODE``: what a rule checks, why, an example and the fix."""

from __future__ import annotations

import argparse

from editlint.errors import UsageError
from editlint.rules.registry import all_rules


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", help="a rule code, e.g. NEU101")


def run(args: argparse.Namespace) -> int:
    wanted = args.code.upper()
    for rule in all_rules():
        if rule.code == wanted:
            print(f"{rule.code} {rule.name} ({rule.category.value}, {rule.severity.value})")
            print()
            print(rule.explanation.strip() or rule.summary or rule.message)
            if rule.examples is not None:
                for text in rule.examples.flag:
                    print(f"\n  flagged:     {text}")
                for text in rule.examples.pass_:
                    print(f"  not flagged: {text}")
            return 0
    raise UsageError(f"unknown rule code '{args.code}' (see 'editlint rules')")
