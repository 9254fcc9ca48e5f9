"""The parse tree of a regular expression, made once however many checks read it.

The one seam onto CPython's private regex parser (``re._parser``, ``re._constants``, so named
since Python 3.11, which editlint requires): ``leads.py``, ``linear.py`` and ``patterns.py``
(in ``rules/matching/``) read parse trees through ``parsed`` and name opcodes through
``constants``, never the private modules. ``tests/test_regex_tree.py`` pins the shapes they
rely on, so a Python release that changes them fails there first.
"""

from __future__ import annotations

import re._constants as constants
import re._parser as _sre_parser
from functools import lru_cache

__all__ = ["capture_groups", "constants", "parsed"]


@lru_cache(maxsize=1024)
def parsed(pattern: str) -> tuple:
    """The items of ``pattern`` as the stdlib parser sees them; raises re.error (or any
    exception of the parser) on syntax it does not know. Callers must not change them."""
    return tuple(_sre_parser.parse(pattern))


def capture_groups(pattern: str) -> int:
    """How many capturing groups ``pattern`` has, as the stdlib parser counts them; raises
    as ``parsed`` does."""
    return _sre_parser.parse(pattern).state.groups - 1
