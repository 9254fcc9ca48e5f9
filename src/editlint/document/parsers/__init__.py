"""The Markdown block parser, chosen in one place.

``markdown-it`` (markdown-it-py's block pass, the default) or ``pyromark`` (pulldown-cmark,
native; ``pip install 'editlint[native]'``), by ``EDITLINT_MARKDOWN_PARSER``. Both give the
same thing: the blocks of the body, the container prefixes to mask, and the link reference
definitions, in character offsets into the whole text (docs/performance.md).
"""

from __future__ import annotations

import os
from importlib.util import find_spec

from editlint.document.lines import LineIndex
from editlint.errors import UsageError

ENV_VAR = "EDITLINT_MARKDOWN_PARSER"
PARSERS = ("markdown-it", "pyromark")
DEFAULT = "markdown-it"


def markdown_parser(name: str | None = None) -> str:
    """The parser to use: ``name``, else ``EDITLINT_MARKDOWN_PARSER``, else the default.

    An unknown name, or ``pyromark`` when it is not installed, is a usage error."""
    chosen = name or os.environ.get(ENV_VAR) or DEFAULT
    if chosen not in PARSERS:
        raise UsageError(
            f"{ENV_VAR}={chosen}: unknown Markdown parser (choose {' or '.join(PARSERS)})"
        )
    if chosen == "pyromark" and find_spec("pyromark") is None:
        raise UsageError(
            f"{ENV_VAR}=pyromark: pyromark is not installed (pip install 'editlint[native]')"
        )
    return chosen


def parse_blocks(text: str, body_start: int, lines: LineIndex, parser: str | None = None):
    """Blocks, prefixes to mask and reference definitions of ``text[body_start:]``."""
    if markdown_parser(parser) == "pyromark":
        from editlint.document.parsers.pyromark_blocks import parse_blocks as native

        return native(text, body_start, lines)
    from editlint.document.parsers.markdown_it_blocks import parse_blocks as python

    return python(text, body_start, lines)
