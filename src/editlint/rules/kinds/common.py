"""Fields shared by every declarative rule kind, and the Rule they build."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Annotated, Literal

from regex import Match

from editlint.diagnostics import Applicability, Category, Severity
from editlint.document import Block, Document, Scope
from editlint.models import After, model, option
from editlint.rules.base import Rule, RuleContext, RuleExamples, RuleOrigin
from editlint.rules.matching.patterns import Alternation, PackPattern, check_backtracking, finditer
from editlint.rules.matching.scanner import Search
from editlint.rules.matching.scopes import BLOCK_SCOPES, PROSE, QuotationFilter, blocks_in_scope
from editlint.rules.matching.voice import VoiceSpec, reported
from editlint.rules.matching.words import WordIndex
from editlint.rules.support.workspace import remember

CODE_PATTERN = r"^[A-Z]{2,6}[0-9]{2,4}$"

#: A regular expression from a rule pack, refused at load time if it can backtrack for ever.
Pattern = Annotated[str, After(check_backtracking)]


def _scope_matches_something(value: list[Scope]) -> list[Scope]:
    """A rule looks at blocks of text; code and front matter are masked, and quotations,
    block quotes, the lead and see-also sections are parts a rule can only ``skip``."""
    for scope in value:
        if scope not in BLOCK_SCOPES:
            kinds = ", ".join(kind.value for kind in BLOCK_SCOPES)
            raise ValueError(
                f"scope '{scope.value}' matches nothing: a rule looks at {kinds}"
                " (code and front matter are never matched; use skip to leave parts out)"
            )
    return value


def _message_not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("message must not be empty")
    return value


@model
class RuleSpec:
    """What every rule in a pack declares."""

    code: str = option(pattern=CODE_PATTERN)
    name: str = option(pattern=r"^[a-z][a-z0-9-]*$")
    category: Category
    severity: Severity = Severity.WARNING
    message: Annotated[str, After(_message_not_blank)]
    summary: str = ""
    explanation: str = ""
    scope: Annotated[list[Scope], After(_scope_matches_something)] = option(
        factory=lambda: list(PROSE)
    )
    skip: list[Scope] = option(factory=lambda: [Scope.QUOTATION])
    ignore_case: bool = True
    opt_in: bool = False
    # narrator-voice tests: names, reference lists, cited sentences, named holders (voice.py)
    voice: VoiceSpec = option(factory=VoiceSpec)
    examples: RuleExamples | None = None


class DeclaredRule(Rule):
    """A rule built from a pack entry; kinds subclass this and implement ``check``."""

    def __init__(self, spec: RuleSpec, origin: RuleOrigin) -> None:
        self.spec = spec
        self.code = spec.code
        self.name = spec.name
        self.category = spec.category
        self.severity = spec.severity
        self.message = spec.message
        self.summary = spec.summary or spec.message.replace("{match}", "…")
        self.explanation = spec.explanation
        self.examples = spec.examples
        self.opt_in = spec.opt_in
        self.origin = origin
        self.include = tuple(spec.scope)
        self.skip = tuple(spec.skip)
        self.block_kinds = frozenset(BLOCK_SCOPES[s] for s in self.include if s in BLOCK_SCOPES)
        self.voice = spec.voice if spec.voice.active else None
        self.searches: list[Search] = []

    def prepare(self, words: WordIndex, context: RuleContext) -> None:
        for search in self.searches:
            search.prepare(words)

    def search(self, pattern: PackPattern | Alternation) -> Search:
        """``pattern`` as a Search of this rule; the first one made decides ``relevant``."""
        search = Search(pattern)
        self.searches.append(search)
        return search

    def found(
        self, document: Document, search: Search, exceptions: PackPattern | Alternation | None
    ) -> Iterator[tuple[Block, Match]]:
        """Matches of ``search`` in the blocks in scope, with their block, leaving out those in
        quotations (when the rule skips them) and those inside a match of ``exceptions``."""
        quotations = self.quotations(document)
        blocks = blocks_in_scope(document, self.include, self.skip)
        excepted = ExceptionSpans(exceptions, document.masked) if exceptions is not None else None
        for block, match in search.matches(document, blocks):
            if quotations is not None and match.start() in quotations:
                continue
            if excepted is not None and excepted.covers(block, match):
                continue
            if self.voice is not None and not reported(
                self.voice, document, block, match.start(), match.end()
            ):
                continue
            yield block, match

    def quotations(self, document: Document) -> QuotationFilter | None:
        """The document's quotations, when the rule skips them (None when it does not)."""
        if Scope.QUOTATION not in self.skip:
            return None
        return remember(document, QuotationFilter, QuotationFilter)

    def relevant(self, document: Document) -> bool:
        """Skip documents without a block in scope, or where the first search cannot match."""
        if self.block_kinds.isdisjoint(document.block_kinds):
            return False
        return not self.searches or self.searches[0].possible(document)

    def format_message(self, match_text: str, **extra: str) -> str:
        """The message with ``{match}`` (the text found) and ``extra`` fields filled in, in one
        pass over the pack's message: the article's text is pasted in, never interpreted (no
        ``str.format``: no attribute lookups, widths or brace errors from an article)."""
        values = {"match": " ".join(match_text.split()), **extra}

        def fill(found: re.Match) -> str:
            name = found.group(1)
            if name is None:
                return found.group(0)[0]  # "{{" -> "{", "}}" -> "}"
            return values.get(name, found.group(0))

        return _FIELD.sub(fill, self.message)


class ExceptionSpans:
    """Where a rule's ``exceptions`` match, found once per block: every match of the rule in a
    block is then looked up by bisection, instead of searching the block again for each match
    (which made a paragraph with many matches quadratic)."""

    def __init__(self, exceptions: PackPattern | Alternation, text: str) -> None:
        self.exceptions = exceptions
        self.text = text
        self._block: Block | None = None
        self._starts: list[int] = []
        self._ends: list[int] = []
        #: How many times the exceptions were searched (once per block with a match).
        self.searches = 0

    def covers(self, block: Block, match: Match) -> bool:
        """Whether ``match`` lies inside one match of the exceptions in ``block``."""
        if block is not self._block:
            found = finditer(self.exceptions, self.text, block.start, block.end)
            spans = [(m.start(), m.end()) for m in found]
            self._starts = [start for start, _ in spans]
            self._ends = [end for _, end in spans]
            self._block = block
            self.searches += 1
        # Matches of one search do not overlap: only the last one starting at or before the
        # match can hold it.
        index = bisect_right(self._starts, match.start()) - 1
        return index >= 0 and match.end() <= self._ends[index]


#: A message's fields: ``{name}``, and ``{{`` / ``}}`` for literal braces.
_FIELD = re.compile(r"\{\{|\}\}|\{(\w+)\}")


ApplicabilityName = Literal["safe", "unsafe", "display-only"]


def applicability(name: str) -> Applicability:
    return Applicability(name)
