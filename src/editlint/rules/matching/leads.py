"""The literal text every match of a regular expression must start with, when there is one.

``leads(r"(?:one|some)\\s+of")`` is ``{"one of", "one  ", "some of", "some  "}``: a match can
only begin where one of these occurs, ignoring case and reading every whitespace character as
a space, so a multi-string search for them finds every place worth trying the pattern at. A
word followed by ``\\s+`` leads with the next word after one space, or with two spaces (a
longer run): "the cult" occurs far less often than "the ". Patterns that can
start with a character class, a wildcard or an empty match have no such set (None) and are
searched the ordinary way.
"""

from __future__ import annotations

from editlint.rules.matching.regex_tree import constants as _sre
from editlint.rules.matching.regex_tree import parsed

#: Beyond this many alternatives the set is not worth building.
MAX_LEADS = 4000
#: A lead this long is rare enough: it is not continued further.
_LONG_ENOUGH = 12
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
        items = list(parsed(pattern))
    except Exception:  # syntax only the ``regex`` module knows: search it the ordinary way
        return None
    try:
        found = _leads(items, _Work())
    except (_Unknown, RecursionError):
        return None
    return frozenset(fold(lead) for lead in found)


#: Every character some regex engine calls whitespace (all lie below U+3001) reads as a space;
#: the two that match an ASCII letter ignoring case but lower-case to something else read
#: as that letter ("İ" lower-cases to two characters, "ſ" to itself).
_FOLDS = {char: " " for char in map(chr, range(0x3001)) if char.isspace() and char != " "} | {
    "\u0130": "i",
    "\u017f": "s",
}
_ASCII_FOLDS = {char: folded for char, folded in _FOLDS.items() if char.isascii()}


def fold(text: str) -> str:
    """``text`` lower-cased, offset for offset, with every whitespace character read as a
    space and every character that matches an ASCII letter ignoring case read as that letter."""
    for char, folded in (_ASCII_FOLDS if text.isascii() else _FOLDS).items():
        if char in text:  # replacing only what occurs is many times faster than translate()
            text = text.replace(char, folded)
    return text.lower()


class _Work:
    """Steps left for continuing leads past their first characters (a cap on the analysis)."""

    def __init__(self) -> None:
        self.steps = 20_000
        self.spaced = False  # a whitespace run is being continued (``_spaced``)


def _leads(items: list, work: _Work, not_space: bool = False) -> set[str]:
    """Leads of the sequence ``items``; raises _Unknown when they cannot be known.

    ``not_space``: a lookahead ``(?=\\S)`` already rules out whitespace at the start.
    """
    work.steps -= 1
    if not items:
        raise _Unknown  # the sequence can match the empty string
    op, argument = items[0]
    rest = items[1:]
    if op is _sre.LITERAL:
        return _literal_leads(items, work)
    if op is _sre.ASSERT and argument[0] == 1 and list(argument[1]) == _NOT_SPACE:
        return _leads(rest, work, not_space=True)
    if op in _ZERO_WIDTH:
        return _leads(rest, work, not_space)
    if op is _sre.IN:
        return _continued(_class_members(argument), rest, work)
    if op is _sre.SUBPATTERN:
        return _leads(list(argument[3]) + rest, work, not_space)
    if op is _sre.ATOMIC_GROUP:
        return _leads(list(argument) + rest, work, not_space)
    if op is _sre.BRANCH:
        branches = argument[1]
        return _bounded(set().union(*(_leads(list(b) + rest, work, not_space) for b in branches)))
    if op in _REPEATS and argument[0] >= 1 and list(argument[2]) == _SPACE:
        return _spaced(rest, work)
    if op in _REPEATS:
        low, _high, body = argument
        if low == 0 and not_space and list(body) == _SPACE:
            return _leads(rest, work, not_space)  # "\\s*" cannot match where "(?=\\S)" holds
        found = _leads(list(body) + rest, work, not_space)
        return _bounded(found | _leads(rest, work, not_space)) if low == 0 else found
    raise _Unknown


def _literal_leads(items: list, work: _Work) -> set[str]:
    """Leads of a sequence starting with literal characters."""
    run = []
    for op, argument in items:
        if op is not _sre.LITERAL:
            break
        run.append(chr(argument))
    return _continued({"".join(run)}, items[len(run) :], work)


def _continued(heads: set[str], rest: list, work: _Work) -> set[str]:
    """``heads`` continued by the leads of ``rest`` when they are known: "an?\\s+" leads
    with "a " and "an ", "it['’]s" with "it's" and "it’s". Leads stop growing at
    ``_LONG_ENOUGH`` characters, or when the analysis has run out of steps."""
    if work.steps <= 0 or min(map(len, heads)) >= _LONG_ENOUGH:
        return heads
    try:
        tails = _leads(rest, work)
    except (_Unknown, RecursionError):
        return heads
    if len(heads) * len(tails) > MAX_LEADS:
        return heads
    return {head + tail for head in heads for tail in tails}


def _spaced(rest: list, work: _Work) -> set[str]:
    """Leads of ``\\s+`` followed by ``rest``. Whitespace reads as a space: a run of one is
    followed by a lead of ``rest`` ("the cult"), a longer run reads as two spaces whatever
    follows. Only the first run of a lead is continued ("from the ", not "from the far"): a
    short word's lead then names its next word, and the leads stay few."""
    if work.spaced:
        return {" "}
    work.spaced = True
    try:
        continued = _continued({" "}, rest, work)
        return continued if continued == {" "} else continued | {"  "}
    finally:
        work.spaced = False


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
