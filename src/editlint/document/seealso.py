"""See-also entries: from the see-also section, the front matter and "See also X" prose."""

from __future__ import annotations

import re

from editlint.document.model import Link, LinkKind, SeeAlsoEntry, SeeAlsoSource

SEE_ALSO_TITLE = re.compile(r"^\s*see\s+also\s*:?\s*$", re.IGNORECASE)

# "See also X, Y and Z." anywhere, or a trailing "..., see X and Y." pointer.
_PROSE_POINTER = re.compile(
    r"(?:\b[Ss]ee also|(?:^|[,;:(]\s*|\.\s+)[Ss]ee)\s+"
    r"(?P<list>(?:\[\[|[A-Z0-9\[])[^.;!?\n]*?)\s*(?=[.;!?)]|$)"
)
# What every pointer contains, "[Ss]ee\s": blocks without it are not searched. Found by its
# "ee" and a look at the letter before (a literal scan, several times faster).
_EE_SPACE = re.compile(r"ee\s")
# (?<!\s) and possessive runs: a match starts only where a run of spaces starts (linear time).
_LIST_SEPARATOR = re.compile(r"(?<!\s)(?:\s*+,\s*+(?:and\s+|or\s+)?|\s++(?:and|or)\s+)")
_PARENTHETICAL = re.compile(r"(?<!\s)\s*+\([^)]*\)?")
_LEADING_ARTICLE = re.compile(r"^(?:the\s+)", re.IGNORECASE)


def is_see_also_title(title: str) -> bool:
    return bool(SEE_ALSO_TITLE.match(title))


def pointer_words(text: str) -> list[int]:
    """Where "See" or "see" followed by whitespace starts in ``text``."""
    return [
        match.start() - 1
        for match in _EE_SPACE.finditer(text)
        if match.start() and text[match.start() - 1] in "Ss"
    ]


def prose_entries(masked: str, start: int, end: int, links: list[Link]) -> list[SeeAlsoEntry]:
    """See-also entries named by a "See also X and Y" pointer inside ``[start, end)``."""
    entries: list[SeeAlsoEntry] = []
    for match in _PROSE_POINTER.finditer(masked, start, end):
        list_start, list_end = match.span("list")
        inside = [link for link in links if list_start - 2 <= link.start < list_end + 2]
        if inside:
            entries.extend(
                SeeAlsoEntry(link.target, link.start, link.end, SeeAlsoSource.PROSE, link)
                for link in inside
            )
            continue
        for name_start, name_end in _names(masked, list_start, list_end):
            name = masked[name_start:name_end]
            link = Link(LinkKind.PROSE, name, name, name_start, name_end, name_start, name_end)
            entries.append(SeeAlsoEntry(name, name_start, name_end, SeeAlsoSource.PROSE, link))
    return entries


def _names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "A, B and C (note)" into the spans of A, B and C."""
    names = []
    cursor = start
    pieces = list(_LIST_SEPARATOR.finditer(text, start, end)) + [None]
    for separator in pieces:
        piece_end = separator.start() if separator else end
        piece = text[cursor:piece_end]
        parenthetical = _PARENTHETICAL.search(piece)
        if parenthetical:
            piece_end = cursor + parenthetical.start()
        name_start = cursor + len(piece) - len(piece.lstrip())
        name_end = piece_end
        while name_end > name_start and text[name_end - 1].isspace():
            name_end -= 1
        if name_end > name_start and text[name_start].isupper():
            names.append((name_start, name_end))
        if separator:
            cursor = separator.end()
    return names
