"""SEE106 duplicate-see-also: the same article twice in one see-also list."""

from __future__ import annotations

from editlint.diagnostics import Applicability, Category, Severity
from editlint.document import Document, SeeAlsoEntry
from editlint.index import normalise_title
from editlint.index.resolve import Resolution
from editlint.rules.base import FixExample, Rule, RuleContext, RuleExamples
from editlint.rules.support.link_resolver import resolver_for
from editlint.rules.support.see_also_rules import (
    LISTED,
    entry_span,
    removal_of_all,
    resolved_entries,
    times,
)


class DuplicateSeeAlso(Rule):
    code = "SEE106"
    name = "duplicate-see-also"
    category = Category.SEE_ALSO
    severity = Severity.WARNING
    needs_index = True
    fix_applicability = Applicability.SAFE
    message = "See-also entry '{target}' repeats an earlier entry of the same list"
    summary = "The same article listed twice in one see-also list."
    explanation = """\
What: two entries of the same see-also list (the section, or front matter see_also) that reach
the same article, by the same name or by an alias or redirect. One finding per article, at its
first repetition, counts the entries that repeat it.
Why: repetition makes the list longer without pointing anywhere new.
Example: "- [[NATO]]" and "- [[North Atlantic Treaty Organization]]" in one list.
Fix (safe): remove the later entries."""
    examples = RuleExamples(
        flag=["The harbour opened.\n\n## See also\n\n- [[Lighthouse]]\n- [[lighthouse]]\n"],
        pass_=["The harbour opened.\n\n## See also\n\n- [[Lighthouse]]\n- [[Pier]]\n"],
        fix=[
            FixExample(
                text="The harbour opened.\n\n## See also\n\n- [[Lighthouse]]\n- [[lighthouse]]\n",
                fixed="The harbour opened.\n\n## See also\n\n- [[Lighthouse]]\n",
            )
        ],
    )

    def check(self, document: Document, context: RuleContext):
        resolver = resolver_for(document, context)
        if resolver is None:
            return
        repeats: dict[tuple, list[tuple[SeeAlsoEntry, Resolution]]] = {}  # by the first entry
        for entry, resolution in resolved_entries(document, resolver):
            if entry.source not in LISTED:
                continue
            target = resolution.article.file if resolution.article else None
            key = (entry.source, target or normalise_title(entry.target), resolution.anchor)
            repeats.setdefault(key, []).append((entry, resolution))
        for pairs in repeats.values():  # one finding per target, at its first repetition
            if len(pairs) < 2:
                continue
            entry, resolution = pairs[1]
            later = [later_entry for later_entry, _ in pairs[1:]]
            fix = removal_of_all(document, later, Applicability.SAFE, "Remove the duplicate")
            message = self.message.format(target=resolution.name or entry.target)
            message += times(len(later), "entries repeat it")
            yield self.diagnostic(*entry_span(entry), message, fix)
