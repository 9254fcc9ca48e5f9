"""The parse tree of a regular expression, made once however many checks read it."""

from __future__ import annotations

import re._parser as _sre_parser
from functools import lru_cache


@lru_cache(maxsize=1024)
def parsed(pattern: str) -> tuple:
    """The items of ``pattern`` as the stdlib parser sees them; raises re.error (or any
    exception of the parser) on syntax it does not know. Callers must not change them."""
    return tuple(_sre_parser.parse(pattern))
