"""Turn rule-pack terms into compiled patterns: word boundaries, inflections, spacing."""

from __future__ import annotations

import re
import time
from contextlib import contextmanager
from contextvars import ContextVar

import regex

from editlint.rules.matching.facts import PatternFacts, known_facts
from editlint.rules.matching.leads import leads
from editlint.rules.matching.linear import runs_in_linear_time
from editlint.rules.matching.regex_tree import capture_groups, parsed
from editlint.rules.matching.regex_tree import constants as _sre

#: Matching of one rule's patterns stops after this many seconds per document (no hangs).
MATCH_TIMEOUT_SECONDS = 10.0

# A match starts at a word edge and never on whitespace: a pattern like r"\s*likely" would
# otherwise retry from every position of a long run of spaces (quadratic time).
WORD_BEFORE = r"(?<![\w\-’'])(?=\S)"
WORD_AFTER = r"(?![\w\-])"
_VOWELS = "aeiou"


def inflections(word: str) -> list[str]:
    """Regular English inflections of a verb or noun: claim -> claims, claimed, claiming."""
    forms = {word}
    if word.endswith("e"):
        forms |= {word + "s", word + "d", word[:-1] + "ing"}
    elif word.endswith("y") and len(word) > 2 and word[-2] not in _VOWELS:
        forms |= {word[:-1] + "ies", word[:-1] + "ied", word + "ing"}
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        forms |= {word + "es", word + "ed", word + "ing"}
    else:
        forms |= {word + "s", word + "ed", word + "ing"}
        if _doubles_final_consonant(word):
            forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return sorted(forms, key=lambda form: (-len(form), form))  # longest first, then stable


def _doubles_final_consonant(word: str) -> bool:
    return (
        len(word) >= 3
        and word[-1] not in _VOWELS + "wxy"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
        and len(word) <= 4
    )


def term_pattern(term: str, inflect: bool = False) -> str:
    """A regex source for a literal term: flexible spaces, optional inflection of the last word."""
    words = term.split()
    if inflect and words and words[-1].isalpha():
        last = "(?:" + "|".join(re.escape(form) for form in inflections(words[-1])) + ")"
        words = [re.escape(word) for word in words[:-1]] + [last]
    else:
        words = [re.escape(word) for word in words]
    return r"\s+".join(words).replace("\\'", "['’]").replace("'", "['’]")


def check_backtracking(pattern: str) -> str:
    """Refuse a pattern that nests unbounded repeats, like ``(a+)+$``: it can take exponential
    time on a line it almost matches. Possessive (``a++``) and atomic (``(?>...)``) inner
    repeats are fine. Patterns only the ``regex`` module parses are left to the time limit."""
    try:
        tree = parsed(pattern)
    except Exception:
        return pattern
    if _nests_unbounded(tree, inside_unbounded=False):
        raise ValueError(
            f"pattern {pattern!r} repeats a repeat (like '(a+)+'), which can take exponential "
            "time; make the inner repeat possessive ('a++') or atomic ('(?>a+)')"
        )
    return pattern


def _nests_unbounded(items, inside_unbounded: bool) -> bool:
    for op, argument in items:
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            _, high, body = argument
            unbounded = high == _sre.MAXREPEAT
            if unbounded and inside_unbounded:
                return True
            if _nests_unbounded(body, inside_unbounded or unbounded):
                return True
        elif op is _sre.SUBPATTERN:
            if _nests_unbounded(argument[3], inside_unbounded):
                return True
        elif op is _sre.BRANCH:
            if any(_nests_unbounded(branch, inside_unbounded) for branch in argument[1]):
                return True
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT):
            if _nests_unbounded(argument[1], inside_unbounded):
                return True
    return False  # possessive repeats and atomic groups never backtrack into themselves


def group_count(pattern: str) -> int:
    """The capturing groups of ``pattern``, counted by the stdlib parser (several times faster
    than compiling it with the ``regex`` module), or by that compile for syntax only the
    ``regex`` module knows; raises if it is no pattern."""
    try:
        return capture_groups(pattern)
    except Exception:
        return regex.compile(pattern).groups


def compile_terms(
    terms: list[str], patterns: list[str], inflect: bool, ignore_case: bool
) -> PackPattern | Alternation:
    """All terms and raw patterns as one alternation bounded by word edges.

    The literal terms make one regex; each raw pattern gets its own, searched side by side
    (``Alternation``): the regex engine scans a list of literals or a single pattern quickly,
    but a mixed alternation of both up to ten times slower.
    """
    literal = [term_pattern(term, inflect) for term in sorted(terms, key=len, reverse=True)]
    bodies = [("|".join(literal), True)] if literal else []
    bodies += [(f"(?:{p})", False) for p in patterns]
    compiled = [
        compile_pattern(f"{WORD_BEFORE}(?:{body}){WORD_AFTER}", ignore_case, escaped)
        for body, escaped in bodies
    ]
    if len(compiled) == 1:
        return compiled[0]
    return Alternation(compiled) if compiled else compile_pattern(r"(?!)")


