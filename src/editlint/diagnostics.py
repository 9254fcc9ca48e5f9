"""Diagnostics, fixes and edits: what rules produce and everything downstream reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class Severity(str, Enum):
    """How serious a finding is; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


class Category(str, Enum):
    """The editorial concern a rule belongs to."""

    NEUTRALITY = "neutrality"
    COUNTER_PERSPECTIVE = "counter-perspective"
    UNSOURCED = "unsourced"
    SEE_ALSO = "see-also"
    STRUCTURE = "structure"
    INPUT = "input"
    INTERNAL = "internal"


class Applicability(str, Enum):
    """How far a fix can be trusted: display-only < unsafe < safe."""

    DISPLAY_ONLY = "display-only"
    UNSAFE = "unsafe"
    SAFE = "safe"

    @property
    def rank(self) -> int:
        return _APPLICABILITY_RANK[self]


_APPLICABILITY_RANK = {
    Applicability.DISPLAY_ONLY: 0,
    Applicability.UNSAFE: 1,
    Applicability.SAFE: 2,
}


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace the characters ``[start, end)`` of the document with ``replacement``."""

    start: int
    end: int
    replacement: str = ""

    def to_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "replacement": self.replacement}


@dataclass(frozen=True, slots=True)
class Fix:
    """One or more edits applied together, with how safe they are."""

    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE
    description: str = ""

    @classmethod
    def replace(
        cls,
        start: int,
        end: int,
        replacement: str,
        applicability: Applicability = Applicability.SAFE,
        description: str = "",
    ) -> Fix:
        return cls((Edit(start, end, replacement),), applicability, description)

    @property
    def start(self) -> int:
        return min(edit.start for edit in self.edits)

    @property
    def end(self) -> int:
        return max(edit.end for edit in self.edits)


@dataclass(slots=True)
class Diagnostic:
    """A finding: a rule code, a message and a character span ``[start, end)`` in the source."""

    code: str
    message: str
    start: int
    end: int
    severity: Severity
    category: Category
    fix: Fix | None = None
    rule_name: str = ""
    data: dict = field(default_factory=dict)

    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)
