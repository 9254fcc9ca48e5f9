"""SRC106 unknown-citation-key: a [@key] citation with no source in the front matter."""

from __future__ import annotations

import re

from editlint.diagnostics import Category, Severity
from editlint.document import CitationKind, Document
from editlint.rules.base import Rule, RuleContext, RuleExamples
from editlint.rules.support.citations import (
    source_keys,
)


class UnknownCitationKey(Rule):
    code = "SRC106"
    name = "unknown-citation-key"
    category = Category.UNSOURCED
    severity = Severity.ERROR
    message = "Citation key '@{key}' matches no entry in the front matter 'sources'"
    summary = "A Pandoc-style [@key] citation with no matching source in the front matter."
    explanation = """\
What: a `[@key]` citation whose key is not the `key` of an entry in the front matter `sources`
list (or the `id` of an entry in `references`). Articles that list neither, or that name a
`bibliography` file, keep their sources elsewhere and are not checked.
Why: the citation renders as an unresolved key; the reader cannot find the source.
Example: "Founded in 1200 [@smith-2001]." with sources listing only `smith-2010`.
Fix: correct the key, or add the source to the front matter."""
    examples = RuleExamples(
        flag=["---\nsources:\n  - key: smith-2010\n---\n\nFounded in 1200 [@smith-2001].\n"],
        pass_=["---\nsources:\n  - key: smith-2001\n---\n\nFounded in 1200 [@smith-2001].\n"],
    )

    def check(self, document: Document, context: RuleContext):
        keys = source_keys(document)
        if keys is None:
            return
        for citation in document.citations:
            if citation.kind is not CitationKind.PANDOC or citation.key in keys:
                continue
            start, end = _key_span(document.text, citation.start, citation.end, citation.key)
            yield self.diagnostic(start, end, self.message.format(key=citation.key))


def _key_span(text: str, start: int, end: int, key: str) -> tuple[int, int]:
    match = re.search(rf"@{re.escape(key)}(?![\w:.#$%&+?<>~/-]*\w)", text[start:end])
    if match is None:
        return start, end
    return start + match.start(), start + match.end()
