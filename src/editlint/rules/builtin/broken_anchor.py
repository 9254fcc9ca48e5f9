"""SEE104 broken-anchor: a link whose #anchor names no heading of its article."""

from __future__ import annotations

from editlint.diagnostics import Category, Severity
from editlint.document import Document, Link
from editlint.index.anchors import heading_anchor, written_scheme
from editlint.index.resolve import LinkResolver, Resolution, Status
from editlint.index.suggest import closest
from editlint.rules.base import Rule, RuleContext, RuleExamples
from editlint.rules.support.link_resolver import resolver_for


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
