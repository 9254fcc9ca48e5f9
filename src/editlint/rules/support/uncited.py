"""What SRC102 and SRC103 share: the exemption options, and the paragraphs SRC102 reports
(SRC103 leaves those to it)."""

from __future__ import annotations

import re

from editlint.document import Document
from editlint.models import model, option
from editlint.rules.base import RuleContext
from editlint.rules.support.citations import (
    CitationFinder,
    cites_claim_by_claim,
    claim_blocks,
    urls_are_citations,
)
from editlint.rules.support.workspace import remember

WORD = re.compile(r"\w+(?:[’'-]\w+)*")


@model
class ExemptionOptions:
    check_lead: bool = option(
        False, description="Also check the lead (the text before the first heading)."
    )
    check_see_also: bool = option(False, description="Also check the see-also section.")


@model
class UncitedBlockOptions(ExemptionOptions):
    min_words: int = option(
        40, ge=1, description="Paragraphs and list items this long need a citation."
    )


def uncited_blocks(document: Document, context: RuleContext, options: UncitedBlockOptions):
    """The paragraphs and list items SRC102 reports, with their word counts: at least
    ``min_words`` long, with no citation or marker, in an article that cites claim by claim."""
    if not cites_claim_by_claim(document):
        return []
    return remember(
        document,
        (
            uncited_blocks,
            options.min_words,
            options.check_lead,
            options.check_see_also,
            urls_are_citations(context),
        ),
        lambda _: list(_uncited_blocks(document, context, options)),
    )


def _uncited_blocks(document: Document, context: RuleContext, options: UncitedBlockOptions):
    finder = CitationFinder(document, urls_are_citations(context))
    for index, block in claim_blocks(document, options.check_lead, options.check_see_also):
        if (block.end - block.start + 1) // 2 < options.min_words:
            continue  # too short: words are at least one character and one space apart
        if finder.cites(block.start, block.end) or finder.marks(block.start, block.end):
            continue
        words = len(WORD.findall(document.masked, block.start, block.end))
        if words >= options.min_words:
            yield index, block, words
