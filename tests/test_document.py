"""The document model: blocks, sections, sentences, links, citations and see-also entries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editlint.document import (
    BlockKind,
    CitationKind,
    InputError,
    LinkKind,
    SeeAlsoSource,
    parse_document,
)
from editlint.document.inline import _BARE_URL, _INLINE_LINK
from editlint.document.parsers.markdown_it_blocks import _parser, _parser_for
from editlint.document.see_also_entries import pointer_words
from editlint.document.sentences import _LONGEST_WORD, _word_before

MARKDOWN = """---
title: Example
see_also:
  - NATO
  - "European Union"
---

Lead sentence one. Lead sentence two [@key].

## History

A paragraph with [a link](nato.md), a [[Wiki Target|label]] and `code legendary`.[^1]

> A quoted block.

- Item one says "quoted words".
- Item two <ref>Source</ref> and {{cite web|url=x}}.

## See also

- [[NATO]]
- [Europe](european-union.md)

[^1]: The footnote.
"""


def spans(document, items):
    return [document.text[item.start : item.end] for item in items]


def test_markdown_blocks_and_sections():
    document = parse_document(MARKDOWN, Path("example.md"))
    assert document.title == "Example"
    kinds = [block.kind for block in document.blocks]
    assert kinds == [
        BlockKind.PARAGRAPH,
        BlockKind.HEADING,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.LIST_ITEM,
        BlockKind.LIST_ITEM,
        BlockKind.HEADING,
        BlockKind.LIST_ITEM,
        BlockKind.LIST_ITEM,
        BlockKind.FOOTNOTE_DEFINITION,
    ]
    assert document.blocks[3].in_blockquote
    assert [section.title for section in document.sections] == ["", "History", "See also"]
    assert document.see_also_sections == [2]


def test_sentences_have_exact_offsets():
    document = parse_document(MARKDOWN, Path("example.md"))
    assert spans(document, document.sentences[:2]) == [
        "Lead sentence one.",
        "Lead sentence two [@key].",
    ]


def test_sentences_of_a_block_are_its_share_of_the_sentences_split_before_or_after():
    split_first = parse_document(MARKDOWN, Path("example.md"))
    by_block = [split_first.sentences_of(index) for index in range(len(split_first.blocks))]
    built_first = parse_document(MARKDOWN, Path("example.md"))
    sentences = built_first.sentences
    assert [sentence for block in by_block for sentence in block] == sentences
    assert [built_first.sentences_of(index) for index in range(len(built_first.blocks))] == (
        by_block
    )
    assert len([block for block in by_block if block]) > 2


def test_links_and_citations():
    document = parse_document(MARKDOWN, Path("example.md"))
    links = [(link.kind, link.target) for link in document.links]
    assert (LinkKind.INLINE, "nato.md") in links
    assert (LinkKind.WIKI, "Wiki Target") in links
    kinds = [(c.kind, c.key) for c in document.citations]
    assert kinds == [
        (CitationKind.PANDOC, "key"),
        (CitationKind.FOOTNOTE, "1"),
        (CitationKind.REF_TAG, ""),
        (CitationKind.CITE_TEMPLATE, ""),
    ]
    assert [d.label for d in document.footnote_definitions] == ["1"]


def test_masked_text_hides_code_and_markup_but_keeps_offsets():
    document = parse_document(MARKDOWN, Path("example.md"))
    assert len(document.masked) == len(document.text)
    assert "legendary" not in document.masked
    assert "nato.md" not in document.masked
    assert "a link" in document.masked


def test_quotations_are_scopes():
    document = parse_document(MARKDOWN, Path("example.md"))
    assert spans(
        document, [type("S", (), {"start": a, "end": b}) for a, b in document.quotations]
    ) == ['"quoted words"']


def test_see_also_entries_from_front_matter_and_section():
    document = parse_document(MARKDOWN, Path("example.md"))
    entries = [(e.source, e.target, document.text[e.start : e.end]) for e in document.see_also]
    assert entries == [
        (SeeAlsoSource.FRONT_MATTER, "NATO", "NATO"),
        (SeeAlsoSource.FRONT_MATTER, "European Union", '"European Union"'),
        (SeeAlsoSource.SECTION, "NATO", "[[NATO]]"),
        (SeeAlsoSource.SECTION, "european-union.md", "[Europe](european-union.md)"),
    ]


def test_plaintext_export(seed_path):
    document = parse_document(seed_path.read_text(encoding="utf-8"), seed_path)
    assert document.format == "plaintext"
    assert document.title == "Foreign Relations Of Russia"
    titles = [section.title for section in document.sections]
    assert "Debates and controversies (from a center-right perspective)" in titles
    assert titles[-1] == "See also"
    bullets = [b for b in document.blocks if b.kind is BlockKind.LIST_ITEM]
    assert len(bullets) == 6
    assert document.text[bullets[0].start : bullets[0].start + 14] == "NATO expansion"
    prose = [e.target for e in document.see_also if e.source is SeeAlsoSource.PROSE]
    assert prose[:3] == ["NATO", "United States", "European Union"]
    assert "Nord Stream" in prose and "Human rights" in prose
    assert len(prose) == 21


@pytest.mark.parametrize(
    "text, message, line",
    [
        ("---\ntitle: [unclosed\n---\nBody\n", "invalid YAML in front matter", 3),
        ("---\n- a list\n---\nBody\n", "front matter is not a mapping", 2),
        ("---\ntitle: x\nBody without end\n", "never closed", 1),
        ("---\ntitle: a\ntitle: b\n---\n", "invalid YAML in front matter", 3),
    ],
)
def test_bad_front_matter_is_an_input_error(text, message, line):
    with pytest.raises(InputError) as raised:
        parse_document(text, Path("bad.md"))
    assert message in raised.value.message
    document_line = text[: raised.value.offset].count("\n") + 1
    assert document_line == line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="Ssex \n\t\u00a0\u2003.", max_size=40))
def test_pointer_words_are_where_see_and_whitespace_start(text):
    assert pointer_words(text) == [match.start() for match in re.finditer(r"[Ss]ee\s", text)]


PIECES = ["!", "[", "]", "(", ")", "\\", "a", " ", "\n", "<", ">", '"', "'", "http", "https://"]
PIECES += ["www.", "://", "/", "=", "w", "h", ".", "x:y", "s", "[[", "](", "![a](b)"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_link_patterns_find_what_a_look_behind_first_finds(text):
    """The inline-link and bare-URL patterns look behind after their first characters (for
    speed); they find what the plain patterns, looking behind first, find."""
    plain_link = (
        r"(?<!\\)!?\[((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
        r"\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
        r"(?:\s+(\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
    )
    plain_url = r"(?<![(<\w\"'=/])(?:https?://|www\.)[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]"
    for fast, plain in ((_INLINE_LINK, plain_link), (_BARE_URL, plain_url)):
        assert [m.regs for m in fast.finditer(text)] == [m.regs for m in re.finditer(plain, text)]


WORD_PIECES = ["a", "B", "é", "ж", "1", "_", ".", " ", "\n", "\n\n", "(", "-", "'", "\t", "U.S"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(WORD_PIECES), max_size=50).map("".join), st.integers(0, 200))
def test_the_word_before_a_mark_is_what_the_end_anchored_pattern_finds(text, dot):
    """The word an abbreviation test reads before a mark: one match from the last break,
    the same as searching the window for ``([\\w.]+)$`` (a line feed before the mark too)."""
    dot = min(dot, len(text))
    found = re.search(r"([\w.]+)$", text[max(0, dot - _LONGEST_WORD) : dot])
    assert _word_before(text, dot) == (found.group(1) if found else None)


BLOCK_PIECES = ["a", "b c", "|", " | ", "---", "```", "~~~", ">", "> ", "[a]: /u", "[a]", "]:"]
BLOCK_PIECES += ["<div>", "</div>", "<!-- x -->", "[^1]: note", "[^1]", "# ", "## h", "- ", "1. "]
BLOCK_PIECES += ["    ", "\t", "===", "*", "\n", "\n", "\n\n", "\r\n", ":--", "#", "|a|b|", "|-|-|"]
BLOCK_PIECES += ["a|b\n-|-\n", "[a]:/u", "[a]:\n", "<p>", "```x", "~~~~", ">>", "[^x]:"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(BLOCK_PIECES), max_size=30).map("".join))
def test_a_parser_without_the_rules_a_text_cannot_use_gives_the_same_tokens(text):
    def tokens(parser):
        return [(t.type, t.map, t.content, t.level) for t in parser.parse(text, {})]

    assert tokens(_parser_for(text)) == tokens(_parser("\r" in text))
