"""``kind: conditional``: if the first pattern occurs in a unit, the second must too."""

from __future__ import annotations

from typing import Literal

from editlint.document import Document
from editlint.models import model, option
from editlint.rules.base import RuleContext, RuleOrigin
from editlint.rules.kinds.common import DeclaredRule, Pattern, RuleSpec
from editlint.rules.matching.patterns import compile_terms
from editlint.rules.matching.scanner import TextSpan
from editlint.rules.matching.scopes import blocks_in_scope

Unit = Literal["sentence", "block", "section", "document"]


@model
class ConditionalSpec(RuleSpec):
    kind: Literal["conditional"]
    first: list[Pattern] = option(min_length=1)
    second: list[Pattern] = option(min_length=1)
    unit: Unit = "block"
    inflect: bool = False

    def build(self, origin: RuleOrigin) -> ConditionalRule:
        return ConditionalRule(self, origin)


class ConditionalRule(DeclaredRule):
    def __init__(self, spec: ConditionalSpec, origin: RuleOrigin) -> None:
        super().__init__(spec, origin)
        self.unit = spec.unit
        self.first = self.search(compile_terms([], spec.first, spec.inflect, spec.ignore_case))
        self.second = self.search(compile_terms([], spec.second, spec.inflect, spec.ignore_case))

    def check(self, document: Document, context: RuleContext):
        quotations = self.quotations(document)
        for unit in self._units(document):
            firsts = [
                match
                for _, match in self.first.matches(document, [unit])
                if quotations is None or match.start() not in quotations
            ]
            if not firsts or any(True for _ in self.second.matches(document, [unit])):
                continue
            match = firsts[0]
            yield self.diagnostic(match.start(), match.end(), self.format_message(match.group(0)))

    def _units(self, document: Document):
        blocks = blocks_in_scope(document, self.include, self.skip)
        if self.unit == "block":
            return blocks
        if self.unit == "sentence":
            starts = {block.start for block in blocks}
            return [
                TextSpan(sentence.start, sentence.end)
                for sentence in document.sentences
                if document.blocks[sentence.block].start in starts
            ]
        if self.unit == "section":
            return [
                TextSpan(section.start, section.end)
                for section in document.sections
                if any(section.start <= block.start < section.end for block in blocks)
            ]
        return [TextSpan(document.body_start, len(document.text))] if blocks else []
