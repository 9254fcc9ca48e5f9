"""Find who holds the views a passage reports, and views given in the narrator's voice.

A *view* is a reporting clause ("Critics argue ...", "The European Council stated ...") with
its holder; a *narrator view* is one side's perspective adopted by the article itself
("From a center-right vantage, ...", "a progressive perspective often stresses ...").
The counter-perspective rules classify list items, paragraphs and sections with these.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

import regex

from editlint.document import Block, BlockKind, Document, Section
from editlint.models import model, option
from editlint.rules.matching.deferred import Deferred
from editlint.rules.matching.patterns import compile_terms, finditer
from editlint.rules.matching.terms import TermSet, matches_at
from editlint.rules.support import vocabulary
from editlint.rules.support.vocabulary import alternation


class Side(StrEnum):
    FOR = "proponents"
    AGAINST = "critics"


_CLAUSE_BOUNDARY = re.compile(
    r"[.;:!?—–]|\b(?:while|whereas|but|although|though|however)\b", re.IGNORECASE
)
_HOLDER_FILLER = frozenset(
    """a an the some many several most other others also often have has had would will may
    might can could later long since then in this that these those such both all be been is
    are was were its their his her and or response framework addition turn""".split()
)
_PRONOUNS = frozenset("they he she it we who which this that these those".split())
_OPENERS = frozenset("and but while whereas yet so and, thus moreover".split())


@model
class ViewpointOptions:
    """The vocabulary of sides and attribution; every rule using it may override each list."""

    proponents: list[str] = option(
        factory=lambda: list(vocabulary.PROPONENTS),
        description="Holders of the 'for' side: 'proponents', 'supporters', ...",
    )
    opponents: list[str] = option(
        factory=lambda: list(vocabulary.OPPONENTS),
        description="Holders of the 'against' side: 'critics', 'opponents', ...",
    )
    attribution_verbs: list[str] = option(
        factory=lambda: list(vocabulary.ATTRIBUTION_VERBS),
        description="Verb forms that report a view: 'argued', 'said', 'holds that', ...",
    )
    sides: list[str] = option(
        factory=lambda: list(vocabulary.SIDES),
        description="Political sides whose perspective the narrator must not adopt.",
    )
    perspective_nouns: list[str] = option(
        factory=lambda: list(vocabulary.PERSPECTIVE_NOUNS),
        description="Nouns for a point of view: 'perspective', 'vantage', ...",
    )
    debate_sections: list[str] = option(
        factory=lambda: list(vocabulary.DEBATE_SECTIONS),
        description="Beginnings of words in section titles that announce a debate.",
    )


class ViewpointPatterns:
    """The options' vocabulary, compiled once per run by a rule's ``prepare``."""

    def __init__(self, options: ViewpointOptions) -> None:
        self.proponents = compile_terms(options.proponents, [], False, True)
        self.opponents = compile_terms(options.opponents, [], False, True)
        self.verbs = compile_terms(options.attribution_verbs, [], False, True)
        self.verb_terms = TermSet(options.attribution_verbs)
        # A narrator view names a side and a perspective noun.
        self.narrator_terms = (
            TermSet(options.sides, first=False),
            TermSet(options.perspective_nouns, first=False),
        )
        #: Every term set looked up, for ``Rule.prepare``.
        self.term_sets = (self.verb_terms, *self.narrator_terms)
        sides = alternation(options.sides)
        nouns = alternation(options.perspective_nouns)
        verbs = alternation(options.attribution_verbs)
        self.narrator = Deferred(
            rf"\b(?:from|in|through)\s+(?:an?|the)\s+(?:{sides})\s+(?:{nouns})\b"
            rf"|\b(?:an?|the)\s+(?:{sides})\s+(?:{nouns})\s+(?:[a-z]+\s+)?(?:{verbs})\b",
            regex.IGNORECASE,
        )
        self.any_perspective = Deferred(
            rf"\b(?:from|in|through)\s+(?:an?|the)\s+([\w-]+)\s+(?:{nouns})\b", regex.IGNORECASE
        )
        self.debate_title = Deferred(
            r"\b(?:" + "|".join(re.escape(term) for term in options.debate_sections) + ")",
            regex.IGNORECASE,
        )


@dataclass(slots=True)
class View:
    """A reported view: the holder's key (a side or their words) and the span to report."""

    start: int
    end: int
    holder: str
    side: Side | None
    side_word: str = ""


