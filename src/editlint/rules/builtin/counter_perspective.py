"""Counter-perspective rules: headings, items, sections and articles that give one side only."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field

from editlint.diagnostics import Category, Severity
from editlint.document import Block, BlockKind, Document
from editlint.rules.base import Rule, RuleContext, RuleExamples
from editlint.rules.matching.scopes import QuotationFilter
from editlint.rules.matching.terms import TermSet
from editlint.rules.matching.words import WordIndex
from editlint.rules.support import vocabulary
from editlint.rules.support.viewpoints import (
    Balance,
    ViewpointOptions,
    analyse,
    in_debate_section,
    is_debate_heading,
    is_debate_section,
    may_report_views,
    narrator_views,
    section_items,
)
from editlint.rules.support.vocabulary import alternation
from editlint.rules.support.workspace import remember


class PerspectiveHeadingOptions(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")

    sides: list[str] = Field(
        default_factory=lambda: [*vocabulary.SIDES, *vocabulary.HEADING_SIDES],
        description="Sides whose perspective a heading or a section's lead-in may announce.",
    )
    perspective_nouns: list[str] = Field(
        default_factory=lambda: list(vocabulary.PERSPECTIVE_NOUNS),
        description="Nouns for a point of view: 'perspective', 'vantage', ...",
    )

    @cached_property
    def heading(self) -> regex.Pattern:
        sides, nouns = alternation(self.sides), alternation(self.perspective_nouns)
        return regex.compile(
            rf"\(\s*(?:(?:from|in|through)\s+)?(?:an?|the)\s+(?:{sides})\s+(?:{nouns})\s*\)"
            rf"|[:,–—-]\s*(?:from|in|through)\s+(?:an?|the)\s+(?:{sides})\s+(?:{nouns})\s*$",
            regex.IGNORECASE,
        )

    @cached_property
    def needs(self) -> tuple[TermSet, TermSet]:
        """Both patterns name a side and a perspective noun, each after whitespace."""
        return TermSet(self.sides, first=False), TermSet(self.perspective_nouns, first=False)

    @cached_property
    def lead_in(self) -> regex.Pattern:
        sides, nouns = alternation(self.sides), alternation(self.perspective_nouns)
        return regex.compile(
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
    lead_in_message = (
        "The section's lead-in declares one side's perspective: "
        "the section will present one view only"
    )

    def prepare(self, words: WordIndex, context: RuleContext) -> None:
        for terms in context.options.needs:
            terms.prepare(words)

    def check(self, document: Document, context: RuleContext):
        options: PerspectiveHeadingOptions = context.options or PerspectiveHeadingOptions()
        needs = options.needs
        whole = len(document.text)
        if not all(terms.occurs(document, 0, whole) for terms in needs):
            return  # every heading and lead-in found names a side and a perspective noun
        first_block_of: dict[int, int] = {}
        for index, block in enumerate(document.blocks):
            if block.kind is BlockKind.HEADING:
                if not all(terms.occurs(document, block.start, block.end) for terms in needs):
                    continue
                for match in options.heading.finditer(document.masked, block.start, block.end):
                    yield self.diagnostic(match.start(), match.end())
            elif block.kind is BlockKind.PARAGRAPH and block.section > 0:
                first_block_of.setdefault(block.section, index)
        for index in first_block_of.values():
            block = document.blocks[index]
            if not all(terms.occurs(document, block.start, block.end) for terms in needs):
                continue
            match = options.lead_in.search(document.masked, block.start, block.end)
            if match:
                yield self.diagnostic(match.start(), match.end(), self.lead_in_message)


class UnansweredViewOptions(ViewpointOptions):
    unit: Literal["block", "section"] = Field(
        "block",
        description="Where the counterpart must be: the same paragraph or list item, or section.",
    )
    paragraph_neighbours: bool = Field(
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
        for terms in context.options.patterns.term_sets:
            terms.prepare(words)

    def check(self, document: Document, context: RuleContext):
        options: UnansweredViewOptions = context.options or UnansweredViewOptions()
        patterns = options.patterns
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


class NarratorView(Rule):
    code = "BAL103"
    name = "narrator-side-view"
    category = Category.COUNTER_PERSPECTIVE
    severity = Severity.ERROR
    message = (
        "'{match}': the article adopts one side's view in its own voice; attribute it and give "
        "the other side"
    )
    debate_message = (
        "'{match}': one side's view settles the debate in the article's own voice; attribute it "
        "to the people who hold it and give the other side"
    )
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
        for terms in context.options.patterns.term_sets:
            terms.prepare(words)

    def check(self, document: Document, context: RuleContext):
        options: ViewpointOptions = context.options or ViewpointOptions()
        patterns = options.patterns
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
            template = self.debate_message if debate else self.message
            for view in views:
                text = " ".join(view.text.split())
                yield self.diagnostic(view.start, view.end, template.format(match=text))


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
        for terms in context.options.patterns.term_sets:
            terms.prepare(words)

    def check(self, document: Document, context: RuleContext):
        options: ViewpointOptions = context.options or ViewpointOptions()
        patterns = options.patterns
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


_CRITICISM = regex.compile(r"\bcriticism", regex.IGNORECASE)


def _enumerate(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


class ContestedOptions(ViewpointOptions):
    contested_topics: list[str] = Field(
        default_factory=lambda: list(vocabulary.CONTESTED_TOPICS),
        description="Words in the title or front matter 'tags' that mark an article as contested.",
    )


class ContestedWithoutDebate(Rule):
    code = "BAL105"
    name = "contested-without-debate"
    category = Category.COUNTER_PERSPECTIVE
    severity = Severity.WARNING
    message = "The article is marked contested but has no section presenting criticism or debate"
    topic_message = (
        "The article's topic ('{topic}') is contested but no section presents criticism or debate"
    )
    summary = "A contested article with no criticism, debate or controversy section."
    explanation = """\
