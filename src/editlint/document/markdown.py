"""Parse Markdown (CommonMark + GFM tables and footnotes) into the document model: front
matter, blocks (``document/parsers``), footnote definitions, then the shared finish."""

from __future__ import annotations

import re
from pathlib import Path

from editlint.document.build import finish
from editlint.document.frontmatter import parse_front_matter
from editlint.document.model import BlockKind, Document, FootnoteDefinition
from editlint.document.parsers import parse_blocks

_FOOTNOTE_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:", re.MULTILINE)


def parse_markdown(text: str, path: Path | None = None, parser: str | None = None) -> Document:
    """Parse ``text`` (the whole file) into a Document with exact offsets; the block parser
    is ``parser``, else the one ``document/parsers`` chooses."""
    front_matter = parse_front_matter(text)
    body_start = front_matter.body_start if front_matter else 0
    blocks, masks, references = parse_blocks(text, body_start, None, parser)
    document = Document(
        path=path,
        text=text,
        format="markdown",
        title="",
        front_matter=front_matter,
        blocks=blocks,
    )
    code = [(b.start, b.end) for b in blocks if b.kind in (BlockKind.CODE, BlockKind.HTML)]
    document.footnote_definitions = _footnote_definitions(text, body_start, code)
    finish(document, masks, references)
    document.title, document.title_span = _title(document, path)
    return document


def _footnote_definitions(
    text: str, body_start: int, code: list[tuple[int, int]]
) -> list[FootnoteDefinition]:
    definitions: list[FootnoteDefinition] = []
    if text.find("[^", body_start) == -1:
        return definitions
    for match in _FOOTNOTE_DEFINITION.finditer(text, body_start):
        if any(a <= match.start() < b for a, b in code):
            continue
        definitions.append(FootnoteDefinition(match.group(1), match.start(), match.end()))
    return definitions


def _title(document: Document, path: Path | None) -> tuple[str, tuple[int, int] | None]:
    title = document.meta.get("title")
    if isinstance(title, str) and title.strip():
        return title.strip(), None
    for block in document.blocks:
        if block.kind is BlockKind.HEADING and block.level == 1:
            return document.masked[block.start : block.end].strip(), (block.start, block.end)
        if block.kind is not BlockKind.HEADING:
            break
    if path is not None:
        return path.stem.strip(), None  # as the content index names it (index/scan.py)
    return "", None
