"""Documents: parse Markdown and plain-text exports into a model with exact offsets."""

from __future__ import annotations

import re
from pathlib import Path

from editlint.document.errors import InputError
from editlint.document.model import (
    Block,
    BlockKind,
    Citation,
    CitationKind,
    Document,
    Link,
    LinkKind,
    Scope,
    Section,
    SeeAlsoEntry,
    SeeAlsoSource,
    Sentence,
)

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
TEXT_SUFFIXES = frozenset({".txt"})
WIKITEXT_SUFFIXES = frozenset({".wiki", ".wikitext", ".mediawiki"})
MDX_SUFFIXES = frozenset({".mdx"})
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES | WIKITEXT_SUFFIXES | MDX_SUFFIXES
#: Document formats editlint does not read (yet): named, an input finding; walked, counted.
UNSUPPORTED_SUFFIXES = frozenset(
    {".rst", ".adoc", ".asciidoc", ".html", ".htm", ".org", ".tex", ".textile", ".xml"}
    | {".bz2", ".docx", ".odt"}
)


def format_of(path: Path | None) -> str:
    """The format a file's suffix names: "plaintext", "wikitext", "mdx", else "markdown"."""
    suffix = path.suffix.lower() if path is not None else ""
    if suffix in TEXT_SUFFIXES:
        return "plaintext"
    if suffix in MDX_SUFFIXES:
        return "mdx"
    return "wikitext" if suffix in WIKITEXT_SUFFIXES else "markdown"


_LONE_CR = re.compile(r"\r(?!\n)")


def parse_document(text: str, path: Path | None = None, format: str | None = None) -> Document:
    """Parse ``text`` as Markdown, MDX, MediaWiki wikitext or a plain-text export (by
    ``format`` or the path's suffix). MDX is read as Markdown with its ESM and JSX blanked
    (``document/mdx.py``); the document keeps the text as it is.

    A lone carriage return (old Mac line endings, or mixed ones) ends a line, as in CommonMark
    and ``LineIndex``: it is read as a line feed, which keeps every offset (one character for
    one), so the readers, which split lines at line feeds, see the lines the file has.
    """
    format = format or format_of(path)
    if "\r" in text:
        text = _LONE_CR.sub("\n", text)
    if format == "wikitext":
        from editlint.document.wikitext import parse_wikitext

        return parse_wikitext(text, path)
    if format == "plaintext":
        from editlint.document.plaintext import parse_plaintext

        return parse_plaintext(text, path)
    from editlint.document.markdown import parse_markdown

    if format == "mdx":
        from editlint.document.mdx import blank_mdx

        document = parse_markdown(blank_mdx(text), path)
        document.text = text
        return document
    return parse_markdown(text, path)


__all__ = [
    "Block",
    "BlockKind",
    "Citation",
    "CitationKind",
    "Document",
    "InputError",
    "Link",
    "LinkKind",
    "Scope",
    "Section",
    "SeeAlsoEntry",
    "SeeAlsoSource",
    "Sentence",
    "parse_document",
    "MARKDOWN_SUFFIXES",
    "WIKITEXT_SUFFIXES",
    "MDX_SUFFIXES",
    "UNSUPPORTED_SUFFIXES",
    "format_of",
    "SUPPORTED_SUFFIXES",
]
