"""NEU201 and BAL102 on one long paragraph: linear work, the same findings (#21 item 14).

Each searched its whole paragraph again for every match (the exceptions of a pack rule; the
clause boundaries before each attribution verb): a 24 KB paragraph took seconds and from about
26 KB ended as a false INT001. The speed is measured by bench/doubling.py; these tests count the
work and check that the fast lookups answer as the scans did.
"""

from __future__ import annotations

import re

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from editlint.config.model import load_config
from editlint.document import Block, BlockKind
from editlint.engine.runner import Checker, SelectionOverrides
from editlint.rules.kinds.common import ExceptionSpans
from editlint.rules.matching.patterns import Alternation, compile_pattern
from editlint.rules.support.viewpoints import Clauses, _clause_start

SENTENCES = [
    "Many historians argue that the harbour was rebuilt.",
    "Critics, including Jane Roe, say the plan failed.",
    "However, supporters claim the quay was a success.",
    "The port grew quickly after the war, but trade fell.",
]


def test_a_48_kb_paragraph_is_checked_in_full_by_neu201_and_bal102(tmp_path):
    paragraph = " ".join(SENTENCES[n % 4] for n in range(1_000))  # about 48 KB
    path = tmp_path / "debate.md"
    path.write_text(f"# Harbour\n\n## Debate\n\n{paragraph}\n", encoding="utf-8")
    loaded = load_config(None, tmp_path)
    loaded.cache_override = False
    found = Checker(loaded, SelectionOverrides(select=["NEU201", "BAL102"])).check_file(path)
    codes = [d.code for d in found.diagnostics]
    assert "INT001" not in codes
    # "Many historians argue" and "supporters claim" once per four sentences each; "Critics,
    # including Jane Roe, say" is excepted.
    assert codes.count("NEU201") == 500


def test_the_exceptions_are_searched_once_per_block_however_many_matches():
    text = "critics, including Roe, argue. " * 500
    block = Block(BlockKind.PARAGRAPH, 0, len(text))
    spans = ExceptionSpans(compile_pattern(r"critics,\s+including\s+[A-Z]\w+", True), text)
    starts = [m.start() for m in re.finditer("critics", text)]
    assert all(spans.covers(block, regex.match(r"critics", text, pos=s)) for s in starts)
    assert spans.searches == 1


WORDS = st.lists(st.sampled_from(["critics", "say", "however", "but", "a", ".", ";", " ", "x"]))


@settings(max_examples=100, deadline=None)
@given(WORDS, st.lists(st.sampled_from([r"a\s+x", r"critics\s+say", r"x", r"\s*"]), min_size=1))
def test_exception_lookup_answers_as_a_search_per_match(words, patterns):
    text = " ".join(words)
    block = Block(BlockKind.PARAGRAPH, 0, len(text))
    compiled = [compile_pattern(p, True) for p in patterns]
    exceptions = compiled[0] if len(compiled) == 1 else Alternation(compiled)
    spans = ExceptionSpans(exceptions, text)
    for match in regex.finditer(r"\w+|[.;]", text):
        expected = any(
            found.start() <= match.start() and match.end() <= found.end()
            for found in exceptions.finditer(text, 0, len(text))
        )
        assert spans.covers(block, match) == expected


@settings(max_examples=100, deadline=None)
@given(WORDS, st.integers(0, 5))
def test_clause_lookup_answers_as_a_scan_to_each_offset(words, start):
    text = "".join(words)
    start = min(start, len(text))
    clauses = Clauses(text, start, len(text))
    for offset in range(start, len(text) + 1):
        assert clauses.start_of(offset) == _clause_start(text, start, offset)


def test_clauses_are_found_once_for_verbs_at_word_starts():
    text = "Critics say it failed; but supporters claim it worked. " * 400
    clauses = Clauses(text, 0, len(text))
    verbs = [m.start() for m in re.finditer(r"\b(?:say|claim)\b", text)]
    assert [clauses.start_of(v) for v in verbs[:2]] == [0, text.index(" supporters")]
    for verb in verbs:
        clauses.start_of(verb)
    assert clauses.rescans == 0


def test_an_alternation_with_an_empty_match_at_the_end_stops():
    """A pattern that can match nothing (a pack's ``\\s*``) matched empty at the end of the
    text, then was searched again from past the end, found the same empty match, for ever."""
    alternation = Alternation([compile_pattern(r"x", True), compile_pattern(r"\s*", True)])
    found = [(m.start(), m.end()) for m in alternation.finditer("ab x", 0, 4)]
    assert found == [(m.start(), m.end()) for m in regex.finditer(r"x|\s*", "ab x")]