What: an article marked `contested: true` in its front matter, or whose title or tags match a
configured contested topic, that has no debate, controversy, criticism or reception section and
reports no critics' view anywhere.
Why: a contested subject has significant opposing views; an article that presents none of them
gives the reader one side as settled fact.
Example: front matter `contested: true` and only History and Geography sections.
Fix: add a section that presents the main positions, each attributed and cited."""
    options_model = ContestedOptions
    examples = RuleExamples(
        flag=["---\ncontested: true\n---\n\n## History\n\nFounded in 1200.\n"],
        pass_=[
            "---\ncontested: true\n---\n\n## Debates\n\n- Supporters argue X; critics argue Y.\n"
        ],
    )

    def prepare(self, words: WordIndex, context: RuleContext) -> None:
        for terms in context.options.patterns.term_sets:
            terms.prepare(words)

    def check(self, document: Document, context: RuleContext):
        options: ContestedOptions = context.options or ContestedOptions()
        found = self._contested(document, options)
        if found is None:
            return
        span, message = found
        patterns = options.patterns
        if any(is_debate_section(section, patterns) for section in document.sections):
            return
        balance = analyse(document, document.body_start, len(document.text), patterns)
        if any(view.side is not None for view in balance.views):
            return
        yield self.diagnostic(*span, message)

    def _contested(self, document: Document, options: ContestedOptions):
        """The span to report and the message, or None for an article not contested."""
        meta = document.meta
        if meta.get("contested") is True:
            return _front_matter_key_span(document, "contested"), self.message
        tags = meta.get("tags") if isinstance(meta.get("tags"), list) else []
        haystack = " ".join([document.title, *map(str, tags)]).lower()
        for topic in options.contested_topics:
            if regex.search(rf"\b{regex.escape(topic.lower())}\b", haystack):
                span = document.title_span or _front_matter_key_span(document, "title")
                return span, self.topic_message.format(topic=topic)
        return None


def _front_matter_key_span(document: Document, key: str) -> tuple[int, int]:
    match = regex.search(rf"(?m)^{key}\s*:.*$", document.text, 0, document.body_start)
    if match:
        return match.start(), match.end()
    return document.body_start, document.body_start
