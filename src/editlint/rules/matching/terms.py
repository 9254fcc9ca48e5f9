"""Where a list of literal terms can match in a document: one pass over the whole text.

The built-in rules search many short passages (sentences, paragraphs) for long alternations
of words; a regex scanning each passage costs far more than finding, once per document, where
each term's leading letters occur. A case-insensitive match of a term (``regex`` module
semantics) starts where its leading letters occur in the folded text, so a passage holding
none of them holds no match, and a scan may try only those offsets (``matches_at``).

All term lists of the selected rules, and the pack rules' leads, share one Aho-Corasick
automaton and one pass per document (``rules/matching/words.py``): a rule adds its term sets to the
checker's word index in ``Rule.prepare``; the offsets are remembered in the document's
workspace.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator

from editlint.document import Document
from editlint.rules.matching.words import TERM, WordIndex
from editlint.rules.support.workspace import remember, workspace_of

_LETTERS = re.compile(r"[A-Za-z]+")


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
        runs_wanted: set[str] | None = set()
        for term in terms:
            runs = [  # after the term's start or an ASCII non-letter ("İ" folds to "i")
                run.group(0)
                for run in _LETTERS.finditer(term)
                if run.start() == 0 or term[run.start() - 1].isascii()
            ]
            if not runs or (first and not _LETTERS.match(term)):
                runs_wanted = None  # no letter to look for: the term could match anywhere
                break
            run = runs[0] if first else max(runs, key=len)
            runs_wanted.add(run.lower())
        self._inside_words = inside_words
        self._keys = None if runs_wanted is None else sorted(runs_wanted)

    def prepare(self, words: WordIndex) -> None:
        """Add the runs to the checker's word index (``Rule.prepare``)."""
        words.add(self._keys or (), TERM)

    def offsets(self, document: Document) -> list[int] | None:
        """Sorted offsets of the runs, or None when a term has none (it may match anywhere)."""
        if self._keys is None:
            return None
        return remember(document, self, self._offsets)

    def _offsets(self, document: Document) -> list[int]:
        hits = workspace_of(document).hits
        found = [offset for key in self._keys for offset in hits.starting.get(key, ())]
        if self._inside_words:
            found += [offset for key in self._keys for offset in hits.inside.get(key, ())]
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
