"""Rules skip documents that cannot match: the skip must never hide a finding."""

from __future__ import annotations

from editlint.document import parse_document
from editlint.rules.kinds.existence import ExistenceSpec
from editlint.rules.patterns import leading_words


def _rule(**fields):
    spec = {"code": "TST101", "name": "t", "category": "neutrality", "message": "m"}
    return ExistenceSpec(kind="existence", **spec, **fields).build("test")


def test_leading_words_are_first_runs_of_every_form():
    assert leading_words(["people's choice", "U.S. officials"], inflect=False) == {"people", "u"}
    assert leading_words(["claim"], inflect=True) == {"claim", "claims", "claimed", "claiming"}
    assert leading_words(["...odd"], inflect=False) is None


def test_skipped_documents_have_no_match_and_matching_ones_are_kept():
    rule = _rule(tokens=["world-class", "legendary"], inflect=False)
    texts = {
        "A LEGENDARY’s tale.\n": True,
        "A World-Class team.\n": True,
        "An unlegendary tale.\n": True,  # the substring test may keep it; the scan finds nothing
        "A plain tale.\n": False,
        "```\nlegendary\n```\n": False,  # code is masked
    }
    for text, relevant in texts.items():
        document = parse_document(text)
        assert rule.relevant(document) is relevant, text
        found = list(rule.check(document, None))
        assert bool(found) is (relevant and "unlegendary" not in text), text


def test_rules_skip_documents_without_a_block_in_scope():
    rule = _rule(tokens=["legendary"], scope=["heading"])
    assert not rule.relevant(parse_document("A legendary tale.\n"))
    assert rule.relevant(parse_document("# A legendary tale\n"))


def test_pattern_rules_are_never_skipped_for_want_of_words():
    rule = _rule(patterns=["legend\\w+"])
    assert rule.needed is None
    assert rule.relevant(parse_document("Nothing here.\n"))


def test_split_alternation_matches_like_one_alternation():
    import regex

    from editlint.rules.patterns import WORD_AFTER, WORD_BEFORE, Alternation, compile_terms

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
