"""SRC201 unreliable-source: a citation of a deprecated, self-published, user-generated or
circular source."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from editlint.diagnostics import Category, Severity
from editlint.document import Document
from editlint.rules.base import Rule, RuleContext, RuleExamples
from editlint.sources.reliability import (
    Reliability,
    SourceEntry,
    Status,
    default_entries,
    parse_list,
)

if TYPE_CHECKING:
    from editlint.sources.cited import CitedSource
from editlint.rules.support.cited_sources import WORK_FIELDS, sources_of


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
