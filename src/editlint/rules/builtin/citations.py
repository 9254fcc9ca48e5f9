"""Which citations count, which sentences and blocks they cover, and the article's sources."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from editlint.document import Block, BlockKind, Citation, CitationKind, Document, Sentence
from editlint.rules.base import RuleContext
from editlint.rules.memo import remember
from editlint.rules.scopes import in_sections

CLAIM_BLOCKS = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)


def urls_are_citations(context: RuleContext) -> bool:
    links = context.settings.get("links")
    return links.external_links_are_citations if links is not None else True


def is_citation(citation: Citation, urls_count: bool) -> bool:
    """A real citation: not a [citation needed] marker, and a URL only when URLs count."""
    if citation.kind is CitationKind.NEEDED:
        return False
    return urls_count or citation.kind is not CitationKind.URL


def cites_anything(document: Document, urls_count: bool) -> bool:
    return any(is_citation(citation, urls_count) for citation in document.citations)


@dataclass(slots=True)
class SentenceExtent:
    """A sentence and the citations after it up to the next sentence (``1949.[^1] Next``)."""

    sentence: Sentence
    start: int
    end: int


def sentence_extents(document: Document, index: int) -> list[SentenceExtent]:
    """The sentences of prose block ``index``, each reaching to the next one (or the block's
    end); worked out once per block and shared by the rules."""
    by_block = remember(document, sentence_extents, lambda document: {})
    extents = by_block.get(index)
    if extents is None:
        extents = by_block[index] = _sentence_extents(document, index)
    return extents


def _sentence_extents(document: Document, index: int) -> list[SentenceExtent]:
    sentences = document.sentences_of(index)
    block_end = document.blocks[index].end
    return [
        SentenceExtent(
            sentence,
            sentence.start,
            sentences[position + 1].start if position + 1 < len(sentences) else block_end,
        )
        for position, sentence in enumerate(sentences)
    ]


class CitationFinder:
    """Answers "is there a citation (or a citation-needed marker) in this span?"."""

    def __init__(self, document: Document, urls_count: bool, marker: str = "") -> None:
        self.document = document
        self.cited = sorted(c.start for c in document.citations if is_citation(c, urls_count))
        self.marked = sorted(c.start for c in document.citations if c.kind is CitationKind.NEEDED)
        self.marker = marker

    def cites(self, start: int, end: int) -> bool:
        return _any_between(self.cited, start, end)

    def marks(self, start: int, end: int) -> bool:
        if _any_between(self.marked, start, end):
            return True
        return bool(self.marker) and self.document.text.find(self.marker, start, end) >= 0


def _any_between(offsets: list[int], start: int, end: int) -> bool:
    position = bisect_left(offsets, start)
    return position < len(offsets) and offsets[position] < end


def claim_blocks(
    document: Document, check_lead: bool, check_see_also: bool
) -> list[tuple[int, Block]]:
    """Paragraphs and list items that may need citations (lead and see-also exempt unless
    asked), with their indexes; worked out once per document for the rules that share them."""
    key = (claim_blocks, check_lead, check_see_also)
    return remember(document, key, lambda document: list(_claim_blocks(document, *key[1:])))


def _claim_blocks(
    document: Document, check_lead: bool, check_see_also: bool
) -> Iterator[tuple[int, Block]]:
    see_also = set(document.see_also_sections)
    for index, block in enumerate(document.blocks):
        if block.kind not in CLAIM_BLOCKS:
            continue
        if not check_lead and block.section == 0:
            continue
        if not check_see_also and in_sections(document, block, see_also):
            continue
        yield index, block


def source_keys(document: Document) -> set[str] | None:
    """Keys of front matter ``sources`` (``key``) and ``references`` (``id``); None if unknowable.

    An article that lists neither, or names a ``bibliography`` file, keeps its sources elsewhere.
    """
    meta = document.meta
    if "bibliography" in meta or not ("sources" in meta or "references" in meta):
        return None
    keys: set[str] = set()
    for field, key_name in (("sources", "key"), ("references", "id")):
        entries = meta.get(field)
        if not isinstance(entries, list):
            continue
        for entry in entries:
            if isinstance(entry, dict) and entry.get(key_name) is not None:
                keys.add(str(entry[key_name]))
            elif isinstance(entry, str):
                keys.add(entry)
    return keys
