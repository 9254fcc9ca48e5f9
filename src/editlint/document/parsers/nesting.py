"""The nesting limit both Markdown parsers enforce, and the input error past it."""

from __future__ import annotations

from editlint.document.errors import InputError

#: markdown-it's ``maxNesting``: past it, it silently drops the rest of the text.
NESTING_LIMIT = 20


def too_deep(offset: int) -> InputError:
    """The input error of a text nested past the limit, at ``offset``."""
    return InputError(
        f"lists or quotes nested too deeply (the parser's limit of {NESTING_LIMIT} levels); "
        "the text from here on cannot be checked",
        offset,
    )
