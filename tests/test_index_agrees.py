"""The content index and the document read every corpus article alike.

The index scans an article line by line (``index/scan.py``) where the document parses it
(``document/``); both must find the same title, aliases, redirects and headings, or a link
resolves to a title or an anchor the article itself does not have.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from editlint.document import BlockKind, Document, parse_document
from editlint.document.wikinames import title_from_path
from editlint.index.scan import ScannedArticle, plain_heading, scan_text, scan_wikitext

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
DEMO = ROOT / "content"

_ATX_OPENING = re.compile(r"^ {0,3}#{1,6}(?:[ \t]+|$)")
_ATX_CLOSING = re.compile(r"(?:^|[ \t]+)#+[ \t]*$")
_HEADING_ID = re.compile(r"[ \t]*\{#[^}\s]+\}[ \t]*$")
_WIKI_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)


def _markdown_files() -> list[Path]:
    files = sorted(DEMO.glob("*.md"))
    archwiki = CORPORA / "archwiki"
    return files + (sorted(archwiki.glob("*.md")) if archwiki.is_dir() else [])


def _wikitext_files() -> list[Path]:
    wikipedia = CORPORA / "wikipedia"
    return sorted(wikipedia.glob("*.wiki")) if wikipedia.is_dir() else []


def _heading_texts(document: Document) -> list[str]:
    """The plain text of each heading block the parser found, as an anchor is made from it."""
    texts = []
    for block in document.blocks:
        if block.kind is not BlockKind.HEADING:
            continue
        source = document.text[block.start : block.end]
        if document.format == "wikitext":
            inner = _WIKI_COMMENT.sub("", source).strip().strip("=")
        elif _ATX_OPENING.match(source):
            inner = _ATX_CLOSING.sub("", _ATX_OPENING.sub("", source.split("\n")[0]))
        else:  # setext: the text above the underline
            lines = source.rstrip("\n").split("\n")
            inner = "\n".join(lines[:-1]) if len(lines) > 1 else source
        texts.append(plain_heading(_HEADING_ID.sub("", inner)))
    return texts


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value if item is not None] if isinstance(value, list) else []


def _agree(document: Document, scanned: ScannedArticle) -> None:
    assert scanned.title == document.title
    assert scanned.aliases == _strings(document.meta.get("aliases"))
    assert scanned.redirect_from == _strings(document.meta.get("redirect_from"))
    if isinstance(document.meta.get("redirect_to"), str):
        assert scanned.redirect_to == document.meta["redirect_to"]
    assert scanned.headings == _heading_texts(document)


@pytest.mark.skipif(len(_markdown_files()) < 10, reason="the shared ArchWiki corpus is missing")
@pytest.mark.parametrize("path", _markdown_files(), ids=lambda path: path.name)
def test_index_and_document_agree_on_markdown_articles(path):
    text = path.read_text(encoding="utf-8")
    _agree(parse_document(text, path), scan_text(text, path.stem))


@pytest.mark.skipif(not _wikitext_files(), reason="the shared Wikipedia corpus is missing")
@pytest.mark.parametrize("path", _wikitext_files(), ids=lambda path: path.name)
def test_index_and_document_agree_on_wikitext_articles(path):
    text = path.read_text(encoding="utf-8")
    _agree(parse_document(text, path), scan_wikitext(text, title_from_path(path)))


def test_a_file_name_titles_an_article_alike_in_both():
    text = "Text first.\n\n# Not a title\n"
    path = Path("-etc-fstab_notes.md")
    title = parse_document(text, path).title
    assert title == scan_text(text, path.stem).title == "-etc-fstab_notes"


def test_the_comparison_sees_a_heading_the_index_misses():
    text = "# Title\n\n## Early life\n\nText.\n"
    document = parse_document(text, Path("a.md"))
    scanned = scan_text(text, "a")
    scanned.headings = ["Title"]
    with pytest.raises(AssertionError):
        _agree(document, scanned)
