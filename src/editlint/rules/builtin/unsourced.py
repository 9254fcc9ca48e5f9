"""Sourcing rules: articles, blocks and claims with no citation; broken citations."""

from __future__ import annotations

import re
from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from editlint.diagnostics import Applicability, Category, Fix, Severity
from editlint.document import BlockKind, CitationKind, Document
from editlint.rules.base import FixExample, Rule, RuleContext, RuleExamples
from editlint.rules.matching.words import WordIndex
from editlint.rules.support.citations import (
    CitationFinder,
    SentenceExtent,
    cites_anything,
    cites_claim_by_claim,
    claim_blocks,
    sentence_extents,
    source_keys,
    urls_are_citations,
)
from editlint.rules.support.claims import ClaimOptions
from editlint.rules.support.workspace import remember

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")
# A <ref name=...> that gives its source (not self-closing), wherever it stands in the text.
_DEFINING_REF = re.compile(
    r"<ref\s[^<>]*?\bname\s*=\s*(?:\"([^\"]+)\"|'([^']+)'|([^\s\"'<>/]+))[^<>]*?(?<!/)>",
    re.IGNORECASE,
)
# A redirect page (a wiki export's "Redirect to:" page, "#REDIRECT [[Target]]"): no article.
_REDIRECT = re.compile(r"redirect to:|#redirect\b", re.IGNORECASE)
# A disambiguation page ("BT may refer to:"): a list of articles, not an article.
_DISAMBIGUATION = re.compile(r"\bmay (?:also )?refer to\s*:", re.IGNORECASE)


def is_redirect_page(document: Document) -> bool:
    """A redirect or disambiguation page: it points to articles, it makes no claims."""
    head = document.masked[document.body_start : document.body_start + 400]
    if _DISAMBIGUATION.search(head):
        return True
    if "redirect_to" in document.meta:
        return True
    return any(
        _REDIRECT.match(text[document.body_start : document.body_start + 400].lstrip())
        for text in (document.masked, document.text)
    )


class ArticleWithoutCitations(Rule):
    code = "SRC101"
    name = "article-without-citations"
    category = Category.UNSOURCED
    severity = Severity.ERROR
    message = "The article cites no sources at all"
    summary = "An article with no citation of any kind."
    explanation = """\
What: an article with no footnote, [@key] citation, <ref>, {{cite}} or link to an external source.
Redirect and disambiguation pages, and technical documentation (pages with code blocks), are
not articles held to sources.
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
        if cites_anything(document, urls_are_citations(context)) or is_redirect_page(document):
            return
        if BlockKind.CODE in document.block_kinds:
            return  # technical documentation (commands, configuration) is not held to sources
        start, end = document.title_span or (document.body_start, document.body_start)
        yield self.diagnostic(start, end)


class ExemptionOptions(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid")

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


def uncited_blocks(document: Document, context: RuleContext, options: UncitedBlockOptions):
    """The paragraphs and list items SRC102 reports, with their word counts: at least
    ``min_words`` long, with no citation or marker, in an article that cites claim by claim."""
    if not cites_claim_by_claim(document):
        return []
    return remember(
        document,
        (
            uncited_blocks,
            options.min_words,
            options.check_lead,
            options.check_see_also,
            urls_are_citations(context),
        ),
        lambda _: list(_uncited_blocks(document, context, options)),
    )


def _uncited_blocks(document: Document, context: RuleContext, options: UncitedBlockOptions):
    finder = CitationFinder(document, urls_are_citations(context))
    for index, block in claim_blocks(document, options.check_lead, options.check_see_also):
        if (block.end - block.start + 1) // 2 < options.min_words:
            continue  # too short: words are at least one character and one space apart
        if finder.cites(block.start, block.end) or finder.marks(block.start, block.end):
            continue
        words = len(_WORD.findall(document.masked, block.start, block.end))
        if words >= options.min_words:
            yield index, block, words


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
    in_uncited_articles: bool = Field(
        False,
        description=(
            "Also report claims in an article that cites nothing (by default that article is"
            " one SRC101 finding, not one finding per claim)."
        ),
    )
    reach: int = Field(
        2,
        ge=-1,
        description=(
            "In a paragraph cited sentence by sentence, how many uncited sentences before a"
            " citation it covers (-1: a citation closing the paragraph covers all of it)."
        ),
    )
    trailing_min_words: int = Field(
        12,
        ge=1,
        description=(
            "Sentences after a paragraph's last citation are reported when they hold a claim"
            " or are at least this many words long."
        ),
    )
    marker: str = Field(
        "[citation needed]",
        min_length=1,
        description="The text the unsafe fix inserts after an unsourced claim.",
    )
    list_items: bool = Field(
        False,
        description=(
            "Also report claims in list items. Off by default: a list is mostly cited once for"
            " all its entries (a census breakdown, a catalogue, the steps of a procedure)."
        ),
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
    trailing_message = (
        "Unsourced {sentences} after the paragraph's last citation ({what}): no citation covers"
        " text that follows it"
    )
    summary = "A claim-like sentence with no citation in it or at the end of its paragraph."
    explanation = """\
