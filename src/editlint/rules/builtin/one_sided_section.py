"""BAL104 one-sided-debate-section: a debate or criticism section with one-sided items."""

from __future__ import annotations

import regex

from editlint.diagnostics import Category, Severity
from editlint.document import Document
from editlint.rules.base import Rule, RuleContext, RuleExamples
from editlint.rules.matching.deferred import Deferred
from editlint.rules.matching.scopes import QuotationFilter
from editlint.rules.matching.words import WordIndex
from editlint.rules.support.viewpoints import (
    Balance,
    ViewpointOptions,
    ViewpointPatterns,
    analyse,
    is_debate_heading,
    section_items,
)
from editlint.rules.support.workspace import remember


class OneSidedSection(Rule):
    code = "BAL104"
    name = "one-sided-debate-section"
    category = Category.COUNTER_PERSPECTIVE
    severity = Severity.WARNING
    message = (
        "'{title}': {both} of {total} items give more than one side's view; {which} {verb} not"
    )
    summary = "A debate, controversy, criticism or reception section with one-sided items."
    explanation = """\
What: a section titled as a debate, controversy or criticism section in which some items (list
items, or paragraphs and subsections) report a single holder's view, or give a view in the
article's own voice; items that report no one's view take no side. A criticism section is
reported only when no item gives a reply or another side's view. Names ("Lincoln–Douglas
debates"), reception, "Views on ..." and "Critique of ..." sections are not debates. The
message summarises the section: how many items give both sides, and which do not.
Why: such a section promises the reader the state of a debate; an item that reports one side
presents that side as the answer.
Example: a "Debates" list where four items set proponents against critics and two end with
"a center-right perspective stresses that ...".
Fix: give every item the views of each side, attributed and cited."""
    options_model = ViewpointOptions
    examples = RuleExamples(
        flag=[
            "## Debates\n\n- Sanctions: critics argue that they fail.\n"
            "- Trade: supporters argue it helps; critics argue it hurts.\n"
        ],
        pass_=["## Debates\n\n- Trade: supporters argue it helps; critics argue it hurts.\n"],
    )

    def prepare(self, words: WordIndex, context: RuleContext) -> None:
        context.prepared = ViewpointPatterns(context.options or self.options_model())
        for terms in context.prepared.term_sets:
            terms.prepare(words)

    def check(self, document: Document, context: RuleContext):
        patterns: ViewpointPatterns = context.prepared
        quoted = remember(document, QuotationFilter, QuotationFilter)
        for index, section in enumerate(document.sections):
            if not is_debate_heading(section, patterns):
                continue
            items = section_items(document, index)
            balances: list[Balance] = [
                analyse(document, start, end, patterns, quoted) for start, end in items
            ]
            if _CRITICISM.search(section.title):
                # A criticism section reports critics item by item; it is one-sided only when
                # no item gives a reply or another side's view.
                whole = analyse(document, section.start, section.end, patterns, quoted)
                if not whole.one_sided:
                    continue
            one_sided = [number for number, balance in enumerate(balances, 1) if balance.one_sided]
            if not one_sided:
                continue
            heading = document.blocks[section.heading]
            lines = [document.lines.position(items[number - 1][0])[0] for number in one_sided]
            which = _enumerate(
                [f"{number} (line {line})" for number, line in zip(one_sided, lines, strict=True)]
            )
            message = self.message.format(
                title=section.title,
                both=len(items) - len(one_sided),
                total=len(items),
                which=("item " if len(one_sided) == 1 else "items ") + which,
                verb="does" if len(one_sided) == 1 else "do",
            )
            yield self.diagnostic(heading.start, heading.end, message)


_CRITICISM = Deferred(r"\bcriticism", regex.IGNORECASE)


def _enumerate(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]
