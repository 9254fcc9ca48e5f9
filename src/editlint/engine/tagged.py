"""Sentences an editor has already tagged inline ({{who}}, {{peacock inline}}, ...).

A wikitext sentence followed by a cleanup tag is already flagged to readers and editors:
wording findings (neutrality, counter-perspective) inside it are left out, as a
``[citation needed]`` marker already silences the unsourced-claim rule. The tag itself is
reported only by the opt-in NEU901 (already-tagged).
"""

from __future__ import annotations

from bisect import bisect_right

from editlint.diagnostics import Category, Diagnostic
from editlint.document import Document
from editlint.rules.builtin.already_tagged import ALREADY_TAGGED_CODE

_WORDING = frozenset({Category.NEUTRALITY, Category.COUNTER_PERSPECTIVE})


def tagged_spans(document: Document) -> list[tuple[int, int]]:
    """For each cleanup tag, the span from the start of the sentence it follows to its end."""
    if not document.cleanup_tags:
        return []
    sentences = document.sentences
    starts = [sentence.start for sentence in sentences]
    spans = []
    for _, start, end in document.cleanup_tags:
        index = bisect_right(starts, start) - 1
        spans.append((sentences[index].start if index >= 0 else start, end))
    return spans


def without_tagged(document: Document, diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` less the wording findings inside an already tagged sentence."""
    spans = tagged_spans(document)
    if not spans:
        return diagnostics
    return [
        diagnostic
        for diagnostic in diagnostics
        if diagnostic.category not in _WORDING
        or diagnostic.code == ALREADY_TAGGED_CODE
        or not any(start <= diagnostic.start < end for start, end in spans)
    ]
