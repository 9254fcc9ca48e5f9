"""SRC101 article-without-citations: an article with no citation of any kind."""

from __future__ import annotations

import re

from editlint.diagnostics import Category, Severity
from editlint.document import BlockKind, Document
from editlint.rules.base import Rule, RuleContext, RuleExamples
from editlint.rules.support.citations import (
    cites_anything,
    urls_are_citations,
)

# A redirect page (a wiki export's "Redirect to:" page, "#REDIRECT [[Target]]"): no article.
_REDIRECT = re.compile(r"redirect to:|#redirect\b", re.IGNORECASE)
# A disambiguation page ("BT may refer to:"): a list of articles, not an article.
_DISAMBIGUATION = re.compile(r"\bmay (?:also )?refer to\s*:", re.IGNORECASE)


def is_redirect_page(document: Document) -> bool:
    """A redirect or disambiguation page: it points to articles, it makes no claims."""
    head = document.masked[document.body_start : document.body_start + 400]
    if _DISAMBIGUATION.search(head):
        return True
    if "redirect_to" in document.meta:
        return True
    return any(
        _REDIRECT.match(text[document.body_start : document.body_start + 400].lstrip())
        for text in (document.masked, document.text)
    )


class ArticleWithoutCitations(Rule):
    code = "SRC101"
    name = "article-without-citations"
    category = Category.UNSOURCED
    severity = Severity.ERROR
    message = "The article cites no sources at all"
    summary = "An article with no citation of any kind."
    explanation = """\
What: an article with no footnote, [@key] citation, <ref>, {{cite}} or link to an external source.
Redirect and disambiguation pages, and technical documentation (pages with code blocks), are
not articles held to sources.
Why: readers must be able to verify what an article says; an article without any source cannot
be checked and every claim in it is open to challenge.
Example: a plain-text export with no references section.
Fix: add citations to reliable published sources for the article's claims."""
    examples = RuleExamples(
        flag=[
            "# Town\n\nThe town was founded in 1200.\n",
            "The harbour opened in 1850 and handles most of the trade.\n",
        ],
        pass_=[
            "The harbour opened in 1850.[^1]\n\n[^1]: Port authority, *History*, 1990.\n",
            "The harbour opened in 1850 [@port-history].\n",
        ],
    )

    def check(self, document: Document, context: RuleContext):
        if cites_anything(document, urls_are_citations(context)) or is_redirect_page(document):
            return
        if BlockKind.CODE in document.block_kinds:
            return  # technical documentation (commands, configuration) is not held to sources
        start, end = document.title_span or (document.body_start, document.body_start)
        yield self.diagnostic(start, end)
