"""SRC107 citation-needed-marker: an existing [citation needed] marker."""

from __future__ import annotations

from editlint.diagnostics import Category, Severity
from editlint.document import CitationKind, Document
from editlint.rules.base import Rule, RuleContext, RuleExamples


class CitationNeededMarker(Rule):
    code = "SRC107"
    name = "citation-needed-marker"
    category = Category.UNSOURCED
    severity = Severity.INFO
    message = "A claim is marked as needing a citation"
    summary = "An existing [citation needed] marker: a claim still waiting for a source."
    explanation = """\
What: a `[citation needed]` marker or a `{{citation needed}}` / `{{cn}}` template.
Why: the marker tells readers a claim is unverified; it is a to-do for editors, reported at low
severity so that it stays visible without failing a check.
Example: "Founded in 1200.[citation needed]"
Fix: find a reliable source and replace the marker with a citation, or remove the claim."""
    examples = RuleExamples(
        flag=["Founded in 1200.[citation needed]\n"],
        pass_=["Founded in 1200.[^1]\n\n[^1]: Town records.\n"],
    )

    def check(self, document: Document, context: RuleContext):
        for citation in document.citations:
            if citation.kind is CitationKind.NEEDED:
                yield self.diagnostic(citation.start, citation.end)
