"""``editlint explain CODE``: what a rule checks, why, its examples and the fix."""

from __future__ import annotations

import argparse

from editlint.authoring.examples import findings
from editlint.commands.common import add_config_argument, configured_rules
from editlint.document.lines import LineIndex
from editlint.errors import UsageError
from editlint.rules.base import Rule

INDENT = "    "


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", help="a rule code or name, e.g. NEU101 or peacock-term")
    add_config_argument(parser)


def run(args: argparse.Namespace) -> int:
    wanted = args.code.upper()
    for rule in configured_rules(args):
        if rule.code == wanted or rule.name.casefold() == args.code.casefold():
            print(explain(rule), end="")
            return 0
    raise UsageError(f"unknown rule code '{args.code}' (see 'editlint rules')")


def explain(rule: Rule) -> str:
    """The rule's heading, explanation and examples, as printed by ``editlint explain``."""
    fixable = f", fix: {rule.fix_applicability.value}" if rule.fix_applicability else ""
    parts = [
        f"{rule.code} {rule.name} ({rule.category.value}, {rule.severity.value}{fixable})\n",
        (rule.explanation.strip() or rule.summary or rule.message) + "\n",
    ]
    if rule.opt_in:
        parts.append(
            f"Opt-in: off unless named in full: `extend-select: [{rule.code}]` in "
            f"editlint.yaml, or `--extend-select {rule.code}`.\n"
        )
    if rule.messages:
        templates = (rule.message, *rule.messages.values())
        parts.append("Messages:\n" + "".join(f"{INDENT}{text}\n" for text in templates))
    examples = rule.examples
    if examples is not None:
        for text in examples.flag:
            parts.append("Flagged:\n" + _underlined(text, findings(rule, text)))
        for text in examples.pass_:
            parts.append("Not flagged:\n" + _indented(text))
        for example in examples.fix:
            fixed = _indented(example.fixed)
            parts.append(f"Fixed:\n{_indented(example.text)}  becomes:\n{fixed}")
    return "\n".join(parts)


def _indented(text: str) -> str:
    return "".join(f"{INDENT}{line}".rstrip() + "\n" for line in text.rstrip("\n").split("\n"))


def _underlined(text: str, found) -> str:
    """The text, each line followed by carets under the spans the rule flags on it."""
    lines = LineIndex(text)
    marks: dict[int, list[tuple[int, int]]] = {}
    for diagnostic in found:
        line, column = lines.position(diagnostic.start)
        end_line, end_column = lines.position(diagnostic.end)
        width = max(1, end_column - column) if end_line == line else None
        marks.setdefault(line, []).append((column, width))
    out = []
    for number, line in enumerate(text.rstrip("\n").split("\n"), start=1):
        out.append(f"{INDENT}{line}".rstrip())
        if number in marks:
            carets = [" "] * len(line)
            for column, width in marks[number]:
                width = width or max(1, len(line) - column + 1)
                carets[column - 1 : column - 1 + width] = "^" * width
            out.append(INDENT + "".join(carets).rstrip())
    return "\n".join(out) + "\n"
