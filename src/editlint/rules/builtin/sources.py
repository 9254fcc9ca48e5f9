"""Source rules: citations that do not hold up (unreliable, bare or incomplete)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from editlint.diagnostics import Applicability, Category, Fix, Severity
from editlint.document import Document
from editlint.rules.base import FixExample, Rule, RuleContext, RuleExamples
from editlint.rules.support.workspace import remember
from editlint.sources.reliability import (
    Reliability,
    SourceEntry,
    Status,
    default_entries,
    parse_list,
)

if TYPE_CHECKING:
    from editlint.sources.cited import CitedSource

#: Fields naming the work or publisher, by citation template (``cite web`` and the rest).
WORK_FIELDS = (
    "website",
    "work",
    "newspaper",
    "journal",
    "magazine",
    "periodical",
    "publisher",
    "via",
    "agency",
    "encyclopedia",
    "series",
)
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


def sources_of(document: Document) -> list[CitedSource]:
    """The document's cited sources, found once for the source rules (the wikitext parser they
    need is imported only then: a check that meets no citation never loads it)."""
    from editlint.sources.cited import cited_sources

    return remember(document, sources_of, cited_sources)


def reliability_for(context: RuleContext) -> Reliability:
    """The merged reliability lists of the config (``sources:``), built once per checker."""
    built = context.prepared
    if built is None:
        config = context.settings.sources
        root = Path(context.settings.root)
        entries: list[SourceEntry] = []
        if config is None or config.builtin:
            entries.extend(default_entries(context.settings.known))
        for name in config.lists if config is not None else ():
            path = root / name
            entries.extend(parse_list(path.read_text(encoding="utf-8"), path).sources)
        entries.extend(config.entries if config is not None else ())
        own_site = config.own_site if config is not None else []
        built = context.prepared = Reliability(entries, own_site)
    return built


def _about_itself(source: CitedSource, entry: SourceEntry) -> bool:
    """A self-published page whose citation names a notable publisher (a wikilink in its
    publisher, work or website): an organisation's own blog, acceptable about itself
    (WP:ABOUTSELF)."""
    if entry.status is not Status.SELF_PUBLISHED:
        return False
    return any("[[" in source.fields[name].value for name in WORK_FIELDS if name in source.fields)


def _filled(source: CitedSource, names) -> bool:
    return any(source.fields.get(name) and source.fields[name].value for name in names)


class UnreliableSource(Rule):
    code = "SRC201"
    name = "unreliable-source"
    category = Category.UNSOURCED
    severity = Severity.WARNING
    message = "Cites '{source}', {status}"
    summary = (
        "A citation to a deprecated, unreliable, self-published, user-generated or circular source."
    )
    explanation = """\
What: a citation whose URL or publisher is on the reliability list: editlint's default list
(domains whose status English Wikipedia's editors settled, WP:RSP) merged with the team's own
lists and entries (`sources:` in editlint.yaml), and a citation of the content repository's
own published site (`sources: {self: wiki.example.org}`). Deprecated sources are errors; the
others (generally unreliable, self-published, user-generated, circular) are warnings.
Why: a claim cited to a source editors do not trust is hardly better than an unsourced claim;
a wiki citing a wiki, or itself (circular sourcing), only moves the question elsewhere.
Example: a footnote citing https://www.dailymail.co.uk/news/... for a fact.
Fix: cite a reliable source for the claim (the list's replacement hint says which), or remove
the claim."""
    examples = RuleExamples(
        flag=["It opened in 1850.[^1]\n\n[^1]: <https://www.dailymail.co.uk/news/harbour.html>\n"],
        pass_=["It opened in 1850.[^1]\n\n[^1]: <https://www.example.org/harbour.html>\n"],
    )

    def relevant(self, document: Document) -> bool:
        return bool(document.citations or document.footnote_definitions)

    def check(self, document: Document, context: RuleContext):
        reliability = reliability_for(context)
        text = document.text
        for source in sources_of(document):
            found = [(reliability.for_url(url.value), url.start, url.end) for url in source.urls]
            for name in WORK_FIELDS:
                value = source.fields.get(name)
                if value is not None:
                    found.extend(
                        (entry, value.start + a, value.start + b)
                        for entry, a, b in reliability.names_in(value.value)
                    )
            if source.free_text and not source.urls:
                content = text[source.content_start : source.content_end]
                found.extend(
                    (entry, source.content_start + a, source.content_start + b)
                    for entry, a, b in reliability.names_in(content)
                )
            reported = set()
            for entry, start, end in found:
                if entry is None or id(entry) in reported or _about_itself(source, entry):
                    continue
                reported.add(id(entry))
                yield self._finding(entry, start, end)

    def _finding(self, entry: SourceEntry, start: int, end: int):
        status = entry.status.described
        if entry.reason:
            status += f": {entry.reason}"
        if entry.discussion:
            status += f" ({entry.discussion})"
        advice = f"; cite {entry.replacement} instead" if entry.replacement else ""
        finding = self.diagnostic(
            start,
            end,
            self.message.format(source=entry.domain or entry.name, status=status) + advice,
            status=entry.status.value,
        )
        finding.severity = entry.status.severity
        return finding


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
