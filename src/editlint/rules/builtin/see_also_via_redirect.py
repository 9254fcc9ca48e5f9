"""SEE107 see-also-via-redirect: an entry reaching its article only through an alias or redirect."""

from __future__ import annotations

from editlint.diagnostics import Applicability, Category, Fix, Severity
from editlint.document import Document
from editlint.index.resolve import Status
from editlint.rules.base import FixExample, Rule, RuleContext, RuleExamples
from editlint.rules.support.link_resolver import resolver_for
from editlint.rules.support.see_also_fixes import rename_entry
from editlint.rules.support.see_also_rules import ALIASED, entry_span, resolved_entries


class SeeAlsoViaRedirect(Rule):
    code = "SEE107"
    name = "see-also-via-redirect"
    category = Category.SEE_ALSO
    severity = Severity.WARNING
    needs_index = True
    fix_applicability = Applicability.SAFE
    message = "See-also entry '{target}' reaches '{title}' only through {via}"
    summary = "A see-also entry naming an alias or redirect instead of the article's title."
    explanation = """\
What: a see-also entry that reaches its article only through an alias (front matter aliases),
a redirect (front matter redirect_from, the redirects file, or a redirect page).
Why: see-also lists should name articles as readers will find them; redirects break when the
alias is reused, and readers see a different title than the one listed.
Example: "- [[North Atlantic Treaty Organization]]" where the article is titled NATO.
Fix (safe): replace the entry with the article's canonical title."""
    examples = RuleExamples(
        flag=[f"{ALIASED}## See also\n\n- [[Port of Brest]]\n"],
        pass_=[f"{ALIASED}## See also\n\n- [[Harbour]]\n"],
        fix=[
            FixExample(
                text=f"{ALIASED}## See also\n\n- [[Port of Brest]]\n",
                fixed=f"{ALIASED}## See also\n\n- [[Harbour]]\n",
            )
        ],
    )

    def check(self, document: Document, context: RuleContext):
        resolver = resolver_for(document, context)
        if resolver is None:
            return
        for entry, resolution in resolved_entries(document, resolver):
            if resolution.status is not Status.FOUND or resolution.via is None:
                continue
            article = resolution.article
            via = "a redirect" if resolution.via == "redirect" else "an alias"
            target = resolution.name or entry.target
            message = self.message.format(target=target, title=article.title, via=via)
            edit = rename_entry(document, entry, article, resolver.url_prefixes)
            fix = None
            if edit is not None and article.redirect_to is None:
                fix = Fix((edit,), Applicability.SAFE, f"Replace with '{article.title}'")
            yield self.diagnostic(*entry_span(entry), message, fix)