@dataclass(slots=True)
class NarratorView:
    start: int
    end: int
    text: str


@dataclass
class Balance:
    """The views found in one unit of text."""

    start: int
    end: int
    views: list[View] = field(default_factory=list)
    narrator: list[NarratorView] = field(default_factory=list)

    @property
    def holders(self) -> set[str]:
        return {view.holder for view in self.views}

    @property
    def sides(self) -> set[Side]:
        return {view.side for view in self.views if view.side is not None}

    @property
    def gives_both_sides(self) -> bool:
        """More than one holder's view, none of them in the narrator's voice."""
        return not self.narrator and len(self.holders) >= 2

    @property
    def one_sided(self) -> bool:
        """A view in the narrator's voice, or views of a single holder: narrative that reports
        no one's view at all takes no side."""
        if self.narrator:
            return True
        return len(self.holders) == 1 and not next(iter(self.holders)).startswith(REPLY)

    def unanswered(self) -> list[View]:
        """Views of one side with no other holder's view (attributed or not) beside them."""
        if len(self.holders) >= 2 or self.narrator:
            return []
        return [
            view
            for view in self.views
            if view.side is not None and not view.holder.startswith(REPLY)
        ][:1]


def analyse(
    document: Document, start: int, end: int, patterns: ViewpointPatterns, quoted=None
) -> Balance:
    """The views and narrator views in ``document.masked[start:end]``."""
    text = document.masked
    balance = Balance(start, end, narrator=narrator_views(document, start, end, patterns, quoted))
    previous = ""
    last_verb_end = start
    clauses = Clauses(text, start, end)
    verbs = patterns.verb_terms.offsets(document)
    if verbs is None:
        found = finditer(patterns.verbs, text, start, end)
    else:
        found = matches_at(patterns.verbs, text, verbs, start, end)
    for match in found:
        if quoted is not None and match.start() in quoted:
            continue
        clause = max(clauses.start_of(match.start()), last_verb_end)
        last_verb_end = match.end()
        if any(clause <= n.start < match.start() for n in balance.narrator):
            continue  # the narrator's own view, reported above
        subject_start, subject = _subject(text, clause, match.start())
        side, side_word = _side(patterns, text, subject_start, match.start())
        if side is not None:
            holder = f"side:{side.value}"
        else:
            holder = _holder_key(subject) or previous
        if not holder:
            continue
        previous = holder
        span_start = subject_start if subject.strip() else match.start()
        if side is not None and _answers(text, start, subject_start):
            holder = REPLY + holder  # "However, critics argue ...": a reply to a view before
        balance.views.append(View(span_start, match.end(), holder, side, side_word))
    if balance.views and _OTHERS.search(text, start, end):
        # "Some prefer A ... Others prefer B": another holder, whatever the verb.
        balance.views.append(View(start, start, "others", None))
    return balance


# "Others prefer ...", "while others hold ...": the view of other holders than the first.
_OTHERS = Deferred(r"(?:(?:^|[.;:]\s+)Others|\b(?:while|but|whereas) others)\b")


REPLY = "reply:"
_REPLY = Deferred(
    r"(?:however|but|yet|in contrast|by contrast|conversely|on the other hand|nevertheless|"
    r"others|in response|responding)\W*$",
    regex.IGNORECASE,
)


def _answers(text: str, start: int, subject_start: int) -> bool:
    """Whether the clause before a side's view opens with a contrast ("However, critics
    argue"): the view answers one stated before it, even without an attribution verb."""
    window = max(start, subject_start - 200)  # a contrast opens the clause: look back a little
    sentence = max(text.rfind(". ", window, subject_start), window)
    before = text[sentence:subject_start].strip(" .")
    return bool(before) and bool(_REPLY.search(before[-40:]))


