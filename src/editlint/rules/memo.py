"""Values worked out once per document and shared by every rule that reads them."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

from editlint.document import Document

T = TypeVar("T")

_latest: tuple[Document, dict] | None = None


def remember(document: Document, key: Hashable, compute: Callable[[Document], T]) -> T:
    """``compute(document)``, remembered under ``key`` while ``document`` is the latest one
    asked about (documents are checked one after another, so one is all there is to keep)."""
    global _latest
    latest = _latest
    if latest is None or latest[0] is not document:
        latest = _latest = (document, {})
    values = latest[1]
    if key not in values:
        values[key] = compute(document)
    return values[key]
