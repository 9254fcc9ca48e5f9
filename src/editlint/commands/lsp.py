"""``editlint lsp``: run the language server over stdio (needs the ``lsp`` extra)."""

from __future__ import annotations

import argparse

from editlint.errors import UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--stdio", action="store_true", help="talk over stdin/stdout (the default and only way)"
    )


def run(args: argparse.Namespace) -> int:
    try:
        from editlint.lsp import serve
    except ImportError as error:
        raise UsageError(
            f"the language server needs the 'lsp' extra ({error.name} is missing): "
            "pip install 'editlint[lsp]'"
        ) from None
    serve()
    return 0