class Alternation:
    """Patterns that match as the alternation ``a|b|c`` of them would, but faster.

    At each point the leftmost match wins, and among matches starting at the same offset
    the first pattern's, as in an alternation; matches do not overlap.
    """

    def __init__(self, patterns: list[PackPattern]) -> None:
        self.patterns = patterns

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None, timeout=None):
        endpos = len(text) if endpos is None else endpos
        found = [p.search(text, pos, endpos, timeout=timeout) for p in self.patterns]
        while True:
            first = None
            for index, match in enumerate(found):
                if match is not None and (first is None or match.start() < found[first].start()):
                    first = index
            if first is None:
                return
            match = found[first]
            yield match
            pos = max(match.end(), match.start() + 1)
            if pos > endpos:
                return  # an empty match at the end: a search from past it finds it again
            for index, other in enumerate(found):
                if other is not None and other.start() < pos:
                    found[index] = self.patterns[index].search(text, pos, endpos, timeout=timeout)


def compile_pattern(pattern: str, ignore_case: bool = True, escaped: bool = False) -> PackPattern:
    """``pattern`` as a PackPattern; ``escaped``: made of ``term_pattern``s alone (escaped
    literal words), so its syntax needs no check."""
    flags = regex.V0 | (regex.IGNORECASE if ignore_case else 0)
    return PackPattern(pattern, flags, known_facts(pattern), checked=escaped)


class PackPattern:
    """A ``regex`` pattern compiled on first use: most are only ever matched by the stdlib
    engine (``anchored_matcher``). Its syntax is checked at once all the same, unless
    ``facts`` (a shipped pack's precomputed analysis, ``facts.py``) already vouch for it or
    the caller made it of escaped words alone (``checked``)."""

    __slots__ = ("pattern", "flags", "_compiled", "facts")

    def __init__(
        self, pattern: str, flags: int, facts: PatternFacts | None = None, checked: bool = False
    ) -> None:
        self.pattern, self.flags, self._compiled, self.facts = pattern, flags, None, facts
        if facts is not None or checked:
            return
        try:
            parsed(pattern)  # the stdlib parser accepts it, so the regex module will
        except Exception:
            self._compiled = regex.compile(pattern, flags)  # raises if it is no pattern

    def leads(self) -> frozenset[str] | None:
        """``leads.leads`` of the pattern."""
        return self.facts.leads if self.facts is not None else leads(self.pattern)

    def linear(self) -> bool:
        """``linear.runs_in_linear_time`` of the pattern."""
        return self.facts.linear if self.facts is not None else runs_in_linear_time(self.pattern)

    @property
    def compiled(self) -> regex.Pattern:
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern, self.flags)
        return self._compiled

    def search(self, *args, **kwargs):
        return self.compiled.search(*args, **kwargs)

    def match(self, *args, **kwargs):
        return self.compiled.match(*args, **kwargs)

    def finditer(self, *args, **kwargs):
        return self.compiled.finditer(*args, **kwargs)


_deadline: ContextVar[float | None] = ContextVar("editlint_match_deadline", default=None)


@contextmanager
def match_time_limit(seconds: float = MATCH_TIMEOUT_SECONDS):
    """Share one time limit among all pattern matching inside the block (one rule, one file)."""
    token = _deadline.set(time.monotonic() + seconds)
    try:
        yield
    finally:
        _deadline.reset(token)


def _remaining() -> float:
    deadline = _deadline.get()
    if deadline is None:
        return MATCH_TIMEOUT_SECONDS
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise TimeoutError("regex timed out")
    return remaining


class TimedPattern:
    """A pattern whose every match attempt counts against the match time limit."""

    def __init__(self, pattern: PackPattern) -> None:
        self.pattern = pattern

    def match(self, text: str, pos: int, endpos: int):
        return self.pattern.match(text, pos, endpos, timeout=_remaining())


def anchored_matcher(pattern: PackPattern) -> re.Pattern | TimedPattern:
    """What to call ``match`` on at many positions: the stdlib's faster engine, with no time
    limit, when the pattern runs in linear time (``linear.py``); otherwise the pattern, timed."""
    if pattern.linear():
        try:
            return re.compile(pattern.pattern, re.IGNORECASE if pattern.flags & regex.I else 0)
        except re.error:
            pass
    return TimedPattern(pattern)


class FirstUse:
    """``anchored_matcher(pattern)``, made when it is first matched. A check tries a pattern
    only where one of its leads occurs, so a one-file check uses a dozen of the shipped
    packs' fifty anchored patterns and never compiles the rest. Once made, ``match`` is the
    made matcher's own (an instance attribute), so later calls cost no extra step."""

    def __init__(self, pattern: PackPattern) -> None:
        self.pattern = pattern

    def matcher(self) -> re.Pattern | TimedPattern:
        made = self.__dict__.get("_made")
        if made is None:
            made = self._made = anchored_matcher(self.pattern)
            self.match = made.match
        return made

    def match(self, text: str, pos: int, endpos: int):
        return self.matcher().match(text, pos, endpos)

    def __getstate__(self) -> dict:
        return {"pattern": self.pattern}  # made again on first use after unpickling


def match_at(
    matchers: list[re.Pattern | TimedPattern | FirstUse], text: str, pos: int, endpos: int
):
    """The first of ``matchers`` to match starting exactly at ``pos``, as their alternation
    would; None if none does."""
    for matcher in matchers:
        match = matcher.match(text, pos, endpos)
        if match is not None:
            return match
    return None


def finditer(pattern: PackPattern | Alternation, text: str, start: int, end: int):
    """Matches of ``pattern`` in ``text[start:end]``, stopped by the match time limit.

    Raises TimeoutError once the limit (``match_time_limit``, else per call) is used up.
    """
    return pattern.finditer(text, start, end, timeout=_remaining())