What: a sentence that states a figure, dates an event, uses a superlative, quotes someone,
reports an opinion ("critics argue ...") or a cause ("led to"), that no citation covers; and
text after a paragraph's last citation (no citation covers what follows it). A citation
closing a paragraph covers it, except where the paragraph cites sentence by sentence: there a
citation covers the `reach` (2) sentences before it. Only articles that cite with footnotes,
<ref>s, {{cite}}s or [@key]s are checked (one that cites nothing is SRC101's one finding);
the lead, see-also, references, bibliography, further-reading and external-link sections,
lists of works and image captions are exempt; a paragraph SRC102 reports is not split.
Why: these are the statements readers most need to verify and editors most often challenge.
Example: "The 2008 war with Georgia signalled a willingness to use force."
Fix: cite a reliable source. The unsafe fix inserts a `[citation needed]` marker (the `marker`
option) after the sentence so that the claim is flagged to readers and editors."""
    options_model = UnsourcedClaimOptions
    fix_applicability = Applicability.UNSAFE
    examples = RuleExamples(
        flag=[
            "## History\n\nThe treaty was signed.[^1] The 2008 war with Georgia signalled a"
            " willingness to use force.\n\n[^1]: A history.\n",
            "## History\n\nThe port opened.[^1] It had 5,000 ships a year. The docks grew."
            " Trade rose. The port closed.[^2]\n\n[^1]: A history.\n[^2]: A report.\n",
        ],
        pass_=[
            "## History\n\nThe 2008 war began in August.[^1]\n\n[^1]: A history.\n",
            "## History\n\nThe town grew. It had 5,000 people in 1900 [@census].\n",
            "## History\n\nThe town was founded in 1200.\n",
        ],
        fix=[
            FixExample(
                text="## History\n\nThe war began in 2008. It ended.[^1]\n\nIt was rebuilt in"
                " 1950.\n\n[^1]: A history.\n",
                fixed="## History\n\nThe war began in 2008. It ended.[^1]\n\nIt was rebuilt in"
                " 1950.[citation needed]\n\n[^1]: A history.\n",
                unsafe=True,
            )
        ],
    )

    def prepare(self, words: WordIndex, context: RuleContext) -> None:
        for terms in context.options.detector.term_sets:
            terms.prepare(words)

    def check(self, document: Document, context: RuleContext):
        options: UnsourcedClaimOptions = context.options or UnsourcedClaimOptions()
        if not options.in_uncited_articles and not cites_claim_by_claim(document):
            return  # an article citing nothing is one finding (SRC101), not one per claim
        claims = options.detector.in_document(document)
        marker = options.marker
        if document.format == "wikitext" and "marker" not in options.model_fields_set:
            marker = wikitext_marker(date.today())
        finder = CitationFinder(document, urls_are_citations(context), marker)
        reported = set()  # the blocks SRC102 reports whole: one finding per paragraph
        if "SRC102" in context.settings.selected:
            block_options = UncitedBlockOptions.model_construct(  # validated already
                check_lead=options.check_lead, check_see_also=options.check_see_also
            )
            reported = {index for index, _, _ in uncited_blocks(document, context, block_options)}
        for index, block in claim_blocks(document, options.check_lead, options.check_see_also):
            if index in reported or (block.kind is BlockKind.LIST_ITEM and not options.list_items):
                continue
            has_citation = finder.cites(block.start, block.end)
            may_hold = claims.may_hold(block.start, block.end)
            if not may_hold and not has_citation:
                continue  # no sentence of the block can hold a claim: none need splitting
            sentences = sentence_extents(document, index)
            if not sentences:
                continue
            uncovered = _uncovered(sentences, finder, options.reach)
            trailing = _trailing(sentences, uncovered, finder) if has_citation else []
            for extent in uncovered:
                if trailing and extent is trailing[0]:
                    yield from self._trailing_finding(document, trailing, claims, options, marker)
                    break
                if not may_hold:
                    continue
                sentence = extent.sentence
                claim = claims.find(sentence.start, sentence.end)
                if claim is None:
                    continue
                message = self.message.format(
                    reason=claim.reason, match=" ".join(claim.text.split())
                )
                yield self.diagnostic(
                    sentence.start, sentence.end, message, self._marker_fix(sentence.end, marker)
                )

    def _trailing_finding(self, document, trailing, claims, options, marker):
        """One finding for the sentences after a paragraph's last citation: no citation can
        cover them. Reported when they hold a claim, or run to ``trailing_min_words``."""
        start, end = trailing[0].sentence.start, trailing[-1].sentence.end
        claim = claims.find(start, end)
        if claim is not None:
            what = f"{claim.reason}: '{' '.join(claim.text.split())}'"
        else:
            words = len(_WORD.findall(document.masked, start, end))
            if words < options.trailing_min_words:
                return
            what = f"{words} words"
        count = len(trailing)
        message = self.trailing_message.format(
            sentences="sentence" if count == 1 else f"{count} sentences", what=what
        )
        yield self.diagnostic(start, end, message, self._marker_fix(end, marker))

    @staticmethod
    def _marker_fix(offset: int, marker: str) -> Fix:
        return Fix.replace(
            offset, offset, marker, Applicability.UNSAFE, f"Insert '{marker}' after the sentence"
        )


def _trailing(sentences, uncovered, finder) -> list:
    """The uncovered sentences after the last cited one of a paragraph that cites something."""
    last_cited = max(
        (p for p, e in enumerate(sentences) if finder.cites(e.start, e.end)), default=None
    )
    if last_cited is None or last_cited == len(sentences) - 1:
        return []
    after = {id(extent) for extent in sentences[last_cited + 1 :]}
    kept = [extent for extent in uncovered if id(extent) in after]
    return kept if len(kept) == len(after) else []


def _uncovered(sentences: list[SentenceExtent], finder: CitationFinder, reach: int):
    """The sentences of a paragraph that no citation covers, as editors read citations.

    A citation covers its own sentence. A paragraph-final citation is read as covering the
    paragraph (WP:CITEFOOT), except where the paragraph cites sentence by sentence (it holds a
    citation before its last sentence): there a citation covers the ``reach`` uncited sentences
    before it, and a claim further back than that was left without its own source."""
    cited = [finder.cites(e.start, e.end) for e in sentences]
    marked = [finder.marks(e.start, e.end) for e in sentences]
    if cited[-1] and not any(cited[:-1]):
        return []  # one citation closing the paragraph covers it
    if cited[-1] and reach < 0:
        return []
    found = []
    next_cited = None  # position of the nearest cited sentence after the one looked at
    for position in range(len(sentences) - 1, -1, -1):
        if cited[position]:
            next_cited = position
            continue
        if marked[position]:
            continue
        if next_cited is not None and next_cited - position <= reach:
            continue
        if next_cited is not None and not cited[-1] and reach < 0:
            continue
        found.append(sentences[position])
    return found[::-1]


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
