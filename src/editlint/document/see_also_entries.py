"""See-also entries: from the see-also section, the front matter and "See also X" prose."""

from __future__ import annotations

import re

from editlint.document.parts import Link, LinkKind, SeeAlsoEntry, SeeAlsoSource

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
# A year, "et al." or a page reference: the pointer names a work, not articles.
_CITES_A_WORK = re.compile(
    r"\b(?:1[5-9]|20)\d\d[a-z]?\b|\bet al\b|\bpp?\.\s*\d"
    r"|\b(?:chapter|page|section|table|figure)s?\s+\d",
    re.IGNORECASE,
)
_ALSO = re.compile(r"[Ss]ee\s+also\b")
_MAX_NAME_WORDS = 6
# Words of a pointer to a passage or a document rather than to an article.
_NOT_IN_TITLES = frozenset(
    "above below here this these for more information details documentation manual manuals "
    "page pages section sections chapter remarks notes".split()
)
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
        pointer = masked[match.start() : list_start]
        if pointer.startswith("(") and not _ALSO.search(pointer):
            continue  # "(see Perl 6)": a cross-reference to a topic or passage, not an entry
        if _CITES_A_WORK.search(masked, list_start, list_end):
            continue  # "(see Smith and Jones (2004))", "see Smith et al.": a source, not articles
        for name_start, name_end in _names(masked, list_start, list_end):
            name = masked[name_start:name_end]
            link = Link(LinkKind.PROSE, name, name, name_start, name_end, name_start, name_end)
            entries.append(SeeAlsoEntry(name, name_start, name_end, SeeAlsoSource.PROSE, link))
    return entries


def _title_like(name: str) -> bool:
    """An article title, not a phrase ("The manual for more information", "Remarks below")."""
    words = name.split()
    return len(words) <= _MAX_NAME_WORDS and not any(
        word.casefold() in _NOT_IN_TITLES for word in words
    )


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
        if (
            name_end > name_start
            and text[name_start].isupper()
            and _title_like(text[name_start:name_end])
        ):
            names.append((name_start, name_end))
        if separator:
            cursor = separator.end()
    return names
