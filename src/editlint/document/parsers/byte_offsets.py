"""UTF-8 byte offsets of a text to its character offsets (native parsers count bytes)."""

from __future__ import annotations

from collections.abc import Iterable


def char_offsets(raw: bytes, offsets: Iterable[int]) -> dict[int, int]:
    """Each of ``offsets`` (byte offsets of ``raw`` at character boundaries) to its character
    offset in ``raw.decode()``: the bytes between consecutive offsets are decoded once, so
    the cost is one decoding of the text however many offsets there are."""
    found: dict[int, int] = {}
    char = previous = 0
    for offset in sorted(set(offsets)):
        char += len(raw[previous:offset].decode())
        found[offset] = char
        previous = offset
    return found
