"""Which parts of a document a rule looks at: blocks by kind, minus skipped regions."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from editlint.document import Block, BlockKind, Document, Scope
from editlint.document.model import in_sections
from editlint.rules.support.workspace import remember

BLOCK_SCOPES = {
    Scope.HEADING: BlockKind.HEADING,
    Scope.PARAGRAPH: BlockKind.PARAGRAPH,
    Scope.LIST_ITEM: BlockKind.LIST_ITEM,
    Scope.TABLE: BlockKind.TABLE,
    Scope.FOOTNOTE: BlockKind.FOOTNOTE_DEFINITION,
}
PROSE = (Scope.HEADING, Scope.PARAGRAPH, Scope.LIST_ITEM)


def blocks_in_scope(
    document: Document, include: tuple[Scope, ...], skip: tuple[Scope, ...] = ()
) -> tuple[Block, ...]:
    """Blocks whose kind is included and that no skipped container holds, in order.

    Most rules share a scope: the answer is worked out once per document and scope.
    """
    key = (blocks_in_scope, include, skip)
    return remember(document, key, lambda _: tuple(_blocks_in_scope(document, include, skip)))


def _blocks_in_scope(
    document: Document, include: tuple[Scope, ...], skip: tuple[Scope, ...]
) -> Iterator[Block]:
    kinds = {BLOCK_SCOPES[scope] for scope in include if scope in BLOCK_SCOPES}
    see_also = set(document.see_also_sections)
    for block in document.blocks:
        if block.kind not in kinds:
            continue
        if Scope.BLOCKQUOTE in skip and block.in_blockquote:
            continue
        if Scope.LEAD in skip and block.section == 0:
            continue
        if Scope.SEE_ALSO in skip and in_sections(document, block, see_also):
            continue
        yield block


class QuotationFilter:
    """Answers "is this offset inside a quotation?" in logarithmic time."""

    def __init__(self, document: Document) -> None:
        spans = sorted(document.quotations)
        self._starts = [start for start, _ in spans]
        self._ends = [end for _, end in spans]

    def __contains__(self, offset: int) -> bool:
        index = bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]
