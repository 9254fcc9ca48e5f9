"""Sourcing rules: articles, blocks and claims with no citation; broken citations."""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from editlint.diagnostics import Applicability, Category, Fix, Severity
from editlint.document import CitationKind, Document
from editlint.rules.base import FixExample, Rule, RuleContext, RuleExamples
from editlint.rules.builtin.citations import (
    CitationFinder,
    cites_anything,
    claim_blocks,
    sentence_extents,
    source_keys,
    urls_are_citations,
)
from editlint.rules.builtin.claims import ClaimOptions

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


class ArticleWithoutCitations(Rule):
    code = "SRC101"
    name = "article-without-citations"
    category = Category.UNSOURCED
    severity = Severity.ERROR
    message = "The article cites no sources at all"
    summary = "An article with no citation of any kind."
    explanation = """\
What: an article with no footnote, [@key] citation, <ref>, {{cite}} or link to an external source.
Why: readers must be able to verify what an article says; an article without any source cannot
be checked and every claim in it is open to challenge.
Example: a plain-text export with no references section.
Fix: add citations to reliable published sources for the article's claims."""
    examples = RuleExamples(
        flag=[
            "# Town\n\nThe town was founded in 1200.\n",
            "The harbour opened in 1850 and handles most of the trade.\n",
        ],
        pass_=[
            "The harbour opened in 1850.[^1]\n\n[^1]: Port authority, *History*, 1990.\n",
            "The harbour opened in 1850 [@port-history].\n",
        ],
    )

    def check(self, document: Document, context: RuleContext):
        if cites_anything(document, urls_are_citations(context)):
            return
        start, end = document.title_span or (document.body_start, document.body_start)
        yield self.diagnostic(start, end)


class ExemptionOptions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    check_lead: bool = Field(
        False, description="Also check the lead (the text before the first heading)."
    )
    check_see_also: bool = Field(False, description="Also check the see-also section.")


class UncitedBlockOptions(ExemptionOptions):
    min_words: int = Field(
        40, ge=1, description="Paragraphs and list items this long need a citation."
    )


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
an article that cites sources elsewhere. The lead and the see-also section are exempt unless
`check_lead` / `check_see_also` are set. (An article with no citation at all is SRC101's finding.)
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
        urls_count = urls_are_citations(context)
        if not cites_anything(document, urls_count):
            return
        finder = CitationFinder(document, urls_count)
        for index, block in claim_blocks(document, options.check_lead, options.check_see_also):
            if (block.end - block.start + 1) // 2 < options.min_words:
                continue  # too short: words are at least one character and one space apart
            if finder.cites(block.start, block.end) or finder.marks(block.start, block.end):
                continue
            words = len(_WORD.findall(document.masked, block.start, block.end))
            if words < options.min_words:
                continue
            first = sentence_extents(document, index)
            end = first[0].sentence.end if first else block.end
            kind = "list item" if block.kind.value == "list_item" else "paragraph"
            yield self.diagnostic(block.start, end, self.message.format(kind=kind, words=words))


def wikitext_marker(today: date) -> str:
    """The ``{{citation needed}}`` tag MediaWiki editors write, dated this month."""
    month = _MONTHS[today.month - 1]  # English whatever the locale, as MediaWiki expects
    return f"{{{{citation needed|date={month} {today.year}}}}}"


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


class UnsourcedClaimOptions(ExemptionOptions, ClaimOptions):
    marker: str = Field(
        "[citation needed]",
        min_length=1,
        description="The text the unsafe fix inserts after an unsourced claim.",
    )


class UnsourcedClaim(Rule):
    code = "SRC103"
    name = "unsourced-claim"
    category = Category.UNSOURCED
    severity = Severity.WARNING
    message = (
        "Unsourced claim ({reason}: '{match}'): cite a source in the sentence or at the end of "
        "its paragraph"
    )
    summary = "A claim-like sentence with no citation in it or at the end of its paragraph."
    explanation = """\
What: a sentence that states a figure, dates an event, uses a superlative, quotes someone,
reports an opinion ("critics argue ...") or a cause ("led to"), with no citation in the sentence
and none at the end of its paragraph. The lead and the see-also section are exempt by default.
Why: these are the statements readers most need to verify and editors most often challenge.
Example: "The 2008 war with Georgia signalled a willingness to use force."
Fix: cite a reliable source. The unsafe fix inserts a `[citation needed]` marker (the `marker`
option) after the sentence so that the claim is flagged to readers and editors."""
    options_model = UnsourcedClaimOptions
    fix_applicability = Applicability.UNSAFE
    examples = RuleExamples(
        flag=["## History\n\nThe 2008 war with Georgia signalled a willingness to use force.\n"],
        pass_=[
            "## History\n\nThe 2008 war began in August.[^1]\n\n[^1]: A history.\n",
            "## History\n\nThe town grew. It had 5,000 people in 1900 [@census].\n",
        ],
        fix=[
            FixExample(
                text="## History\n\nThe war began in 2008. It ended.\n",
                fixed="## History\n\nThe war began in 2008.[citation needed] It ended.\n",
                unsafe=True,
            )
        ],
    )

    def check(self, document: Document, context: RuleContext):
        options: UnsourcedClaimOptions = context.options or UnsourcedClaimOptions()
        claims = options.detector.in_document(document)
        marker = options.marker
        if document.format == "wikitext" and "marker" not in options.model_fields_set:
            marker = wikitext_marker(date.today())
        finder = CitationFinder(document, urls_are_citations(context), marker)
        for index, block in claim_blocks(document, options.check_lead, options.check_see_also):
            if not claims.may_hold(block.start, block.end):
                continue  # no sentence of the block can hold a claim: none need splitting
            sentences = sentence_extents(document, index)
            if not sentences:
                continue
            last = sentences[-1]
            if finder.cites(last.start, last.end):
                continue  # a citation closing the paragraph covers it
            for extent in sentences:
                if finder.cites(extent.start, extent.end) or finder.marks(extent.start, extent.end):
                    continue
                sentence = extent.sentence
                claim = claims.find(sentence.start, sentence.end)
                if claim is None:
                    continue
                message = self.message.format(
                    reason=claim.reason, match=" ".join(claim.text.split())
                )
                fix = Fix.replace(
                    sentence.end,
                    sentence.end,
                    marker,
                    Applicability.UNSAFE,
                    f"Insert '{marker}' after the sentence",
                )
                yield self.diagnostic(sentence.start, sentence.end, message, fix)


class UndefinedFootnote(Rule):
    code = "SRC104"
    name = "undefined-footnote"
    category = Category.UNSOURCED
    severity = Severity.ERROR
    message = "Footnote [^{label}] has no definition"
    ref_message = '<ref name="{label}" /> reuses a reference that is never defined'
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
                message = self.ref_message.format(label=citation.key)
                yield self.diagnostic(citation.start, citation.end, message)


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
