"""One pass over a document finds where any declared rule's patterns could match.

Every pattern a rule pack declares starts at a word edge, and most can only start with one
of a few literal words (``rules/matching/leads.py``). The leads of every pattern of every rule are
found in one pass over the document (``rules/matching/words.py``, shared with the built-in rules'
terms); each pattern is then tried alone, anchored, where one of its leads begins. A
document is scanned once however many rules ask, instead of once per rule, block and pattern.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import NamedTuple, Protocol

from regex import Match

from editlint.document import Document
from editlint.rules.matching.patterns import (
    Alternation,
    FirstUse,
    PackPattern,
    TimedPattern,
    finditer,
    match_at,
)
from editlint.rules.matching.words import LEAD, WordIndex
from editlint.rules.support.workspace import workspace_of

Matcher = re.Pattern | TimedPattern | FirstUse


class _Span(Protocol):
    start: int
    end: int


class TextSpan(NamedTuple):
    """A span of text to search when it is not a block (a sentence, a section)."""

    start: int
    end: int


class Search:
    """A rule's compiled pattern (or ``Alternation`` of patterns), tried only where one of its
    leads begins a word when every pattern has leads, and searched span by span otherwise."""

    def __init__(self, pattern: PackPattern | Alternation) -> None:
        self.pattern = pattern
        singles = pattern.patterns if isinstance(pattern, Alternation) else [pattern]
        self.matchers = [FirstUse(single) for single in singles]  # compiled when first tried
        found = [single.leads() for single in singles]
        self.leads = None if None in found else found
        self.lead_words = None if self.leads is None else [sorted(each) for each in self.leads]
        self._any_lead = frozenset().union(*self.leads) if self.leads is not None else None

    def prepare(self, words: WordIndex) -> None:
        """Add the leads to the checker's word index (``Rule.prepare``)."""
        for each in self.lead_words or ():
            words.add(each, LEAD)

    def possible(self, document: Document) -> bool:
        """False when no match can occur anywhere in ``document``."""
        if self._any_lead is None:
            return True
        return not self._any_lead.isdisjoint(workspace_of(document).hits.leads)

    def matches(self, document: Document, spans: Sequence[_Span]) -> Iterator[tuple[_Span, Match]]:
        """Each span with each match inside it, left to right, matches not overlapping.

        ``spans`` are ascending and disjoint, with ``start`` and ``end`` offsets into
        ``document.masked``; a match lies wholly inside its span, as if it were searched alone.
        """
        text = document.masked
        if self.lead_words is None:
            for span in spans:
                for match in finditer(self.pattern, text, span.start, span.end):
                    yield span, match
            return
        span_starts = [span.start for span in spans]
        span, free_from = None, 0
        for start, matchers in self._candidates(document):
            if span is None or start >= span.end:
                index = bisect_right(span_starts, start) - 1
                if index < 0 or start >= spans[index].end:
                    continue  # not in any span
                if spans[index] is not span:
                    span, free_from = spans[index], spans[index].start
            if start < free_from:
                continue
            match = match_at(matchers, text, start, span.end)
            if match is not None:
                yield span, match
                free_from = max(match.end(), start + 1)

    def _candidates(self, document: Document) -> list[tuple[int, list[Matcher]]]:
        """Ascending offsets where a lead begins, each with the patterns to try there in order."""
        starts = workspace_of(document).hits.leads
        by_start: dict[int, list[Matcher]] = {}
        for matcher, each in zip(self.matchers, self.lead_words, strict=True):
            for lead in each:
                for start in starts.get(lead, ()):
                    tried = by_start.setdefault(start, [])
                    if not tried or tried[-1] is not matcher:
                        tried.append(matcher)
        return sorted(by_start.items())
