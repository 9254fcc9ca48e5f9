"""Property test over generated wikitext articles: fixing (every rule, unsafe fixes too) is
idempotent, leaves every character outside the edited spans as it was, and round-trips: the
fixed page still reads as wikitext, no reused ref loses its definition, and its headings stay
in order."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editlint.config.model import load_config
from editlint.diagnostics import Applicability
from editlint.document import parse_document
from editlint.engine.runner import Checker
from editlint.fixes.apply import fix_text

WORDS = [
    "the",
    "port",
    "treaty",
    "very",
    "utilise",
    "in order to",
    "legendary",
    "renowned",
    "critics",
    "argued",
    "some say",
    "clearly",
    "obviously",
    "1990",
    "5,000 people",
    "[[Harbour]]",
    "[[Nowhere|a place]]",
    "[[File:A.jpg|thumb|cap]]",
    "'''bold'''",
    "''it''",
    "{{convert|3|km}}",
    "<ref>A source.</ref>",
    '<ref name="a">Named.</ref>',
    '<ref name="a" />',
    "{{cn|date=May 2021}}",
    "{{who}}",
    "[http://example.org site]",
    "<!-- note -->",
    "é",
    "—",
]
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=10).map(
    lambda words: " ".join(words).capitalize() + "."
)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
block = st.one_of(
    paragraph,
    paragraph.map(lambda p: "* " + p),
    st.sampled_from(
        ["== History ==", "== Criticism ==", "== See also ==", "=== Debate ===", "* [[Harbour]]"]
    ),
    st.sampled_from(
        ["* [[Nowhere]]", "{{Main|Harbour}}", "{| class=x\n| very\n|}", "{{Infobox|a=b}}"]
    ),
)
article = st.tuples(st.lists(block, min_size=1, max_size=8), st.sampled_from(["\n", "\r\n"])).map(
    lambda parts: parts[1].join(piece for b in parts[0] for piece in (b, "")) + parts[1]
)


@pytest.fixture(scope="module")
def checker(tmp_path_factory) -> Checker:
    folder = tmp_path_factory.mktemp("wiki")
    (folder / "Harbour.wiki").write_text("Lead.<ref>A.</ref>\n\n== Quay ==\nText.\n")
    (folder / "editlint.yaml").write_text("select: [ALL]\n")
    return Checker(load_config(folder / "editlint.yaml", folder))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=article)
def test_wikitext_fixes_are_idempotent_and_touch_only_their_spans(checker, text):
    path = Path(checker.loaded.root) / "Port.wiki"

    def check(current):
        return checker.check_text(current, path).diagnostics

    outcome = fix_text(text, check, Applicability.UNSAFE)
    assert not outcome.hit_cap
    for original, current in outcome.regions.unchanged(len(text), len(outcome.text)):
        assert text[original] == outcome.text[current]
    again = fix_text(outcome.text, check, Applicability.UNSAFE)
    assert (again.text, again.applied) == (outcome.text, 0)
    if outcome.text.strip():  # (removing a page's only, empty, See also section empties it)
        assert not [d.code for d in check(outcome.text) if d.code.startswith("INP")]
    # A fix may drop a see-also line with its ref, never a definition other refs use.
    undefined = [sum(d.code == "SRC104" for d in check(t)) for t in (text, outcome.text)]
    assert undefined[1] <= undefined[0]
    before, after = parse_document(text, path), parse_document(outcome.text, path)
    headings = iter(section.title for section in before.sections)
    assert all(title in headings for title in (s.title for s in after.sections))
