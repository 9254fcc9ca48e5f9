"""One pass over a document finds every literal word any selected rule looks for.

Pack rules look for the leads of their patterns (``scanner.Search``), built-in rules for runs
of letters of their terms (``builtin/terms.TermSet``). The Checker owns one ``WordIndex``;
each selected rule adds its words once, in ``Rule.prepare``. All of them go into one
Aho-Corasick automaton (pyahocorasick), run once per document over its folded masked text
(``fold``); each hit is sorted at once by what stands before it, the way each kind of word
needs. Hits are keyed by the word itself, so a rule shared by two checkers needs no numbering.
"""

from __future__ import annotations

import string
from typing import NamedTuple

import ahocorasick

from editlint.document import Document
from editlint.rules.matching.leads import fold

#: A pack pattern's lead: wanted where nothing glued before it rules out a word edge.
LEAD = 1
#: A run of letters of a built-in rule's term: wanted at a word's start, and inside one.
TERM = 2

# A character that makes a word edge impossible just before a match (``patterns.WORD_BEFORE``
# refuses \w, hyphens and apostrophes); ASCII and the two apostrophes only, so the test never
# rejects a true edge.
_GLUED = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-'’")
_ASCII_LETTERS = frozenset(string.ascii_lowercase)


class Hits(NamedTuple):
    """Where the words occur in a document, by word, each list ascending."""

    #: ``LEAD`` words: where no glued character before rules out a word edge.
    leads: dict[str, list[int]]
    #: ``TERM`` words: with no ASCII letter before them in the folded text...
    starting: dict[str, list[int]]
    #: ... and with one.
    inside: dict[str, list[int]]


class WordIndex:
    """The words the selected rules look for, in one automaton built once they are all added."""

    def __init__(self) -> None:
        self._words: dict[str, int] = {}  # word (``fold``-ed) -> kinds
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, words, kind: int) -> None:
        """Look for each of ``words`` (``fold``-ed) as ``kind`` from now on."""
        for word in words:
            kinds = self._words.get(word, 0)
            if not kinds & kind:
                self._words[word] = kinds | kind
                self._automaton = None

    def __len__(self) -> int:
        return len(self._words)

    def scan(self, document: Document) -> Hits:
        """Where each word occurs in ``document.masked``, found in one pass."""
        hits = Hits({}, {}, {})
        automaton = self._built()
        if automaton is None:
            return hits  # an automaton without words cannot search
        text = document.masked
        folded = fold(text)
        leads, starting, inside = hits
        for last, (word, back, kinds) in automaton.iter(folded):
            start = last - back
            if kinds & LEAD and not (start and text[start - 1] in _GLUED):
                if word in leads:
                    leads[word].append(start)
                else:
                    leads[word] = [start]
            if kinds & TERM:
                found = inside if start and folded[start - 1] in _ASCII_LETTERS else starting
                if word in found:
                    found[word].append(start)
                else:
                    found[word] = [start]
        return hits

    def _built(self) -> ahocorasick.Automaton | None:
        if self._automaton is None and self._words:
            automaton = ahocorasick.Automaton()
            for word, kinds in self._words.items():
                automaton.add_word(word, (word, len(word) - 1, kinds))
            automaton.make_automaton()
            self._automaton = automaton
        return self._automaton

    def __getstate__(self) -> dict:
        # The automaton is rebuilt where it is first needed rather than sent to a worker.
        return {"_words": self._words, "_automaton": None}
