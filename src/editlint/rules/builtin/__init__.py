"""Python built-in rules, one module per category."""

from editlint.rules.builtin.counter_perspective import PerspectiveHeading
from editlint.rules.builtin.links import BrokenAnchor, BrokenInternalLink
from editlint.rules.builtin.see_also import (
    DanglingSeeAlso,
    DuplicateSeeAlso,
    EmptySeeAlsoSection,
    SeeAlsoLinkedInBody,
    SeeAlsoViaRedirect,
    SelfReferencingSeeAlso,
)
from editlint.rules.builtin.unsourced import ArticleWithoutCitations

BUILTIN_RULES = [
    PerspectiveHeading,
    ArticleWithoutCitations,
    DanglingSeeAlso,
    EmptySeeAlsoSection,
    BrokenInternalLink,
    BrokenAnchor,
    SelfReferencingSeeAlso,
    DuplicateSeeAlso,
    SeeAlsoViaRedirect,
    SeeAlsoLinkedInBody,
]
