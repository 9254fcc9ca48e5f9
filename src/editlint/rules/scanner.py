"""One pass over a document finds where any declared rule's patterns could match.

Every pattern a rule pack declares starts at a word edge, and most can only start with one
of a few literal words (``rules/leads.py``). The scanner puts the leads of every pattern of
every rule into one Aho-Corasick automaton (pyahocorasick), runs it once over the
lower-cased text of a document, and hands each pattern the offsets where one of its leads
begins; the pattern is then tried there alone, anchored. A document is scanned once however
many rules ask, instead of once per rule, block and pattern.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import NamedTuple, Protocol

import ahocorasick
import regex
from regex import Match

from editlint.document import Document
from editlint.rules.leads import fold, leads
from editlint.rules.patterns import (
    Alternation,
    TimedPattern,
    anchored_matcher,
    finditer,
    match_at,
)

Matcher = re.Pattern | TimedPattern

# A character that makes a word edge impossible just before a match (``patterns.WORD_BEFORE``
# refuses \w, hyphens and apostrophes); only ASCII, so the test never rejects a true edge.
_GLUED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'’")


class _Span(Protocol):
    start: int
    end: int


class TextSpan(NamedTuple):
    """A span of text to search when it is not a block (a sentence, a section)."""

    start: int
    end: int


class LeadScanner:
    """Offsets where the leads registered under each key begin, for one document at a time."""

    def __init__(self) -> None:
        self._keys_by_lead: dict[str, set[int]] = {}
        self._keys = 0
        self._automaton: ahocorasick.Automaton | None = None
        self._last: tuple[Document, list[list[int]]] | None = None
        self._lock = threading.Lock()

    def add(self, leads: Iterable[str]) -> int:
        """Register lower-cased ``leads``; returns the key to ask ``starts`` with."""
        key = self._keys
        self._keys += 1
        for lead in leads:
            self._keys_by_lead.setdefault(lead, set()).add(key)
        self._automaton = None
        return key

    def starts(self, document: Document, key: int) -> list[int]:
        """Ascending offsets in ``document.masked`` where a lead of ``key`` begins a word."""
        last = self._last
        if last is None or last[0] is not document:
            last = (document, self._scan(document.masked))
            self._last = last
        return last[1][key]

    def _scan(self, text: str) -> list[list[int]]:
        found: list[set[int]] = [set() for _ in range(self._keys)]
        for end, (length, keys) in self._built().iter(fold(text)):
            start = end - length + 1
            if start and text[start - 1] in _GLUED:
                continue
            for key in keys:
                found[key].add(start)
        return [sorted(starts) for starts in found]

    def _built(self) -> ahocorasick.Automaton:
        with self._lock:
            if self._automaton is None:
                automaton = ahocorasick.Automaton()
                for lead, keys in self._keys_by_lead.items():
                    automaton.add_word(lead, (len(lead), tuple(sorted(keys))))
                automaton.make_automaton()
                self._automaton = automaton
            return self._automaton

    def __getstate__(self) -> dict:
        # Sent to worker processes without the automaton or the last document: rebuilt on use.
        state = self.__dict__.copy()
        state.update(_automaton=None, _last=None, _lock=None)
        return state

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state, _lock=threading.Lock())


class Search:
    """A rule's compiled pattern (or ``Alternation`` of patterns), tried only where one of its
    leads begins a word when every pattern has leads, and searched span by span otherwise."""

    def __init__(self, pattern: regex.Pattern | Alternation, scanner: LeadScanner) -> None:
        self.pattern = pattern
        singles = pattern.patterns if isinstance(pattern, Alternation) else [pattern]
        self.matchers = [anchored_matcher(single) for single in singles]
        found = [leads(single.pattern) for single in singles]
        self.leads = None if None in found else found
        self.attach(scanner)

    def attach(self, scanner: LeadScanner) -> None:
        """Take the leads from ``scanner``, which may serve many rules."""
        self.scanner = scanner
        self.keys = None if self.leads is None else [scanner.add(each) for each in self.leads]

    def possible(self, document: Document) -> bool:
        """False when no match can occur anywhere in ``document``."""
        return self.keys is None or any(self.scanner.starts(document, key) for key in self.keys)

    def matches(self, document: Document, spans: Iterable[_Span]) -> Iterator[tuple[_Span, Match]]:
        """Each span with each match inside it, left to right, matches not overlapping.

        ``spans`` are ascending and disjoint, with ``start`` and ``end`` offsets into
        ``document.masked``; a match lies wholly inside its span, as if it were searched alone.
        """
        text = document.masked
        if self.keys is None:
            for span in spans:
                for match in finditer(self.pattern, text, span.start, span.end):
                    yield span, match
            return
        candidates = self._candidates(document)
        starts = [start for start, _ in candidates]
        index, count = 0, len(candidates)
        for span in spans:
            if index >= count:
                return
            index = bisect_left(starts, span.start, index)
            free_from = span.start
            while index < count and starts[index] < span.end:
                start, matchers = candidates[index]
                index += 1
                if start < free_from:
                    continue
                match = match_at(matchers, text, start, span.end)
                if match is not None:
                    yield span, match
                    free_from = max(match.end(), start + 1)

    def _candidates(self, document: Document) -> list[tuple[int, list[Matcher]]]:
        """Ascending offsets where a lead begins, each with the patterns to try there in order."""
        if len(self.matchers) == 1:
            starts = self.scanner.starts(document, self.keys[0])
            return [(start, self.matchers) for start in starts]
        by_start: dict[int, list[Matcher]] = {}
        for matcher, key in zip(self.matchers, self.keys, strict=True):
            for start in self.scanner.starts(document, key):
                by_start.setdefault(start, []).append(matcher)
        return sorted(by_start.items())
