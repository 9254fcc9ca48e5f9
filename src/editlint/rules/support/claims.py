"""Claim-like sentences: the kinds of statement a reader should be able to verify."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Literal, NamedTuple, get_args

import regex

from editlint.document import Document
from editlint.models import model, option
from editlint.rules.matching.deferred import Deferred
from editlint.rules.matching.patterns import Alternation, PackPattern, compile_terms, finditer
from editlint.rules.matching.terms import TermSet, matches_at
from editlint.rules.support import vocabulary
from editlint.rules.support.vocabulary import alternation
from editlint.rules.support.workspace import remember

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
)
_CODE_LIKE = re.compile(r"[=/\\_<>{}|]|\w\.\w|--")
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")
# The same \d as the claim patterns': a figure starts with a currency sign or at a word edge
# with a digit, so where a run of digits or a sign starts; a year lies in a run of four or more.
_CURRENCY = "$€£¥"
_DIGITS = Deferred(r"\d+")

# "Orel and Stolbova (1995) group ...", "Ehret (1995: 70)": an author-date reference names its
# source; the year in parentheses after a capitalised name is the work's, not an event's.
_NOT_AUTHOR_DATE = r"(?<!(?-i:\p{Lu})[\p{L}.'’-]*\s)"

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


@model
class ClaimOptions:
    """What makes a sentence claim-like; every list can be replaced in editlint.yaml."""

    kinds: list[ClaimKind] = option(
        factory=lambda: list(CLAIM_KINDS),
        description=f"Which kinds of claim need a citation: {', '.join(CLAIM_KINDS)}.",
    )
    figure_units: list[str] = option(
        factory=lambda: list(vocabulary.FIGURE_UNITS),
        description="Words after a number that make it a figure: 'percent', 'million', ...",
    )
    superlatives: list[str] = option(
        factory=lambda: list(vocabulary.SUPERLATIVES),
        description="Superlatives besides '-est' words: 'most', 'least', 'best', ...",
    )
    not_superlatives: list[str] = option(
        factory=lambda: list(vocabulary.NOT_SUPERLATIVE),
        description="Words ending in '-est' that are not superlatives: 'west', 'interest', ...",
    )
    causal_phrases: list[str] = option(
        factory=lambda: list(vocabulary.CAUSAL_PHRASES),
        description="Phrases that state a cause: 'led to', 'resulted in', ...",
    )
    attribution_verbs: list[str] = option(
        factory=lambda: list(vocabulary.ATTRIBUTION_VERBS),
        description="Verb forms that report a view when 'that' follows: 'argued', 'said', ...",
    )
    opinion_holders: list[str] = option(
        factory=lambda: [*vocabulary.PROPONENTS, *vocabulary.OPPONENTS],
        description="Holders whose view is an attributed opinion: 'critics', 'supporters', ...",
    )
    quotation_min_words: int = option(3, ge=1, description="Shorter quotations are scare quotes.")
    year_context: list[str] = option(
        factory=lambda: list(vocabulary.YEAR_CONTEXT),
        description="Words (besides month names) after which a four-digit number is a year.",
    )
    earliest_year: int = option(1000, description="Four-digit numbers from here ...")
    latest_year: int = option(2099, description="... to here read as years.")


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
    """The options compiled once per run (by a rule's ``prepare``): finds the first claim in a
    span of masked text."""

    def __init__(self, options: ClaimOptions) -> None:
        self.options = options
        units = alternation(options.figure_units)
        number = r"\d+(?:[.,]\d+)*"
        self.patterns: dict[str, Deferred | PackPattern | Alternation] = {
            "figure": Deferred(
                rf"[$€£¥]\s?{number}|\b\d{{1,3}}(?:,\d{{3}})+\b|\b{number}\s*%"
                rf"|\b{number}(?:\s+|-)(?:{units})\b",
                regex.IGNORECASE,
            ),
            "date": Deferred(
                rf"(?:\b(?:{alternation(options.year_context)})\s+(?:\d{{1,2}}(?:st|nd|rd|th)?,?\s+)?"
                rf"|\b(?:{_MONTHS})\s+\d{{1,2}},\s+|\bmid-|{_NOT_AUTHOR_DATE}\()"
                r"(?P<year>\d{4})\b(?!s\b|[.,]\d|%|[\s-]*(?:bits?|bytes?|px|pixels)\b|x\d)",
                regex.IGNORECASE,
            ),
            "superlative": self._superlatives(),
            "attribution": Deferred(
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
        # Where matches start (figure, attribution, causal), or a word every match holds.
        self.starts = {
            "attribution": TermSet([*options.opinion_holders, *options.attribution_verbs]),
            "causal": TermSet(options.causal_phrases),
        }
        self.figure_units = TermSet(options.figure_units)  # a unit follows a space or "-"
        self.needs = {
            "superlative": (
                TermSet(options.superlatives, first=False),
                TermSet(["est"], inside_words=True),
            ),
        }

    @property
    def term_sets(self) -> list[TermSet]:
        """Every term set the detector looks up, for ``Rule.prepare``."""
        return [*self.starts.values(), self.figure_units, *self.needs["superlative"]]

    def _superlatives(self) -> Deferred:
        words = alternation(self.options.superlatives)
        not_words = alternation(self.options.not_superlatives)
        return Deferred(
            rf"\b(?:the|its|their|his|her|our)\s+(?:(?:{words})\b(?:\s+[\w-]+)?"
            rf"|(?!(?:{not_words})\b)[a-z]{{2,}}est\b)",
            regex.IGNORECASE,
        )

    def in_document(self, document: Document) -> DocumentClaims:
        """The claims of ``document``: its cues found once, then looked up span by span."""
        return remember(document, self, lambda document: DocumentClaims(self, document))

    def find(self, document: Document, start: int, end: int) -> Claim | None:
        """The first claim of an enabled kind in ``document.masked[start:end]``, by kind order."""
        return self.in_document(document).find(start, end)

    def is_year(self, token: str) -> bool:
        return self.options.earliest_year <= int(token) <= self.options.latest_year

    def long_enough(self, text: str, start: int, end: int) -> bool:
        """A quotation of words, not a scare-quoted term or a quoted command or setting."""
        quoted = text[start:end]
        if _CODE_LIKE.search(quoted):
            return False
        return len(_LETTER_WORD.findall(quoted)) >= self.options.quotation_min_words


class Gate(NamedTuple):
    """What one kind of claim needs in a document before its pattern is tried in a span."""

    kind: str
    #: The kind's pattern (None for quotations, found from the document's quotation spans).
    pattern: regex.Pattern | None
    #: Offsets one of which every match holds, or None when unknown (try every span) ...
    cues: list[int] | None
    #: ... or, with these ends, spans one of which every match overlaps (dates).
    cue_ends: list[int] | None
    #: Offsets where matches start, when known: the pattern is tried only there.
    starts: list[int] | None


class DocumentClaims:
    """A detector's cues in one document. For each enabled kind: the offsets one of which each
    match holds (cues), or the spans one of which it overlaps (cues and cue ends), or None when
    unknown; and for the kinds whose matches start at known offsets (figures, attributions,
    causal phrases), those offsets. All the cues together answer, with one look-up, whether a
    span may hold a claim."""

    def __init__(self, detector: ClaimDetector, document: Document) -> None:
        self.detector = detector
        self.text = document.masked
        kinds = detector.options.kinds
        self.quotations = [  # the shorter ones are scare quotes
            (start, end)
            for start, end in (document_quotations(document) if "quotation" in kinds else ())
            if detector.long_enough(self.text, start, end)
        ]
        self.gates: list[Gate] = []
        for kind in kinds:
            pattern, cues, cue_ends, starts = detector.patterns.get(kind), None, None, None
            if kind == "quotation":
                cues = [q_start for q_start, _ in self.quotations]
            elif kind in detector.starts:
                cues = starts = detector.starts[kind].offsets(document)
            elif kind == "figure":
                starts = self._figure_starts(document)
                cues = self._figure_cues(document)
            elif kind in detector.needs:
                found = [terms.offsets(document) for terms in detector.needs[kind]]
                cues = None if None in found else sorted(o for offsets in found for o in offsets)
            elif kind == "date":  # the year is a run of four digits, a year's
                spans = [span for span in digit_runs(document) if self._is_year_run(*span)]
                cues, cue_ends = [s for s, _ in spans], [e for _, e in spans]
            else:
                continue
            self.gates.append(Gate(kind, pattern, cues, cue_ends, starts))
        self.anywhere = any(gate.cues is None for gate in self.gates)
        self.cues = sorted(
            offset
            for gate in self.gates
            if gate.cues is not None and gate.cue_ends is None
            for offset in gate.cues
        )
        # Only dates have spans (runs of digits: disjoint, so their ends are in order too).
        self.cue_spans = [(gate.cues, gate.cue_ends) for gate in self.gates if gate.kind == "date"]

    def _figure_starts(self, document: Document) -> list[int]:
        """Where a figure can start: a currency sign, or a run of digits."""
        starts = [start for start, _ in digit_runs(document)]
        signs = [offset for sign in _CURRENCY for offset in _find_all(self.text, sign)]
        return sorted(starts + signs) if signs else starts

    def _figure_cues(self, document: Document) -> list[int]:
        """What every figure holds: a currency sign, a comma between digits ("3,000"), a
        percent sign, or a unit after the number (where a unit can start anywhere: every
        place a figure can start)."""
        units = self.detector.figure_units.offsets(document)
        if units is None:
            return self._figure_starts(document)
        runs = digit_runs(document)
        text = self.text
        commas = [
            end
            for (_, end), (following, _) in zip(runs, runs[1:], strict=False)
            if following == end + 1 and text[end] == ","
        ]
        signs = [offset for sign in (*_CURRENCY, "%") for offset in _find_all(text, sign)]
        return sorted(units + commas + signs)

    def _is_year_run(self, start: int, end: int) -> bool:
        return end - start == 4 and self.detector.is_year(self.text[start:end])

    def may_hold(self, start: int, end: int) -> bool:
        """Whether a claim may lie in ``[start, end)``: a cue of some kind lies in it."""
        if self.anywhere or _any_needed(self.cues, None, start, end):
            return True
        return any(_any_needed(cues, ends, start, end) for cues, ends in self.cue_spans)

    def find(self, start: int, end: int) -> Claim | None:
        """The first claim of an enabled kind in ``[start, end)``, by kind order."""
        text = self.text
        detector = self.detector
        for kind, pattern, cues, cue_ends, starts in self.gates:
            if cues is not None and not _any_needed(cues, cue_ends, start, end):
                continue
            if pattern is None:
                quotations = self.quotations
                position = bisect_left(quotations, (start,))
                if position < len(quotations) and quotations[position][0] < end:
                    q_start, q_end = quotations[position]
                    return Claim(kind, q_start, q_end, text[q_start:q_end])
                continue
            if starts is not None:
                found = matches_at(pattern, text, starts, start, end)
            else:
                found = finditer(pattern, text, start, end)
            for match in found:
                if kind == "date":
                    if not detector.is_year(match.group("year")):
                        continue
                    return Claim(kind, *match.span("year"), match.group("year"))
                return Claim(kind, match.start(), match.end(), match.group(0))
        return None


def _any_needed(starts: list[int], ends: list[int] | None, start: int, end: int) -> bool:
    """Whether one of the needed offsets ``starts`` lies in ``[start, end)``, or with ``ends``,
    one of the needed spans overlaps it (the first ending after ``start`` begins before ``end``)."""
    position = bisect_left(starts, start) if ends is None else bisect_right(ends, start)
    return position < len(starts) and starts[position] < end


def document_quotations(document: Document) -> list[tuple[int, int]]:
    """The document's quotation spans, sorted."""
    return remember(document, document_quotations, lambda document: sorted(document.quotations))


def _find_all(text: str, needle: str) -> list[int]:
    found = []
    offset = text.find(needle)
    while offset >= 0:
        found.append(offset)
        offset = text.find(needle, offset + 1)
    return found


def digit_runs(document: Document) -> list[tuple[int, int]]:
    """The spans of the runs of digits in the document's masked text."""
    return remember(
        document, digit_runs, lambda document: [m.span() for m in _DIGITS.finditer(document.masked)]
    )
