"""The document model: an article's structure with exact source offsets.

Every element carries ``start``/``end`` character offsets into ``Document.text``
(the whole file, front matter included). Parsers fill the model; rules read it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from pathlib import Path
from typing import Any

from editlint.document.lines import LineIndex


class BlockKind(str, Enum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"
    CODE = "code"
    HTML = "html"
    FOOTNOTE_DEFINITION = "footnote_definition"


class Scope(str, Enum):
    """Text regions that rules may include or skip."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE = "table"
    BLOCKQUOTE = "blockquote"
    QUOTATION = "quotation"
    CODE = "code"
    FRONT_MATTER = "front_matter"
    FOOTNOTE = "footnote"
    LEAD = "lead"
    SEE_ALSO = "see_also"


@dataclass(slots=True)
class Block:
    """A leaf block: heading, paragraph, list item paragraph, table, code, html, footnote."""

    kind: BlockKind
    start: int
    end: int
    section: int = -1
    level: int = 0
    in_blockquote: bool = False
    list_depth: int = 0


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    block: int


@dataclass(slots=True)
class Section:
    """A heading and everything up to the next heading of the same or higher level.

    The lead (text before the first heading) is section 0 with ``heading`` -1 and level 1.
    """

    title: str
    level: int
    heading: int  # index into Document.blocks, -1 for the lead
    start: int
    end: int
    parent: int = -1

    @property
    def is_lead(self) -> bool:
        return self.heading == -1


class LinkKind(str, Enum):
    INLINE = "inline"  # [label](target)
    REFERENCE = "reference"  # [label][ref] with a definition
    WIKI = "wiki"  # [[Target]] or [[Target|label]]
    AUTOLINK = "autolink"  # <https://...> or a bare URL
    PROSE = "prose"  # a name in a "See also X and Y" sentence


@dataclass(slots=True)
class Link:
    kind: LinkKind
    target: str
    label: str
    start: int
    end: int
    target_start: int
    target_end: int

    @property
    def is_external(self) -> bool:
        lowered = self.target.lower()
        return lowered.startswith(("http://", "https://", "//", "mailto:", "ftp://"))


class CitationKind(str, Enum):
    FOOTNOTE = "footnote"  # [^n]
    PANDOC = "pandoc"  # [@key]
    REF_TAG = "ref_tag"  # <ref>...</ref>
    CITE_TEMPLATE = "cite_template"  # {{cite ...}}
    URL = "url"  # an inline link to an external URL
    NEEDED = "citation_needed"  # [citation needed]


@dataclass(slots=True)
class Citation:
    kind: CitationKind
    key: str
    start: int
    end: int


@dataclass(slots=True)
class FootnoteDefinition:
    label: str
    start: int
    end: int


class SeeAlsoSource(str, Enum):
    SECTION = "section"
    FRONT_MATTER = "front_matter"
    PROSE = "prose"


@dataclass(slots=True)
class SeeAlsoEntry:
    target: str
    start: int
    end: int
    source: SeeAlsoSource
    link: Link | None = None
    fm_index: int = -1  # position in the front matter ``see_also`` list


@dataclass(slots=True)
class FrontMatter:
    """The YAML mapping at the top of a Markdown file, with its span and key lines."""

    data: dict
    start: int
    end: int
    body_start: int  # offset of the text after the closing delimiter
    item_spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)


@dataclass
class Document:
    """A parsed article. ``masked`` is ``text`` with non-prose regions blanked out."""

    path: Path | None
    text: str
    format: str  # "markdown" | "plaintext" | "wikitext"
    title: str
    title_span: tuple[int, int] | None = None
    front_matter: FrontMatter | None = None
    blocks: list[Block] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    footnote_definitions: list[FootnoteDefinition] = field(default_factory=list)
    see_also_sections: list[int] = field(default_factory=list)
    quotations: list[tuple[int, int]] = field(default_factory=list)
    # Inline cleanup tags an editor already placed ({{who}}, {{peacock inline}}): name, span.
    cleanup_tags: list[tuple[str, int, int]] = field(default_factory=list)
    masked: str = ""
    #: What the rules checking this document share (``rules/workspace.py``), set by the Checker.
    workspace: Any = field(default=None, repr=False, compare=False)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The sentences of the paragraphs and list items, built when first read."""
        from editlint.document.build import build_sentences

        return build_sentences(self)

    def sentences_of(self, block_index: int) -> list[Sentence]:
        """The sentences of one paragraph or list item (none for other blocks), split when
        first asked for: rules that look at a few blocks need not split the whole document."""
        built = self.__dict__.get("sentences")
        if built is not None:
            return self._sentences_by_block.get(block_index, [])
        found = self._split_blocks.get(block_index)
        if found is None:
            from editlint.document.build import block_sentences

            found = self._split_blocks[block_index] = block_sentences(self, block_index)
        return found

    @cached_property
    def _split_blocks(self) -> dict[int, list[Sentence]]:
        return {}

    @cached_property
    def _sentences_by_block(self) -> dict[int, list[Sentence]]:
        by_block: dict[int, list[Sentence]] = {}
        for sentence in self.sentences:
            by_block.setdefault(sentence.block, []).append(sentence)
        return by_block

    @cached_property
    def see_also(self) -> list[SeeAlsoEntry]:
        """See-also entries (section, front matter, prose pointers), built when first read."""
        from editlint.document.build import collect_see_also

        return collect_see_also(self)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    @cached_property
    def block_kinds(self) -> frozenset[BlockKind]:
        return frozenset(block.kind for block in self.blocks)

    @property
    def meta(self) -> dict:
        return self.front_matter.data if self.front_matter else {}

    @property
    def body_start(self) -> int:
        return self.front_matter.body_start if self.front_matter else 0

    def blocks_in(self, section_index: int) -> list[Block]:
        """Blocks of a section and its subsections, heading excluded, in document order."""
        section = self.sections[section_index]
        starts, order = self._blocks_by_start
        first = bisect_left(starts, section.start)
        inside = sorted(order[first : bisect_left(starts, section.end, first)])
        return [self.blocks[index] for index in inside if index != section.heading]

    @cached_property
    def _blocks_by_start(self) -> tuple[list[int], list[int]]:
        """Block starts in ascending order, and the index of the block at each (for bisecting)."""
        order = sorted(range(len(self.blocks)), key=lambda index: self.blocks[index].start)
        return [self.blocks[index].start for index in order], order


def in_sections(document: Document, block: Block, sections: set[int]) -> bool:
    """Whether ``block`` lies in one of ``sections`` or in a subsection of one."""
    index = block.section
    while index > 0:
        if index in sections:
            return True
        index = document.sections[index].parent
    return False
