"""The native Markdown parser (pyromark, pulldown-cmark, the default) gives the documents
markdown-it-py gave.

Every field of the document model built from pyromark's events is held to markdown-it-py's on
every corpus article; the constructs where the two parsers read Markdown differently are
listed here with both readings, as in docs/performance.md.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pyromark
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, SHARED, shared
from editlint.api import check_text
from editlint.document import parse_document
from editlint.document.errors import InputError
from editlint.document.markdown import parse_markdown
from editlint.document.parsers import PARSERS, markdown_parser
from editlint.document.parsers.markdown_it_blocks import _parser
from editlint.document.parsers.nesting import NESTING_LIMIT
from editlint.document.parsers.pyromark_blocks import _OPTIONS, _Walk, one_byte_a_character
from editlint.errors import UsageError
from hostile.hostile_cases import _nested

# Articles where the parsers disagree, and why (docs/performance.md, "Native parse").
KNOWN_DIFFERENCES = {
    # "15.  Install ...\n    ```": the fence is indented 4, less than the item's 5, and cannot
    # interrupt the paragraph: CommonMark reads it as a lazy continuation (pyromark);
    # markdown-it ends the item and starts a code block.
    "LIRC-Quick start guide.md",
}


def fields(document) -> dict:
    """Everything a rule can read of a document."""
    return {
        "blocks": document.blocks,
        "masked": document.masked,
        "links": document.links,
        "citations": document.citations,
        "quotations": document.quotations,
        "footnotes": document.footnote_definitions,
        "sections": document.sections,
        "see_also_sections": document.see_also_sections,
        "title": (document.title, document.title_span),
        "see_also": document.see_also,
        "sentences": document.sentences,
    }


def both(text: str, path: Path | None = None):
    """The document's fields (or its input error) with each parser."""
    read = []
    for parser in ("markdown-it", "pyromark"):
        try:
            read.append(fields(parse_markdown(text, path, parser)))
        except InputError as error:
            read.append((error.message, error.offset))
    return read


def differing(paths: list[Path]) -> set[str]:
    names = set()
    for path in paths:
        old, new = both(path.read_text(encoding="utf-8"), path)
        if old != new:
            names.add(path.name)
    return names


def test_the_demo_and_the_fixtures_give_the_same_documents():
    paths = sorted((ROOT / "content").rglob("*.md")) + sorted(
        (ROOT / "tests" / "fixtures").rglob("*.md")
    )
    assert len(paths) >= 10
    assert differing(paths) == set()


def test_every_archwiki_article_gives_the_same_document_but_the_listed_ones():
    folder = shared(SHARED / "corpora" / "archwiki")
    paths = sorted(folder.glob("*.md"))
    assert len(paths) == 419
    assert differing(paths) == KNOWN_DIFFERENCES


# Where the parsers read the text differently: (text, markdown-it's blocks, pyromark's blocks),
# blocks as (kind, start, end). Listed and justified in docs/performance.md.
DIFFERENCES = [
    pytest.param(  # a lazy line under a list item: CommonMark continues the paragraph
        "15.  Install it:\n    ```\n    # mv a b\n    ```\n",
        [("list_item", 5, 16), ("code", 17, 45)],
        [("list_item", 5, 45)],
        id="lazy-fence-in-item",
    ),
    pytest.param(  # a definition is read from a paragraph when it ends: the line is lazy
        "[a]: /u\n    more\n",
        [("code", 8, 16)],
        [("paragraph", 12, 16)],
        id="line-after-reference-definition",
    ),
    pytest.param(  # a footnote definition interrupts a paragraph in both, a quote's lazy
        # paragraph too in pulldown-cmark only
        ">[^1] a\n[^1]: note\n",
        [("paragraph", 1, 18)],
        [("paragraph", 1, 7), ("footnote_definition", 14, 18)],
        id="footnote-after-quoted-paragraph",
    ),
    pytest.param(  # a heading whose text is a #: markdown-it's text is found at the last one
        "# # #\n",
        [("heading", 4, 5)],
        [("heading", 2, 3)],
        id="heading-of-hashes",
    ),
    pytest.param(  # a footnote definition right after a table: a row in markdown-it only
        "| a | b |\n|---|---|\n| 1 | 2 |\n[^1]: note\n",
        [("table", 0, 40)],
        [("table", 0, 29), ("footnote_definition", 36, 40)],
        id="footnote-after-table",
    ),
    pytest.param(  # a line indented 4 after a table: a row in pulldown-cmark only
        "a | b\n--|--\n    x | y\n",
        [("table", 0, 11), ("code", 12, 21)],
        [("table", 0, 21)],
        id="indented-line-after-table",
    ),
]


