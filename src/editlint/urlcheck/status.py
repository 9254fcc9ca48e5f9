"""What checking one URL found: alive, dead, moved for good, or not reachable."""

from __future__ import annotations

from dataclasses import asdict, dataclass

OK = "ok"
DEAD = "dead"  # the server says the page is gone (404, 410 ...)
MOVED = "moved"  # a permanent redirect (301, 308) to a page that answers
UNREACHABLE = "unreachable"  # no answer to judge by: timeout, TLS failure, refused, 5xx, 429


@dataclass(frozen=True, slots=True)
class UrlStatus:
    """One URL's outcome; ``target`` is where a permanent redirect leads, ``detail`` why a URL
    could not be reached (or the last status it answered)."""

    outcome: str
    status: int | None = None
    target: str = ""
    detail: str = ""

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> UrlStatus | None:
        """The status stored by ``to_dict``; None for anything else (a hand-edited cache)."""
        try:
            status = cls(**data)
        except TypeError:
            return None
        if status.outcome not in (OK, DEAD, MOVED, UNREACHABLE):
            return None
        return status

    @property
    def described(self) -> str:
        if self.status is not None and not self.detail:
            return f"HTTP {self.status}"
        if self.status is not None:
            return f"HTTP {self.status}, {self.detail}"
        return self.detail
