"""Split prose into sentences, keeping exact offsets."""

from __future__ import annotations

import re

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr gen col lt sgt capt cmdr adm gov sen rep rev hon
    e.g i.e etc vs cf al approx ca c no nos vol fig figs inc ltd co corp dept est
    jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u p pp ed eds""".split()
)
# Possessive runs that start only at a run's first mark: linear even on "!!!!…" lines. The
# first mark comes before the look-behind so the engine can skip ahead to candidate marks.
_BOUNDARY = re.compile(r"[.!?…](?<![.!?…][.!?…])[.!?…]*+[\"”’')\]]*+(?=\s++[\"“‘(\[]*+[A-Z0-9À-Ý])")
# Word characters and dots, matched once on the reversed window before a mark: the word
# before it, found in one match (a search for "[\w.]+$" tried every start of the window).
_WORD_RUN = re.compile(r"[\w.]*+")
_DOTTED_ACRONYM = re.compile(r"(?:\w\.)+\w")
_SPACE = re.compile(r"\s*")
_LONGEST_WORD = 40  # abbreviations and initials are short; look no further back


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return (start, end) offsets of the sentences in ``text[start:end]``."""
    spans: list[tuple[int, int]] = []
    segment = text[start:end]
    sentence_start = _skip_space(segment, 0)
    for match in _BOUNDARY.finditer(segment):
        if match.end() <= sentence_start or _is_abbreviation(segment, match.start()):
            continue
        spans.append((start + sentence_start, start + match.end()))
        sentence_start = _skip_space(segment, match.end())
    tail_end = len(segment.rstrip())
    if sentence_start < tail_end:
        spans.append((start + sentence_start, start + tail_end))
    return spans


def _skip_space(segment: str, position: int) -> int:
    return _SPACE.match(segment, position).end()


def _is_abbreviation(segment: str, dot: int) -> bool:
    if segment[dot] != ".":
        return False
    word = _word_before(segment, dot)
    if not word:
        return False
    token = word.lower().strip(".")
    if token in _ABBREVIATIONS:
        return True
    # Single initials ("J. Smith") and dotted acronyms ("U.S.") are not sentence ends.
    return len(token) == 1 and token.isalpha() or bool(_DOTTED_ACRONYM.fullmatch(token))


def _word_before(segment: str, dot: int) -> str | None:
    r"""The run of word characters and dots ending at ``dot`` (or at a line feed just before
    it), within ``_LONGEST_WORD`` characters: what ``([\w.]+)$`` finds there."""
    first = max(0, dot - _LONGEST_WORD)
    end = dot - 1 if dot > first and segment[dot - 1] == "\n" else dot
    run = _WORD_RUN.match(segment[first:end][::-1]).end()
    return segment[end - run : end] if run else None
