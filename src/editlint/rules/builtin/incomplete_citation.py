"""SRC203 incomplete-citation: a citation template missing its title, work or date."""

from __future__ import annotations

from typing import TYPE_CHECKING

from editlint.diagnostics import Category, Severity
from editlint.document import Document
from editlint.rules.base import Rule, RuleContext, RuleExamples

if TYPE_CHECKING:
    from editlint.sources.cited import CitedSource
from editlint.rules.support.cited_sources import WORK_FIELDS, sources_of

TITLE_FIELDS = ("title", "chapter", "script-title", "trans-title", "contribution")
DATE_FIELDS = ("date", "year", "orig-date", "orig-year")
#: The general-purpose citation templates; a specialised one ({{cite Earth Impact DB}}) fills
#: its fields itself.
GENERIC_TEMPLATES = frozenset(
    {
        "cite web",
        "cite news",
        "cite journal",
        "cite book",
        "cite magazine",
        "citation",
        "cite encyclopedia",
        "cite report",
        "cite press release",
        "cite conference",
        "cite thesis",
    }
)
NEEDS_WORK = frozenset({"cite web", "cite news", "cite journal", "cite magazine", "cite book"})
NEEDS_DATE = frozenset({"cite news", "cite journal", "cite magazine"})


def _filled(source: CitedSource, names) -> bool:
    return any(source.fields.get(name) and source.fields[name].value for name in names)


class IncompleteCitation(Rule):
    code = "SRC203"
    name = "incomplete-citation"
    category = Category.UNSOURCED
    severity = Severity.INFO
    message = "Citation template without {missing}"
    summary = "A citation template without a title, a work or publisher, or a date it needs."
    explanation = """\
What: a {{cite ...}} template with no title; a web, news, journal, magazine or book citation
with no work or publisher (website, newspaper, journal, publisher ...); a news, journal or
magazine citation with no date; an access-date with no URL.
Why: an incomplete citation cannot be verified once its link dies, and readers cannot judge
the source (WP:CITE, "what information to include").
Example: {{cite news |url=https://example.org/a |title=Harbour opens}} (no newspaper, no date)
Fix: fill in the missing fields from the source."""
    examples = RuleExamples(
        flag=[
            "It opened.<ref>{{cite news |url=https://example.org/a |title=Harbour opens}}</ref>\n"
        ],
        pass_=[
            "It opened.<ref>{{cite news |url=https://example.org/a |title=Harbour opens "
            "|newspaper=Port News |date=3 May 2001}}</ref>\n"
        ],
    )

    def relevant(self, document: Document) -> bool:
        return "{{" in document.text

    def check(self, document: Document, context: RuleContext):
        for source in sources_of(document):
            if source.template not in GENERIC_TEMPLATES:
                continue
            missing = []
            if not _filled(source, TITLE_FIELDS):
                missing.append("a title")
            if source.template in NEEDS_WORK and not _filled(source, WORK_FIELDS):
                missing.append("a work or publisher")
            if source.template in NEEDS_DATE and not _filled(source, DATE_FIELDS):
                missing.append("a date")
            if _filled(source, ("access-date", "accessdate")) and not _filled(source, ("url",)):
                missing.append("the URL its access-date refers to")
            if missing:
                start, end = source.template_span
                yield self.diagnostic(start, end, self.message.format(missing=_and(missing)))


def _and(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " or " + parts[-1]
