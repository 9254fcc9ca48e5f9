"""The seam onto CPython's private regex parser: the shapes leads, linear and patterns read.

A Python release that changes ``re._parser``'s trees fails here, by name, before a rule
misreads a pattern.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from editlint.rules.matching.regex_tree import constants as c
from editlint.rules.matching.regex_tree import parsed

SRC = Path(__file__).resolve().parents[1] / "src" / "editlint"

SHAPES = [
    (r"ab", [(c.LITERAL, 97), (c.LITERAL, 98)]),
    (r"a+", [(c.MAX_REPEAT, (1, c.MAXREPEAT, [(c.LITERAL, 97)]))]),
    (r"a*?", [(c.MIN_REPEAT, (0, c.MAXREPEAT, [(c.LITERAL, 97)]))]),
    (r"a++", [(c.POSSESSIVE_REPEAT, (1, c.MAXREPEAT, [(c.LITERAL, 97)]))]),
    (r"a{2,5}", [(c.MAX_REPEAT, (2, 5, [(c.LITERAL, 97)]))]),
    (r"(?>a)", [(c.ATOMIC_GROUP, [(c.LITERAL, 97)])]),
    (r"[a-z]", [(c.IN, [(c.RANGE, (97, 122))])]),
    (r"[^a]", [(c.NOT_LITERAL, 97)]),
    (r"[^a-z]", [(c.IN, [(c.NEGATE, None), (c.RANGE, (97, 122))])]),
    (r"\w\d\s", [(c.IN, [(c.CATEGORY, cat)]) for cat in (
        c.CATEGORY_WORD, c.CATEGORY_DIGIT, c.CATEGORY_SPACE)]),
    (r"(?:ab|cd)", [(c.BRANCH, (None, [[(c.LITERAL, 97), (c.LITERAL, 98)],
                                       [(c.LITERAL, 99), (c.LITERAL, 100)]]))]),
    (r"(x)", [(c.SUBPATTERN, (1, 0, 0, [(c.LITERAL, 120)]))]),
    (r"(?=a)(?!b)", [(c.ASSERT, (1, [(c.LITERAL, 97)])), (c.ASSERT_NOT, (1, [(c.LITERAL, 98)]))]),
    (r"\b.", [(c.AT, c.AT_BOUNDARY), (c.ANY, None)]),
]  # fmt: skip


@pytest.mark.parametrize(("pattern", "shape"), SHAPES, ids=[p for p, _ in SHAPES])
def test_the_parser_gives_the_shapes_the_rules_read(pattern, shape):
    assert [(op, _plain(arg)) for op, arg in parsed(pattern)] == _plain(shape)


def test_a_pattern_the_parser_refuses_raises():
    with pytest.raises(re.error):
        parsed("(unclosed")


def test_only_the_seam_imports_the_private_parser():
    modules = r"re\._parser|re\._constants|sre_parse|sre_constants"
    private = re.compile(rf"^\s*(?:import|from)\s+(?:{modules})\b", re.MULTILINE)
    users = sorted(
        path.relative_to(SRC).as_posix()
        for path in SRC.rglob("*.py")
        if private.search(path.read_text(encoding="utf-8"))
    )
    assert users == ["rules/matching/regex_tree.py"]


def _plain(value):
    """Parse trees hold SubPattern objects: compared as lists."""
    if isinstance(value, (list, tuple)) or type(value).__name__ == "SubPattern":
        items = [_plain(item) for item in value]
        return tuple(items) if isinstance(value, tuple) else items
    return value
