"""SRC104 undefined-footnote: a footnote reference, or a reused <ref name=...>, never defined."""

from __future__ import annotations

import re

from editlint.diagnostics import Category, Severity
from editlint.document import CitationKind, Document
from editlint.rules.base import Rule, RuleContext, RuleExamples

# A <ref name=...> that gives its source (not self-closing), wherever it stands in the text.
_DEFINING_REF = re.compile(
    r"<ref\s[^<>]*?\bname\s*=\s*(?:\"([^\"]+)\"|'([^']+)'|([^\s\"'<>/]+))[^<>]*?(?<!/)>",
    re.IGNORECASE,
)


class UndefinedFootnote(Rule):
    code = "SRC104"
    name = "undefined-footnote"
    category = Category.UNSOURCED
    severity = Severity.ERROR
    message = "Footnote [^{label}] has no definition"
    messages = {"ref": '<ref name="{label}" /> reuses a reference that is never defined'}
    summary = "A footnote reference, or a reused <ref name=...>, with no definition."
    explanation = """\
What: a Markdown footnote reference `[^n]` with no `[^n]: ...` definition in the article, or a
self-closing `<ref name="x" />` with no `<ref name="x">...</ref>` giving the source.
Why: the reader sees a citation mark that leads nowhere: the claim looks sourced but is not.
Example: "Founded in 1200.[^3]" with definitions only for [^1] and [^2].
Fix: add the missing definition, or point the reference at an existing one."""
    examples = RuleExamples(
        flag=["Founded in 1200.[^2]\n\n[^1]: Town records.\n"],
        pass_=["Founded in 1200.[^1]\n\n[^1]: Town records.\n"],
    )

    def check(self, document: Document, context: RuleContext):
        if document.format not in ("markdown", "wikitext"):
            return
        defined = {definition.label for definition in document.footnote_definitions}
        named_refs = {
            c.key
            for c in document.citations
            if c.kind is CitationKind.REF_TAG
            and c.key
            and not document.text[c.start : c.end].endswith("/>")
        }
        if "<ref" in document.text:  # also those inside tables, captions and templates
            named_refs.update(
                next(name for name in match.groups() if name is not None).strip()
                for match in _DEFINING_REF.finditer(document.text)
            )
        for citation in document.citations:
            if citation.kind is CitationKind.FOOTNOTE and citation.key not in defined:
                yield self.diagnostic(
                    citation.start, citation.end, self.message.format(label=citation.key)
                )
            elif (
                citation.kind is CitationKind.REF_TAG
                and citation.key
                and citation.key not in named_refs
                and document.text[citation.start : citation.end].endswith("/>")
            ):
                message = self.messages["ref"].format(label=citation.key)
                yield self.diagnostic(citation.start, citation.end, message)
