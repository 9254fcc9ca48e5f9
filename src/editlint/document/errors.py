"""Errors raised while reading a document; the engine turns them into ``input`` findings."""

from __future__ import annotations


class InputError(Exception):
    """A file that cannot be read or parsed. ``offset`` points at the cause when known."""

    def __init__(self, message: str, offset: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset
