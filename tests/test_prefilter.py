"""The lead scanner tries patterns only where they can start: it must never hide a finding."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from editlint.document import parse_document
from editlint.rules.base import RuleOrigin
from editlint.rules.kinds.existence import ExistenceSpec
from editlint.rules.matching.leads import fold, leads
from editlint.rules.matching.patterns import compile_terms, finditer
from editlint.rules.matching.scanner import Search, TextSpan
from editlint.rules.matching.words import WordIndex
from editlint.rules.support.workspace import Workspace
from house import attach_workspace


def _rule(**fields):
    spec = {"code": "TST101", "name": "t", "category": "neutrality", "message": "m"}
    return ExistenceSpec(kind="existence", **spec, **fields).build(RuleOrigin("test"))


def test_leads_are_the_literal_words_a_match_starts_with():
    # a run of one whitespace character reads as a space and names the next word; a longer
    # run reads as two spaces, whatever follows
    assert leads(r"(?:one|some)\s+of") == {"one of", "one  ", "some of", "some  "}
    assert leads(r"(?:very\s+)?Best") == {"very best", "very  ", "best"}
    assert leads(r"it['’]s") == {"it's", "it’s"}
    assert leads(r"(?:an?|the)\s+x") == {"a x", "a  ", "an x", "an  ", "the x", "the  "}
    assert leads(r"the\tend") == {"the end"}  # whitespace reads as a space
    assert leads(r"(?=\S)(?:most\s+)?\s*likely") == {"most ", "likely"}
    # only the first run is continued: the leads stay few
    assert leads(r"from\s+(?:a|the)\s+(?:left|right)") == {
        "from a ", "from the ", "from  ",
    }  # fmt: skip
    assert leads(r"(?:an?|the)\s+\w+") == {"a ", "an ", "the "}  # the next word is unknown


def test_patterns_that_can_start_anywhere_have_no_leads():
    for pattern in [r"\w+ly", r"x*", r"[A-Z]\w+", r"(?:a|)b?", r"\s*likely", r"\p{Lu}x"]:
        assert leads(pattern) is None, pattern


def test_fold_keeps_offsets():
    assert fold("A\u00a0B\nİxſ\u212a") == "a b ixsk"


def test_skipped_documents_have_no_match_and_matching_ones_are_kept():
    rule = _rule(tokens=["world-class", "legendary"], inflect=False)
    texts = {
        "A LEGENDARY’s tale.\n": True,
        "A World-Class team.\n": True,
        "An unlegendary tale.\n": False,  # no lead at a word edge
        "A plain tale.\n": False,
        "```\nlegendary\n```\n": False,  # code is masked
    }
    for text, relevant in texts.items():
        document = attach_workspace(parse_document(text), rule)
        assert rule.relevant(document) is relevant, text
        assert bool(list(rule.check(document, None))) is relevant, text


def test_rules_skip_documents_without_a_block_in_scope():
    rule = _rule(tokens=["legendary"], scope=["heading"])
    assert not rule.relevant(attach_workspace(parse_document("A legendary tale.\n"), rule))
    assert rule.relevant(attach_workspace(parse_document("# A legendary tale\n"), rule))


def test_pattern_rules_without_leads_are_never_skipped_for_want_of_words():
    rule = _rule(patterns=["\\w+dary"])
    assert rule.relevant(attach_workspace(parse_document("Nothing here.\n"), rule))
    document = attach_workspace(parse_document("A legendary tale.\n"), rule)
    assert [d.start for d in rule.check(document, None)] == [2]


def test_rules_prepared_into_one_index_share_one_scan_and_find_their_own_words():
    document = parse_document("Some  say it was legendary.\n\nMany\nsay so; ſome say.\n")
    first = _rule(tokens=["legendary"])
    later = _rule(patterns=["(?:some|many)\\s+say"])
    attach_workspace(document, first, later)
    assert [(d.start, d.end) for d in first.check(document, None)] == [(17, 26)]
    assert [(d.start, d.end) for d in later.check(document, None)] == [(0, 9), (29, 37), (42, 50)]
    # "Some  say": a longer whitespace run reads as two spaces; "Many\nsay", "ſome say": one
    assert set(document.workspace.hits.leads) == {"legendary", "some  ", "many say", "some say"}


def test_split_alternation_matches_like_one_alternation():
    from editlint.rules.matching.patterns import WORD_AFTER, WORD_BEFORE, Alternation

    terms, patterns = ["it seems", "maybe"], ["seem(?:s|ed)?\\s+to", "(?:most)?\\s*likely\\s+to"]
    split = compile_terms(terms, patterns, inflect=False, ignore_case=True)
    assert isinstance(split, Alternation)
    body = "|".join(["it\\s+seems|maybe", *(f"(?:{p})" for p in patterns)])
    one = regex.compile(f"{WORD_BEFORE}(?:{body}){WORD_AFTER}", regex.IGNORECASE)
    text = "It seems to rain; maybe. Most likely to fall, it seemed to, seems to likely to it seems"
    for start, end in ((0, len(text)), (3, 40), (10, len(text) - 2)):
        assert [m.span() for m in split.finditer(text, start, end)] == [
            m.span() for m in one.finditer(text, start, end)
        ]


_WORDS = ["a", "an", "the", "them", "seems", "it", "likely", "to", "many", "ſay", "İt", "x"]
_GLUE = [" ", "  ", "\n", "\u00a0", "-", "'", "’", ", ", ".", "_", ""]
_TERMS = ["it seems", "a", "the", "many say", "likely to"]
_PATTERNS = [
    r"(?:most)?\s*likely\s+to",
    r"(?:the|an?)\s+(?:x|them)",
    r"seem(?:s|ed)?\s+to",
    r"it['’]s",
    r"many\s+(?:say|x)?",
]


@settings(max_examples=300, deadline=None)
@given(
    pieces=st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_GLUE)), max_size=30),
    terms=st.lists(st.sampled_from(_TERMS), unique=True),
    patterns=st.lists(st.sampled_from(_PATTERNS), unique=True),
    cuts=st.lists(st.integers(min_value=0, max_value=200), max_size=6),
    ignore_case=st.booleans(),
)
def test_searching_at_leads_finds_what_searching_everywhere_finds(
    pieces, terms, patterns, cuts, ignore_case
):
    if not terms and not patterns:
        terms = ["it seems"]
    text = "".join(word + glue for word, glue in pieces)
    bounds = sorted({0, len(text), *(cut for cut in cuts if cut <= len(text))})
    spans = [TextSpan(start, end) for start, end in zip(bounds, bounds[1:], strict=False)]
    pattern = compile_terms(terms, patterns, inflect=True, ignore_case=ignore_case)
    search = Search(pattern)
    assert search.lead_words is not None  # every pattern here has leads
    document = parse_document("")
    document.masked = text
    words = WordIndex()
    search.prepare(words)
    Workspace.attach(document, words)
    expected = [
        (span, match.span())
        for span in spans
        for match in finditer(pattern, text, span.start, span.end)
    ]
    found = [(span, match.span()) for span, match in search.matches(document, spans)]
    assert found == expected
