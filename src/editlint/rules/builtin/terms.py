"""Where a list of literal terms can match in a document: one pass over the whole text.

The built-in rules search many short passages (sentences, paragraphs) for long alternations
of words; a regex scanning each passage costs far more than finding, once per document, where
each term's leading letters occur. A case-insensitive match of a term (``regex`` module
semantics) starts where its leading letters occur in the folded text, so a passage holding
none of them holds no match, and a scan may try only those offsets (``matches_at``).

All term lists of all rules share one Aho-Corasick automaton and one pass per document; the
offsets are remembered for the most recent document only.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left
from collections.abc import Iterable, Iterator

import ahocorasick

from editlint.document import Document
from editlint.rules.leads import fold
from editlint.rules.memo import remember

_LETTERS = re.compile(r"[A-Za-z]+")
_ASCII_LETTERS = frozenset(string.ascii_lowercase)


class _Keys:
    """Every key of every TermSet, in one automaton rebuilt when a key is added."""

    def __init__(self) -> None:
        self.keys: dict[str, int] = {}
        self.automaton: ahocorasick.Automaton | None = None

    def add(self, key: str) -> int:
        if key not in self.keys:
            self.keys[key] = len(self.keys)
            self.automaton = None
        return self.keys[key]

    def offsets(self, document: Document) -> tuple[list[list[int]], list[list[int]]]:
        """For each key (by number), where it occurs in the folded masked text: at the start of
        a word (no ASCII letter before it), and inside one."""
        if self.automaton is None:
            self.automaton = ahocorasick.Automaton()
            for key, number in self.keys.items():
                self.automaton.add_word(key, (number, len(key) - 1))
            self.automaton.make_automaton()
        starting: list[list[int]] = [[] for _ in self.keys]
        inside: list[list[int]] = [[] for _ in self.keys]
        if not self.keys:
            return starting, inside  # an automaton without keys cannot search
        text = fold(document.masked)
        for last, (number, back) in self.automaton.iter(text):
            start = last - back
            if start and text[start - 1] in _ASCII_LETTERS:
                inside[number].append(start)
            else:
                starting[number].append(start)
        return starting, inside


_KEYS = _Keys()


class TermSet:
    """Where the terms of a list can match: where a run of letters of each occurs.

    Patterns put each term after a word edge (``\\b``, whitespace, ``WORD_BEFORE``), so a run
    of letters of a term (after a non-letter of the term or at its start) has no ASCII letter
    before it where the term matches. ``first`` runs are the terms' first letters, where
    matches start; otherwise each term's longest run, the rarest, tells whether a passage can
    hold a match. ``inside_words`` also takes runs inside words (the "est" of "[a-z]{2,}est").
    (Nothing is assumed after a run: a passage may end inside a word.) Terms are matched as
    written, without inflections.
    """

    def __init__(self, terms: Iterable[str], first: bool = True, inside_words: bool = False):
        keys: set[int] | None = set()
        for term in terms:
            runs = [  # after the term's start or an ASCII non-letter ("İ" folds to "i")
                run.group(0)
                for run in _LETTERS.finditer(term)
                if run.start() == 0 or term[run.start() - 1].isascii()
            ]
            if not runs or (first and not _LETTERS.match(term)):
                keys = None  # no letter to look for: the term could match anywhere
                break
            run = runs[0] if first else max(runs, key=len)
            keys.add(_KEYS.add(run.lower()))
        self._keys = None if keys is None else sorted(keys)
        self._inside_words = inside_words

    def offsets(self, document: Document) -> list[int] | None:
        """Sorted offsets of the runs, or None when a term has none (it may match anywhere)."""
        if self._keys is None:
            return None
        return remember(document, self, self._offsets)

    def _offsets(self, document: Document) -> list[int]:
        starting, inside = remember(document, (_Keys, len(_KEYS.keys)), _KEYS.offsets)
        found = [offset for key in self._keys for offset in starting[key]]
        if self._inside_words:
            found += [offset for key in self._keys for offset in inside[key]]
        return sorted(found)

    def occurs(self, document: Document, start: int, end: int) -> bool:
        """Whether a run starts in ``[start, end)`` (always, when unknown)."""
        offsets = self.offsets(document)
        if offsets is None:
            return True
        position = bisect_left(offsets, start)
        return position < len(offsets) and offsets[position] < end


def matches_at(pattern, text: str, offsets: list[int], start: int, end: int) -> Iterator:
    """The matches ``pattern.finditer(text, start, end)`` gives, trying only ``offsets``.

    Exact when every match can only start at one of ``offsets`` and none is empty: the scan
    finds the leftmost match, then the leftmost from its end, and so on.
    """
    position = bisect_left(offsets, start)
    resume = start
    for offset in offsets[position:]:
        if offset >= end:
            return
        if offset < resume:
            continue
        match = pattern.match(text, offset, end)
        if match is not None:
            resume = match.end()
            yield match
