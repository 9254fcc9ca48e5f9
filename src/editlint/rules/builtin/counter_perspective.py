"""Counter-perspective rules: sections and articles that give one side's view only."""

from __future__ import annotations

import re

from editlint.diagnostics import Category, Severity
from editlint.document import BlockKind, Document
from editlint.rules.base import Rule, RuleContext, RuleExamples

_SIDES = (
    r"(?:center|centre|far|hard|radical)[- ](?:right|left)|right[- ]wing|left[- ]wing|"
    r"conservative|liberal|progressive|libertarian|socialist|nationalist|populist|"
    r"(?:neo)?conservative|religious|secular|western|russian|chinese|american|pro-\w+|anti-\w+"
)
_PERSPECTIVE_HEADING = re.compile(
    rf"\(\s*(?:from\s+)?(?:an?|the)\s+(?:{_SIDES})\s+"
    rf"(?:perspective|view(?:point)?|vantage(?:\s+point)?|standpoint|lens|angle|position)\s*\)",
    re.IGNORECASE,
)


class PerspectiveHeading(Rule):
    code = "BAL101"
    name = "perspective-heading"
    category = Category.COUNTER_PERSPECTIVE
    severity = Severity.ERROR
    message = "Heading declares one side's perspective: the section will present one view only"
    summary = "A heading that announces a partisan perspective for its section."
    explanation = """\
What: a heading such as "Debates (from a center-right perspective)" or "Criticism (a progressive view)".
Why: an encyclopedia presents every significant view on a debate in proportion to its prominence;
a heading that announces one side's perspective tells the reader the section is one-sided.
Example: "Debates and controversies (from a center-right perspective)".
Fix: drop the qualifier and give each side's view, attributed to the people who hold it."""
    examples = RuleExamples(
        flag=["## Debates (from a center-right perspective)\n\nCritics say the plan failed.\n"],
        pass_=["## Debates\n\nCritics say the plan failed; its authors disagree.\n"],
    )

    def check(self, document: Document, context: RuleContext):
        for block in document.blocks:
            if block.kind is not BlockKind.HEADING:
                continue
            for match in _PERSPECTIVE_HEADING.finditer(document.masked, block.start, block.end):
                yield self.diagnostic(match.start(), match.end())
