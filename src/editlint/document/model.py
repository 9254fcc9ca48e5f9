"""The document model: an article's structure with exact source offsets.

Every element carries ``start``/``end`` character offsets into ``Document.text``
(the whole file, front matter included). Parsers fill the model; rules read it.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from editlint.document.build import block_sentences, build_sentences, collect_see_also
from editlint.document.lines import LineIndex
from editlint.document.parts import (  # the parts a document holds, re-exported
    Block,
    BlockKind,
    Citation,
    CitationKind,
    FootnoteDefinition,
    FrontMatter,
    Link,
    LinkKind,
    Scope,
    Section,
    SeeAlsoEntry,
    SeeAlsoSource,
    Sentence,
    in_sections,
)

__all__ = [
    "Document",
    "Block",
    "BlockKind",
    "Citation",
    "CitationKind",
    "FootnoteDefinition",
    "FrontMatter",
    "Link",
    "LinkKind",
    "Scope",
    "SeeAlsoEntry",
    "SeeAlsoSource",
    "Section",
    "Sentence",
    "in_sections",
]


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
    #: What the rules checking it share (``rules/support/workspace.py``), set by the Checker.
    workspace: Any = field(default=None, repr=False, compare=False)

    @cached_property
    def sentences(self) -> list[Sentence]:
        """The sentences of the paragraphs and list items, built when first read."""
        return build_sentences(self)

    def sentences_of(self, block_index: int) -> list[Sentence]:
        """The sentences of one paragraph or list item (none for other blocks), split when
        first asked for: rules that look at a few blocks need not split the whole document."""
        built = self.__dict__.get("sentences")
        if built is not None:
            return self._sentences_by_block.get(block_index, [])
        found = self._split_blocks.get(block_index)
        if found is None:
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
