"""Values worked out once per document and shared by every rule that reads them.

The Checker gives each document it checks a fresh ``Workspace`` (``Document.workspace``)
holding its word index; rules and their helpers ask ``workspace_of(document)`` for it. Nothing
outlives the document: two checkers, threads or documents never share an entry.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, TypeVar

from editlint.rules.matching.words import Hits, WordIndex

if TYPE_CHECKING:
    from editlint.document import Document

T = TypeVar("T")


class Workspace:
    """One document's shared values: remembered results and where the rules' words occur."""

    __slots__ = ("_values", "document", "words")

    def __init__(self, document: Document, words: WordIndex) -> None:
        self.document = document
        self.words = words
        self._values: dict[Hashable, object] = {}

    def remember(self, key: Hashable, compute: Callable[[Document], T]) -> T:
        """``compute(document)``, worked out the first time ``key`` is asked for."""
        values = self._values
        if key not in values:
            values[key] = compute(self.document)
        return values[key]  # type: ignore[return-value]

    @property
    def hits(self) -> Hits:
        """Where each word of the word index occurs, found in one pass."""
        return self.remember(WordIndex, self.words.scan)

    @classmethod
    def attach(cls, document: Document, words: WordIndex) -> Workspace:
        """A fresh workspace for ``document``, set as its ``workspace``."""
        workspace = document.workspace = cls(document, words)
        return workspace

    @classmethod
    def standalone(cls, document: Document) -> Workspace:
        """A workspace for ``document`` read outside a Checker (the URL collector, the training
        script): no rule words, its own remembered values."""
        return cls.attach(document, WordIndex())


def workspace_of(document: Document) -> Workspace:
    """The workspace the Checker attached to ``document``."""
    workspace = document.workspace
    if workspace is None:
        raise RuntimeError("the document has no workspace: check it through a Checker")
    return workspace


def remember(document: Document, key: Hashable, compute: Callable[[Document], T]) -> T:
    """``compute(document)``, worked out once per document (in its workspace)."""
    return workspace_of(document).remember(key, compute)
