"""Claim-like sentences: the kinds of statement a reader should be able to verify."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Literal, get_args

import regex
from pydantic import BaseModel, ConfigDict, Field

from editlint.document import Document
from editlint.rules.builtin import vocabulary
from editlint.rules.builtin.terms import TermSet, remember
from editlint.rules.builtin.vocabulary import alternation
from editlint.rules.patterns import compile_terms, finditer

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)
_CODE_LIKE = re.compile(r"[=/\\_<>{}|]|\w\.\w|--")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
# The same \d as the claim patterns': a figure holds a digit, a year four in a row.
_DIGITS = regex.compile(r"\d+")
_FOUR_DIGITS = regex.compile(r"\d{4,}")

ClaimKind = Literal["figure", "date", "superlative", "quotation", "attribution", "causal"]
CLAIM_KINDS: tuple[str, ...] = get_args(ClaimKind)
_REASONS = {
    "figure": "a figure",
    "date": "the date of an event",
    "superlative": "a superlative",
    "quotation": "a direct quotation",
    "attribution": "an attributed opinion",
    "causal": "a causal claim",
}


class ClaimOptions(BaseModel):
    """What makes a sentence claim-like; every list can be replaced in editlint.yaml."""

    model_config = ConfigDict(extra="forbid")

    kinds: list[ClaimKind] = Field(
        default_factory=lambda: list(CLAIM_KINDS),
        description=f"Which kinds of claim need a citation: {', '.join(CLAIM_KINDS)}.",
    )
    figure_units: list[str] = Field(
        default_factory=lambda: list(vocabulary.FIGURE_UNITS),
        description="Words after a number that make it a figure: 'percent', 'million', ...",
    )
    superlatives: list[str] = Field(
        default_factory=lambda: list(vocabulary.SUPERLATIVES),
        description="Superlatives besides '-est' words: 'most', 'least', 'best', ...",
    )
    not_superlatives: list[str] = Field(
        default_factory=lambda: list(vocabulary.NOT_SUPERLATIVE),
        description="Words ending in '-est' that are not superlatives: 'west', 'interest', ...",
    )
    causal_phrases: list[str] = Field(
        default_factory=lambda: list(vocabulary.CAUSAL_PHRASES),
        description="Phrases that state a cause: 'led to', 'resulted in', ...",
    )
    attribution_verbs: list[str] = Field(
        default_factory=lambda: list(vocabulary.ATTRIBUTION_VERBS),
        description="Verb forms that report a view when 'that' follows: 'argued', 'said', ...",
    )
    opinion_holders: list[str] = Field(
        default_factory=lambda: [*vocabulary.PROPONENTS, *vocabulary.OPPONENTS],
        description="Holders whose view is an attributed opinion: 'critics', 'supporters', ...",
    )
    quotation_min_words: int = Field(3, ge=1, description="Shorter quotations are scare quotes.")
    year_context: list[str] = Field(
        default_factory=lambda: list(vocabulary.YEAR_CONTEXT),
        description="Words (besides month names) after which a four-digit number is a year.",
    )
    earliest_year: int = Field(1000, description="Four-digit numbers from here ...")
    latest_year: int = Field(2099, description="... to here read as years.")

    @cached_property
    def detector(self) -> ClaimDetector:
        return ClaimDetector(self)


@dataclass(slots=True)
class Claim:
    kind: str
    start: int
    end: int
    text: str

    @property
    def reason(self) -> str:
        return _REASONS[self.kind]


class ClaimDetector:
    """The options compiled once: finds the first claim in a span of masked text."""

    def __init__(self, options: ClaimOptions) -> None:
        self.options = options
        units = alternation(options.figure_units)
        number = r"\d+(?:[.,]\d+)*"
        self.patterns: dict[str, regex.Pattern] = {
            "figure": regex.compile(
                rf"[$€£¥]\s?{number}|\b\d{{1,3}}(?:,\d{{3}})+\b|\b{number}\s*%"
                rf"|\b{number}(?:\s+|-)(?:{units})\b",
                regex.IGNORECASE,
            ),
            "date": regex.compile(
                rf"(?:\b(?:{alternation(options.year_context)})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?"
                rf"|\b(?:{_MONTHS})\s+\d{{1,2}},\s+|\bmid-|\()"
                r"(?P<year>\d{4})\b(?!s\b|[.,]\d|%|[\s-]*(?:bits?|bytes?|px|pixels)\b|x\d)",
                regex.IGNORECASE,
            ),
            "superlative": self._superlatives(),
            "attribution": regex.compile(
                "|".join(
                    [
                        rf"\b(?:{alternation(options.opinion_holders)})\b[^.;:!?]{{0,80}}?"
                        rf"\b(?:{alternation(options.attribution_verbs)})\b",
                        rf"\b(?:{alternation(options.attribution_verbs)})\s+(?:[\w’'-]+\s+){{0,4}}?that\b",
                    ]
                ),
                regex.IGNORECASE,
            ),
            "causal": compile_terms(options.causal_phrases, [], False, True),
        }
        # Words one of which every match of the pattern holds (checked before scanning).
        self.terms = {
            "superlative": TermSet([*options.superlatives, "est"]),
            "attribution": TermSet(options.attribution_verbs),
            "causal": TermSet(options.causal_phrases),
        }

    def _superlatives(self) -> regex.Pattern:
        words = alternation(self.options.superlatives)
        not_words = alternation(self.options.not_superlatives)
        return regex.compile(
            rf"\b(?:the|its|their|his|her|our)\s+(?:(?:{words})\b(?:\s+[\w-]+)?"
            rf"|(?!(?:{not_words})\b)[a-z]{{2,}}est\b)",
            regex.IGNORECASE,
        )

    def find(self, document: Document, start: int, end: int) -> Claim | None:
        """The first claim of an enabled kind in ``document.masked[start:end]``, by kind order."""
        text = document.masked
        for kind in self.options.kinds:
            if kind == "quotation":
                quotations = remember(document, _quotations, _quotations)
                position = bisect_left(quotations, (start,))
                for q_start, q_end in quotations[position:]:
                    if q_start >= end:
                        break
                    if self._long_enough(text, q_start, q_end):
                        return Claim(kind, q_start, q_end, text[q_start:q_end])
                continue
            pattern = self.patterns.get(kind)
            if pattern is None or not self._may_match(document, kind, start, end):
                continue
            for match in finditer(pattern, text, start, end):
                if kind == "date":
                    if not self._is_year(match.group("year")):
                        continue
                    return Claim(kind, *match.span("year"), match.group("year"))
                return Claim(kind, match.start(), match.end(), match.group(0))
        return None

    def _may_match(self, document: Document, kind: str, start: int, end: int) -> bool:
        """False when the kind's pattern cannot match in the span: it lacks a needed word."""
        if kind in self.terms:
            return self.terms[kind].occurs(document, start, end)
        runs = _FOUR_DIGITS if kind == "date" else _DIGITS
        starts, ends = remember(document, runs, _runs_of(runs))
        position = bisect_right(ends, start)  # the first run ending inside the span or after
        return position < len(starts) and starts[position] < end

    def _is_year(self, token: str) -> bool:
        return self.options.earliest_year <= int(token) <= self.options.latest_year

    def _long_enough(self, text: str, start: int, end: int) -> bool:
        """A quotation of words, not a scare-quoted term or a quoted command or setting."""
        quoted = text[start:end]
        if _CODE_LIKE.search(quoted):
            return False
        return len(_LETTER_WORD.findall(quoted)) >= self.options.quotation_min_words


def _quotations(document: Document) -> list[tuple[int, int]]:
    return sorted(document.quotations)


def _runs_of(pattern: regex.Pattern):
    def runs(document: Document) -> tuple[list[int], list[int]]:
        found = [match.span() for match in pattern.finditer(document.masked)]
        return [start for start, _ in found], [end for _, end in found]

    return runs
