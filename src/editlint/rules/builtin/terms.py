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
from bisect import bisect_left
from collections.abc import Callable, Hashable, Iterable, Iterator
from typing import TypeVar

import ahocorasick

from editlint.document import Document

T = TypeVar("T")

# With IGNORECASE the regex module also matches these to ASCII letters; str.lower() maps the
# Kelvin sign to "k" by itself (tests/test_terms.py checks the table against the regex module).
_FOLD = (("\u0130", "i"), ("\u017f", "s"))
_LEADING_LETTERS = re.compile(r"[A-Za-z]+")


def fold(text: str) -> str:
    """``text`` lower-cased, offset for offset, with every character that matches an ASCII
    letter case-insensitively turned into that letter."""
    if not text.isascii():
        for char, letter in _FOLD:
            text = text.replace(char, letter)
    return text.lower()


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

    def offsets(self, document: Document) -> list[list[int]]:
        """For each key (by number), the offsets where it starts in the folded masked text."""
        if self.automaton is None:
            self.automaton = ahocorasick.Automaton()
            for key, number in self.keys.items():
                self.automaton.add_word(key, (number, len(key) - 1))
            self.automaton.make_automaton()
        found: list[list[int]] = [[] for _ in self.keys]
        for end, (number, back) in self.automaton.iter(fold(document.masked)):
            found[number].append(end - back)
        return found


_KEYS = _Keys()
_memo: tuple[Document, dict] | None = None


def remember(document: Document, key: Hashable, compute: Callable[[Document], T]) -> T:
    """``compute(document)``, remembered under ``key`` while ``document`` is the latest one."""
    global _memo
    memo = _memo
    if memo is None or memo[0] is not document:
        memo = _memo = (document, {})
    values = memo[1]
    if key not in values:
        values[key] = compute(document)
    return values[key]


class TermSet:
    """The leading letters of a list of terms, to find where the terms can match."""

    def __init__(self, terms: Iterable[str]) -> None:
        keys: set[int] | None = set()
        for term in terms:
            run = _LEADING_LETTERS.match(term)
            if run is None:
                keys = None  # a term starting with no letter: it could match anywhere
                break
            keys.add(_KEYS.add(run.group(0).lower()))
        self._keys = None if keys is None else sorted(keys)

    def offsets(self, document: Document) -> list[int] | None:
        """Sorted offsets where a match may start, or None when it may start anywhere."""
        if self._keys is None:
            return None
        return remember(document, self, self._offsets)

    def _offsets(self, document: Document) -> list[int]:
        by_key = remember(document, (_Keys, len(_KEYS.keys)), _KEYS.offsets)
        return sorted(offset for key in self._keys for offset in by_key[key])

    def occurs(self, document: Document, start: int, end: int) -> bool:
        """Whether a match may start in ``[start, end)`` (always, when unknown)."""
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
