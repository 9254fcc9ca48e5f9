"""Sourcing rules: claims and articles with no citation."""

from __future__ import annotations

from editlint.diagnostics import Category, Severity
from editlint.document import CitationKind, Document
from editlint.rules.base import Rule, RuleContext, RuleExamples


class ArticleWithoutCitations(Rule):
    code = "SRC101"
    name = "article-without-citations"
    category = Category.UNSOURCED
    severity = Severity.ERROR
    message = "The article cites no sources at all"
    summary = "An article with no citation of any kind."
    explanation = """\
What: an article with no footnote, [@key] citation, <ref>, {{cite}} or link to an external source.
Why: readers must be able to verify what an article says; an article without any source cannot
be checked and every claim in it is open to challenge.
Example: a plain-text export with no references section.
Fix: add citations to reliable published sources for the article's claims."""
    examples = RuleExamples(
        flag=["The harbour opened in 1850 and handles most of the trade.\n"],
        pass_=[
            "The harbour opened in 1850.[^1]\n\n[^1]: Port authority, *History*, 1990.\n",
            "The harbour opened in 1850 [@port-history].\n",
        ],
    )

    def check(self, document: Document, context: RuleContext):
        links = context.settings.get("links")
        urls_count = links.external_links_are_citations if links is not None else True
        for citation in document.citations:
            if citation.kind is CitationKind.NEEDED:
                continue
            if citation.kind is CitationKind.URL and not urls_count:
                continue
            return
        start, end = document.title_span or (document.body_start, document.body_start)
        yield self.diagnostic(start, end)
