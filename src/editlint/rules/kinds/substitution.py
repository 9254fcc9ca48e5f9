"""``kind: substitution``: a swap table; each found term gets its replacement as a fix."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from editlint.diagnostics import Edit, Fix
from editlint.document import Document, Scope
from editlint.rules.base import RuleContext
from editlint.rules.kinds.common import ApplicabilityName, DeclaredRule, RuleSpec, applicability
from editlint.rules.patterns import (
    WORD_AFTER,
    WORD_BEFORE,
    compile_pattern,
    finditer,
    leading_words,
    term_pattern,
)
from editlint.rules.scopes import QuotationFilter, blocks_in_scope


class SubstitutionSpec(RuleSpec):
    kind: Literal["substitution"]
    swap: dict[str, str] = Field(min_length=1)
    regex: bool = False
    applicability: ApplicabilityName = "unsafe"

    def build(self, origin: str) -> SubstitutionRule:
        return SubstitutionRule(self, origin)


class SubstitutionRule(DeclaredRule):
    def __init__(self, spec: SubstitutionSpec, origin: str) -> None:
        super().__init__(spec, origin)
        self.fix_applicability = applicability(spec.applicability)
        sources = [key if spec.regex else term_pattern(key) for key in spec.swap]
        self.replacements = list(spec.swap.values())
        if not spec.regex:
            self.needed = leading_words(list(spec.swap), inflect=False)
        groups = "|".join(f"({source})" for source in sources)
        self.pattern = compile_pattern(f"{WORD_BEFORE}(?:{groups}){WORD_AFTER}", spec.ignore_case)

    def check(self, document: Document, context: RuleContext):
        quotations = QuotationFilter(document) if Scope.QUOTATION in self.skip else None
        text = document.masked
        for block in blocks_in_scope(document, self.include, self.skip):
            for match in finditer(self.pattern, text, block.start, block.end):
                if quotations is not None and match.start() in quotations:
                    continue
                replacement = self.replacements[match.lastindex - 1]
                fix = _fix(document.text, block.start, match.start(), match.end(), replacement)
                fix = Fix(fix.edits, self.fix_applicability, fix.description)
                message = self.format_message(match.group(0), replacement=replacement)
                yield self.diagnostic(match.start(), match.end(), message, fix)


def _fix(text: str, block_start: int, start: int, end: int, replacement: str) -> Fix:
    """Replace ``[start, end)``, keeping capitalisation and tidy spacing."""
    found = text[start:end]
    if replacement and found[:1].isupper() and replacement[:1].islower():
        replacement = replacement[0].upper() + replacement[1:]
    if replacement:
        return Fix((Edit(start, end, replacement),), description=f"Replace with '{replacement}'")
    # Deleting: take one neighbouring space too, and capitalise a new sentence start.
    if end < len(text) and text[end] == " ":
        end += 1
    elif start > block_start and text[start - 1] == " ":
        start -= 1
    at_sentence_start = start == block_start or text[max(block_start, start - 2) : start].rstrip()[
        -1:
    ] in (".", "!", "?", "")
    if found[:1].isupper() and at_sentence_start and end < len(text) and text[end].islower():
        return Fix((Edit(start, end + 1, text[end].upper()),), description=f"Remove '{found}'")
    return Fix((Edit(start, end, ""),), description=f"Remove '{found}'")