def narrator_views(
    document: Document, start: int, end: int, patterns: ViewpointPatterns, quoted=None
) -> list[NarratorView]:
    """The views given in the narrator's voice in ``document.masked[start:end]``."""
    if not all(terms.occurs(document, start, end) for terms in patterns.narrator_terms):
        return []
    text = document.masked
    found: list[NarratorView] = []
    clauses = Clauses(text, start, end)
    for match in finditer(patterns.narrator, text, start, end):
        if quoted is not None and match.start() in quoted:
            continue
        if _opens_clause(text, clauses, match.start()) or not match.group(0).lower().startswith(
            ("from", "in ", "through")
        ):
            found.append(NarratorView(match.start(), match.end(), match.group(0)))
    if found and _several_perspectives(patterns, text, start, end):
        return []  # "From a realist perspective, ... From a liberal perspective, ..."
    return found


def may_report_views(document: Document, start: int, end: int, patterns: ViewpointPatterns):
    """False when ``document.masked[start:end]`` holds no attribution verb: no view."""
    return patterns.verb_terms.occurs(document, start, end)


def _several_perspectives(patterns: ViewpointPatterns, text: str, start: int, end: int) -> bool:
    """Whether the text sets two or more named perspectives side by side."""
    found = finditer(patterns.any_perspective, text, start, end)
    return len({match.group(1).lower() for match in found}) >= 2


def _clause_start(text: str, start: int, offset: int) -> int:
    clause = start
    for boundary in _CLAUSE_BOUNDARY.finditer(text, start, offset):
        clause = boundary.end()
    return clause


_WORD_PAIR = re.compile(r"\w\w")


