"""See-also rules: entries that lead nowhere and empty see-also sections."""

from __future__ import annotations

import difflib

from editlint.diagnostics import Category, Severity
from editlint.document import Document
from editlint.rules.base import Rule, RuleContext, RuleExamples


class DanglingSeeAlso(Rule):
    code = "SEE101"
    name = "dangling-see-also"
    category = Category.SEE_ALSO
    severity = Severity.ERROR
    needs_index = True
    message = "See-also target '{target}' is not an article in the content repository"
    summary = "A see-also entry whose target resolves to no article."
    explanation = """\
What: a "See also" entry (section list item, front matter see_also, or a "See also X" sentence)
naming an article that does not exist in the content repository.
Why: readers who follow it find nothing; dangling entries also hide renamed or deleted articles.
Example: "See also Nord Stream." where no article is titled Nord Stream.
Fix: point the entry at an existing article, write the article, or remove the entry."""
    examples = RuleExamples(
        flag=["The harbour opened in 1850.\n\n## See also\n\n- [[Nord Stream]]\n"],
        pass_=[
            "---\ntitle: Harbour\n---\n\nThe harbour opened in 1850.\n\n"
            "## See also\n\n- [[Harbour]]\n"
        ],
    )

    def check(self, document: Document, context: RuleContext):
        index = context.index
        if index is None:
            return
        for entry in document.see_also:
            if index.resolve(entry.target) is not None:
                continue
            message = self.message.format(target=entry.target)
            close = difflib.get_close_matches(entry.target, index.names(), n=1, cutoff=0.8)
            if close:
                message += f" (did you mean '{close[0]}'?)"
            start, end = (entry.link.target_start, entry.link.target_end) if entry.link else (entry.start, entry.end)
            yield self.diagnostic(start, end, message, target=entry.target)


class EmptySeeAlsoSection(Rule):
    code = "SEE102"
    name = "empty-see-also-section"
    category = Category.SEE_ALSO
    severity = Severity.WARNING
    message = "The 'See also' section is empty"
    summary = "A 'See also' heading with no entries under it."
    explanation = """\
What: a "See also" heading followed by no entries.
Why: an empty section promises related articles and delivers none; it is usually left over from an
export or from entries deleted one by one.
Example: an article that ends with a bare "See also" line.
Fix: list related articles under it, or remove the heading."""
    examples = RuleExamples(
        flag=["The harbour opened in 1850.\n\n## See also\n"],
        pass_=["The harbour opened in 1850.\n\n## See also\n\n- [[Lighthouse]]\n"],
    )

    def check(self, document: Document, context: RuleContext):
        for section_index in document.see_also_sections:
            entries = [
                block
                for block in document.blocks_in(section_index)
                if document.masked[block.start : block.end].strip()
            ]
            if not entries:
                heading = document.blocks[document.sections[section_index].heading]
                yield self.diagnostic(heading.start, heading.end)
