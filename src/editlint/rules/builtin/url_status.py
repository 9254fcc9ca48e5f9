"""Link rules fed by ``editlint check --check-urls``: dead, permanently moved, unreachable.

They read the status of each URL from the run's ``url_statuses`` setting (filled by
``editlint.urlcheck`` before the files are checked); without ``--check-urls`` there is none,
and they find nothing.
"""

from __future__ import annotations

from editlint.diagnostics import Applicability, Category, Fix, Severity
from editlint.document import Document
from editlint.rules.base import FixExample, Rule, RuleContext, RuleExamples
from editlint.urlcheck.collect import LinkedUrl, checkable, linked_urls
from editlint.urlcheck.status import DEAD, MOVED, OK, UNREACHABLE, UrlStatus

#: The ``settings`` key holding {url: UrlStatus} for the run.
SETTING = "url_statuses"
#: What the examples are checked with, as if --check-urls had found it.
EXAMPLE_STATUSES = {
    SETTING: {
        "https://example.org/gone": UrlStatus(DEAD, 404),
        "http://example.org/old": UrlStatus(MOVED, 301, target="https://example.org/new"),
        "https://example.org/slow": UrlStatus(UNREACHABLE, detail="no answer in 10 s"),
        "https://example.org/ok": UrlStatus(OK, 200),
    }
}
_ARCHIVE = "https://web.archive.org/web/2019/https://example.org/gone"


def _statuses(document: Document, context: RuleContext, outcome: str):
    """(linked URL, status) for each URL of ``document`` whose status is ``outcome``."""
    statuses = getattr(context.settings, SETTING)
    if not statuses:
        return
    for linked in linked_urls(document):
        url = checkable(linked.url)
        status = statuses.get(url) if url is not None else None
        if status is not None and status.outcome == outcome:
            yield linked, status


class _UrlRule(Rule):
    category = Category.UNSOURCED
    example_suffix = ".wiki"
    example_settings = EXAMPLE_STATUSES

    def relevant(self, document: Document) -> bool:
        return bool(document.links or document.citations or document.footnote_definitions)


class DeadLink(_UrlRule):
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
        for linked, status in _statuses(document, context, DEAD):
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


class PermanentRedirect(_UrlRule):
    code = "SRC302"
    name = "permanent-redirect"
    severity = Severity.INFO
    fix_applicability = Applicability.UNSAFE
    message = "The URL has moved for good ({status}) to {target}"
    summary = "A cited or linked URL that redirects permanently (301, 308) (--check-urls)."
    explanation = """\
What: with `editlint check --check-urls`, a URL whose server answers with a permanent
redirect (301 Moved Permanently, 308 Permanent Redirect), every hop of it, to a page that
answers. Temporary redirects (302, 303, 307) are not reported.
Why: the old address may stop redirecting one day; the new one is what the source is now.
Example: [report](http://example.org/report) answering 301 to https://example.org/report
Fix: the unsafe fix puts the final URL in place of the old one (check it is still the same
source, not a site's front page)."""
    examples = RuleExamples(
        flag=["It opened.<ref>[http://example.org/old Report]</ref>\n"],
        pass_=["It opened.<ref>[https://example.org/ok Report]</ref>\n"],
        fix=[
            FixExample(
                text="It opened.<ref>[http://example.org/old Report]</ref>\n",
                fixed="It opened.<ref>[https://example.org/new Report]</ref>\n",
                unsafe=True,
            )
        ],
    )

    def check(self, document: Document, context: RuleContext):
        for linked, status in _statuses(document, context, MOVED):
            fix = Fix.replace(
                linked.start,
                linked.end,
                status.target,
                Applicability.UNSAFE,
                "Cite the URL it redirects to",
            )
            message = self.message.format(status=f"HTTP {status.status}", target=status.target)
            yield self.diagnostic(linked.start, linked.end, message, fix=fix, target=status.target)


class UnreachableLink(_UrlRule):
    code = "SRC303"
    name = "unreachable-link"
    severity = Severity.INFO
    message = "Could not check the link: {reason}"
    summary = (
        "A cited or linked URL with no usable answer: timeout, TLS failure, 5xx (--check-urls)."
    )
    explanation = """\
What: with `editlint check --check-urls`, a URL that could not be judged: no answer within
the timeout, a TLS (certificate) failure, a refused connection, a redirect loop, a server
error or a rate limit still in force after the retries, or an answer such as 401/403 that says
nothing about the page. Unlike dead links, these are not kept in the URL cache: the next run
asks again.
Why: it may be a passing failure, or the first sign of a dead or hijacked site.
Example: a citation to https://example.org/ whose certificate has expired.
Fix: open the link; if it stays unreachable, find an archived copy or another source."""
    examples = RuleExamples(
        flag=["It opened.<ref>[https://example.org/slow Report]</ref>\n"],
        pass_=["It opened.<ref>[https://example.org/ok Report]</ref>\n"],
    )

    def check(self, document: Document, context: RuleContext):
        for linked, status in _statuses(document, context, UNREACHABLE):
            yield self.diagnostic(
                linked.start, linked.end, self.message.format(reason=_reason(status))
            )


def _reason(status: UrlStatus) -> str:
    return status.described or "no answer"
