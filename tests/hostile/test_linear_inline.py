"""The inline scanner is linear in a block: unclosed ``<!--``, ``<ref>`` and backtick runs no
longer make it rescan to the block's end for each (#21 item 9). The speed is measured by
bench/doubling.py; these tests check that the one-pass scanners find exactly what the patterns
they replace found."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editlint.document.inline import (
    _CODE_SPAN,
    _HTML_COMMENT,
    _REF_TAG,
    code_spans,
    html_comments,
    ref_tags,
    scan_inline,
)

PIECES = [
    "<!--",
    "-->",
    "<!-->",
    "--",
    "<ref>",
    "<REF name=a>",
    "<ref name=a/>",
    "<ref/>",
    "<refs>",
    "</ref>",
    "</ref >",
    "</REF>",
    "<",
    ">",
    "/",
    "/>",
    "`",
    "``",
    "```",
    "a",
    " ",
    "\n",
    "x y",
]
TEXTS = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def spans(found) -> list[tuple[int, int]]:
    return [match.span() for match in found]


@settings(max_examples=500, deadline=None)
@given(TEXTS)
def test_the_one_pass_scanners_find_what_the_patterns_found(text):
    assert spans(html_comments(text)) == spans(_HTML_COMMENT.finditer(text))
    assert spans(ref_tags(text)) == spans(_REF_TAG.finditer(text))
    assert spans(code_spans(text)) == spans(_CODE_SPAN.finditer(text))


def test_unclosed_markup_leaves_the_closed_elements_found():
    text = "A <ref>x</ref> b <!-- c --> d `e` " + "<ref>unclosed <!-- open `` " * 3_000
    scan = scan_inline(text, 0, len(text))
    assert [(c.start, c.end) for c in scan.citations] == [(2, 14)]
    # "``" runs close each other as code spans, as CommonMark has it; nothing else is found
    later = sorted(span for span in scan.masked if span[0] > 33)
    assert len(later) == 1_500
    assert all(text[a : a + 2] == text[b - 2 : b] == "``" for a, b in later)
    assert sorted(scan.masked)[:3] == [(2, 14), (17, 27), (30, 33)]
