"""SRC103 unsourced-claim: a claim-like sentence that no citation covers."""

from __future__ import annotations

from datetime import date

from editlint.diagnostics import Applicability, Category, Fix, Severity
from editlint.document import BlockKind, Document
from editlint.models import model, option
from editlint.rules.base import FixExample, Rule, RuleContext, RuleExamples
from editlint.rules.matching.words import WordIndex
from editlint.rules.support.citations import (
    CitationFinder,
    SentenceExtent,
    cites_claim_by_claim,
    claim_blocks,
    sentence_extents,
    urls_are_citations,
)
from editlint.rules.support.claims import ClaimDetector, ClaimOptions
from editlint.rules.support.uncited import (
    WORD,
    ExemptionOptions,
    UncitedBlockOptions,
    uncited_blocks,
)


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


class _DefaultMarker(str):
    """The marker's default: kept (never copied) when the config names no marker, so the rule
    can tell it from a ``[citation needed]`` written in the config."""

    @classmethod
    def __get_pydantic_core_schema__(cls, source, handler):
        return handler(str)  # the schema shows it as the text it is


#: Inserted by the fix unless the config names a marker (wikitext: ``{{Citation needed}}``).
DEFAULT_MARKER = _DefaultMarker("[citation needed]")


@model
class UnsourcedClaimOptions(ExemptionOptions, ClaimOptions):
    in_uncited_articles: bool = option(
        False,
        description=(
            "Also report claims in an article that cites nothing (by default that article is"
            " one SRC101 finding, not one finding per claim)."
        ),
    )
    reach: int = option(
        2,
        ge=-1,
        description=(
            "In a paragraph cited sentence by sentence, how many uncited sentences before a"
            " citation it covers (-1: a citation closing the paragraph covers all of it)."
        ),
    )
    trailing_min_words: int = option(
        12,
        ge=1,
        description=(
            "Sentences after a paragraph's last citation are reported when they hold a claim"
            " or are at least this many words long."
        ),
    )
    marker: str = option(
        DEFAULT_MARKER,
        min_length=1,
        description="The text the unsafe fix inserts after an unsourced claim.",
    )
    list_items: bool = option(
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
    messages = {
        "trailing": (
            "Unsourced {sentences} after the paragraph's last citation ({what}): no citation "
            "covers text that follows it"
        )
    }
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
        context.prepared = ClaimDetector(context.options or UnsourcedClaimOptions())
        for terms in context.prepared.term_sets:
            terms.prepare(words)

    def check(self, document: Document, context: RuleContext):
        options: UnsourcedClaimOptions = context.options or UnsourcedClaimOptions()
        if not options.in_uncited_articles and not cites_claim_by_claim(document):
            return  # an article citing nothing is one finding (SRC101), not one per claim
        detector: ClaimDetector = context.prepared
        claims = detector.in_document(document)
        marker = options.marker
        if document.format == "wikitext" and marker is DEFAULT_MARKER:
            marker = wikitext_marker(date.today())
        finder = CitationFinder(document, urls_are_citations(context), marker)
        reported = set()  # the blocks SRC102 reports whole: one finding per paragraph
        if "SRC102" in context.settings.selected:
            block_options = UncitedBlockOptions(
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
            words = len(WORD.findall(document.masked, start, end))
            if words < options.trailing_min_words:
                return
            what = f"{words} words"
        count = len(trailing)
        message = self.messages["trailing"].format(
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
