"""NEU901 already-tagged: a sentence an editor has already tagged inline ({{who}}, ...)."""

from __future__ import annotations

from editlint.diagnostics import Category, Severity
from editlint.document import Document
from editlint.rules.base import Rule, RuleContext, RuleExamples

ALREADY_TAGGED_CODE = "NEU901"


class AlreadyTagged(Rule):
    code = ALREADY_TAGGED_CODE
    name = "already-tagged"
    category = Category.NEUTRALITY
    severity = Severity.INFO
    message = "Already tagged inline with {{{{{tag}}}}}: the sentence before it waits for an editor"
    summary = (
        "A sentence already tagged inline ({{who}}, {{weasel inline}}, {{peacock inline}}, "
        "{{dubious}} ...), reported once as already tagged."
    )
    explanation = """\
What: an inline cleanup template after a sentence of a wikitext article: {{who}}, {{by whom}},
{{weasel inline}}, {{peacock inline}}, {{vague}}, {{dubious}}, {{clarify}}, {{when}} and the
others docs/wikitext.md lists. The finding is on the template.
Why: an editor has already flagged the sentence to readers; the wording findings inside it
(neutrality, counter-perspective) are left out in any case, so this one finding keeps it on the
list of things to fix. It is opt-in: by default a tagged sentence is left alone, as a
{{citation needed}} marker is reported by SRC107 (ignore SRC107 to leave those alone too).
Example: "Critics say the harbour is the finest in Europe.{{who|date=May 2021}}"
Fix: name who holds the view and cite them (or reword), then remove the tag."""
    example_suffix = ".wiki"
    opt_in = True
    examples = RuleExamples(
        flag=["Critics say the harbour is the finest in Europe.{{who|date=May 2021}}\n"],
        pass_=["The harbour opened in 1850.<ref>Port records.</ref>\n"],
    )

    def check(self, document: Document, context: RuleContext):
        for tag, start, end in document.cleanup_tags:
            yield self.diagnostic(start, end, self.message.format(tag=tag), tag=tag)
