"""BAL103 narrator-side-view: one side's perspective in the article's own voice."""

from __future__ import annotations

from editlint.diagnostics import Category, Severity
from editlint.document import BlockKind, Document
from editlint.rules.base import Rule, RuleContext, RuleExamples
from editlint.rules.matching.scopes import QuotationFilter
from editlint.rules.matching.words import WordIndex
from editlint.rules.support.viewpoints import (
    ViewpointOptions,
    ViewpointPatterns,
    in_debate_section,
    narrator_views,
)
from editlint.rules.support.workspace import remember


class NarratorView(Rule):
    code = "BAL103"
    name = "narrator-side-view"
    category = Category.COUNTER_PERSPECTIVE
    severity = Severity.ERROR
    message = (
        "'{match}': the article adopts one side's view in its own voice; attribute it and give "
        "the other side"
    )
    messages = {
        "debate": (
            "'{match}': one side's view settles the debate in the article's own voice; "
            "attribute it to the people who hold it and give the other side"
        )
    }
    summary = "One side's perspective given in the narrator's voice, above all in a debate."
    explanation = """\
What: a passage that adopts a political side's perspective as the article's own ("From a
center-right vantage, the operation is understood as ...", "a progressive perspective often
stresses that ..."), and most of all such a view closing a debate item.
Why: the article's voice must stay neutral; a side's view stated by the narrator reads as the
encyclopedia's verdict, and in a debate section it decides the question for the reader.
Example: "While critics emphasize liberal norms, a center-right perspective often stresses that
engagement should be anchored in state interests."
Fix: attribute the view to named holders ("Analysts at X argue ..."), cite them, and give the
other side's view in the same way."""
    options_model = ViewpointOptions
    examples = RuleExamples(
        flag=[
            "From a center-right vantage, the operation is a strategic recalibration.",
            "While critics emphasize norms, a center-right perspective often stresses interests.",
        ],
        pass_=[
            "Analysts at the institute argue that the operation is a recalibration.",
            "The think tank argued from a conservative perspective that the plan would fail.",
        ],
    )

    def prepare(self, words: WordIndex, context: RuleContext) -> None:
        context.prepared = ViewpointPatterns(context.options or self.options_model())
        for terms in context.prepared.term_sets:
            terms.prepare(words)

    def check(self, document: Document, context: RuleContext):
        patterns: ViewpointPatterns = context.prepared
        whole = len(document.text)
        if not all(terms.occurs(document, 0, whole) for terms in patterns.narrator_terms):
            return  # no block holds every word a narrator's view needs
        quoted = remember(document, QuotationFilter, QuotationFilter)
        for block in document.blocks:
            if block.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM):
                continue
            views = narrator_views(document, block.start, block.end, patterns, quoted)
            if not views:
                continue
            debate = in_debate_section(document, block, patterns) is not None
            template = self.messages["debate"] if debate else self.message
            for view in views:
                text = " ".join(view.text.split())
                yield self.diagnostic(view.start, view.end, template.format(match=text))
