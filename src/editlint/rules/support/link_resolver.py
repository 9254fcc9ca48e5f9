"""The link resolver the link and see-also rules share for a document, and whether the targets
it finds missing are worth reporting."""

from __future__ import annotations

from editlint.document import Document
from editlint.index.resolve import LinkResolver, Status
from editlint.rules.base import RuleContext
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
