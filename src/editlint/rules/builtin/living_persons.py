"""SRC501 unsourced-blp-claim: in a biography of a living person, a contentious claim about a
person with no citation is an error (WP:BLP: such material is removed at once)."""

from __future__ import annotations

import re
from typing import Literal

from editlint.diagnostics import Category, Severity
from editlint.document import Document
from editlint.models import model, option
from editlint.rules.base import Rule, RuleContext, RuleExamples
from editlint.rules.matching.scopes import QuotationFilter
from editlint.rules.matching.voice import VoiceSpec, reported
from editlint.rules.support.citations import (
    CitationFinder,
    claim_blocks,
    sentence_extents,
    urls_are_citations,
)

#: Front matter flags that mark a biography of a living person.
FLAGS = ("living_person", "living-person", "blp")
LIVING_CATEGORY = re.compile(r"\[\[\s*category\s*:\s*living[ _]people\s*(?:\|[^\]]*)?\]\]", re.I)
#: Claims WP:BLP calls contentious: crime and courts, accusations, relationships, health and
#: addiction, bigotry, money trouble (WP:BLPCRIME, WP:BLPPRIVACY). Never who a person is: a
#: finding must not rest on an identity word, so a sexual orientation or a named condition
#: ("is gay", "HIV") is no cue (an uncited one is still SRC103's, like any other claim).
CONTENTIOUS = re.compile(
    r"\b(?:arrest(?:ed)?|charged\s+with|indicted|convicted|conviction|pleaded\s+(?:guilty|no\s+"
    r"contest)|sentenced|jailed|imprisoned|incarcerated|accused|alleg(?:ed|edly|ations?)|"
    r"sued|lawsuit|fraud(?:ulent)?|embezzl\w*|brib(?:e|ed|ery)|corrupt(?:ion)?|"
    r"rap(?:e|ed|ist)|sexual(?:ly)?\s+(?:assault(?:ed)?|harass(?:ed|ment)|abuse[ds]?|"
    r"misconduct)|assault(?:ed)?|harass(?:ed|ment)|abus(?:e|ed|ive)|molest\w*|"
    r"drunk(?:en)?|DUI|DWI|addict(?:ed|ion)?|overdosed?|rehab(?:ilitation)?|"
    r"affair|adultery|extramarital|mistress|divorced?|illegitimate|"
    r"bankrupt(?:cy)?|scandal|racis[mt]|antisemit\w*|homophob\w*|misogyn\w*|plagiari[sz]\w*|"
    r"mental\s+illness|diagnosed\s+with)\b",
    re.IGNORECASE,
)
PERSON = re.compile(r"\b(?:he|she|his|her|him|hers|himself|herself)\b", re.IGNORECASE)
_NAME_WORD = re.compile(r"[A-Z][\w'-]{2,}")
VOICE = VoiceSpec(names=True, references=True, fiction=True)


def is_living_person(document: Document) -> bool:
    """Front matter ``living_person: true`` or ``blp: true``, a ``categories`` list naming
    "Living people", or a wikitext ``[[Category:Living people]]``."""
    meta = document.meta
    if any(meta.get(flag) is True for flag in FLAGS):
        return True
    categories = meta.get("categories")
    if isinstance(categories, list) and any(
        isinstance(c, str) and c.strip().casefold() == "living people" for c in categories
    ):
        return True
    return bool(LIVING_CATEGORY.search(document.text))


@model
class LivingPersonOptions:
    covered_by: Literal["paragraph", "sentence"] = option(
        "paragraph",
        description=(
            "Which citation covers a claim: one in its sentence or later in its paragraph"
            " ('paragraph'), or one in or right after its sentence ('sentence')."
        ),
    )


class UnsourcedLivingPersonClaim(Rule):
    code = "SRC501"
    name = "unsourced-blp-claim"
    category = Category.UNSOURCED
    severity = Severity.ERROR
    options_model = LivingPersonOptions
    message = (
        "Contentious claim about a living person ('{match}') with no citation: cite a reliable "
        "source or remove it (WP:BLP)"
    )
    summary = "In a biography of a living person, a contentious claim with no citation."
    explanation = """\
What: in an article about a living person (front matter `living_person: true` or `blp: true`,
`categories: [Living people]`, or a wikitext [[Category:Living people]]), a sentence about a
person (a pronoun or a word of the article's title) that makes a contentious claim (an arrest,
a charge, a conviction, an accusation, a lawsuit, abuse, an affair or divorce, an addiction,
an illness, bigotry, bankruptcy, a scandal; never an identity such as a sexual orientation),
with no citation in it or later in its paragraph (`covered_by: sentence`: in it or right after
it). The lead counts too. A [citation needed] marker does not cover it. Where SRC103 reports
the same sentence, its finding is folded into this one.
Why: unsourced or poorly sourced contentious material about living persons must be removed
immediately (WP:BLP): it can harm a real person, and it is where the project is most exposed.
Example: "She was arrested in 2011 for fraud." with no citation, in a biography.
Fix: cite a reliable, published source for the claim, or remove it. The editlint:blp preset
(`extends: [editlint:blp]`) makes every sourcing rule stricter for such articles."""
    examples = RuleExamples(
        flag=["---\nliving_person: true\n---\nShe was arrested in 2011 for fraud.\n"],
        pass_=[
            "---\nliving_person: true\n---\nShe was arrested in 2011.[^1]\n\n[^1]: Port News.\n",
            "She was arrested in 2011 for fraud.\n",
        ],
    )

    def relevant(self, document: Document) -> bool:
        return is_living_person(document)

    def check(self, document: Document, context: RuleContext):
        options: LivingPersonOptions = context.options or LivingPersonOptions()
        finder = CitationFinder(document, urls_are_citations(context))
        quotations = QuotationFilter(document)
        name_words = set(_NAME_WORD.findall(document.title or ""))
        text = document.text
        for index, block in claim_blocks(document, check_lead=True, check_see_also=False):
            for extent in sentence_extents(document, index):
                sentence = extent.sentence
                match = _contentious(text, sentence.start, sentence.end, quotations)
                if match is None or not reported(VOICE, document, block, *match.span()):
                    continue
                if not _about_a_person(text[sentence.start : sentence.end], name_words):
                    continue
                end = block.end if options.covered_by == "paragraph" else extent.end
                if finder.cites(sentence.start, end):
                    continue
                said = " ".join(match.group(0).split())
                yield self.diagnostic(match.start(), match.end(), self.message.format(match=said))


def _contentious(text: str, start: int, end: int, quotations: QuotationFilter):
    for match in CONTENTIOUS.finditer(text, start, end):
        if match.start() not in quotations:
            return match
    return None


def _about_a_person(sentence: str, name_words: set[str]) -> bool:
    if PERSON.search(sentence):
        return True
    return any(word in name_words for word in _NAME_WORD.findall(sentence))
