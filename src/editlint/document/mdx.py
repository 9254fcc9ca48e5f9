"""MDX (``.mdx``): Markdown with ESM (``import``/``export``) and JSX. What is not Markdown is
blanked out (each character but line breaks a space) so that the Markdown reader sees prose
only, at the same offsets.

Blanked, outside fenced code: an ``import``/``export`` block (from its first line to the next
blank line); a JSX tag line (``<Note type="tip">``, ``</Note>``, ``<Chart data={x} />``, ``<>``,
an opening tag's attributes over several lines until its ``>``); an ``{expression}`` block until
its braces close. The Markdown between a component's tags (its children) stays prose.
"""

from __future__ import annotations

import re

_ESM = re.compile(r"(?:import|export)\b")
_JSX = re.compile(r" {0,3}</?(?:[A-Z][\w.]*|>)")
_EXPRESSION = re.compile(r" {0,3}\{")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
#: Lines of a JSX tag or an expression that never closes: blanked up to this many.
MAX_BLOCK_LINES = 200


def blank_mdx(text: str) -> str:
    """``text`` with its ESM, JSX tags and expression blocks blanked, offsets kept."""
    lines = text.split("\n")
    fence: str | None = None
    number = 0
    while number < len(lines):
        line = lines[number]
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            number += 1
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(1)
            number += 1
            continue
        end = _block_end(lines, number)
        for blanked in range(number, end):
            lines[blanked] = _blank(lines[blanked])
        number = max(end, number + 1)
    return "\n".join(lines)


def _block_end(lines: list[str], start: int) -> int:
    """The line after the non-Markdown block starting at ``start`` (``start``: none)."""
    line = lines[start]
    if _ESM.match(line):
        end = start
        while end < len(lines) and lines[end].strip():
            end += 1
        return end
    if _JSX.match(line):
        return _until(lines, start, lambda seen: _tag_closed(seen))
    if _EXPRESSION.match(line):
        return _until(lines, start, lambda seen: seen.count("{") <= seen.count("}"))
    return start


def _until(lines: list[str], start: int, closed) -> int:
    seen = ""
    for end in range(start, min(len(lines), start + MAX_BLOCK_LINES)):
        seen += lines[end] + "\n"
        if closed(seen):
            return end + 1
        if end > start and not lines[end].strip():
            return end  # a blank line ends a block that never closed
    return min(len(lines), start + MAX_BLOCK_LINES)


def _tag_closed(seen: str) -> bool:
    """Whether the tag begun in ``seen`` has reached its ``>`` (outside quotes and braces)."""
    depth, quote = 0, ""
    for character in seen.lstrip()[1:]:
        if quote:
            quote = "" if character == quote else quote
        elif character in "\"'":
            quote = character
        elif character == "{":
            depth += 1
        elif character == "}":
            depth -= 1
        elif character == ">" and depth <= 0:
            return True
    return False


def _blank(line: str) -> str:
    return " " * len(line) if "\r" not in line else " " * (len(line) - 1) + "\r"
