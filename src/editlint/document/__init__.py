"""Documents: parse Markdown and plain-text exports into a model with exact offsets."""

from __future__ import annotations

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
SUPPORTED_SUFFIXES = MARKDOWN_SUFFIXES | TEXT_SUFFIXES


def parse_document(text: str, path: Path | None = None, format: str | None = None) -> Document:
    """Parse ``text`` as Markdown or a plain-text export (by ``format`` or the path's suffix)."""
    if format is None:
        format = (
            "plaintext" if path is not None and path.suffix.lower() in TEXT_SUFFIXES else "markdown"
        )
    if format == "plaintext":
        from editlint.document.plaintext import parse_plaintext

        return parse_plaintext(text, path)
    from editlint.document.markdown import parse_markdown

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
    "SUPPORTED_SUFFIXES",
]
