"""The Markdown block parser, chosen in one place.

``pyromark`` (pulldown-cmark, native: the default) or ``markdown-it`` (markdown-it-py's block
pass, the parser before it), by ``EDITLINT_MARKDOWN_PARSER``. Both give the same thing: the
blocks of the body, the container prefixes to mask, and the link reference definitions, in
character offsets into the whole text; on every corpus article the same documents but for the
differences listed in docs/performance.md.
"""

from __future__ import annotations

import os

from editlint.document.lines import LineIndex
from editlint.errors import UsageError

ENV_VAR = "EDITLINT_MARKDOWN_PARSER"
PARSERS = ("pyromark", "markdown-it")


def markdown_parser(name: str | None = None) -> str:
    """The parser to use: ``name``, else ``EDITLINT_MARKDOWN_PARSER``, else pyromark (or
    markdown-it where pyromark is not installed).

    An unknown name, or ``pyromark`` asked for by name when it is not installed, is a usage
    error."""
    chosen = name or os.environ.get(ENV_VAR)
    if chosen is None:
        return "pyromark" if _native_installed() else "markdown-it"
    if chosen not in PARSERS:
        raise UsageError(
            f"{ENV_VAR}={chosen}: unknown Markdown parser (choose {' or '.join(PARSERS)})"
        )
    if chosen == "pyromark" and not _native_installed():
        raise UsageError(f"{ENV_VAR}=pyromark: pyromark is not installed (pip install pyromark)")
    return chosen


def _native_installed() -> bool:
    try:
        import pyromark  # noqa: F401 - 2 ms, and the parse needs it next
    except ImportError:
        return False
    return True


def parse_blocks(
    text: str, body_start: int, lines: LineIndex | None = None, parser: str | None = None
):
    """Blocks, prefixes to mask and reference definitions of ``text[body_start:]``.

    ``lines`` is the text's line index, which only markdown-it's block pass reads (its tokens
    carry line numbers); without one it builds its own, so pyromark's parse builds none."""
    if markdown_parser(parser) == "pyromark":
        from editlint.document.parsers.pyromark_blocks import parse_blocks as native

        return native(text, body_start, lines)
    from editlint.document.parsers.markdown_it_blocks import parse_blocks as python

    return python(text, body_start, lines)
