"""SRC102 uncited-block: a substantial paragraph or list item with no citation."""

from __future__ import annotations

from editlint.diagnostics import Category, Severity
from editlint.document import Document
from editlint.rules.base import Rule, RuleContext, RuleExamples
from editlint.rules.support.citations import (
    sentence_extents,
)
from editlint.rules.support.uncited import UncitedBlockOptions, uncited_blocks


class UncitedBlock(Rule):
    code = "SRC102"
    name = "uncited-block"
    category = Category.UNSOURCED
    severity = Severity.WARNING
    message = "This {kind} of {words} words cites no source"
    summary = (
        "A substantial paragraph or list item with no citation, in an article that cites others."
    )
    explanation = """\
What: a paragraph or list item of at least `min_words` words (default 40) with no citation, in
an article that cites with footnotes, <ref>s, {{cite}}s or [@key]s (an article with no citation
at all is SRC101's finding; one that only links to web pages, like a how-to wiki pointing at
upstream documentation, does not cite claim by claim). The lead and the see-also section are
exempt unless `check_lead` / `check_see_also` are set; so are references, bibliography,
further-reading and external-link sections, lists of works and image captions. The finding
spans the paragraph; SRC103 does not split it into claims as well.
Why: a long passage without a source is where unverified material accumulates; readers cannot
tell which of its statements rest on a source.
Example: a 60-word paragraph on a treaty's consequences with no footnote.
Fix: cite the sources the passage relies on, or mark the claims that need them."""
    options_model = UncitedBlockOptions
    examples = RuleExamples(
        flag=[
            "## History\n\nFounded in 1200.[^1]\n\n"
            + "The town grew quickly after the bridge opened. " * 6
            + "\n\n[^1]: Town records.\n"
        ],
        pass_=["## History\n\n" + "The town grew quickly. " * 12 + "[^1]\n\n[^1]: Town records.\n"],
    )

    def check(self, document: Document, context: RuleContext):
        options: UncitedBlockOptions = context.options or UncitedBlockOptions()
        for index, block, words in uncited_blocks(document, context, options):
            sentences = sentence_extents(document, index)
            start = sentences[0].sentence.start if sentences else block.start
            end = sentences[-1].sentence.end if sentences else block.end
            kind = "list item" if block.kind.value == "list_item" else "paragraph"
            yield self.diagnostic(start, end, self.message.format(kind=kind, words=words))
