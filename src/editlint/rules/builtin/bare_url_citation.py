"""SRC202 bare-url-citation: a citation that is a bare URL."""

from __future__ import annotations

from typing import TYPE_CHECKING

from editlint.diagnostics import Applicability, Category, Fix, Severity
from editlint.document import Document
from editlint.rules.base import FixExample, Rule, RuleContext, RuleExamples

if TYPE_CHECKING:
    pass
from editlint.rules.support.cited_sources import sources_of


class BareUrlCitation(Rule):
    code = "SRC202"
    name = "bare-url-citation"
    category = Category.UNSOURCED
    severity = Severity.WARNING
    fix_applicability = Applicability.UNSAFE
    message = "A bare URL as a citation: give the source's title, publisher and date"
    summary = "A citation that is only a URL, with no title, publisher or date."
    explanation = """\
What: a footnote or <ref> that holds nothing but a web address.
Why: a bare URL says nothing about the source when the link dies (link rot), and readers
cannot judge the source without following it (WP:BAREURLS).
Example: <ref>https://example.org/report.html</ref>
Fix: write the citation out; in wikitext, the unsafe fix wraps the URL in a {{cite web}}
skeleton whose title, website and access date you fill in."""
    example_suffix = ".wiki"
    examples = RuleExamples(
        flag=["It opened in 1850.<ref>https://example.org/harbour.html</ref>\n"],
        pass_=[
            "It opened in 1850.<ref>Smith, J. [https://example.org/harbour.html The harbour], "
            "''Port News'', 2001.</ref>\n"
        ],
        fix=[
            FixExample(
                text="It opened.<ref>https://example.org/h</ref>\n",
                fixed="It opened.<ref>{{cite web |url=https://example.org/h |title= |website= "
                "|access-date=}}</ref>\n",
                unsafe=True,
            )
        ],
    )

    def relevant(self, document: Document) -> bool:
        return bool(document.citations or document.footnote_definitions)

    def check(self, document: Document, context: RuleContext):
        text = document.text
        for source in sources_of(document):
            if source.template or len(source.urls) != 1:
                continue
            url = source.urls[0]
            rest = text[source.content_start : url.start] + text[url.end : source.content_end]
            if rest.strip(" \t\n[]<>"):
                continue  # more than the brackets of [https://...] or <https://...>
            fix = None
            if document.format == "wikitext":
                skeleton = f"{{{{cite web |url={url.value} |title= |website= |access-date=}}}}"
                fix = Fix.replace(
                    source.content_start,
                    source.content_end,
                    skeleton,
                    Applicability.UNSAFE,
                    "Wrap the URL in a {{cite web}} skeleton",
                )
            yield self.diagnostic(url.start, url.end, fix=fix)
