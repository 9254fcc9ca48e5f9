"""BAL101 perspective-heading: a heading or a section's lead-in that announces one side's
perspective."""

from __future__ import annotations

import regex

from editlint.diagnostics import Category, Severity
from editlint.document import BlockKind, Document
from editlint.models import model, option
from editlint.rules.base import Rule, RuleContext, RuleExamples
from editlint.rules.matching.deferred import Deferred
from editlint.rules.matching.terms import TermSet
from editlint.rules.matching.words import WordIndex
from editlint.rules.support import vocabulary
from editlint.rules.support.vocabulary import alternation


@model
class PerspectiveHeadingOptions:
    sides: list[str] = option(
        factory=lambda: [*vocabulary.SIDES, *vocabulary.HEADING_SIDES],
        description="Sides whose perspective a heading or a section's lead-in may announce.",
    )
    perspective_nouns: list[str] = option(
        factory=lambda: list(vocabulary.PERSPECTIVE_NOUNS),
        description="Nouns for a point of view: 'perspective', 'vantage', ...",
    )


class PerspectiveHeadingPatterns:
    """BAL101's options compiled once per run (by its ``prepare``)."""

    def __init__(self, options: PerspectiveHeadingOptions) -> None:
        sides, nouns = alternation(options.sides), alternation(options.perspective_nouns)
        self.heading = Deferred(
            rf"\(\s*(?:(?:from|in|through)\s+)?(?:an?|the)\s+(?:{sides})\s+(?:{nouns})\s*\)"
            rf"|[:,–—-]\s*(?:from|in|through)\s+(?:an?|the)\s+(?:{sides})\s+(?:{nouns})\s*$",
            regex.IGNORECASE,
        )
        #: Both patterns name a side and a perspective noun, each after whitespace.
        self.needs = (
            TermSet(options.sides, first=False),
            TermSet(options.perspective_nouns, first=False),
        )
        self.lead_in = Deferred(
            r"\b(?:this|the\s+following)\s+(?:section|list|summary|overview|account|part|chapter)\b"
            rf"[^.!?\n]{{0,120}}?\b(?:from|in|through)\s+(?:an?|the)\s+(?:{sides})\s+(?:{nouns})\b",
            regex.IGNORECASE,
        )


class PerspectiveHeading(Rule):
    code = "BAL101"
    name = "perspective-heading"
    category = Category.COUNTER_PERSPECTIVE
    severity = Severity.ERROR
    message = "Heading declares one side's perspective: the section will present one view only"
    summary = "A heading or a section's lead-in that announces a partisan perspective."
    explanation = """\
What: a heading such as "Debates (from a center-right perspective)" or "Criticism (a progressive
view)", or a section whose opening sentence says it presents one side's perspective ("This
section summarises the debate from a conservative perspective").
Why: an encyclopedia presents every significant view on a debate in proportion to its prominence;
a heading that announces one side's perspective tells the reader the section is one-sided.
Example: "Debates and controversies (from a center-right perspective)".
Fix: drop the qualifier and give each side's view, attributed to the people who hold it."""
    options_model = PerspectiveHeadingOptions
    examples = RuleExamples(
        flag=[
            "## Debates and controversies (from a center-right perspective)\n\nText.",
            "## Criticism\n\nThis section presents the criticism from a progressive perspective.",
        ],
        pass_=["## Debates and controversies\n\nText."],
    )
    messages = {
        "lead_in": (
            "The section's lead-in declares one side's perspective: "
            "the section will present one view only"
        )
    }

    def prepare(self, words: WordIndex, context: RuleContext) -> None:
        options = context.options or PerspectiveHeadingOptions()
        context.prepared = PerspectiveHeadingPatterns(options)
        for terms in context.prepared.needs:
            terms.prepare(words)

    def check(self, document: Document, context: RuleContext):
        patterns: PerspectiveHeadingPatterns = context.prepared
        needs = patterns.needs
        whole = len(document.text)
        if not all(terms.occurs(document, 0, whole) for terms in needs):
            return  # every heading and lead-in found names a side and a perspective noun
        first_block_of: dict[int, int] = {}
        for index, block in enumerate(document.blocks):
            if block.kind is BlockKind.HEADING:
                if not all(terms.occurs(document, block.start, block.end) for terms in needs):
                    continue
                for match in patterns.heading.finditer(document.masked, block.start, block.end):
                    yield self.diagnostic(match.start(), match.end())
            elif block.kind is BlockKind.PARAGRAPH and block.section > 0:
                first_block_of.setdefault(block.section, index)
        for index in first_block_of.values():
            block = document.blocks[index]
            if not all(terms.occurs(document, block.start, block.end) for terms in needs):
                continue
            match = patterns.lead_in.search(document.masked, block.start, block.end)
            if match:
                yield self.diagnostic(match.start(), match.end(), self.messages["lead_in"])
