"""``editlint test-rules PATH...``: check every example of every rule, report like a test run."""

from __future__ import annotations

import argparse
from pathlib import Path

from editlint.authoring.examples import ExampleResult, run_all
from editlint.errors import UsageError
from editlint.rules.base import Rule
from editlint.rules.packs import builtin_pack_dir, load_pack, pack_files
from editlint.rules.registry import builtin_python_rules, entry_point_rules


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", type=Path, help="rule pack files or folders (default: every rule)"
    )
    parser.add_argument(
        "--builtin", action="store_true", help="also test the Python built-in rules"
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="list every example")


def run(args: argparse.Namespace) -> int:
    results = run_all(_rules(args.paths, args.builtin))
    for result in results:
        if args.verbose or not result.passed:
            print(_line(result))
    failed = sum(1 for result in results if not result.passed)
    rules = len({(result.pack, result.code) for result in results})
    passed = f"{len(results) - failed} passed"
    print(f"{failed} failed, {passed} ({rules} rules)" if failed else f"{passed} ({rules} rules)")
    return 1 if failed else 0


def _rules(paths: list[Path], builtin: bool) -> list[tuple[Rule, str | None]]:
    rules: list[tuple[Rule, str | None]] = []
    if not paths:
        for file in pack_files(builtin_pack_dir()):
            shipped = load_pack(file)
            rules.extend((rule, _pack_label(file, rule, "editlint.packs/")) for rule in shipped)
        python_rules = [*builtin_python_rules(), *entry_point_rules()]
        rules.extend((rule, str(rule.origin)) for rule in python_rules)
        return rules
    for path in paths:
        if not path.exists():
            raise UsageError(f"no such file or folder: {path}")
        files = pack_files(path)
        if not files:
            raise UsageError(f"no rule packs (*.yaml) in {path}")
        for file in files:
            rules.extend((rule, _pack_label(file, rule)) for rule in load_pack(file))
    if builtin:
        rules.extend((rule, None) for rule in builtin_python_rules())
    return rules


def _pack_label(file: Path, rule: Rule, folder: str | None = None) -> str:
    """``rules/house.yaml::house-style``: the file and the pack name it declares."""
    where = f"{folder}{file.name}" if folder else file.as_posix()
    return f"{where}::{rule.origin.pack}"


def _line(result: ExampleResult) -> str:
    if result.passed:
        return f"PASSED {result.node_id}"
    text = f" {result.text!r}" if result.text else ""
    return f"FAILED {result.node_id}{text}: {result.problem}"
