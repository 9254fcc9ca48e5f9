"""Whose voice a match is in: the article's own, or a name, a cited source, a named holder.

Words to watch are a problem in the narrator's voice only (Wikipedia's "words to watch" and
neutral point of view guidelines):

- names are not the narrator speaking: a title of a work, event, organisation or movement
  ("Propaganda of the deed", "St. Bartholomew's Day massacre", "the Celebrated Jumping Frog")
  and the text of a link that is an article's title;
- reference lists (bibliography, further reading, external links, works) hold titles, not prose;
- hedges and unnamed attributions mirror a source when the sentence is cited, and a view whose
  holders are named next to it ("scholars, including X, argue") is attributed.

A pack rule opts in to each test with ``voice:`` (see ``VoiceSpec``); ``NarratorVoice`` works
out what the tests need once per document.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Literal

from editlint.document import Block, Document
from editlint.document.model import CitationKind, LinkKind
from editlint.models import model

#: Section titles whose entries are titles of works and links, not the article's prose.
REFERENCE_SECTIONS = re.compile(
    r"\b(?:references|bibliography|further\s+reading|external\s+links|sources|works|"
    r"publications|discography|filmography|selected\s+works|notes|citations|literature|"
    r"reading\s+list)\b",
    re.IGNORECASE,
)

#: Section titles of a plot summary or a cast list: the story's voice, not the narrator's.
FICTION_SECTIONS = re.compile(
    r"^\s*(?:plot(?:\s+summary)?|synopsis|storyline|story|premise|"
    r"(?:(?:main|major|minor|other|recurring|supporting|principal|secondary|guest)\s+)?"
    r"(?:characters|cast)(?:\s+and\s+characters)?|episodes?|episode\s+list)\s*$",
    re.IGNORECASE,
)
#: Article titles of a list of characters or episodes: in-universe from start to end.
FICTION_ARTICLES = re.compile(r"\blist\s+of\b.*\b(?:characters|episodes)\b", re.IGNORECASE)

#: After a match: the holders are named ("critics, including X", "scholars (e.g. X)").
_NAMED_AFTER = re.compile(
    r"\s*,?\s*[(\[]?\s*(?:e\.\s?g\.,?|i\.\s?e\.,?|including|such\s+as|like|notably|namely|"
    r"led\s+by|among\s+them|especially|particularly|in\s+particular)\s+"
    r"(?:(?:the|a|an)\s+)?(?:[a-z]+\s+){0,2}?[A-Z\[]"
)
#: A sentence that reports someone's words or view: "he argues that ...", ", Smith wrote,".
_REPORTING = (
    r"(?:argues|argued|asserts|asserted|writes|wrote|says|said|claims|claimed|contends|"
    r"contended|maintains|maintained|believes|believed|holds|held|suggests|suggested|states|"
    r"stated|notes|noted|insists|insisted|thinks|thought|feels|felt|considers|considered|"
    r"concludes|concluded|observes|observed|remarks|remarked|complains|complained)"
)
_HOLDER = r"(?:he|she|they|[A-Z][\w'’\-]+|(?:the|this|that|his|her|their)\s+[a-z]+)"
_ATTRIBUTED = re.compile(
    rf"\b{_HOLDER}\s+(?:(?:also|later|further|then|once)\s+)?{_REPORTING}"
    r"(?=\s+that\b|\s*[,:;\"“]|\s*$)"
    rf"|,\s*{_REPORTING}\s+(?:he|she|they|[A-Z][\w'’\-]+)\b"
    # a that-clause after telling someone: "a letter informing them that ..."
    r"|\b(?:inform(?:s|ed|ing)?|tell(?:s|ing)?|told|warn(?:s|ed|ing)?|assur(?:es|ed|ing)|"
    r"notif(?:y|ies|ied|ying))\s+(?:[\w'’]+\s+){0,3}?that\b"
    r"|\b[Aa]ccording\s+to\s+(?:the\s+)?[A-Z]"
    r"|\b[Ii]n\s+(?:his|her|their)\s+(?:view|opinion|words|account)\b"
)
#: Before a match, in its sentence: the words report how others describe the subject ("was
#: cited as one of the most charismatic", "spoke highly of his brilliant", "remembered as").
_DESCRIBED = re.compile(
    r"\b(?:described|regarded|considered|cited|hailed|praised|remembered|seen|viewed|ranked|"
    r"called|dubbed|labell?ed|criticised|criticized|condemned|derided|acclaimed\s+as)\b"
    r"|\bspoke\s+(?:highly|well|ill|warmly|admiringly)\s+of\b"
)
_WORD = re.compile(r"[^\W\d_][\w'’\-.]*")
#: A title's trailing disambiguator: "Mercury (planet)".
_DISAMBIGUATOR = re.compile(r"\s*\([^()]*\)\s*$")
_FUNCTION_WORDS = frozenset(
    "the a an this that these those his her its their our my your in on at of for by with as "
    "it he she they we and but or some many most all no one to from after before when while "
    "if so".split()
)
_SENTENCE_OPENERS = frozenset('.!?:;"“‘(*-•|')


def _is_path_part(label: str, target: str) -> bool:
    """Whether ``label`` is a whole part of ``target`` after a ``/`` or ``=`` (a path segment
    or a query value): what ``[=/]label(?:[&#/.]|$)`` finds, without a pattern per label."""
    start = target.find(label, 1)
    while start > 0:
        end = start + len(label)
        if target[start - 1] in "=/" and (end == len(target) or target[end] in "&#/."):
            return True
        start = target.find(label, start + 1)
    return False


@model
class VoiceSpec:
    """Which of the narrator-voice tests a pack rule applies to its matches."""

    # a match inside a name (a capitalised title, a link to an article) is not reported
    names: bool = False
    # a match in a reference list (bibliography, further reading, external links) is not reported
    references: bool = False
    # a match in a cited sentence ("sentence": a citation in it or right after it;
    # "paragraph": a citation in it or later in its paragraph) is not reported
    cited: Literal["never", "sentence", "paragraph"] = "never"
    # a match followed by the names of its holders ("critics, including X") is not reported
    named: bool = False
    # a match in a sentence that reports a named holder's words or view ("he argues that the
    # plan clearly failed", "according to Roe, ...") is not reported: it is not the narrator's
    attributed: bool = False
    # a match in a plot summary or cast list (in-universe description, MOS:PLOT) is not reported
    fiction: bool = False
    # a match after words that report how others describe the subject, in a sentence a citation
    # in its paragraph covers ("cited as one of the most charismatic players[1]") is the
    # sources' description, attributed and cited, not the narrator's praise
    described: bool = False

    @property
    def active(self) -> bool:
        tests = (
            self.names,
            self.references,
            self.named,
            self.fiction,
            self.attributed,
            self.described,
        )
        return any(tests) or self.cited != "never"


class NarratorVoice:
    """What the voice tests read from one document, worked out once."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.text = document.text
        cited = [c for c in document.citations if c.kind is not CitationKind.NEEDED]
        self.citations = sorted(c.start for c in cited)
        self.needed = sorted(c.start for c in document.citations if c.kind is CitationKind.NEEDED)
        names = []
        titled = []
        for link in document.links:
            if link.kind is LinkKind.WIKI:
                titled.append((link.start, link.end, link.target.split("#")[0].casefold()))
            if link.kind in (LinkKind.INLINE, LinkKind.REFERENCE, LinkKind.WIKI):
                # [[Title]], [Title](/wiki/Title): the text is the title of an article
                label = " ".join(link.label.split()).casefold()
                target = link.target.rsplit("/", 1)[-1].split("#")[0].replace("_", " ")
                # [[Halloween massacre (Angola)|Halloween massacre]]: the title without its
                # disambiguator, as MediaWiki's pipe trick writes it
                target = _DISAMBIGUATOR.sub("", target)
                if label and label == " ".join(target.split()).casefold():
                    names.append((link.start, link.end))
                elif label and _is_path_part(label, link.target.casefold()):
                    # [genius](https://example.org/packages/?name=genius): a package's name
                    names.append((link.start, link.end))
        names.sort()
        self._name_starts = [start for start, _ in names]
        self._name_ends = [end for _, end in names]
        titled.sort()
        self._titled_starts = [start for start, _, _ in titled]
        self._titled = titled
        self.block_index = {id(block): index for index, block in enumerate(document.blocks)}
        self._sentence_starts: dict[int, list[int]] = {}
        self.reference_sections = self._sections_titled(REFERENCE_SECTIONS)
        self.fiction_sections = self._sections_titled(FICTION_SECTIONS)
        self.fiction_article = bool(FICTION_ARTICLES.search(document.title or ""))

    def _sections_titled(self, titles: re.Pattern) -> frozenset[int]:
        """Sections whose title matches ``titles``, and their subsections."""
        found: set[int] = set()
        for index, section in enumerate(self.document.sections):
            if section.is_lead:
                continue
            if titles.search(section.title) or section.parent in found:
                found.add(index)
        return frozenset(found)

    # -- the tests -------------------------------------------------------------------------

    def in_reference_list(self, block: Block) -> bool:
        return block.section in self.reference_sections

    def in_indented_quotation(self, block: Block) -> bool:
        """A wikitext paragraph indented with ':' in article prose: a quotation set off."""
        if self.document.format != "wikitext":
            return False
        line_start = self.text.rfind("\n", 0, block.start) + 1
        return self.text[line_start : block.start].lstrip(" ").startswith(":")

    def in_fiction(self, block: Block) -> bool:
        return self.fiction_article or block.section in self.fiction_sections

    def in_linked_title(self, start: int, end: int) -> bool:
        index = bisect_right(self._name_starts, start) - 1
        return index >= 0 and end <= self._name_ends[index]

    def in_titled_link(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is in a wikilink's label whose target article is named with
        the same word ("[[Italian Fascism|fascist regime]]", "[[List of massacres in X|civilian
        massacres]]"): the word is the linked article's title, a name the wiki settled on."""
        index = bisect_right(self._titled_starts, start) - 1
        if index < 0:
            return False
        _, link_end, title = self._titled[index]
        word = self.text[start:end].split()[0].casefold()
        return end <= link_end and word[: max(4, len(word) - 3)] in title

    def in_name(self, block: Block, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is part of a name: a linked title or a capitalised one."""
        if self.in_linked_title(start, end) or self.in_titled_link(start, end):
            return True
        text = self.text
        match_text = text[start:end]
        opens = self._opens_sentence(block, start)
        if match_text[:1].isupper():
            if not opens:
                return True  # "the Celebrated Jumping Frog", "Propaganda of the deed" mid-sentence
            following = _WORD.match(text, _skip_space(text, end, block.end))
            # "Moon Landing ...", "Propaganda Due": a capitalised run at the start
            return (
                following is not None
                and following.group(0)[:1].isupper()
                and (following.group(0) not in ("I", "A"))
            )
        # "St. Bartholomew's Day massacre", "the Boston Tea Party": a name runs into the match
        previous = _previous_word(text, block.start, start)
        if previous is None or not previous[0][:1].isupper() or match_text.endswith("ed"):
            return False
        if previous[0].casefold() in _FUNCTION_WORDS:
            return False  # "The legendary ...": capitalised only as a sentence's first word
        return not self._opens_sentence(block, previous[1]) or _is_name_word(previous[0])

    def _opens_sentence(self, block: Block, offset: int) -> bool:
        position = offset
        text = self.text
        while position > block.start and text[position - 1] in " \t\n[":
            position -= 1
        if position <= block.start:
            return True
        return text[position - 1] in _SENTENCE_OPENERS

    def cited(self, block: Block, start: int, how: str) -> bool:
        """Whether the sentence holding ``start`` is cited: a citation in it or right after it
        ("sentence"), or in it or anywhere later in its paragraph or item ("paragraph"). A
        sentence tagged [citation needed] is not cited: editors found it wanting."""
        sentences, position = self._sentence_at(block, start)
        first = sentences[position].start if position >= 0 else block.start
        following = sentences[position + 1].start if position + 1 < len(sentences) else block.end
        if self._any(self.needed, first, following):
            return False
        return self._any(self.citations, first, following if how == "sentence" else block.end)

    def attributed(self, block: Block, start: int) -> bool:
        """Whether the sentence holding ``start`` reports a holder's words or view."""
        first, following = self._sentence_around(block, start)
        return _ATTRIBUTED.search(self.text, first, following) is not None

    def described(self, block: Block, start: int) -> bool:
        """Whether the sentence holding ``start`` reports, before it, how others describe the
        subject, and a citation in the paragraph covers it."""
        first, _ = self._sentence_around(block, start)
        if _DESCRIBED.search(self.text, first, start) is None:
            return False
        return self.cited(block, start, "paragraph")

    def _sentence_around(self, block: Block, start: int) -> tuple[int, int]:
        sentences, position = self._sentence_at(block, start)
        if position < 0:
            return block.start, block.end
        return sentences[position].start, sentences[position].end

    def _sentence_at(self, block: Block, start: int) -> tuple[list, int]:
        """The sentences of ``block`` and the index of the one holding ``start`` (-1: none)."""
        index = self.block_index.get(id(block))
        if index is None:
            return [], -1
        sentences = self.document.sentences_of(index)
        starts = self._sentence_starts.get(index)
        if starts is None:  # once per block, not once per match
            starts = self._sentence_starts[index] = [sentence.start for sentence in sentences]
        return sentences, bisect_right(starts, start) - 1

    def named_after(self, block: Block, end: int) -> bool:
        return _NAMED_AFTER.match(self.text, end, block.end) is not None

    @staticmethod
    def _any(offsets: list[int], start: int, end: int) -> bool:
        index = bisect_left(offsets, start)
        return index < len(offsets) and offsets[index] < end


def _skip_space(text: str, position: int, end: int) -> int:
    while position < end and text[position] in " \t":
        position += 1
    return position


def _previous_word(text: str, floor: int, offset: int) -> tuple[str, int] | None:
    position = offset
    while position > floor and text[position - 1] in " \t":
        position -= 1
    stop = position
    while position > floor and (text[position - 1].isalnum() or text[position - 1] in "'’-."):
        position -= 1
    if position == stop:
        return None
    return text[position:stop].rstrip("."), position


def _is_name_word(word: str) -> bool:
    """A capitalised word that is a name even at a sentence's start ("St.", "Day")."""
    return len(word) > 1 and word[1:].islower() is False


def voice_of(document: Document) -> NarratorVoice:
    from editlint.rules.support.workspace import remember

    return remember(document, NarratorVoice, NarratorVoice)


def reported(spec: VoiceSpec, document: Document, block: Block, start: int, end: int) -> bool:
    """Whether a match at ``[start, end)`` in ``block`` is in the narrator's voice, by ``spec``."""
    voice = voice_of(document)
    if voice.in_indented_quotation(block):
        return False
    if spec.references and voice.in_reference_list(block):
        return False
    if spec.fiction and voice.in_fiction(block):
        return False
    if spec.names and voice.in_name(block, start, end):
        return False
    if spec.named and voice.named_after(block, end):
        return False
    if spec.attributed and voice.attributed(block, start):
        return False
    if spec.described and voice.described(block, start):
        return False
    if spec.cited != "never" and voice.cited(block, start, spec.cited):
        return False
    return True
