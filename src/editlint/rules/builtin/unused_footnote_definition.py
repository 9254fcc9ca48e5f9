"""SRC105 unused-footnote-definition: a footnote definition nothing references."""

from __future__ import annotations

from editlint.diagnostics import Category, Severity
from editlint.document import CitationKind, Document
from editlint.rules.base import Rule, RuleContext, RuleExamples


class UnusedFootnoteDefinition(Rule):
    code = "SRC105"
    name = "unused-footnote-definition"
    category = Category.UNSOURCED
    severity = Severity.WARNING
    message = "Footnote definition [^{label}] is never referenced"
    summary = "A footnote definition that no footnote reference points to."
    explanation = """\
What: a `[^n]: ...` definition with no `[^n]` reference anywhere in the article.
Why: the source is listed but supports no statement; usually the reference was deleted with
the claim, or the label was mistyped.
Example: "[^4]: Town records." with no [^4] in the text.
Fix: reference it where the claim it supports is made, or delete it."""
    examples = RuleExamples(
        flag=["Founded in 1200.[^1]\n\n[^1]: Town records.\n[^2]: Unused.\n"],
        pass_=["Founded in 1200.[^1]\n\n[^1]: Town records.\n"],
    )

    def check(self, document: Document, context: RuleContext):
        referenced = {c.key for c in document.citations if c.kind is CitationKind.FOOTNOTE}
        for definition in document.footnote_definitions:
            if definition.label not in referenced:
                message = self.message.format(label=definition.label)
                yield self.diagnostic(definition.start, definition.end, message)