@pytest.mark.parametrize("text, old, new", DIFFERENCES)
def test_the_listed_differences(text, old, new):
    def blocks(parser):
        document = parse_markdown(text, None, parser)
        return [(block.kind.value, block.start, block.end) for block in document.blocks]

    assert blocks("markdown-it") == old
    assert blocks("pyromark") == new


# Texts pulldown-cmark reads otherwise, handed to markdown-it whole: the same blocks as today.
HANDED_OVER = [
    pytest.param(  # GFM: a table may start right after a paragraph line
        "Text\na | b\n--|--\n", [("paragraph", 0, 4), ("table", 5, 16)], id="table-after-text"
    ),
    pytest.param(  # markdown-it tries a table first, on any line (here a list item's)
        "- a | b\n--|--\n", [("table", 0, 13)], id="list-item-before-delimiter-row"
    ),
    pytest.param(  # CommonMark: a tab may come before a heading's closing #s
        "## Title\t#\n", [("heading", 3, 8)], id="tab-before-closing-hashes"
    ),
    pytest.param(  # CommonMark: a tab may follow a closing fence
        "~~~\ncode\n~~~\t\n\nText\n",
        [("code", 0, 13), ("paragraph", 15, 19)],
        id="tab-after-closing-fence",
    ),
]


@pytest.mark.parametrize("text, expected", HANDED_OVER)
def test_texts_pulldown_cmark_reads_otherwise_are_read_by_markdown_it(text, expected):
    old, new = both(text)
    assert new == old
    assert [(block.kind.value, block.start, block.end) for block in new["blocks"]] == expected


def test_offsets_are_characters_in_non_ascii_text():
    text = "---\ntitle: Zürich\n---\n# Zürich 𝄞\n\nLe café est là.\n\n- élan\n  > vital ж\n"
    document = parse_markdown(text, None, "pyromark")
    spans = [(block.kind.value, text[block.start : block.end]) for block in document.blocks]
    assert spans == [
        ("heading", "Zürich 𝄞"),
        ("paragraph", "Le café est là."),
        ("list_item", "élan"),
        ("list_item", "vital ж"),
    ]
    assert document.blocks[3].in_blockquote
    assert document.masked[text.index("  > vital") :].startswith("    vital ж")
    assert fields(document) == fields(parse_markdown(text, None, "markdown-it"))


def test_a_tight_item_continued_on_a_second_line_masks_its_indentation():
    text = "- **first** line\n  second `line`\n- \\*escaped\n"
    old, new = both(text)
    assert new == old
    assert [(b.start, b.end) for b in new["blocks"]] == [(2, 32), (35, 44)]


@pytest.mark.parametrize(
    "text",
    [
        _nested("> ", 30).decode(),
        _nested("- ", 12).decode(),
        _nested("> - ", 8).decode(),
        "Lead.\n\n" + "".join("  " * i + "- item\n" for i in range(40)),
        "> " * 18 + "deep\n",
        "> " * 17 + "deep enough\n",
    ],
)
def test_text_nested_past_the_limit_is_refused_at_the_same_place(text):
    old, new = both(text)
    assert new == old


def test_the_nesting_limit_is_markdown_its():
    assert _parser().options["maxNesting"] == NESTING_LIMIT


def test_a_failure_inside_the_native_parser_is_an_input_finding(monkeypatch):
    monkeypatch.setenv("EDITLINT_MARKDOWN_PARSER", "pyromark")
    text = "# Harbour\n\nThe harbour \ud800 opened in 1850.\n"  # a lone surrogate: no UTF-8
    with pytest.raises(InputError, match="the Markdown parser failed"):
        parse_document(text)
    findings = check_text(text, "harbour.md", {})
    assert [(finding.code, finding.start) for finding in findings] == [("INP003", 0)]
    assert "the Markdown parser failed" in findings[0].message


