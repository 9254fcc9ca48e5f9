"""Finish a parsed document: inline scan, masking, sections; sentences and see-also entries.

Parsers only find blocks; everything that is the same for Markdown and plain-text
exports happens here, once. Sentences and see-also entries are built on first use
(``Document.sentences``, ``Document.see_also``): many runs need neither.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import attrgetter
from typing import TYPE_CHECKING

from editlint.document.inline import InlineScan, scan_into
from editlint.document.parts import (
    BlockKind,
    LinkKind,
    Section,
    SeeAlsoEntry,
    SeeAlsoSource,
    Sentence,
    in_sections,
)
from editlint.document.see_also_entries import is_see_also_title, pointer_words, prose_entries
from editlint.document.sentences import split_sentences

if TYPE_CHECKING:
    from editlint.document.model import Document

PROSE_BLOCKS = frozenset({BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})
# The blocks whose inline elements are scanned (the rest are masked whole).
_SCANNED = PROSE_BLOCKS | {BlockKind.TABLE, BlockKind.FOOTNOTE_DEFINITION}


def finish(
    document: Document,
    masked_spans: list[tuple[int, int]],
    references: dict[str, str] | None = None,
    scan_blocks: bool = True,
) -> Document:
    """Fill links, citations, quotations, masks, sections and the see-also sections.

    Without ``scan_blocks`` the parser has found the inline elements itself (wikitext): the
    prose blocks are not scanned, and only the blocks that are not prose are masked."""
    text = document.text
    masks = list(masked_spans)
    if document.front_matter:
        masks.append((0, document.front_matter.body_start))
    found = InlineScan(document.links, document.citations, masks, document.quotations)
    for block in document.blocks:
        if not scan_blocks:
            if block.kind not in PROSE_BLOCKS:
                masks.append((block.start, block.end))
        elif block.kind in _SCANNED:
            scan_into(found, text, block.start, block.end, references)
        else:
            masks.append((block.start, block.end))
    document.masked = _mask(text, masks)
    _build_sections(document)
    document.see_also_sections = [
        index
        for index, section in enumerate(document.sections)
        if not section.is_lead and is_see_also_title(section.title)
    ]
    return document


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Blank out ``spans`` (keeping newlines) so offsets stay the same."""
    if not spans:
        return text
    pieces: list[str] = []
    append, find = pieces.append, text.find
    cursor = 0
    for start, end in sorted(spans):
        if start < cursor:
            start = cursor
        if end <= start:
            continue
        append(text[cursor:start])
        if find("\n", start, end) == -1:
            append(" " * (end - start))
        else:
            append("\n".join([" " * len(line) for line in text[start:end].split("\n")]))
        cursor = end
    append(text[cursor:])
    return "".join(pieces)


def _build_sections(document: Document) -> None:
    body_end = len(document.text)
    sections = [Section("", 1, -1, document.body_start, body_end)]
    stack = [0]
    # A leading H1 (before any prose) is the article's title, with or without a front-matter
    # title: it belongs to the lead, which stays the lead (section 0).
    title_heading = _first_heading(document)
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
    if len(sections) == 1:  # no heading: every block is in the lead
        for block in document.blocks:
            block.section = 0
        return
    starts = [section.start for section in sections]
    for block in document.blocks:
        # The innermost section containing the block: the last one starting at or before it.
        index = bisect_right(starts, block.start) - 1
        block.section = index if index > 0 else 0


def _first_heading(document: Document) -> int:
    for index, block in enumerate(document.blocks):
        if block.kind is BlockKind.HEADING:
            return index
        if block.kind in PROSE_BLOCKS:
            return -1
    return -1


def build_sentences(document: Document) -> list[Sentence]:
    """The sentences of the paragraphs and list items (``Document.sentences``)."""
    sentences = []
    for index in range(len(document.blocks)):
        sentences.extend(block_sentences(document, index))
    return sentences


def block_sentences(document: Document, index: int) -> list[Sentence]:
    """The sentences of block ``index`` if it is a paragraph or list item (``sentences_of``)."""
    block = document.blocks[index]
    if block.kind is not BlockKind.PARAGRAPH and block.kind is not BlockKind.LIST_ITEM:
        return []
    masked, text = document.masked, document.text
    return [
        Sentence(_opening_markup(text, masked, block.start, start), end, index)
        for start, end in split_sentences(masked, block.start, block.end)
    ]


def _opening_markup(text: str, masked: str, floor: int, start: int) -> int:
    """``start`` moved back over the masked markup that opens its first word: a sentence that
    begins with ``[[Fort York]]`` or ``''Nostalghia''`` starts at the brackets or quotes."""
    while start > floor and text[start - 1] in "['" and masked[start - 1].isspace():
        start -= 1
    return start


def collect_see_also(document: Document) -> list[SeeAlsoEntry]:
    """Entries of the see-also sections, the front matter and prose pointers."""
    entries = _front_matter_entries(document)
    see_also_sections = set(document.see_also_sections)
    masked = document.masked
    links = sorted(document.links, key=attrgetter("start"))
    link_starts = [link.start for link in links]
    pointers = pointer_words(masked)
    prose = []
    for block in document.blocks:
        kind = block.kind
        if (
            kind is BlockKind.LIST_ITEM
            and see_also_sections
            and in_sections(document, block, see_also_sections)
        ):
            entries.append(_section_entry(document, _links_in(links, link_starts, block), block))
        elif (kind is BlockKind.PARAGRAPH or kind is BlockKind.LIST_ITEM) and _any_within(
            pointers, block.start, block.end
        ):
            prose.append(block)
    for block in prose:
        block_links = _links_in(links, link_starts, block)
        entries.extend(prose_entries(masked, block.start, block.end, block_links))
    return entries


def _any_within(offsets: list[int], start: int, end: int) -> bool:
    """Whether one of the sorted ``offsets`` lies in ``[start, end)``."""
    index = bisect_left(offsets, start)
    return index < len(offsets) and offsets[index] < end


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
