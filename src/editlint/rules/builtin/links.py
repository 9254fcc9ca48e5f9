"""Link rules: internal links that resolve to nothing and anchors that name no heading."""

from __future__ import annotations

import re

from editlint.diagnostics import Category, Severity
from editlint.document import Document, Link
from editlint.index import normalise_title
from editlint.index.anchors import heading_anchor, written_scheme
from editlint.index.resolve import LinkResolver, Resolution, Status
from editlint.index.suggest import closest
from editlint.rules.base import Rule, RuleContext, RuleExamples
from editlint.rules.support.workspace import remember


def resolver_for(document: Document, context: RuleContext) -> LinkResolver | None:
    """A resolver for ``document`` under the configured link settings, or None without index;
    the rules checking one document share it, and so what it has resolved."""
    if context.index is None:
        return None
    links = context.settings.links
    prefixes = tuple(links.url_prefixes) if links is not None else ()
    scheme = links.anchors if links is not None else "auto"
    index = context.index
    key = (resolver_for, id(index), prefixes, scheme)  # shared by the rules of one document
    return remember(document, key, lambda document: LinkResolver(index, document, prefixes, scheme))


#: Under ``missing_targets: auto``, an article linking at least this many distinct pages ...
PARTIAL_EXPORT_LINKS = 3
#: ... of which fewer than a quarter are in the repository links into a wiki the
#: repository holds only part of: its links to absent pages are not reported.
PARTIAL_EXPORT_SHARE = 0.25


def reports_missing(document: Document, context: RuleContext, resolver: LinkResolver) -> bool:
    """Whether the links and see-also entries of ``document`` that resolve to no article are
    worth reporting. A content repository that holds its namespace resolves nearly every link,
    so a broken one stands out; an article exported from a wiki with a few of its neighbours
    (most of its links lead to pages never exported) would be reported link by link, every
    finding wrong. Set ``links.missing_targets: always`` to report them anyway."""
    links = context.settings.links
    if links is not None and links.missing_targets == "always":
        return True
    return remember(document, (reports_missing, id(resolver)), lambda _: _holds(resolver))


def _holds(resolver: LinkResolver) -> bool:
    found: set[str] = set()
    missing: set[str] = set()
    for link in resolver.document.links:
        resolution = resolver.resolve_link(link)
        if resolution.status is Status.MISSING:
            missing.add(resolution.name.casefold())
        elif resolution.status in (Status.FOUND, Status.FILE):
            found.add(resolution.name.casefold())
    total = len(found) + len(missing)
    if len(missing) >= 2 and not found:
        return False  # every page it links is absent: it links into a wiki held elsewhere
    return total < PARTIAL_EXPORT_LINKS or len(found) >= PARTIAL_EXPORT_SHARE * total


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


class BrokenAnchor(Rule):
    code = "SEE104"
    name = "broken-anchor"
    category = Category.SEE_ALSO
    severity = Severity.WARNING
    needs_index = True
    message = "Anchor '#{anchor}' names no heading in {where}"
    summary = "A link's '#section' anchor that names no heading of its target."
    explanation = """\
What: a link whose '#fragment' matches no heading (nor explicit id) of the page it points to,
under the site's anchor scheme ('links.anchors': github slugs like '#package-naming' by default,
or MediaWiki's '#Package_naming', with its '.27'-style legacy escapes, for wiki exports).
Why: the reader lands at the top of the page instead of the section meant; a heading was renamed.
Example: [install it](#instalation) when the heading is "Installation".
Fix: use the heading's current anchor."""
    examples = RuleExamples(
        flag=["## Installation\n\nSee [the steps](#instalation).\n"],
        pass_=["## Installation\n\nSee [the steps](#installation).\n"],
    )

    def check(self, document: Document, context: RuleContext):
        resolver = resolver_for(document, context)
        if resolver is None:
            return
        anchors_of: dict[str, list[str]] = {}  # target page -> its heading anchors
        broken: dict[tuple, list[tuple[Link, Resolution]]] = {}
        for link in document.links:
            resolution = resolver.resolve_link(link)
            if resolver.anchor_exists(resolution) is not False:
                continue
            page = resolution.article.file if resolution.article is not None else ""
            broken.setdefault((page, resolution.anchor), []).append((link, resolution))
        for links in broken.values():  # one finding per broken anchor, at its first link
            link, resolution = links[0]
            yield self._finding(document, link, resolution, resolver, anchors_of, len(links))

    def _finding(self, document, link: Link, resolution: Resolution, resolver, anchors_of, count):
        same_page = resolution.status is Status.SAME_PAGE
        where = "this article" if same_page else f"'{resolution.article.title}'"
        message = self.message.format(anchor=resolution.anchor, where=where)
        page = "" if same_page else str(resolution.article.path)
        if page not in anchors_of:
            headings = _headings(resolution, resolver)
            anchors_of[page] = headings
        scheme = resolver.scheme
        if scheme == "auto":
            scheme = written_scheme(resolution.anchor)
        anchors = [heading_anchor(heading, scheme) for heading in anchors_of[page]]
        close = closest(resolution.anchor, anchors, cutoff=0.75)
        if close is not None:
            message += f" (did you mean '#{close}'?)"
        if count > 1:
            message += f"; {count} links use it"
        written = document.text[link.target_start : link.target_end]
        hash_at = written.find("#")
        start = link.target_start + hash_at if hash_at >= 0 else link.target_start
        return self.diagnostic(start, link.target_end, message, anchor=resolution.anchor)


def _headings(resolution: Resolution, resolver: LinkResolver) -> list[str]:
    if resolution.status is Status.SAME_PAGE:
        return resolver.own_headings()[0]
    return resolution.article.headings or []