BLOCK_PIECES = ["a", "b c", "é ж", "𝄞", ">", "> ", "# h", "## h", "- ", "1. ", "*", "`"]
BLOCK_PIECES += ["\n", "\n", "\n\n", "\r\n", "```", "~~~", "[l](u)", "  ", "<!-- x -->", "[^1]"]
BLOCK_PIECES += ["<div>", "</div>", "===", "---", "[a]", "\\*", "&amp;", "**b**", "  \n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(BLOCK_PIECES), max_size=16).map("".join))
def test_texts_without_the_listed_constructs_give_the_same_document(text):
    """Everything but tables, tabs, definitions and 4-space indentation (the listed
    differences): every field the same, offsets in characters."""
    old, new = both(text)
    assert new == old


def _walked(source: str, raw: bytes) -> _Walk:
    walk = _Walk(raw)
    walk.run(pyromark.events_with_range(source, options=_OPTIONS))
    return walk


def read_from_bytes(text: str) -> tuple[list, list]:
    """Blocks and masks of pulldown-cmark's reading of the UTF-8 bytes, offsets decoded to
    characters: the reading the native parse made before it read one byte a character."""
    raw = text.encode()
    walk = _walked(text, raw)

    def char(offset: int) -> int:
        return len(raw[:offset].decode())

    blocks = [(kind, char(start), char(end), *rest) for kind, start, end, *rest in walk.blocks]
    return blocks, [(char(start), char(end)) for start, end in walk.masks]


NON_ASCII = ["é", "ж", "𝄞", "\u00a0", "\u3000", "“", "—", "ü", "é é"]
MARKUP = ["<", "</", "<!", "<?", "<a ", "<div>", ">", "&", ";", "\\", "[", "]", "]:", "(", ")"]
MARKUP += ["=", "'", '"', "`", "```", "#", "# ", "1.", "1. ", "- ", "*", "_", "~~~", "|", "> "]
MARKUP += ["|---|", "http://", "@", "![", "    ", "$", "[^", ":", "a", " ", "\t", "\n", "\n\n"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(NON_ASCII + MARKUP), max_size=30).map("".join))
def test_one_byte_a_character_reads_the_blocks_the_bytes_give(text):
    """Non-ASCII characters read as ``$`` leave every block and mask where the UTF-8 bytes
    put them, next to tags, entities, escapes, link definitions, lists and headings."""
    source = one_byte_a_character(text)
    assert len(source.encode()) == len(text)
    walk = _walked(source, source.encode())
    assert (walk.blocks, walk.masks) == read_from_bytes(text)


def test_pyromark_is_the_default_and_markdown_it_can_be_chosen(monkeypatch):
    monkeypatch.delenv("EDITLINT_MARKDOWN_PARSER", raising=False)
    assert markdown_parser() == "pyromark"
    monkeypatch.setenv("EDITLINT_MARKDOWN_PARSER", "markdown-it")
    assert markdown_parser() == "markdown-it"
    assert markdown_parser("pyromark") == "pyromark"


def test_without_pyromark_installed_markdown_it_reads_the_same():
    """Where pyromark cannot be imported (no wheel for the platform) markdown-it is used; asked
    for by name, pyromark is then a usage error."""
    script = (
        "import sys; sys.modules['pyromark'] = None\n"  # what a failed import leaves
        "from editlint.document import parse_document\n"
        "from editlint.document.parsers import markdown_parser\n"
        "from editlint.errors import UsageError\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "print(markdown_parser(), [(b.kind.value, b.start, b.end) for b in "
        "parse_document(text).blocks])\n"
        "try:\n    markdown_parser('pyromark')\nexcept UsageError as error:\n    print(error)\n"
    )
    article = ROOT / "content" / "nato.md"
    done = subprocess.run(
        [sys.executable, "-c", script, str(article)],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=True,
    )
    document = parse_document(article.read_text(encoding="utf-8"))
    blocks = [(block.kind.value, block.start, block.end) for block in document.blocks]
    assert done.stdout.splitlines() == [
        f"markdown-it {blocks}",
        "EDITLINT_MARKDOWN_PARSER=pyromark: pyromark is not installed (pip install pyromark)",
    ]


def test_an_unknown_parser_is_a_usage_error(monkeypatch, cli):
    with pytest.raises(UsageError, match="unknown Markdown parser"):
        markdown_parser("commonmark")
    monkeypatch.setenv("EDITLINT_MARKDOWN_PARSER", "commonmark")
    done = cli("check", "--no-cache", "content/")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.strip().splitlines() == [
        "editlint: error: EDITLINT_MARKDOWN_PARSER=commonmark: unknown Markdown parser "
        "(choose pyromark or markdown-it)"
    ]


def test_the_demo_findings_are_the_same_with_either_parser(monkeypatch, cli):
    native = cli("check", "--no-cache", "--format", "json", "content/")
    monkeypatch.setenv("EDITLINT_MARKDOWN_PARSER", "markdown-it")
    python = cli("check", "--no-cache", "--format", "json", "content/")
    assert native.returncode == python.returncode == 1
    assert native.stdout == python.stdout
    assert len(json.loads(native.stdout)["diagnostics"]) == 26


def test_the_result_cache_keeps_each_parsers_findings_apart(monkeypatch, tmp_path, cli):
    """A run with the other parser is not answered from the first one's cache entries."""
    (tmp_path / "a.md").write_text("15.  Install it:\n    ```\n    # mv a b\n    ```\n")
    cache = ["--cache-dir", str(tmp_path / "cache"), "--format", "json"]
    for parser in PARSERS:
        monkeypatch.setenv("EDITLINT_MARKDOWN_PARSER", parser)
        cli("check", *cache, str(tmp_path / "a.md"))
    runs = [path for path in (tmp_path / "cache" / "results").iterdir() if path.is_dir()]
    assert len(runs) == 2
    assert all(re.fullmatch(r"[0-9a-f]{24}", run.name) for run in runs)
