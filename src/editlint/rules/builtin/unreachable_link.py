"""SRC303 unreachable-link: a cited or linked URL with no usable answer (--check-urls)."""

from __future__ import annotations

from editlint.diagnostics import Severity
from editlint.document import Document
from editlint.rules.base import RuleContext, RuleExamples
from editlint.rules.support.url_statuses import UrlRule, statuses
from editlint.urlcheck.status import UNREACHABLE, UrlStatus


class UnreachableLink(UrlRule):
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
        for linked, status in statuses(document, context, UNREACHABLE):
            yield self.diagnostic(
                linked.start, linked.end, self.message.format(reason=_reason(status))
            )


def _reason(status: UrlStatus) -> str:
    return status.described or "no answer"
