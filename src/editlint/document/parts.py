"""The parts of a document: blocks, sections, links, citations, sentences, see-also entries.

Plain data with ``start``/``end`` character offsets into ``Document.text``; no behaviour, and
no import of the document itself, so the modules that build a document can use them freely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editlint.document.model import Document


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


def in_sections(document: Document, block: Block, sections: set[int]) -> bool:
    """Whether ``block`` lies in one of ``sections`` or in a subsection of one."""
    index = block.section
    while index > 0:
        if index in sections:
            return True
        index = document.sections[index].parent
    return False
