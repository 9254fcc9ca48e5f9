"""``kind: substitution``: a swap table; each found term gets its replacement as a fix."""

from __future__ import annotations

from typing import Annotated, Literal

from editlint.diagnostics import Edit, Fix
from editlint.document import Document
from editlint.models import After, model, option
from editlint.rules.base import RuleContext, RuleOrigin
from editlint.rules.kinds.common import ApplicabilityName, DeclaredRule, RuleSpec, applicability
from editlint.rules.matching.patterns import (
    WORD_AFTER,
    WORD_BEFORE,
    check_backtracking,
    compile_pattern,
    compile_terms,
    group_count,
    term_pattern,
)

_SENTENCE_ENDS = (".", "!", "?", ":")


def _regex_keys_cannot_backtrack_for_ever(swap: dict[str, str], info) -> dict[str, str]:
    if info.data.get("regex"):
        for key in swap:
            check_backtracking(key)
    return swap


@model
class SubstitutionSpec(RuleSpec):
    kind: Literal["substitution"]
    regex: bool = False  # before ``swap``, whose validator reads it
    swap: Annotated[dict[str, str], After(_regex_keys_cannot_backtrack_for_ever, True)] = option(
        min_length=1
    )
    applicability: ApplicabilityName = "unsafe"
    exceptions: list[str] = option(factory=list)

    def build(self, origin: RuleOrigin) -> SubstitutionRule:
        return SubstitutionRule(self, origin)


class SubstitutionRule(DeclaredRule):
    def __init__(self, spec: SubstitutionSpec, origin: RuleOrigin) -> None:
        super().__init__(spec, origin)
        self.fix_applicability = applicability(spec.applicability)
        sources = [key if spec.regex else term_pattern(key) for key in spec.swap]
        self.replacements = list(spec.swap.values())
        # Each key is wrapped in a group of its own; a key's own capture groups come after it,
        # so the wrapper of key i is numbered past every group of the keys before it. Which key
        # matched is the first wrapper that took part (``lastindex`` names the last group
        # closed, which is a key's inner group when it has one).
        self.key_groups = []
        number = 1
        for source in sources:
            self.key_groups.append(number)
            # a literal term (``term_pattern``) escapes every bracket: it has no group of its own
            number += 1 + (group_count(source) if spec.regex else 0)
        groups = "|".join(f"({source})" for source in sources)
        self.terms = self.search(
            compile_pattern(f"{WORD_BEFORE}(?:{groups}){WORD_AFTER}", spec.ignore_case)
        )
        self.exceptions = (
            compile_terms([], spec.exceptions, False, spec.ignore_case) if spec.exceptions else None
        )

    def check(self, document: Document, context: RuleContext):
        for block, match in self.found(document, self.terms, self.exceptions):
            replacement = self.replacements[self._key_of(match)]
            span = (block.start, block.end, match.start(), match.end())
            fix = _fix(document.text, *span, replacement)
            fix = Fix(fix.edits, self.fix_applicability, fix.description)
            message = self.format_message(match.group(0), replacement=replacement)
            yield self.diagnostic(match.start(), match.end(), message, fix)

    def _key_of(self, match) -> int:
        """The index of the swap key that ``match`` matched."""
        for key, group in enumerate(self.key_groups):
            if match.start(group) != -1:
                return key
        raise AssertionError("a match of the swap table matched no key")


def _fix(
    text: str, block_start: int, block_end: int, start: int, end: int, replacement: str
) -> Fix:
    """Replace ``[start, end)``, keeping capitalisation and tidy spacing and punctuation."""
    found = text[start:end]
    if replacement:
        if found[:1].isupper() and replacement[:1].islower():
            replacement = replacement[0].upper() + replacement[1:]
        return Fix((Edit(start, end, replacement),), description=f"Replace with '{replacement}'")
    edit = _deletion(text, block_start, block_end, start, end)
    return Fix((edit,), description=f"Remove '{found}'")


def _deletion(text: str, block_start: int, block_end: int, start: int, end: int) -> Edit:
    """Remove a word or aside with the comma and space that set it off.

    "Clearly, the plan" -> "The plan"; "The plan, of course, failed" -> "The plan failed";
    "It failed, clearly." -> "It failed."; "It clearly failed" -> "It failed";
    "The plan (of course) failed" -> "The plan failed"; "It failed. Of course." -> "It failed."
    """
    before = text[block_start:start].rstrip(" ")
    opens_sentence = not before or before[-1] in _SENTENCE_ENDS
    comma_before = not opens_sentence and before.endswith(",")
    comma_after = end < block_end and text[end] == ","
    if start > block_start and text[start - 1] == "(" and end < block_end and text[end] == ")":
        start, end = start - 1, end + 1  # "the plan (of course) failed" -> "the plan failed"
        if start > block_start and text[start - 1] == " ":
            start -= 1
        return Edit(start, end, "")
    if opens_sentence and (end >= block_end or text[end] in _SENTENCE_ENDS):
        if start > block_start and text[start - 1] == " ":  # a sentence of its own: "Of course."
            start -= 1
        return Edit(start, min(end + 1, block_end), "")
    if comma_before and comma_after:  # ", of course," -> ""
        start = block_start + len(before) - 1
        end += 1
    elif comma_before and (end >= block_end or text[end] in _SENTENCE_ENDS + (";", ")")):
        start = block_start + len(before) - 1  # ", clearly." -> "."
    else:
        if comma_after:
            end += 1
        if end < block_end and text[end] == " ":
            end += 1
        elif start > block_start and text[start - 1] == " ":
            start -= 1
    capitalised = text[start : start + 1].isupper()
    if opens_sentence and capitalised and end < block_end and text[end].islower():
        return Edit(start, end + 1, text[end].upper())
    return Edit(start, end, "")
