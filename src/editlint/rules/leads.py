"""The literal text every match of a regular expression must start with, when there is one.

``leads(r"(?:one|some)\\s+of")`` is ``{"one ", "some "}``: a match can only begin where one of
these occurs, ignoring case and reading every whitespace character as a space, so a
multi-string search for them finds every place worth trying the pattern at. A word followed
by ``\\s+`` leads with one space: "a " occurs far less often than "a". Patterns that can
start with a character class, a wildcard or an empty match have no such set (None) and are
searched the ordinary way.
"""

from __future__ import annotations

import re._constants as _sre
import re._parser as _sre_parser

#: Beyond this many alternatives the set is not worth building.
MAX_LEADS = 4000
#: A character class expands to its members up to this size ("['’]" is two leads).
_MAX_CLASS = 8
_ZERO_WIDTH = (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)
_SPACE = [(_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_SPACE)])]
_NOT_SPACE = [(_sre.IN, [(_sre.CATEGORY, _sre.CATEGORY_NOT_SPACE)])]
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)


class _Unknown(Exception):
    """Some match may start with something other than a known literal."""


def leads(pattern: str) -> frozenset[str] | None:
    """Non-empty ``fold``-ed strings one of which starts every match of ``pattern``, or None."""
    try:
        items = list(_sre_parser.parse(pattern))
    except Exception:  # syntax only the ``regex`` module knows: search it the ordinary way
        return None
    try:
        found = _leads(items)
    except (_Unknown, RecursionError):
        return None
    return frozenset(fold(lead) for lead in found)


#: Every character some regex engine calls whitespace (all lie below U+3001) reads as a space;
#: the two that match an ASCII letter ignoring case but lower-case to something else read
#: as that letter ("İ" lower-cases to two characters, "ſ" to itself).
_FOLDS = {code: " " for code in range(0x3001) if chr(code).isspace()} | {0x130: "i", 0x17F: "s"}


def fold(text: str) -> str:
    """``text`` lower-cased, offset for offset, with every whitespace character read as a
    space and every character that matches an ASCII letter ignoring case read as that letter."""
    return text.translate(_FOLDS).lower()


def _leads(items: list, not_space: bool = False) -> set[str]:
    """Leads of the sequence ``items``; raises _Unknown when they cannot be known.

    ``not_space``: a lookahead ``(?=\\S)`` already rules out whitespace at the start.
    """
    if not items:
        raise _Unknown  # the sequence can match the empty string
    op, argument = items[0]
    rest = items[1:]
    if op is _sre.LITERAL:
        return {_literal_run(items)}
    if op is _sre.ASSERT and argument[0] == 1 and list(argument[1]) == _NOT_SPACE:
        return _leads(rest, not_space=True)
    if op in _ZERO_WIDTH:
        return _leads(rest, not_space)
    if op is _sre.IN:
        return _class_members(argument)
    if op is _sre.SUBPATTERN:
        return _leads(list(argument[3]) + rest, not_space)
    if op is _sre.ATOMIC_GROUP:
        return _leads(list(argument) + rest, not_space)
    if op is _sre.BRANCH:
        branches = argument[1]
        return _bounded(set().union(*(_leads(list(b) + rest, not_space) for b in branches)))
    if op in _REPEATS:
        low, _high, body = argument
        if low == 0 and not_space and list(body) == _SPACE:
            return _leads(rest, not_space)  # "\\s*" cannot match where "(?=\\S)" holds
        found = _leads(list(body) + rest, not_space)
        return _bounded(found | _leads(rest, not_space)) if low == 0 else found
    raise _Unknown


def _literal_run(items: list) -> str:
    """The literal characters ``items`` starts with, and a space if whitespace must follow."""
    run = []
    for op, argument in items:
        if op is _sre.LITERAL:
            run.append(chr(argument))
            continue
        if op in _REPEATS and argument[0] >= 1 and list(argument[2]) == _SPACE:
            run.append(" ")
        break
    return "".join(run)


def _class_members(members: list) -> set[str]:
    found = set()
    for op, argument in members:
        if op is _sre.LITERAL:
            found.add(chr(argument))
        elif op is _sre.RANGE and argument[1] - argument[0] < _MAX_CLASS:
            found.update(chr(code) for code in range(argument[0], argument[1] + 1))
        else:
            raise _Unknown  # negated classes, categories such as \w, wide ranges
    if len(found) > _MAX_CLASS:
        raise _Unknown
    return found


def _bounded(found: set[str]) -> set[str]:
    if len(found) > MAX_LEADS:
        raise _Unknown
    return found

