"""SEE103 broken-internal-link: an internal link that resolves to no article."""

from __future__ import annotations

import re

from editlint.diagnostics import Category, Severity
from editlint.document import Document, Link
from editlint.index import normalise_title
from editlint.index.resolve import Status
from editlint.rules.base import Rule, RuleContext, RuleExamples
from editlint.rules.support.link_resolver import reports_missing, resolver_for

# "[[:print:]]" in a shell pattern written outside code: a character class, not a wiki link.
_POSIX_CLASS = re.compile(r"^:[a-z]+:$")


def entry_links(document: Document) -> set[int]:
    """ids of the links that are see-also entries (checked by the see-also rules instead)."""
    return {id(entry.link) for entry in document.see_also if entry.link is not None}


class BrokenInternalLink(Rule):
    code = "SEE103"
    name = "broken-internal-link"
    category = Category.SEE_ALSO
    severity = Severity.ERROR
    needs_index = True
    message = "Link target '{target}' is not an article in the content repository"
    summary = "An internal link in the body whose target resolves to no article or file."
    explanation = """\
What: a link to another page of the content repository (a relative file link, a wiki link, or a
site URL under a configured prefix such as '/index.php/') that resolves to nothing. One finding
per target, at its first link, counts the links that use it.
Why: readers who follow it land on a missing page; broken links usually mean an article was
renamed, moved or deleted without its links being updated.
Example: [pipelines](../nord-stream.md) when no file nord-stream.md exists.
Fix: point the link at the article's current title or path, or remove the link."""
    examples = RuleExamples(
        flag=["The pipeline ([[Nord Stream]]) was built in 2011.\n"],
        pass_=["---\ntitle: Harbour\n---\n\nThe [[Harbour]] opened in 1850.\n"],
    )

    def check(self, document: Document, context: RuleContext):
        resolver = resolver_for(document, context)
        if resolver is None or not reports_missing(document, context, resolver):
            return
        skip = entry_links(document)
        missing: dict[str, tuple[str, list[Link]]] = {}  # one finding per target, first link
        for link in document.links:
            if id(link) in skip or _POSIX_CLASS.match(link.target):
                continue  # an external URL may still be a site URL under a configured prefix
            resolution = resolver.resolve_link(link)
            if resolution.status is Status.MISSING:
                key = normalise_title(resolution.name)
                missing.setdefault(key, (resolution.name, []))[1].append(link)
        for name, links in missing.values():
            message = self.message.format(target=name)
            suggestion = context.index.suggest(name)
            if suggestion:
                message += f" (did you mean '{suggestion}'?)"
            if len(links) > 1:
                message += f"; {len(links)} links use it"
            yield self.diagnostic(links[0].target_start, links[0].target_end, message, target=name)
