"""BAL105 contested-without-debate: a contested article with no section presenting debate."""

from __future__ import annotations

import regex

from editlint.diagnostics import Category, Severity
from editlint.document import Document
from editlint.models import model, option
from editlint.rules.base import Rule, RuleContext, RuleExamples
from editlint.rules.matching.words import WordIndex
from editlint.rules.support import vocabulary
from editlint.rules.support.viewpoints import (
    ViewpointOptions,
    ViewpointPatterns,
    analyse,
    is_debate_section,
)


@model
class ContestedOptions(ViewpointOptions):
    contested_topics: list[str] = option(
        factory=lambda: list(vocabulary.CONTESTED_TOPICS),
        description="Words in the title or front matter 'tags' that mark an article as contested.",
    )


class ContestedWithoutDebate(Rule):
    code = "BAL105"
    name = "contested-without-debate"
    category = Category.COUNTER_PERSPECTIVE
    severity = Severity.WARNING
    message = "The article is marked contested but has no section presenting criticism or debate"
    messages = {
        "topic": (
            "The article's topic ('{topic}') is contested but no section presents criticism or "
            "debate"
        )
    }
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
        context.prepared = ViewpointPatterns(context.options or self.options_model())
        for terms in context.prepared.term_sets:
            terms.prepare(words)

    def check(self, document: Document, context: RuleContext):
        options: ContestedOptions = context.options or ContestedOptions()
        found = self._contested(document, options)
        if found is None:
            return
        span, message = found
        patterns: ViewpointPatterns = context.prepared
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
                return span, self.messages["topic"].format(topic=topic)
        return None


def _front_matter_key_span(document: Document, key: str) -> tuple[int, int]:
    match = regex.search(rf"(?m)^{key}\s*:.*$", document.text, 0, document.body_start)
    if match:
        return match.start(), match.end()
    return document.body_start, document.body_start
