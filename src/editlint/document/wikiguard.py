"""A linear look at wikitext before it is parsed: refuse what would make the parser hang.

mwparserfromhell re-reads the rest of the page for every construct that never closes
(measured: 4,000 unclosed ``{{`` in 44 KB take 9 s, 16,000 unclosed ``[[a|b`` 31 s) and
descends once per nesting level (10^5 nested templates: 2-6 s). Real articles have few
unclosed constructs and nest templates a few levels deep, so the work those cost is bounded
here, in one pass, before the parser sees the text.
"""

from __future__ import annotations

import re

from editlint.document.errors import InputError

#: Deeper nesting of templates, links or tags than any article needs.
MAX_NESTING = 100
#: Unclosed openers times the text after each (characters the parser may re-read).
MAX_REREAD = 20_000_000

_TOKEN = re.compile(r"\{\{|\}\}|\[\[|\]\]|\{\||\|\}|<!--|-->|<(/?)([a-zA-Z][\w-]*)[^<>]*?(/?)>")
_PAIRS = {"}}": "{{", "]]": "[[", "|}": "{|"}
_VOID = frozenset({"br", "hr", "wbr", "img", "meta", "link", "input", "source", "col"})


def check_wikitext(text: str) -> None:
    """Raise ``InputError`` when ``text`` nests too deeply or leaves too much unclosed."""
    if "{{" not in text and "[[" not in text and "<" not in text and "{|" not in text:
        return
    open_at: dict[str, list[int]] = {}
    depth = 0
    comments: list[int] = []  # where the comment still open (and openers inside it) began
    # A "<!--" with no "-->" after it is no comment: the parser reads it as text after
    # re-reading the rest of the page, and goes on parsing what follows it.
    last_close = text.rfind("-->")
    never_closed: list[int] = []
    for match in _TOKEN.finditer(text):
        token = match.group(0)
        if token == "<!--":
            if match.start() > last_close:
                never_closed.append(match.start())
            elif not comments:
                comments.append(match.start())
            continue
        if comments:
            if token == "-->":
                comments.clear()
            continue
        if token in _PAIRS:
            stack = open_at.get(_PAIRS[token])
            if stack:
                stack.pop()
                depth -= 1
            continue
        if token in ("{{", "[[", "{|"):
            key = token
        elif match.group(2):
            name = match.group(2).lower()
            if match.group(3) or name in _VOID:
                continue
            if match.group(1):
                stack = open_at.get("<" + name)
                if stack:
                    stack.pop()
                    depth -= 1
                continue
            key = "<" + name
        else:
            continue
        open_at.setdefault(key, []).append(match.start())
        depth += 1
        if depth > MAX_NESTING:
            raise InputError(
                f"templates, links or tags nested more than {MAX_NESTING} deep", match.start()
            )
    unclosed = sorted(offset for stack in open_at.values() for offset in stack)
    unclosed.extend(comments)
    unclosed.extend(never_closed)
    reread = sum(len(text) - offset for offset in unclosed)
    if reread > MAX_REREAD:
        first = min(unclosed)
        raise InputError(
            f"{len(unclosed)} templates, links or tags never closed (the first here): "
            "too broken to parse",
            first,
        )
