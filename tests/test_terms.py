"""The built-in rules' prefilters never hide a match: the same spans as scanning every passage."""

from __future__ import annotations

import string
import sys

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from editlint.document import parse_document
from editlint.rules.builtin.perspective_heading import (
    PerspectiveHeadingOptions,
    PerspectiveHeadingPatterns,
)
from editlint.rules.matching.leads import fold
from editlint.rules.matching.terms import TermSet, matches_at
from editlint.rules.matching.words import LEAD, TERM, Hits, WordIndex
from editlint.rules.support.claims import Claim, ClaimDetector, ClaimOptions
from editlint.rules.support.viewpoints import ViewpointOptions, ViewpointPatterns
from house import attach_workspace

PATTERNS = ViewpointPatterns(ViewpointOptions())
HEADINGS = PerspectiveHeadingPatterns(PerspectiveHeadingOptions())
DETECTOR = ClaimDetector(ClaimOptions())
# Words of the vocabularies and their look-alikes, in odd cases and spellings.
WORDS = [
    "Critics", "ARGUED", "argues", "reargued", "arguedly", "ſtated", "İnsisted", "\u212aept",
    "claim’s", "claim-", "-claimed", "said", "the", "a", "from", "conservative", "center-right",
    "perspective", "Perspectives", "stresses", "often", "most", "the biggest", "greatest",
    "led", "to", "due", "1999", "12", "3,000", "percent", "in", "May", "(2008)", "bytes",
    "“quoted words here”", "that", "because", "of", "(", ")", ":", "this section", "Western",
    "$", "£5", "%", "7%", "1,5", "million", "MILLION", "per cent", "km", "-people", "2,000,000",
]  # fmt: skip
SEPARATORS = [" ", "  ", "\n", ", ", ". ", "; ", "-", "'", "’"]

texts = st.lists(
    st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)), min_size=1, max_size=40
).map(lambda pairs: "".join(word + separator for word, separator in pairs))


def test_fold_turns_what_ignorecase_matches_to_an_ascii_letter_into_that_letter():
    letters = {letter: regex.compile(letter, regex.IGNORECASE) for letter in string.ascii_lowercase}
    any_letter = regex.compile("[a-z]", regex.IGNORECASE)
    for codepoint in range(sys.maxunicode + 1):
        char = chr(codepoint)
        folded = fold(char)
        assert len(folded) == 1, hex(codepoint)
        if any_letter.fullmatch(char):
            assert letters[folded].fullmatch(char), hex(codepoint)


def test_no_words_no_hits():
    assert WordIndex().scan(parse_document("Text.\n")) == Hits({}, {}, {})


def test_one_pass_sorts_each_hit_by_the_edge_each_kind_of_word_needs():
    words = WordIndex()
    words.add(["the"], LEAD)
    words.add(["the"], TERM)
    assert len(words) == 1
    # 1: after a letter; 5: after a space; 9: after a hyphen; 14: after the Kelvin sign,
    # which folds to "k" but is no word character a pattern's edge refuses.
    document = parse_document("athe the-the \u212athe\n")
    assert words.scan(document) == Hits(
        leads={"the": [5, 14]}, starting={"the": [5, 9]}, inside={"the": [1, 14]}
    )


def test_terms_starting_with_no_letter_can_match_anywhere():
    sets = TermSet(["claims", "'tis"]), TermSet(["claims"]), TermSet(["here"])
    document = attach_workspace(parse_document("Nothing here.\n"), *sets)
    assert sets[0].offsets(document) is None
    assert sets[0].occurs(document, 0, 1)
    assert sets[1].offsets(document) == []
    assert sets[2].offsets(document) == [8]


@st.composite
def passages(draw):
    """A parsed text and a span of it: (document, start, end)."""
    document = attach_workspace(
        parse_document(draw(texts)), *PATTERNS.term_sets, *HEADINGS.needs, *DETECTOR.term_sets
    )
    end = draw(st.integers(0, len(document.text)))
    return document, draw(st.integers(0, end)), end


@settings(max_examples=300, deadline=None)
@given(passages())
def test_matches_at_the_offsets_are_the_matches_of_a_scan(passage):
    document, start, end = passage
    offsets = PATTERNS.verb_terms.offsets(document)
    expected = [m.span() for m in PATTERNS.verbs.finditer(document.masked, start, end)]
    found = matches_at(PATTERNS.verbs, document.masked, offsets, start, end)
    assert [m.span() for m in found] == expected


@settings(max_examples=300, deadline=None)
@given(passages())
def test_a_passage_without_the_needed_words_has_no_match(passage):
    document, start, end = passage
    if PATTERNS.narrator.search(document.masked, start, end):
        assert all(terms.occurs(document, start, end) for terms in PATTERNS.narrator_terms)
    for pattern in (HEADINGS.heading, HEADINGS.lead_in):
        if pattern.search(document.masked, start, end):
            assert all(terms.occurs(document, start, end) for terms in HEADINGS.needs)
    claim = _first_claim(document, start, end)
    assert DETECTOR.find(document, start, end) == claim
    if claim is not None:
        assert DETECTOR.in_document(document).may_hold(start, end)


def _first_claim(document, start, end):
    """ClaimDetector.find without its prefilters: every kind's pattern over the span."""
    text = document.masked
    for kind in DETECTOR.options.kinds:
        if kind == "quotation":
            for q_start, q_end in sorted(document.quotations):
                if start <= q_start < end and DETECTOR.long_enough(text, q_start, q_end):
                    return Claim(kind, q_start, q_end, text[q_start:q_end])
            continue
        for match in DETECTOR.patterns[kind].finditer(text, start, end):
            if kind == "date":
                if DETECTOR.is_year(match.group("year")):
                    return Claim(kind, *match.span("year"), match.group("year"))
                continue
            return Claim(kind, match.start(), match.end(), match.group(0))
    return None
