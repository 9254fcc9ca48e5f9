"""One pass over a document finds every literal word any rule looks for.

Pack rules look for the leads of their patterns (``scanner.Search``), built-in rules for runs
of letters of their terms (``builtin/terms.TermSet``). All of them go into one Aho-Corasick
automaton (pyahocorasick), run once per document over its folded masked text (``fold``);
each hit is sorted at once by what stands before it, the way each kind of word needs.
"""

from __future__ import annotations

import string
import threading
from typing import NamedTuple

import ahocorasick

from editlint.document import Document
from editlint.rules.leads import fold
from editlint.rules.memo import remember

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
    """Where the words occur in a document, by word number, each list ascending."""

    #: ``LEAD`` words: where no glued character before rules out a word edge.
    leads: dict[int, list[int]]
    #: ``TERM`` words: with no ASCII letter before them in the folded text...
    starting: dict[int, list[int]]
    #: ... and with one.
    inside: dict[int, list[int]]


class Words:
    """Every word of every kind in this process, in one automaton rebuilt when one is added."""

    def __init__(self) -> None:
        self._words: dict[str, tuple[int, int]] = {}  # word -> (number, kinds)
        self._version = 0
        self._automaton: ahocorasick.Automaton | None = None
        self._lock = threading.Lock()

    def number(self, word: str, kind: int) -> int:
        """The number of ``word`` (``fold``-ed), looked for as ``kind`` from now on."""
        with self._lock:
            number, kinds = self._words.get(word, (len(self._words), 0))
            if not kinds & kind:
                self._words[word] = (number, kinds | kind)
                self._version += 1
                self._automaton = None
            return number

    def hits(self, document: Document) -> Hits:
        """Where each word occurs in ``document.masked``, found in one pass."""
        # A word added since the document was scanned makes another key: it is scanned again.
        return remember(document, (Words, self._version), self._scan)

    def _scan(self, document: Document) -> Hits:
        hits = Hits({}, {}, {})
        automaton = self._built()
        if automaton is None:
            return hits  # an automaton without words cannot search
        text = document.masked
        folded = fold(text)
        leads, starting, inside = hits
        for last, (number, back, kinds) in automaton.iter(folded):
            start = last - back
            if kinds & LEAD and not (start and text[start - 1] in _GLUED):
                if number in leads:
                    leads[number].append(start)
                else:
                    leads[number] = [start]
            if kinds & TERM:
                found = inside if start and folded[start - 1] in _ASCII_LETTERS else starting
                if number in found:
                    found[number].append(start)
                else:
                    found[number] = [start]
        return hits

    def _built(self) -> ahocorasick.Automaton | None:
        with self._lock:
            if self._automaton is None and self._words:
                automaton = ahocorasick.Automaton()
                for word, (number, kinds) in self._words.items():
                    automaton.add_word(word, (number, len(word) - 1, kinds))
                automaton.make_automaton()
                self._automaton = automaton
            return self._automaton


WORDS = Words()
