"""BAL102 unanswered-view: one side's attributed view with no other view beside it."""

from __future__ import annotations

from typing import Literal

from editlint.diagnostics import Category, Severity
from editlint.document import Block, BlockKind, Document
from editlint.models import model, option
from editlint.rules.base import Rule, RuleContext, RuleExamples
from editlint.rules.matching.scopes import QuotationFilter
from editlint.rules.matching.words import WordIndex
from editlint.rules.support.viewpoints import (
    ViewpointOptions,
    ViewpointPatterns,
    analyse,
    may_report_views,
)
from editlint.rules.support.workspace import remember


@model
class UnansweredViewOptions(ViewpointOptions):
    unit: Literal["block", "section"] = option(
        "block",
        description="Where the counterpart must be: the same paragraph or list item, or section.",
    )
    paragraph_neighbours: bool = option(
        True,
        description="With unit 'block', a paragraph's counterpart may be in the paragraph just "
        "before or after it in the same section.",
    )


class UnansweredView(Rule):
    code = "BAL102"
    name = "unanswered-view"
    category = Category.COUNTER_PERSPECTIVE
    severity = Severity.WARNING
    message = (
        "Only one side's view ('{holder}') is reported in this {unit}: "
        "give the other side's view too"
    )
    summary = "One side's attributed view ('Proponents argue ...') with no other view beside it."
    explanation = """\
What: a view attributed to one side of a debate ("Proponents argue ...", "Critics contend ...")
in a paragraph or list item (or section, if configured) that reports no other holder's view.
Why: reporting only what one side argues presents a debate as settled; readers need the
strongest opposing view, attributed in the same way, to judge the question.
Example: "Critics argue that the sanctions have failed." with nothing said for the sanctions.
Fix: add the other side's view, attributed to who holds it and cited."""
    options_model = UnansweredViewOptions
    examples = RuleExamples(
        flag=["Critics argue that the sanctions have failed to change policy."],
        pass_=[
            "Supporters argue that the sanctions work; critics argue that they have failed.",
            "The government stated that the sanctions work. Critics argued that they failed.",
        ],
    )

    def prepare(self, words: WordIndex, context: RuleContext) -> None:
        context.prepared = ViewpointPatterns(context.options or self.options_model())
        for terms in context.prepared.term_sets:
            terms.prepare(words)

    def check(self, document: Document, context: RuleContext):
        options: UnansweredViewOptions = context.options or UnansweredViewOptions()
        patterns: ViewpointPatterns = context.prepared
        if not may_report_views(document, 0, len(document.text), patterns):
            return  # no view anywhere, so no unanswered one
        quoted = remember(document, QuotationFilter, QuotationFilter)
        for start, end, unit, spans in _units(document, options.unit, options.paragraph_neighbours):
            if not may_report_views(document, start, end, patterns):
                continue  # no view, so no unanswered one
            balance = analyse(document, start, end, patterns, quoted)
            for view in balance.unanswered():
                if not any(a <= view.start < b for a, b in spans):
                    continue
                view_start = _trim(document.masked, view.start, view.end)
                message = self.message.format(holder=view.side_word.lower(), unit=unit)
                yield self.diagnostic(view_start, view.end, message)


def _units(document: Document, unit: str, neighbours: bool):
    """(start, end, name, spans to report in) for each unit a counterpart must share."""
    prose = [
        (index, block)
        for index, block in enumerate(document.blocks)
        if block.kind in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM)
    ]
    if unit == "section":
        for index, section in enumerate(document.sections):
            own = [(b.start, b.end) for _, b in prose if b.section == index]
            if own:
                yield section.start, section.end, "section", own
        return
    for position, (_, block) in enumerate(prose):
        if block.kind is BlockKind.LIST_ITEM:
            continue
        start, end = block.start, block.end
        if neighbours:
            for offset in (-1, 1):
                other_position = position + offset
                if 0 <= other_position < len(prose):
                    other = prose[other_position][1]
                    if other.kind is BlockKind.PARAGRAPH and other.section == block.section:
                        start, end = min(start, other.start), max(end, other.end)
        yield start, end, "paragraph", [(block.start, block.end)]
    for item in _list_items([block for _, block in prose]):
        yield item[0][0], item[-1][1], "list item", item


def _list_items(blocks: list[Block]) -> list[list[tuple[int, int]]]:
    """The blocks of each top-level list item, with its continuation paragraphs and sub-items."""
    items: list[list[tuple[int, int]]] = []
    previous: Block | None = None
    for block in blocks:
        if block.kind is not BlockKind.LIST_ITEM:
            previous = None
            continue
        nested = previous is not None and (block.list_depth > 1 or block.level == previous.level)
        if nested and items:
            items[-1].append((block.start, block.end))
        else:
            items.append([(block.start, block.end)])
        if block.list_depth <= 1:
            previous = block
    return items


def _trim(text: str, start: int, end: int) -> int:
    while start < end and not (text[start].isalnum()):
        start += 1
    return start
