"""SEE105 self-referencing-see-also: a see-also entry naming the article itself."""

from __future__ import annotations

from editlint.diagnostics import Applicability, Category, Severity
from editlint.document import Document
from editlint.index.resolve import Status
from editlint.rules.base import FixExample, Rule, RuleContext, RuleExamples
from editlint.rules.support.link_resolver import resolver_for
from editlint.rules.support.see_also_rules import (
    HARBOUR,
    entry_span,
    is_self,
    removal,
    resolved_entries,
)


class SelfReferencingSeeAlso(Rule):
    code = "SEE105"
    name = "self-referencing-see-also"
    category = Category.SEE_ALSO
    severity = Severity.WARNING
    needs_index = True
    fix_applicability = Applicability.UNSAFE
    message = "See-also entry '{target}' points to this article itself"
    summary = "A see-also entry that names the article it is in."
    explanation = """\
What: a see-also entry (or a "See also X" pointer) that resolves to the article itself.
Why: it sends readers in a circle; it is usually copied from another article's list.
Example: an article titled NATO whose see-also list contains [[NATO]].
Fix (unsafe): remove the entry from the see-also list."""
    examples = RuleExamples(
        flag=[f"{HARBOUR}## See also\n\n- [[Harbour]]\n"],
        pass_=[f"{HARBOUR}## See also\n\n- [[Lighthouse]]\n"],
        fix=[
            FixExample(
                text=f"{HARBOUR}## See also\n\n- [[Harbour]]\n- [[Lighthouse]]\n",
                fixed=f"{HARBOUR}## See also\n\n- [[Lighthouse]]\n",
                unsafe=True,
            )
        ],
    )

    def check(self, document: Document, context: RuleContext):
        resolver = resolver_for(document, context)
        if resolver is None:
            return
        for entry, resolution in resolved_entries(document, resolver):
            if resolution.status is not Status.FOUND or resolution.anchor:
                continue
            if not is_self(document, resolver, resolution):
                continue
            fix = removal(document, entry, Applicability.UNSAFE, "Remove the entry")
            message = self.message.format(target=resolution.name or entry.target)
            yield self.diagnostic(*entry_span(entry), message, fix)
