"""Which citations count, which sentences and blocks they cover, and the article's sources."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from editlint.document import Block, BlockKind, Citation, CitationKind, Document, Sentence
from editlint.rules.base import RuleContext
from editlint.rules.matching.scopes import in_sections
from editlint.rules.support.workspace import remember

CLAIM_BLOCKS = (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
# Sections that list sources or links rather than make claims: their entries are
# bibliographic ("Smith, J. (2004). *A History*."), not statements that need a citation.
SOURCE_LIST_TITLES = frozenset(
    "notes|note|references|reference|citations|sources|footnotes|bibliography|further reading|"
    "reading list|external links|external link|web links|links|works cited|"
    "primary sources|secondary sources|general references|specific references|cited works|"
    "selected bibliography|general bibliography|reference literature|further literature|"
    "secondary literature|references and notes|notes and citations".split("|")
)
# Sections whose list items are works (titles, dates, labels), not claims; their prose is.
WORK_LIST_TITLES = frozenset(
    "works|selected works|major works|other works|published works|collected works|writings|"
    "selected writings|publications|selected publications|discography|filmography|"
    "videography|bibliography and filmography|books|albums|singles|recordings|films|"
    "television|stage|plays|novels|poetry|short stories|compositions|exhibitions|"
    "notable people|"
    "notable residents|notable alumni|people".split("|")
)
# Plot summaries are sourced to the work itself (WP:PLOTCITE); so are its characters.
PLOT_TITLES = frozenset(
    "plot|plot summary|synopsis|summary|premise|storyline|story|characters|main characters|"
    "cast|cast and characters|episodes|episode list|plot and characters|setting".split("|")
)
_CHARACTER_LIST = re.compile(r"^list of .*\bcharacters\b|\bcharacters$", re.IGNORECASE)
_TITLE_PARTS = re.compile(r",|\band\b", re.IGNORECASE)


# "Partial filmography as director", "Selected works (1990–2010)", "Films about X": a list
# of works still.
_LEADING_QUALIFIERS = re.compile(
    r"(?:(?:selected|select|partial|complete|major|other|principal|notable|chronological)\s)+",
    re.IGNORECASE,
)
_TRAILING_QUALIFIER = re.compile(r"\s(?:as|by|of|in|for|about|on|featuring)\s|\(", re.IGNORECASE)


def _unqualified(part: str) -> str:
    """A heading part without "Selected ..." before it or "... as director" after it."""
    cut = _TRAILING_QUALIFIER.search(part)
    if cut is not None:
        part = part[: cut.start()]
    lead = _LEADING_QUALIFIERS.match(part)
    return (part[lead.end() :] if lead else part).strip().casefold()


def _title_kind(title: str) -> str | None:
    """'sources' for a section listing sources or links, 'works' for a list of works, or
    None; "Notes and references" and "Bibliography & further reading" are sources."""
    pieces = (p.strip(" :.*_") for p in _TITLE_PARTS.split(title.replace("&", ",")))
    parts = [_unqualified(p) for p in pieces if p]
    if not parts:
        return None
    if all(part in SOURCE_LIST_TITLES for part in parts):
        return "sources"
    if all(part in PLOT_TITLES for part in parts):
        return "sources"  # exempt like a source list: the work is the source
    if all(part in SOURCE_LIST_TITLES or part in WORK_LIST_TITLES for part in parts):
        return "works"
    return None


# Footnote-free sourcing: the citation apparatus that shows an article cites claim by claim.
APPARATUS = (
    CitationKind.FOOTNOTE,
    CitationKind.PANDOC,
    CitationKind.REF_TAG,
    CitationKind.CITE_TEMPLATE,
)


def urls_are_citations(context: RuleContext) -> bool:
    links = context.settings.links
    return links.external_links_are_citations if links is not None else True


def is_citation(citation: Citation, urls_count: bool) -> bool:
    """A real citation: not a [citation needed] marker, and a URL only when URLs count."""
    if citation.kind is CitationKind.NEEDED:
        return False
    return urls_count or citation.kind is not CitationKind.URL


def cites_anything(document: Document, urls_count: bool) -> bool:
    return any(is_citation(citation, urls_count) for citation in document.citations)


def cites_claim_by_claim(document: Document) -> bool:
    """Whether the article cites with footnotes, <ref>s, {{cite}}s or [@key]s: the practice
    that makes an uncited claim stand out. An article that cites nothing is SRC101's finding
    (one finding for the article, not one per sentence); one whose only sources are inline
    links (a how-to wiki pointing at upstream documentation) does not cite claim by claim, nor
    does a technical page (code blocks) with a footnote or two."""
    count = sum(1 for citation in document.citations if citation.kind in APPARATUS)
    if count >= MIN_APPARATUS:
        return True
    return count > 0 and BlockKind.CODE not in document.block_kinds


#: Citations that show claim-by-claim practice even on a page with code blocks.
MIN_APPARATUS = 3


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
    kinds = {
        index: kind
        for index, section in enumerate(document.sections)
        if not section.is_lead and (kind := _title_kind(section.title))
    }
    sources = {index for index, kind in kinds.items() if kind == "sources"}
    if _CHARACTER_LIST.search(document.title or ""):
        return  # a list of a work's characters: plot, sourced to the work (WP:PLOTCITE)
    works = set(kinds)
    for index, block in enumerate(document.blocks):
        if block.kind not in CLAIM_BLOCKS:
            continue
        if not check_lead and block.section == 0:
            continue
        if not check_see_also and in_sections(document, block, see_also):
            continue
        if sources and in_sections(document, block, sources):
            continue  # references, notes, bibliography, further reading, external links
        if works and block.kind is BlockKind.LIST_ITEM and in_sections(document, block, works):
            continue  # an entry of a list of works or a discography
        if _only_media(document, block):
            continue  # an image and its caption: the caption describes the picture
        yield index, block


# Bounded runs: an unclosed "![" or "[[File:" costs at most a few hundred characters.
_IMAGE = re.compile(
    r"!\[[^\]]{0,500}\]\([^)]{0,500}\)|\[\[(?:File|Image):[^\]]{0,1000}\]\]", re.IGNORECASE
)


def _only_media(document: Document, block: Block) -> bool:
    """A block that is an image (with its caption as alt text), and nothing else."""
    text = document.text[block.start : block.end]
    if "![" not in text and "[[" not in text:
        return False
    return not _IMAGE.sub("", text).strip(" \t\n-*")


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
