"""Inline elements of a prose block, found with exact offsets.

markdown-it-py gives block structure with line numbers but no inline offsets, so
links, citations, code spans and quotations are located here, directly in the source.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field
from operator import attrgetter

from editlint.document.parts import Citation, CitationKind, Link, LinkKind

# Runs open whole (linear); the first backtick leads so the engine can skip ahead to one.
_CODE_SPAN = re.compile(r"(`(?<!``)`*+)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_WIKI_LINK = re.compile(r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]*))?\]\](?!\()")
# The look-behinds (no backslash before the link) come after the first characters, so the
# engine can skip ahead to a "!" or "[" (and "h" or "w" for bare URLs) instead of trying the
# pattern at every position.
_INLINE_LINK = re.compile(
    r"(?:!\[(?<!\\!\[)|\[(?<!\\\[))((?:[^\[\]\n]|\[[^\[\]\n]*\])*)\]"
    r"\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(\"[^\"]*\"|'[^']*'|\([^)]*\)))?\s*\)"
)
_REFERENCE_LINK = re.compile(r"(?<![\]\\])\[([^\[\]\n]+)\](?:\[([^\[\]\n]*)\])?(?![(\[:])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^\s<>]+)>")
_BARE_URL = re.compile(
    r"(?:http(?<![(<\w\"'=/]http)s?://|www\.(?<![(<\w\"'=/]www\.))"
    r"[^\s<>()\[\]]*[^\s<>()\[\].,;:!?'\"]"
)
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s[]++)\](?!:)")
_PANDOC = re.compile(r"\[[^\[\]\n]*?(?<![\w.])-?@[\w][\w:.#$%&+?<>~/-]*[^\[\]\n]*\]")
_PANDOC_KEY = re.compile(r"(?<![\w.])-?@([\w][\w:.#$%&+?<>~/-]*[\w])|(?<![\w.])-?@(\w)")
_REF_TAG = re.compile(r"<ref\b[^>]*?/>|<ref\b[^>]*>.*?</ref\s*>", re.DOTALL | re.IGNORECASE)
_REF_NAME = re.compile(r"name\s*=\s*[\"']?([^\"'>/]+)", re.IGNORECASE)
_CITE_TEMPLATE = re.compile(
    r"\{\{\s*(?:cite|citation|sfn|harvnb|harv|efn)\b(?:[^{}]|\{\{[^{}]*\}\})*\}\}", re.IGNORECASE
)
_CITATION_NEEDED = re.compile(
    r"\[\s*(?:citation|source|reference) needed\s*\]"
    r"|\{\{\s*(?:citation needed|cn|fact)\s*(?:\|[^{}]*)?\}\}",
    re.IGNORECASE,
)
_QUOTATION = re.compile(r"\"[^\"\n]+\"|“[^“”]+”|‘[^‘’]+’(?!\w)")  # no nesting: linear

# Text a block cannot hold an inline element without (every pattern needs one of them): a
# block lacking all of it is not even sliced. Which patterns run on the others is decided in
# ``scan_into`` by the substrings each needs; a substring test is far cheaper than a scan.
_NEEDLES = ("`", "<", "{{", "[", "@", "http", "www.", '"', "“", "‘")
_ANY_NEEDED = re.compile("|".join(re.escape(needle) for needle in _NEEDLES))


@dataclass
class InlineScan:
    """What one block contains (or a document's blocks, appended one after another), with
    offsets into the document text."""

    links: list[Link] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    masked: list[tuple[int, int]] = field(default_factory=list)
    quotations: list[tuple[int, int]] = field(default_factory=list)


class _Spans:
    """A regex-like ``finditer`` giving ``match.span()`` and ``match.group(0)`` for the
    linear scanners below, which stand in for patterns that rescan to the block's end."""

    __slots__ = ("text", "a", "b")

    def __init__(self, text: str, a: int, b: int) -> None:
        self.text, self.a, self.b = text, a, b

    def span(self) -> tuple[int, int]:
        return self.a, self.b

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b

    def group(self, number: int = 0) -> str:
        return self.text[self.a : self.b]


def html_comments(segment: str):
    """The matches of ``<!--.*?-->`` (DOTALL), found in one pass: once no ``-->`` follows an
    opening, none follows a later one either (the pattern rescanned to the end for each)."""
    pos = 0
    while (opening := segment.find("<!--", pos)) >= 0:
        closing = segment.find("-->", opening + 4)
        if closing < 0:
            return
        yield _Spans(segment, opening, closing + 3)
        pos = closing + 3


_REF_OPEN = re.compile(r"<ref\b", re.IGNORECASE)
_REF_CLOSE = re.compile(r"</ref\s*>", re.IGNORECASE)


def ref_tags(segment: str):
    """The matches of ``_REF_TAG`` in one pass: the next ``>`` and the next closing tag are
    looked up once and reused while the openings move past them (the pattern rescanned to the
    end for every unclosed ``<ref>``)."""
    pos = 0
    bracket = -1  # the first ">" at or after the last opening's end
    closing: re.Match | None = None  # the first closing tag at or after a point
    closing_from = -1
    while opening := _REF_OPEN.search(segment, pos):
        if bracket < opening.end():
            bracket = segment.find(">", opening.end())
            if bracket < 0:
                return  # no ">" after this opening, so none after any later one
        if segment[bracket - 1] == "/" and bracket - 1 >= opening.end():
            yield _Spans(segment, opening.start(), bracket + 1)  # <ref ... />
            pos = bracket + 1
            continue
        if closing_from < 0 or (closing is not None and closing.start() < bracket + 1):
            closing = _REF_CLOSE.search(segment, bracket + 1)
            closing_from = bracket + 1
        if closing is None:
            pos = opening.start() + 1  # unclosed: only a later self-closing tag can match
            continue
        yield _Spans(segment, opening.start(), closing.end())
        pos = closing.end()


_BACKTICKS = re.compile(r"`+")


def code_spans(segment: str):
    """The matches of ``_CODE_SPAN``: a run of backticks up to the next run of the same length,
    found from one list of runs (the pattern rescanned to the end for each unclosed run)."""
    runs = [(match.start(), match.end()) for match in _BACKTICKS.finditer(segment)]
    following: list[int] = [-1] * len(runs)  # the next run of the same length, by index
    last: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        following[index] = last.get(length, -1)
        last[length] = index
    index = 0
    while index < len(runs):
        after = following[index]
        if after < 0:
            index += 1
            continue
        yield _Spans(segment, runs[index][0], runs[after][1])
        index = after + 1


def scan_inline(
    text: str, start: int, end: int, references: dict[str, str] | None = None
) -> InlineScan:
    """Find links, citations, code spans and quotations in ``text[start:end]``."""
    scan = InlineScan()
    scan_into(scan, text, start, end, references)
    return scan


_START = attrgetter("start")


def scan_into(
    scan: InlineScan, text: str, start: int, end: int, references: dict[str, str] | None = None
) -> None:
    """``scan_inline``, appending to ``scan``'s lists (a document's blocks share one, in
    order: ``document/build.py``). A block holding no needle is not even sliced."""
    if _ANY_NEEDED.search(text, start, end) is None:
        return
    segment = text[start:end]
    links: list[Link] = []
    citations: list[Citation] = []
    masked = scan.masked
    taken: list[tuple[int, int]] = []  # claimed spans: disjoint, so ends are ordered as starts

    def free(a: int, b: int) -> bool:
        index = bisect_left(taken, (b, b))  # spans starting at or after ``b`` cannot overlap
        return index == 0 or taken[index - 1][1] <= a

    def take(a: int, b: int) -> None:
        insort(taken, (a, b))
        masked.append((start + a, start + b))

    if "`" in segment:
        for match in code_spans(segment):
            take(match.a, match.b)
    if "<" in segment:
        if "<!--" in segment:
            for match in html_comments(segment):
                if free(match.a, match.b):
                    take(match.a, match.b)
        for match in ref_tags(segment):
            a, b = match.a, match.b
            if free(a, b):
                take(a, b)
                name = _REF_NAME.search(segment, a, b)
                key = name.group(1).strip() if name else ""
                citations.append(Citation(CitationKind.REF_TAG, key, start + a, start + b))

    def cite_unkeyed(pattern: re.Pattern, kind: CitationKind) -> None:
        """A citation without a key for each free match of ``pattern``."""
        for match in pattern.finditer(segment):
            a, b = match.span()
            if free(a, b):
                take(a, b)
                citations.append(Citation(kind, "", start + a, start + b))

    bracket = "[" in segment
    braces = "{{" in segment
    if braces or (bracket and "needed" in segment.lower()):
        cite_unkeyed(_CITATION_NEEDED, CitationKind.NEEDED)
    if braces:
        cite_unkeyed(_CITE_TEMPLATE, CitationKind.CITE_TEMPLATE)
    if bracket:
        if "[^" in segment:
            for match in _FOOTNOTE_REF.finditer(segment):
                a, b = match.span()
                if free(a, b):
                    take(a, b)
                    citations.append(
                        Citation(CitationKind.FOOTNOTE, match.group(1), start + a, start + b)
                    )
        if "[[" in segment:
            _wiki_links(segment, start, free, take, links)
        if "@" in segment:
            for match in _PANDOC.finditer(segment):
                a, b = match.span()
                if free(a, b) and "](" not in match.group(0):
                    take(a, b)
                    for key_match in _PANDOC_KEY.finditer(match.group(0)):
                        key = key_match.group(1) or key_match.group(2)
                        citations.append(Citation(CitationKind.PANDOC, key, start + a, start + b))
        if "](" in segment:
            _inline_links(segment, start, taken, free, masked, links, citations)
        if references:
            _reference_links(segment, start, references, free, take, links, citations)
    if "<" in segment:
        for match in _AUTOLINK.finditer(segment):
            a, b = match.span()
            if free(a, b):
                take(a, b)
                _autolink(match.group(1), start + a, start + b, links, citations)
    if "http" in segment or "www." in segment:
        for match in _BARE_URL.finditer(segment):
            a, b = match.span()
            if free(a, b):
                take(a, b)
                _autolink(match.group(0), start + a, start + b, links, citations)
    if '"' in segment or "“" in segment or "‘" in segment:
        quotations = scan.quotations
        for match in _QUOTATION.finditer(segment):
            a = match.start()
            if free(a, a + 1):
                quotations.append((start + a, start + match.end()))
    if links:
        links.sort(key=_START)
        scan.links.extend(links)
    if citations:
        citations.sort(key=_START)
        scan.citations.extend(citations)


def _wiki_links(segment: str, start: int, free, take, links: list[Link]) -> None:
    for match in _WIKI_LINK.finditer(segment):
        a, b = match.span()
        if not free(a, b):
            continue
        take(a, a + 2)
        take(b - 2, b)
        target = match.group(1)
        label = match.group(2)
        if label is not None:
            take(a + 2, match.start(2))
        else:
            label = target
        links.append(
            Link(
                LinkKind.WIKI,
                target.strip(),
                label,
                start + a,
                start + b,
                start + match.start(1),
                start + match.end(1),
            )
        )


def _inline_links(segment: str, start: int, taken, free, masked, links, citations) -> None:
    # A match's own spans lie inside it, before the next match: with nothing claimed before
    # this pattern ran, every match is free.
    earlier = bool(taken)
    for match in _INLINE_LINK.finditer(segment):
        (a, b), (label_start, label_end), (target_start, target_end) = match.regs[:3]
        if earlier and not free(a, b):
            continue
        insort(taken, (a, label_start))
        insort(taken, (label_end, b))
        masked.append((start + a, start + label_start))
        masked.append((start + label_end, start + b))
        label, target = match.group(1, 2)
        target = target.strip("<>")
        link = Link(
            LinkKind.INLINE,
            target,
            label,
            start + a,
            start + b,
            start + target_start,
            start + target_end,
        )
        links.append(link)
        if link.is_external:
            citations.append(Citation(CitationKind.URL, target, link.start, link.end))


def _reference_links(segment: str, start: int, references, free, take, links, citations) -> None:
    for match in _REFERENCE_LINK.finditer(segment):
        label = match.group(1)
        ref = (match.group(2) or label).strip().lower()
        a, b = match.span()
        if ref not in references or not free(a, b):
            continue
        take(a, a + 1)
        take(match.end(1), b)
        target = references[ref]
        link = Link(LinkKind.REFERENCE, target, label, start + a, start + b, start + a, start + b)
        links.append(link)
        if link.is_external:
            citations.append(Citation(CitationKind.URL, target, link.start, link.end))


def _autolink(target: str, a: int, b: int, links: list[Link], citations: list[Citation]) -> None:
    links.append(Link(LinkKind.AUTOLINK, target, target, a, b, a, b))
    citations.append(Citation(CitationKind.URL, target, a, b))


def find_quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the quoted passages ("...", “...”, ‘...’) in ``text[start:end]``."""
    return [match.span() for match in _QUOTATION.finditer(text, start, end)]
