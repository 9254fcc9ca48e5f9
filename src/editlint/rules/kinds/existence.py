"""``kind: existence``: report every occurrence of a term or pattern in scope."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from editlint.document import Document
from editlint.rules.base import RuleContext, RuleOrigin
from editlint.rules.kinds.common import DeclaredRule, Pattern, RuleSpec
from editlint.rules.matching.patterns import compile_terms


class ExistenceSpec(RuleSpec):
    kind: Literal["existence"]
    tokens: list[str] = Field(default_factory=list)
    patterns: list[Pattern] = Field(default_factory=list)
    inflect: bool = False
    exceptions: list[Pattern] = Field(default_factory=list)

    @model_validator(mode="after")
    def _has_something_to_find(self) -> ExistenceSpec:
        if not self.tokens and not self.patterns:
            raise ValueError("an existence rule needs 'tokens' or 'patterns'")
        return self

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
