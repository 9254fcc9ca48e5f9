"""Parse plain-text wiki exports: a title line, bare-line headings, "•" bullets."""

from __future__ import annotations

import re
from pathlib import Path

from editlint.document.build import finish
from editlint.document.model import Block, BlockKind, Document

_BULLET = re.compile(r"^[ \t]*[•·▪◦‣∙*-][ \t]+")
_PARAGRAPH = re.compile(r"^(?:[^\S\n]*+\S[^\n]*+(?:\n|$))+", re.MULTILINE)  # linear
_SENTENCE_END = re.compile(r"[.!?:;,\"”’]$")
MAX_HEADING_LENGTH = 90


def strip_scraped_edit(title: str) -> str:
    """'Foreign Relations Of RussiaEdit' -> 'Foreign Relations Of Russia'."""
    stripped = title.strip()
    if stripped.endswith("Edit") and len(stripped) > 4:
        return stripped[:-4].rstrip()
    return stripped[: -len("[edit]")].rstrip() if stripped.lower().endswith("[edit]") else stripped


def is_heading_line(line: str) -> bool:
    """A bare heading: one short line, no bullet, no closing punctuation."""
    stripped = line.strip()
    return (
        0 < len(stripped) <= MAX_HEADING_LENGTH
        and not _BULLET.match(line)
        and not _SENTENCE_END.search(stripped)
        and stripped[0].isupper()
    )


def parse_plaintext(text: str, path: Path | None = None) -> Document:
    """Parse a plain-text export: first line is the title, blank lines separate blocks."""
    document = Document(path=path, text=text, format="plaintext", title="")
    blocks: list[Block] = []
    first = True
    for match in _PARAGRAPH.finditer(text):
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip())
        end = match.start() + len(match.group(0).rstrip())
        chunk = text[start:end]
        if first:
            first = False
            title = strip_scraped_edit(chunk.split("\n", 1)[0])
            document.title = title
            document.title_span = (start, start + len(title))
            blocks.append(Block(BlockKind.HEADING, start, start + len(title), level=1))
            continue
        bullet = _BULLET.match(chunk)
        if bullet:
            blocks.append(Block(BlockKind.LIST_ITEM, start + bullet.end(), end, list_depth=1))
        elif "\n" not in chunk and is_heading_line(chunk):
            blocks.append(Block(BlockKind.HEADING, start, end, level=2))
        else:
            blocks.append(Block(BlockKind.PARAGRAPH, start, end))
    for number, block in enumerate(blocks):
        if block.kind is BlockKind.LIST_ITEM:
            block.level = number
    document.blocks = blocks
    masks = [(0, blocks[0].start)] if blocks and blocks[0].start else []
    if document.title_span:
        masks.append((document.title_span[1], _line_end(text, document.title_span[1])))
    return finish(document, masks)


def _line_end(text: str, offset: int) -> int:
    end = text.find("\n", offset)
    return len(text) if end == -1 else end
