"""Finish a parsed document: inline scan, masking, sections, sentences, see-also entries.

Parsers only find blocks; everything that is the same for Markdown and plain-text
exports happens here, once.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from editlint.document.inline import scan_inline
from editlint.document.model import (
    BlockKind,
    Document,
    LinkKind,
    Section,
    SeeAlsoEntry,
    SeeAlsoSource,
    Sentence,
    in_sections,
)
from editlint.document.seealso import is_see_also_title, prose_entries
from editlint.document.sentences import split_sentences

_NOT_NEWLINE = re.compile(r"[^\n]")
PROSE_BLOCKS = frozenset({BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})


def finish(
    document: Document,
    masked_spans: list[tuple[int, int]],
    references: dict[str, str] | None = None,
) -> Document:
    """Fill links, citations, quotations, masks, sections, sentences and see-also entries."""
    text = document.text
    masks = list(masked_spans)
    if document.front_matter:
        masks.append((0, document.front_matter.body_start))
    for block in document.blocks:
        if (
            block.kind in PROSE_BLOCKS
            or block.kind is BlockKind.TABLE
            or (block.kind is BlockKind.FOOTNOTE_DEFINITION)
        ):
            scan = scan_inline(text, block.start, block.end, references)
            document.links.extend(scan.links)
            document.citations.extend(scan.citations)
            document.quotations.extend(scan.quotations)
            masks.extend(scan.masked)
        else:
            masks.append((block.start, block.end))
    document.masked = _mask(text, masks)
    _build_sections(document)
    _build_sentences(document)
    _collect_see_also(document)
    return document


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank out ``spans`` (keeping newlines) so offsets stay the same."""
    if not spans:
        return text
    pieces = []
    cursor = 0
    for start, end in sorted(spans):
        start = max(start, cursor)
        if end <= start:
            continue
        pieces.append(text[cursor:start])
        hidden = text[start:end]
        pieces.append(_NOT_NEWLINE.sub(" ", hidden) if "\n" in hidden else " " * len(hidden))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _build_sections(document: Document) -> None:
    body_end = len(document.text)
    sections = [Section("", 1, -1, document.body_start, body_end)]
    stack = [0]
    # Without a front-matter title, a leading H1 is the article's title and belongs to the lead.
    title_heading = -1 if document.meta.get("title") else _first_heading(document)
    for index, block in enumerate(document.blocks):
        if block.kind is not BlockKind.HEADING:
            continue
        if block.level == 1 and index == title_heading:
            continue
        title = document.masked[block.start : block.end].strip().lstrip("#").strip()
        title = title.rstrip("#").strip()
        while stack and sections[stack[-1]].level >= block.level and stack[-1] != 0:
            sections[stack.pop()].end = block.start
        if len(sections) == 1:
            sections[0].end = block.start
        parent = stack[-1] if stack else 0
        sections.append(Section(title, block.level, index, block.start, body_end, parent))
        stack.append(len(sections) - 1)
    document.sections = sections
    starts = [section.start for section in sections]
    for block in document.blocks:
        # The innermost section containing the block: the last one starting at or before it.
        block.section = max(0, bisect_right(starts, block.start) - 1)


def _first_heading(document: Document) -> int:
    for index, block in enumerate(document.blocks):
        if block.kind is BlockKind.HEADING:
            return index
        if block.kind in PROSE_BLOCKS:
            return -1
    return -1


def _build_sentences(document: Document) -> None:
    for index, block in enumerate(document.blocks):
        if block.kind in PROSE_BLOCKS and block.kind is not BlockKind.HEADING:
            for start, end in split_sentences(document.masked, block.start, block.end):
                document.sentences.append(Sentence(start, end, index))


def _collect_see_also(document: Document) -> None:
    document.see_also_sections = [
        index
        for index, section in enumerate(document.sections)
        if not section.is_lead and is_see_also_title(section.title)
    ]
    entries: list[SeeAlsoEntry] = []
    entries.extend(_front_matter_entries(document))
    see_also_sections = set(document.see_also_sections)
    links = sorted(document.links, key=lambda link: link.start)
    link_starts = [link.start for link in links]
    prose = []
    for block in document.blocks:
        block_links = _links_in(links, link_starts, block)
        if block.kind is BlockKind.LIST_ITEM and in_sections(document, block, see_also_sections):
            entries.append(_section_entry(document, block_links, block))
        elif block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
            prose.append((block, block_links))
    for block, block_links in prose:
        entries.extend(prose_entries(document.masked, block.start, block.end, block_links))
    document.see_also = entries


def _front_matter_entries(document: Document) -> list[SeeAlsoEntry]:
    front_matter = document.front_matter
    if not front_matter:
        return []
    values = front_matter.data.get("see_also")
    if not isinstance(values, list):
        return []
    spans = front_matter.item_spans.get("see_also", [])
    entries = []
    for index, value in enumerate(values):
        start, end = spans[index] if index < len(spans) else (0, 0)
        entries.append(
            SeeAlsoEntry(str(value), start, end, SeeAlsoSource.FRONT_MATTER, None, index)
        )
    return entries


def _links_in(links: list, link_starts: list[int], block) -> list:
    first = bisect_left(link_starts, block.start)
    return links[first : bisect_left(link_starts, block.end, first)]


def _section_entry(document: Document, block_links: list, block) -> SeeAlsoEntry:
    start, end = block.start, block.end
    links = [link for link in block_links if link.kind is not LinkKind.AUTOLINK]
    if links:
        link = links[0]
        return SeeAlsoEntry(link.target, start, end, SeeAlsoSource.SECTION, link)
    name = document.masked[start:end].strip()
    return SeeAlsoEntry(name, start, end, SeeAlsoSource.SECTION, None)
