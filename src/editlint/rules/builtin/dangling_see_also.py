"""SEE101 dangling-see-also: a see-also entry that resolves to no article."""

from __future__ import annotations

from editlint.diagnostics import Applicability, Category, Severity
from editlint.document import Document, SeeAlsoEntry
from editlint.index import normalise_title
from editlint.index.resolve import Status
from editlint.rules.base import FixExample, Rule, RuleContext, RuleExamples
from editlint.rules.support.link_resolver import reports_missing, resolver_for
from editlint.rules.support.see_also_fixes import rename_entry
from editlint.rules.support.see_also_rules import (
    HARBOUR,
    entry_span,
    joined,
    removal_of_all,
    resolved_entries,
    times,
)


class DanglingSeeAlso(Rule):
    code = "SEE101"
    name = "dangling-see-also"
    category = Category.SEE_ALSO
    severity = Severity.ERROR
    needs_index = True
    fix_applicability = Applicability.UNSAFE
    message = "See-also target '{target}' is not an article in the content repository"
    summary = "A see-also entry whose target resolves to no article."
    explanation = """\
What: a "See also" entry (section list item, front matter see_also, or a "See also X" sentence)
naming an article that does not exist in the content repository. One finding per target, at
its first entry, counts the entries that name it.
Why: readers who follow it find nothing; dangling entries also hide renamed or deleted articles.
Example: "See also Nord Stream." where no article is titled Nord Stream.
Fix (unsafe): apply the "did you mean" suggestion when the index has a close title; otherwise
remove the entry from the see-also list. Or write the missing article."""
    examples = RuleExamples(
        flag=["The harbour opened in 1850.\n\n## See also\n\n- [[Nord Stream]]\n"],
        pass_=[f"{HARBOUR}## See also\n\n- [[Harbour]]\n"],
        fix=[
            FixExample(
                text=f"{HARBOUR}## See also\n\n- [[Harbour]]\n- [[Nord Stream]]\n",
                fixed=f"{HARBOUR}## See also\n\n- [[Harbour]]\n",
                unsafe=True,
            )
        ],
    )

    def check(self, document: Document, context: RuleContext):
        resolver = resolver_for(document, context)
        if resolver is None or not reports_missing(document, context, resolver):
            return
        prefixes = resolver.url_prefixes
        missing: dict[str, tuple[str, list[SeeAlsoEntry]]] = {}  # one finding per target
        for entry, resolution in resolved_entries(document, resolver):
            if resolution.status is Status.MISSING:
                name = resolution.name or entry.target
                missing.setdefault(normalise_title(name), (name, []))[1].append(entry)
        for name, entries in missing.values():
            message = self.message.format(target=name)
            suggestion = context.index.suggest(name)
            if suggestion:
                message += f" (did you mean '{suggestion}'?)"
                article = context.index.resolve(suggestion)
                edits = [rename_entry(document, e, article, prefixes, suggestion) for e in entries]
                fix = joined(edits, Applicability.UNSAFE, f"Replace with '{suggestion}'")
            else:
                fix = removal_of_all(document, entries, Applicability.UNSAFE, "Remove the entry")
            message += times(len(entries), "entries name it")
            yield self.diagnostic(*entry_span(entries[0]), message, fix, target=name)
