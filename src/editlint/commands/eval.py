"""``editlint eval``: measure the rules on a labelled ``text,label`` CSV."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from editlint.authoring.evaluation import evaluate, evaluation_checker, read_examples, render_text
from editlint.commands.common import add_config_argument, codes, config_for
from editlint.diagnostics import Category
from editlint.engine.runner import SelectionOverrides

_CATEGORIES = [
    category.value for category in Category if category not in (Category.INPUT, Category.INTERNAL)
]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("csv", type=Path, help="CSV file with a 'text,label' header")
    add_config_argument(parser)
    parser.add_argument(
        "--category",
        choices=[*_CATEGORIES, "all"],
        default="neutrality",
        help="count findings of this category (default: neutrality)",
    )
    parser.add_argument("--select", type=codes, help="only these codes or prefixes")
    parser.add_argument(
        "--extend-select",
        type=codes,
        default=[],
        help="add codes or prefixes (an opt-in rule such as NEU801 by its full code)",
    )
    parser.add_argument("--ignore", type=codes, default=[], help="turn off codes or prefixes")
    parser.add_argument("--per-rule", action="store_true", help="break the figures down by rule")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format")


def run(args: argparse.Namespace) -> int:
    examples = read_examples(args.csv)
    loaded = config_for(args, [args.csv])
    category = None if args.category == "all" else args.category
    overrides = SelectionOverrides(args.select, args.ignore, args.extend_select)
    checker = evaluation_checker(loaded, category, overrides)
    evaluation = evaluate(args.csv, checker, category, examples)
    if args.format == "json":
        sys.stdout.write(json.dumps(evaluation.to_dict(), indent=2) + "\n")
    else:
        sys.stdout.write(render_text(evaluation, args.per_rule))
    return 0
