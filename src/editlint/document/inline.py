"""Inline elements of a prose block, found with exact offsets.

markdown-it-py gives block structure with line numbers but no inline offsets, so
links, citations, code spans and quotations are located here, directly in the source.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from dataclasses import dataclass, field

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

# Text each pattern cannot match without: most blocks lack most of it, and a substring test
# is far cheaper than a regex scan. Needles in _FOLDED are looked for in the lower-cased block
# (their patterns ignore case).
_NEEDS = {
    _CODE_SPAN: ("`",),
    _HTML_COMMENT: ("<!--",),
    _REF_TAG: ("<",),
    _CITATION_NEEDED: ("needed", "{{"),
    _CITE_TEMPLATE: ("{{",),
    _FOOTNOTE_REF: ("[^",),
    _WIKI_LINK: ("[[",),
    _PANDOC: ("@",),
    _INLINE_LINK: ("](",),
    _REFERENCE_LINK: ("[",),
    _AUTOLINK: ("<",),
    _BARE_URL: ("http", "www."),
    _QUOTATION: ('"', "“", "‘"),
}
_FOLDED = frozenset({"needed"})
_NEEDLES = tuple(sorted({n for needs in _NEEDS.values() for n in needs} - _FOLDED))
_NEED_SETS = {pattern: frozenset(needs) for pattern, needs in _NEEDS.items()}
_ANY_NEEDED = re.compile("|".join(re.escape(needle) for needle in _NEEDLES))


def _present(segment: str) -> set[str]:
    """The needles ``segment`` contains."""
    present = {needle for needle in _NEEDLES if needle in segment}
    if "[" in present:  # "needed" only matters inside "[citation needed]"
        folded = segment.lower()
        present.update(needle for needle in _FOLDED if needle in folded)
    return present


def _find(pattern: re.Pattern, segment: str, present: set[str]):
    """``pattern.finditer(segment)``, skipped when the segment lacks what it needs."""
    if _NEED_SETS[pattern].isdisjoint(present):
        return ()
    return pattern.finditer(segment)


@dataclass
class InlineScan:
    """What one block contains, with offsets into the document text."""

    links: list[Link] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    masked: list[tuple[int, int]] = field(default_factory=list)
    quotations: list[tuple[int, int]] = field(default_factory=list)


class _DisjointSpans:
    """Spans already claimed by an inline element; overlap queries in logarithmic time.

    Spans are only added where ``free`` said yes (or inside such a span), so they never
    overlap and their ends are ordered like their starts.
    """

    def __init__(self) -> None:
        self._spans: list[tuple[int, int]] = []

    def free(self, a: int, b: int) -> bool:
        index = bisect_left(self._spans, (b, b))  # spans starting at or after ``b`` cannot overlap
        return index == 0 or self._spans[index - 1][1] <= a

    def add(self, a: int, b: int) -> None:
        insort(self._spans, (a, b))


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
    segment = text[start:end]
    if not _ANY_NEEDED.search(segment):
        return scan
    present = _present(segment)
    taken = _DisjointSpans()
    free = taken.free

    def take(a: int, b: int, mask: bool = True) -> None:
        taken.add(a, b)
        if mask:
            scan.masked.append((start + a, start + b))

    for match in code_spans(segment) if "`" in present else ():
        take(*match.span())
    for match in html_comments(segment) if "<!--" in present else ():
        if free(*match.span()):
            take(*match.span())
    for match in ref_tags(segment) if "<" in present else ():
        if free(*match.span()):
            take(*match.span())
            name = _REF_NAME.search(match.group(0))
            key = name.group(1).strip() if name else ""
            scan.citations.append(
                Citation(CitationKind.REF_TAG, key, start + match.start(), start + match.end())
            )
    for match in _find(_CITATION_NEEDED, segment, present):
        if free(*match.span()):
            take(*match.span())
            scan.citations.append(
                Citation(CitationKind.NEEDED, "", start + match.start(), start + match.end())
            )
    for match in _find(_CITE_TEMPLATE, segment, present):
        if free(*match.span()):
            take(*match.span())
            scan.citations.append(
                Citation(CitationKind.CITE_TEMPLATE, "", start + match.start(), start + match.end())
            )
    for match in _find(_FOOTNOTE_REF, segment, present):
        if free(*match.span()):
            take(*match.span())
            scan.citations.append(
                Citation(
                    CitationKind.FOOTNOTE,
                    match.group(1),
                    start + match.start(),
                    start + match.end(),
                )
            )
    for match in _find(_WIKI_LINK, segment, present):
        if free(*match.span()):
            take(match.start(), match.start() + 2)
            take(match.end() - 2, match.end())
            target = match.group(1)
            label = match.group(2) if match.group(2) is not None else target
            if match.group(2) is not None:
                take(match.start() + 2, match.start(2))
            scan.links.append(
                Link(
                    LinkKind.WIKI,
                    target.strip(),
                    label,
                    start + match.start(),
                    start + match.end(),
                    start + match.start(1),
                    start + match.end(1),
                )
            )
    for match in _find(_PANDOC, segment, present):
        if free(*match.span()) and "](" not in match.group(0):
            take(*match.span())
            for key_match in _PANDOC_KEY.finditer(match.group(0)):
                key = key_match.group(1) or key_match.group(2)
                scan.citations.append(
                    Citation(CitationKind.PANDOC, key, start + match.start(), start + match.end())
                )
    for match in _find(_INLINE_LINK, segment, present):
        if not free(*match.span()):
            continue
        label_end = match.end(1) + 1
        take(match.start(), match.start(1), mask=True)
        take(label_end - 1, match.end())
        target = match.group(2).strip("<>")
        link = Link(
            LinkKind.INLINE,
            target,
            match.group(1),
            start + match.start(),
            start + match.end(),
            start + match.start(2),
            start + match.end(2),
        )
        scan.links.append(link)
        if link.is_external:
            scan.citations.append(Citation(CitationKind.URL, target, link.start, link.end))
    if references:
        for match in _find(_REFERENCE_LINK, segment, present):
            label = match.group(1)
            ref = (match.group(2) or label).strip().lower()
            if ref not in references or not free(*match.span()):
                continue
            take(match.start(), match.start() + 1)
            take(match.end(1), match.end())
            target = references[ref]
            link = Link(
                LinkKind.REFERENCE,
                target,
                label,
                start + match.start(),
                start + match.end(),
                start + match.start(),
                start + match.end(),
            )
            scan.links.append(link)
            if link.is_external:
                scan.citations.append(Citation(CitationKind.URL, target, link.start, link.end))
    for pattern in (_AUTOLINK, _BARE_URL):
        for match in _find(pattern, segment, present):
            if not free(*match.span()):
                continue
            take(*match.span())
            target = match.group(1) if pattern is _AUTOLINK else match.group(0)
            link = Link(
                LinkKind.AUTOLINK,
                target,
                target,
                start + match.start(),
                start + match.end(),
                start + match.start(),
                start + match.end(),
            )
            scan.links.append(link)
            scan.citations.append(Citation(CitationKind.URL, target, link.start, link.end))
    for match in _find(_QUOTATION, segment, present):
        if free(match.start(), match.start() + 1):
            scan.quotations.append((start + match.start(), start + match.end()))
    scan.links.sort(key=lambda link: link.start)
    scan.citations.sort(key=lambda citation: citation.start)
    return scan


def find_quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the quoted passages ("...", “...”, ‘...’) in ``text[start:end]``."""
    return [match.span() for match in _QUOTATION.finditer(text, start, end)]
