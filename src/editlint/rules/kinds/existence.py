"""``kind: existence``: report every occurrence of a term or pattern in scope."""

from __future__ import annotations

from typing import Literal

from editlint.document import Document
from editlint.models import model, option
from editlint.rules.base import RuleContext, RuleOrigin
from editlint.rules.kinds.common import DeclaredRule, Pattern, RuleSpec
from editlint.rules.matching.patterns import compile_terms


@model
class ExistenceSpec(RuleSpec):
    kind: Literal["existence"]
    tokens: list[str] = option(factory=list)
    patterns: list[Pattern] = option(factory=list)
    inflect: bool = False
    exceptions: list[Pattern] = option(factory=list)

    def __post_init__(self) -> None:
        if not self.tokens and not self.patterns:
            raise ValueError("an existence rule needs 'tokens' or 'patterns'")

    def build(self, origin: RuleOrigin) -> ExistenceRule:
        return ExistenceRule(self, origin)


class ExistenceRule(DeclaredRule):
    def __init__(self, spec: ExistenceSpec, origin: RuleOrigin) -> None:
        super().__init__(spec, origin)
        self.terms = self.search(
            compile_terms(spec.tokens, spec.patterns, spec.inflect, spec.ignore_case)
        )
        self.exceptions = (
            compile_terms([], spec.exceptions, False, spec.ignore_case) if spec.exceptions else None
        )

    def check(self, document: Document, context: RuleContext):
        for _, match in self.found(document, self.terms, self.exceptions):
            yield self.diagnostic(match.start(), match.end(), self.format_message(match.group(0)))
