"""SRC301 dead-link: a cited or linked URL whose server says the page is gone (--check-urls)."""

from __future__ import annotations

from editlint.diagnostics import Applicability, Fix, Severity
from editlint.document import Document
from editlint.rules.base import FixExample, RuleContext, RuleExamples
from editlint.rules.support.url_statuses import UrlRule, statuses
from editlint.urlcheck.collect import LinkedUrl
from editlint.urlcheck.status import DEAD

_ARCHIVE = "https://web.archive.org/web/2019/https://example.org/gone"


class DeadLink(UrlRule):
    code = "SRC301"
    name = "dead-link"
    severity = Severity.WARNING
    fix_applicability = Applicability.UNSAFE
    message = "Dead link ({status})"
    summary = "A cited or linked URL whose server says the page is gone (--check-urls)."
    explanation = """\
What: with `editlint check --check-urls`, a URL the article cites or links that answers
404 Not Found or 410 Gone (after redirects; HEAD first, then GET when HEAD is refused).
A citation that already marks the URL dead (`url-status=dead`) and names an `archive-url` is
not reported.
Why: a dead link cannot be verified; readers and editors need the archived copy or another
source (WP:LINKROT).
Example: {{cite web |url=https://example.org/gone |title=Report |archive-url=https://web.archive.org/web/2019/https://example.org/gone}}
Fix: where the citation names an archived copy, mark the link dead (wikitext: the unsafe fix
sets `url-status=dead`, so readers are sent to the archive; Markdown: the unsafe fix puts the
archived URL in its place); otherwise find an archived copy or another source."""
    examples = RuleExamples(
        flag=["It opened.<ref>[https://example.org/gone Report]</ref>\n"],
        pass_=["It opened.<ref>[https://example.org/ok Report]</ref>\n"],
        fix=[
            FixExample(
                text=f"A.<ref>{{{{cite web |url=https://example.org/gone |title=R "
                f"|archive-url={_ARCHIVE}}}}}</ref>\n",
                fixed=f"A.<ref>{{{{cite web |url=https://example.org/gone |title=R "
                f"|archive-url={_ARCHIVE} |url-status=dead}}}}</ref>\n",
                unsafe=True,
            )
        ],
    )

    def check(self, document: Document, context: RuleContext):
        for linked, status in statuses(document, context, DEAD):
            if linked.marked_dead and linked.archive:
                continue  # already marked dead, readers get the archived copy
            message = self.message.format(status=status.described)
            fix = None
            if linked.archive:
                message += f"; the citation names an archived copy: {linked.archive}"
                fix = _use_archive(document, linked)
            else:
                message += ": find an archived copy or another source"
            yield self.diagnostic(
                linked.start, linked.end, message, fix=fix, archive=linked.archive
            )


def _use_archive(document: Document, linked: LinkedUrl) -> Fix:
    """Mark a cite template's URL dead (``url-status=dead``), or replace a URL by its
    archived copy where there is no template."""
    if linked.status_field is not None:
        start, end = linked.status_field
        return Fix.replace(start, end, linked.dead_value, Applicability.UNSAFE, "Mark the URL dead")
    start, end = linked.template_span
    if end > start:
        at = end - 2  # before the template's closing braces
        return Fix.replace(
            at, at, " |url-status=dead", Applicability.UNSAFE, "Mark the URL dead (url-status=dead)"
        )
    return Fix.replace(
        linked.start,
        linked.end,
        linked.archive,
        Applicability.UNSAFE,
        "Link the archived copy instead",
    )
