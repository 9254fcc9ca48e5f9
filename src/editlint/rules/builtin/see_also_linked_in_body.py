"""SEE108 see-also-linked-in-body: an entry whose article the body already links."""

from __future__ import annotations

from editlint.diagnostics import Category, Severity
from editlint.document import Document
from editlint.index.resolve import Status
from editlint.rules.base import Rule, RuleContext, RuleExamples
from editlint.rules.support.link_resolver import resolver_for
from editlint.rules.support.see_also_rules import HARBOUR, LISTED, entry_span, resolved_entries


class SeeAlsoLinkedInBody(Rule):
    code = "SEE108"
    name = "see-also-linked-in-body"
    category = Category.SEE_ALSO
    severity = Severity.INFO
    needs_index = True
    message = "See-also entry '{target}' is already linked from the article body"
    summary = "A see-also entry for an article the body already links to."
    explanation = """\
What: an entry of the see-also section (or front matter see_also) whose article is already
linked from the body of the article.
Why: Wikipedia's guidance: the see-also section is for related articles not already linked in
the text; repeating body links there adds length without adding paths.
Example: a body that links [[NATO]] and a see-also list that lists NATO again.
Fix: remove the entry, unless the body link is incidental and the relation deserves a pointer."""
    examples = RuleExamples(
        flag=[
            "---\ntitle: Harbour\n---\n\nThe [[Harbour]] grew.\n\n## See also\n\n- [[Harbour]]\n"
        ],
        pass_=[f"{HARBOUR}## See also\n\n- [[Harbour]]\n"],
    )

    def check(self, document: Document, context: RuleContext):
        resolver = resolver_for(document, context)
        if resolver is None:
            return
        listed = [
            (entry, resolution)
            for entry, resolution in resolved_entries(document, resolver)
            if entry.source in LISTED
            and resolution.article is not None
            and resolution.status is Status.FOUND
        ]
        if not listed:
            return  # no entry names an article: the body's links need no resolving
        in_sections = [
            (document.sections[index].start, document.sections[index].end)
            for index in document.see_also_sections
        ]
        linked = set()
        for link in document.links:
            if link.start < document.body_start or any(a <= link.start < b for a, b in in_sections):
                continue
            resolution = resolver.resolve_link(link)
            if resolution.status is Status.FOUND and resolution.article is not None:
                linked.add(resolution.article.file)
        for entry, resolution in listed:
            if resolution.article.file in linked:
                message = self.message.format(target=resolution.name or entry.target)
                yield self.diagnostic(*entry_span(entry), message)
