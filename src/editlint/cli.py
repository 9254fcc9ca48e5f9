"""The ``editlint`` command line: arguments and exit codes, nothing else."""

from __future__ import annotations

import argparse
import sys
from importlib import import_module
from typing import TYPE_CHECKING

from editlint.errors import UsageError
from editlint.printable import terminal_safe
from editlint.project import DOCS_URL

if TYPE_CHECKING:
    from editlint.daemon.warm import WarmState
    from editlint.gitcommand import EarlyStatus

COMMANDS = {
    "init": ("editlint.commands.init", "Write a commented editlint.yaml for this repository."),
    "check": ("editlint.commands.check", "Check articles and report findings."),
    "rules": ("editlint.commands.rules", "List the available rules."),
    "explain": ("editlint.commands.explain", "Explain one rule: what, why, example, fix."),
    "schema": ("editlint.commands.schema", "Print the JSON Schema of editlint.yaml."),
    "test-rules": ("editlint.commands.rule_examples", "Check the examples every rule carries."),
    "import": ("editlint.commands.import_export", "Convert a plain-text wiki export to Markdown."),
    "lsp": ("editlint.commands.lsp", "Run the language server over stdio (editors)."),
    "eval": ("editlint.commands.eval", "Measure the rules on a labelled text,label CSV."),
    "daemon": ("editlint.commands.daemon", "Start, stop or query the warm process for checks."),
}

#: Shown after the options of ``editlint --help`` and of each command's ``--help``.
EXAMPLES = {
    None: [
        ("editlint check content/", "check every article under content/"),
        ("editlint check --fix content/", "apply the safe fixes, report the rest"),
        ("editlint explain NEU101", "what a rule checks, why, and how to fix it"),
        ("editlint init", "write a commented editlint.yaml for this repository"),
    ],
    "check": [
        ("editlint check content/", "full report, exit 1 on findings"),
        ("editlint check --select NEU,SEE101 content/", "only these codes or prefixes"),
        ("editlint check --diff content/", "what --fix would change"),
        ("editlint check --changed-since origin/main", "files changed on this branch"),
        ("editlint check --format sarif -o editlint.sarif .", "SARIF for code scanning"),
        ("editlint check - --stdin-filename content/a.md", "check stdin as that file"),
    ],
    "explain": [
        ("editlint explain NEU101", "by code"),
        ("editlint explain peacock-term", "by name"),
    ],
    "init": [("editlint init", "survey this repository, write editlint.yaml, print the hooks")],
}


def _epilog(command: str | None) -> str:
    width = max((len(example) for example, _ in EXAMPLES.get(command, [])), default=0)
    lines = [f"  {example:<{width}}  # {what}" for example, what in EXAMPLES.get(command, [])]
    examples = ["examples:", *lines, ""] if lines else []
    return "\n".join([*examples, f"documentation: {DOCS_URL}/README.md"])


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 too; keep its one-line style
        raise UsageError(message)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser; with ``command``, only that command's module is imported and its arguments
    registered (the others are listed by name and help text alone)."""
    parser = _Parser(
        prog="editlint",
        description="Editorial linter for encyclopedia articles.",
        epilog=_epilog(None),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"editlint {_version()}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module, help_text) in COMMANDS.items():
        sub = subparsers.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=_epilog(name),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(_module=module)
        if command is None or name == command:
            import_module(module).add_arguments(sub)
    return parser


def _version() -> str:
    from editlint._version import __version__

    return __version__


def _command(argv: list[str]) -> str | None:
    """The command ``argv`` names: its first word that is not an option (the top-level options
    take no value), when that is a command."""
    first = next((word for word in argv if not word.startswith("-")), None)
    return first if first in COMMANDS else None


def main(
    argv: list[str] | None = None,
    warm: WarmState | None = None,
    ask_daemon: bool = True,
    early_status: EarlyStatus | None = None,
) -> int:
    """Run the command ``argv`` names; its exit code. A check goes to a running daemon first
    (unless ``ask_daemon`` is false: ``editlint.launch`` asked already); ``warm`` is the
    daemon's state when this runs inside it, else None; ``early_status`` is git's status,
    asked by ``editlint.launch`` as the check started."""
    argv = sys.argv[1:] if argv is None else argv
    debug = "--debug" in argv
    command = _command(argv)
    if command == "check" and warm is None and ask_daemon:
        from editlint.daemon.client import forward

        answer = forward(argv)
        if answer is not None:  # a running daemon checked it: its output and exit code
            return answer.emit()
    try:
        parser = warm.parser(command) if warm is not None else build_parser(command)
        args = parser.parse_args(argv)
        if not args.command:
            raise UsageError("missing command (try 'editlint check' or 'editlint --help')")
        args.warm = warm
        args.early_status = early_status
        return import_module(args._module).run(args)
    except UsageError as error:
        if debug:
            raise
        print(f"editlint: error: {terminal_safe(error.render())}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 1
    except Exception as error:  # a bug: one line for the user, the traceback only with --debug
        if debug:
            raise
        print(
            f"editlint: internal error: {type(error).__name__}: {terminal_safe(str(error))} "
            "(run with --debug for the traceback)",
            file=sys.stderr,
        )
        return 2


if __name__ == "__main__":
    sys.exit(main())