class Clauses:
    """Where the clause holding an offset starts, for many offsets of one span: the clause
    boundaries are found once, and each offset looks its clause up by bisection (finding them
    again for every attribution verb made a long paragraph quadratic)."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.start = start
        self.end = end
        #: Offsets looked up by a scan from the span's start (inside a word: see ``start_of``).
        self.rescans = 0

    @cached_property
    def ends(self) -> list[int]:
        """Where each clause of the span ends, found on the first lookup: most spans have
        no verb to look a clause up for."""
        found = _CLAUSE_BOUNDARY.finditer(self.text, self.start, self.end)
        return [boundary.end() for boundary in found]

    def start_of(self, offset: int) -> int:
        """``_clause_start(text, start, offset)``, found without scanning the text again."""
        if _WORD_PAIR.fullmatch(self.text, offset - 1, offset + 1) if offset else False:
            # Inside a word, a boundary word cut at ``offset`` ("but|ter") ends a clause for
            # the scan that stops there and for no scan that reads on: do as that scan does.
            self.rescans += 1
            return _clause_start(self.text, self.start, offset)
        index = bisect_right(self.ends, offset) - 1
        return self.ends[index] if index >= 0 else self.start


def _opens_clause(text: str, clauses: Clauses, offset: int) -> bool:
    before = text[clauses.start_of(offset) : offset]
    words = [word.strip(",").lower() for word in before.split()]
    return all(word in _OPENERS or not word for word in words)


def _subject(text: str, clause: int, verb: int) -> tuple[int, str]:
    """The words between the clause start and the verb, without a parenthetical aside."""
    subject = text[clause:verb]
    if subject.rstrip().endswith((" and", " or")):
        return verb, ""  # "declared X and reported Y": the same holder
    if "," in subject:
        last = subject.rsplit(",", 1)[1]
        if last.strip():
            return verb - len(last), last
        first = subject.split(",", 1)[0]
        return clause, first
    return clause, subject


def _side(patterns: ViewpointPatterns, text: str, start: int, end: int) -> tuple[Side | None, str]:
    """The first side noun between ``start`` and ``end`` and the word itself. A singular noun
    after "the" or "a" names one person's role ("the critic and composer Deems Taylor"), not
    a side of a debate."""
    found: list[tuple[int, Side, str]] = []
    for pattern, side in ((patterns.proponents, Side.FOR), (patterns.opponents, Side.AGAINST)):
        for match in finditer(pattern, text, start, end):
            if _names_a_role(text, start, match.start(), match.group(0)):
                continue
            found.append((match.start(), side, match.group(0)))
            break
    if not found:
        return None, ""
    _, side, word = min(found)
    return side, word


_ROLE_BEFORE = Deferred(r"\b(?:the|a|an|his|her|their|its)\s+(?:[\w-]+\s+)?$", regex.I)


def _names_a_role(text: str, start: int, offset: int, word: str) -> bool:
    return not word.lower().endswith("s") and bool(
        _ROLE_BEFORE.search(text[max(start, offset - 30) : offset])
    )


def _holder_key(subject: str) -> str:
    words = [word.strip("'’\".,()*").lower() for word in subject.split()]
    words = [word for word in words if word and word not in _HOLDER_FILLER]
    if not words or all(word in _PRONOUNS for word in words):
        return ""
    return " ".join(words)


def is_debate_section(section: Section, patterns: ViewpointPatterns) -> bool:
    return not section.is_lead and bool(patterns.debate_title.search(section.title))


# Headings that hold a debate word but announce no debate between sides: a work's reception
# (reviews, each one critic's), the subject's own views or critique of someone else.
_NOT_A_DEBATE = Deferred(r"\b(?:reception|views? on|critique of|legacy)", regex.IGNORECASE)
_NAME_WORD = Deferred(r"^\p{Lu}[\p{L}'’.]*(?:[-–]\p{Lu}[\p{L}'’.]*)+$|^\p{Lu}")


def is_debate_heading(section: Section, patterns: ViewpointPatterns) -> bool:
    """A debate section whose title is a generic heading ("Debates", "Abortion debate",
    "Controversies"), not a name ("Lincoln–Douglas debates", "The Great Debate") nor a
    section that is no debate ("Reception", "Views on women", "Critique of Hegel")."""
    if not is_debate_section(section, patterns) or _NOT_A_DEBATE.search(section.title):
        return False
    match = patterns.debate_title.search(section.title)
    words = section.title[: match.start()].split()
    if words and "–" in words[0] or words and regex.match(r"^\p{Lu}\w*-\p{Lu}", words[0]):
        return False  # "Lincoln–Douglas debates"
    if any(_NAME_WORD.match(word) for word in words[1:]):
        return False  # "The Great Debate", "Presidential Debates of 1960" keep their capitals
    after = section.title[match.end() :].split()
    return not (after and after[0].lower() == "of" and len(after) > 1 and after[1][:1].isupper())


def section_items(document: Document, section_index: int) -> list[tuple[int, int]]:
    """The items of a debate section: its list items, else its paragraphs and subsections."""
    section = document.sections[section_index]
    blocks = [b for b in document.blocks_in(section_index) if b.kind is not BlockKind.HEADING]
    items: list[tuple[int, int]] = []
    if any(block.kind is BlockKind.LIST_ITEM for block in blocks):
        current = -1
        for block in blocks:
            if block.kind is not BlockKind.LIST_ITEM:
                continue
            if block.list_depth <= 1 and block.level != current:
                current = block.level
                items.append((block.start, block.end))
            elif items:
                items[-1] = (items[-1][0], block.end)
        return items
    children = [
        other
        for other in document.sections
        if other.parent == section_index and other.start < section.end
    ]
    for block in blocks:
        if block.kind is BlockKind.PARAGRAPH and not any(
            c.start <= block.start < c.end for c in children
        ):
            items.append((block.start, block.end))
    items.extend((child.start, child.end) for child in children)
    return sorted(items)


def in_debate_section(
    document: Document, block: Block, patterns: ViewpointPatterns
) -> Section | None:
    """The debate section (the block's own or an enclosing one) holding ``block``, if any."""
    index = block.section
    while index > 0:
        section = document.sections[index]
        if is_debate_section(section, patterns):
            return section
        index = section.parent
    return None
