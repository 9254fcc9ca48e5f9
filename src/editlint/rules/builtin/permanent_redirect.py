"""SRC302 permanent-redirect: a cited or linked URL that redirects permanently (--check-urls)."""

from __future__ import annotations

from editlint.diagnostics import Applicability, Fix, Severity
from editlint.document import Document
from editlint.rules.base import FixExample, RuleContext, RuleExamples
from editlint.rules.support.url_statuses import UrlRule, statuses
from editlint.urlcheck.status import MOVED


class PermanentRedirect(UrlRule):
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
        for linked, status in statuses(document, context, MOVED):
            fix = Fix.replace(
                linked.start,
                linked.end,
                status.target,
                Applicability.UNSAFE,
                "Cite the URL it redirects to",
            )
            message = self.message.format(status=f"HTTP {status.status}", target=status.target)
            yield self.diagnostic(linked.start, linked.end, message, fix=fix, target=status.target)
