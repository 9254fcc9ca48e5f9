"""Whether a regular expression matches without backtracking blow-up, so needs no time limit.

A pattern qualifies when every repeat that can run more than once repeats a single
character matcher (``\\s+``, ``[a-z]*``, not ``(?:ab)+``; a group may repeat up to four times
if nothing in it overlaps what can follow), and what follows such a repeat can
never start with a character it takes (``it\\s+seems``: a space cannot start "seems"), except
for at most one repeat (``\\w+ly``, which may give back the "l"). A repeat of the first sort
consumes its run in exactly one way and alternatives are never repeated, so a match attempt
reads each character a bounded number of times; the one exception can make an attempt
quadratic in the length of the run it backtracks over (a word, in practice), never
exponential. An unbounded run of a matcher that takes nearly everything (``[^.]*``, ``.+``,
``\\S+``) does not qualify either: each attempt is linear, but attempts from every occurrence of
what precedes it may each read to the end of the block. The check is conservative: anything
it does not understand does not qualify.
"""

from __future__ import annotations

from itertools import product

from editlint.rules.matching.regex_tree import constants as _sre
from editlint.rules.matching.regex_tree import parsed

_SINGLE = (_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN, _sre.ANY)
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_CATEGORIES = {
    _sre.CATEGORY_SPACE: str.isspace,
    _sre.CATEGORY_NOT_SPACE: lambda char: not char.isspace(),
    _sre.CATEGORY_DIGIT: str.isdigit,
    _sre.CATEGORY_NOT_DIGIT: lambda char: not char.isdigit(),
    _sre.CATEGORY_WORD: lambda char: char.isalnum() or char == "_",
    _sre.CATEGORY_NOT_WORD: lambda char: not (char.isalnum() or char == "_"),
}
_DISJOINT = {
    (_sre.CATEGORY_WORD, _sre.CATEGORY_SPACE),
    (_sre.CATEGORY_SPACE, _sre.CATEGORY_WORD),
    (_sre.CATEGORY_DIGIT, _sre.CATEGORY_SPACE),
    (_sre.CATEGORY_SPACE, _sre.CATEGORY_DIGIT),
    (_sre.CATEGORY_SPACE, _sre.CATEGORY_NOT_SPACE),
    (_sre.CATEGORY_NOT_SPACE, _sre.CATEGORY_SPACE),
    (_sre.CATEGORY_WORD, _sre.CATEGORY_NOT_WORD),
    (_sre.CATEGORY_NOT_WORD, _sre.CATEGORY_WORD),
    (_sre.CATEGORY_DIGIT, _sre.CATEGORY_NOT_DIGIT),
    (_sre.CATEGORY_NOT_DIGIT, _sre.CATEGORY_DIGIT),
}
#: A repeated group qualifies only when it repeats at most this many times.
_MAX_COPIES = 4
#: "Any character may come next": nothing is known about it.
_ANYTHING = None


def runs_in_linear_time(pattern: str) -> bool:
    """True when ``pattern`` provably cannot backtrack more than linearly (see the module)."""
    try:
        items = list(parsed(pattern))
        return _linear(items, [], _Budget())
    except Exception:  # syntax only the ``regex`` module knows, or a shape not understood
        return False


class _Budget:
    """How many repeats may still overlap what follows them."""

    def __init__(self) -> None:
        self.overlapping = 1


def _linear(items: list, follow: list | None, budget: _Budget) -> bool:
    """Whether the sequence ``items``, followed by text starting with ``follow``, qualifies."""
    for index, (op, argument) in enumerate(items):
        after = _first(items[index + 1 :], follow)
        if op in _SINGLE or op is _sre.AT:
            continue
        if op in (_sre.ASSERT, _sre.ASSERT_NOT):
            body_ok = _linear(list(argument[1]), [], budget)
        elif op is _sre.SUBPATTERN:
            body_ok = _linear(list(argument[3]), after, budget)
        elif op is _sre.ATOMIC_GROUP:
            body_ok = _linear(list(argument), after, budget)
        elif op is _sre.BRANCH:
            body_ok = all(_linear(list(branch), after, budget) for branch in argument[1])
        elif op in _REPEATS:
            body_ok = _linear_repeat(op, argument, after, budget)
        else:
            return False  # back-references, conditionals and the like
        if not body_ok:
            return False
    return True


def _linear_repeat(op, argument, after: list | None, budget: _Budget) -> bool:
    low, high, body = argument
    body = list(body)
    if high <= 1 or op is _sre.POSSESSIVE_REPEAT:
        return _linear(body, after, budget)
    if len(body) == 1 and high == _sre.MAXREPEAT and _broad(body[0]):
        # "said[^.]*\\.": each attempt is linear, but one may read to the end of the block
        # from every "said" in it; a block with many and no "." is quadratic to search.
        return False
    if len(body) != 1 or body[0][0] not in _SINGLE:
        # A few copies of a group that itself never overlaps: "(?:\\w+\\s+){0,3}".
        exact = _Budget()
        exact.overlapping = 0
        again = _union([_first(body, after), after])
        return high <= _MAX_COPIES and _linear(body, again, exact)
    if after is not _ANYTHING and all(_disjoint(body[0], single) for single in after):
        return True
    budget.overlapping -= 1
    return budget.overlapping >= 0


_NOT_CATEGORIES = frozenset(
    {_sre.CATEGORY_NOT_SPACE, _sre.CATEGORY_NOT_DIGIT, _sre.CATEGORY_NOT_WORD}
)


def _broad(single: tuple) -> bool:
    """Whether a one-character matcher takes nearly every character (``.``, ``[^.]``, ``\\S``),
    so that an unbounded run of it is stopped by little but the end of the block."""
    op, argument = single
    if op in (_sre.ANY, _sre.NOT_LITERAL):
        return True
    if op is not _sre.IN:
        return False
    return any(
        member_op is _sre.NEGATE or (member_op is _sre.CATEGORY and member in _NOT_CATEGORIES)
        for member_op, member in argument
    )


def _first(items: list, follow: list | None) -> list | None:
    """The one-character matchers a match of ``items`` then ``follow`` can start with (None:
    any character)."""
    if not items:
        return follow
    op, argument = items[0]
    rest = items[1:]
    if op in _SINGLE:
        return [items[0]]
    if op in _ZERO_WIDTH:
        return _first(rest, follow)
    if op is _sre.SUBPATTERN:
        return _first(list(argument[3]) + rest, follow)
    if op is _sre.ATOMIC_GROUP:
        return _first(list(argument) + rest, follow)
    if op is _sre.BRANCH:
        return _union(_first(list(branch) + rest, follow) for branch in argument[1])
    if op in _REPEATS:
        low, _high, body = argument
        found = _first(list(body) + rest, follow)
        return found if low else _union([found, _first(rest, follow)])
    return _ANYTHING


def _union(lists) -> list | None:
    found: list = []
    for each in lists:
        if each is _ANYTHING:
            return _ANYTHING
        found.extend(each)
    return found


def _disjoint(single: tuple, other: tuple) -> bool:
    """Whether no character satisfies both one-character matchers (False when unsure)."""
    for one, two in ((single, other), (other, single)):
        chars = _chars(two)
        if chars is not None:
            return not any(_takes(one, char) for char in chars)
    categories = _categories(single), _categories(other)
    return None not in categories and all(pair in _DISJOINT for pair in product(*categories))


def _chars(single: tuple) -> set[str] | None:
    """The characters (in either case) ``single`` takes, when it names them one by one."""
    op, argument = single
    if op is _sre.LITERAL:
        return set(_cases(chr(argument)))
    if op is _sre.IN:
        found = set()
        for member_op, member in argument:
            if member_op is _sre.LITERAL:
                found |= _cases(chr(member))
            elif member_op is _sre.RANGE and member[1] - member[0] < 64:
                for code in range(member[0], member[1] + 1):
                    found |= _cases(chr(code))
            else:
                return None
        return found
    return None


def _categories(single: tuple) -> set | None:
    """The categories (``\\s``, ``\\w``, ...) of a class made of nothing else."""
    op, argument = single
    if op is not _sre.IN or any(member_op is not _sre.CATEGORY for member_op, _ in argument):
        return None
    return {member for _, member in argument}


def _takes(single: tuple, char: str) -> bool:
    """Whether the one-character matcher ``single`` may take ``char`` (True when unsure)."""
    op, argument = single
    if op is _sre.LITERAL:
        return char in _cases(chr(argument))
    if op is _sre.IN:
        return _class_takes(argument, char)
    return True  # NOT_LITERAL and ANY take nearly everything


def _class_takes(members: list, char: str) -> bool:
    negated = False
    for op, argument in members:
        if op is _sre.NEGATE:
            negated = True
        elif op is _sre.LITERAL:
            if char in _cases(chr(argument)):
                return not negated
        elif op is _sre.RANGE:
            if any(argument[0] <= ord(case) <= argument[1] for case in _cases(char)):
                return not negated
        elif op is _sre.CATEGORY and argument in _CATEGORIES:
            if _CATEGORIES[argument](char):
                return not negated
        else:
            return True
    return negated


def _cases(char: str) -> frozenset[str]:
    return frozenset(case for case in (char, char.lower(), char.upper()) if len(case) == 1)
