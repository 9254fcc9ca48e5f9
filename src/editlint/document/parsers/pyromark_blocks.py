"""Markdown blocks from pulldown-cmark (PyPI ``pyromark``), mapped to markdown-it's.

One native pass gives every block with its byte range, over the text read with one byte a
character (``one_byte_a_character``), so byte offsets are character offsets; they are mapped to
the blocks, container prefixes and reference definitions ``markdown_it_blocks`` gives.
The differences that remain are listed in docs/performance.md. A failure inside the native
parser (a Rust panic surfaces as a ``BaseException``) is an input error for that file.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import pyromark

from editlint.document.errors import InputError
from editlint.document.lines import LineIndex
from editlint.document.model import Block, BlockKind
from editlint.document.parsers.nesting import NESTING_LIMIT, too_deep

_OPTIONS = pyromark.Options.ENABLE_TABLES | pyromark.Options.ENABLE_FOOTNOTES
# Start/End tags of blocks; every other Start/End (Emphasis, Link, ...) is inline.
_BLOCK_TAGS = frozenset(
    {
        "Paragraph",
        "Heading",
        "BlockQuote",
        "CodeBlock",
        "HtmlBlock",
        "List",
        "Item",
        "FootnoteDefinition",
        "Table",
        "TableHead",
        "TableRow",
        "TableCell",
        "MetadataBlock",
        "DefinitionList",
        "DefinitionListTitle",
        "DefinitionListDefinition",
    }
)
# Blocks whose inside is not read: their whole lines are one block.
_OPAQUE = {"CodeBlock": BlockKind.CODE, "HtmlBlock": BlockKind.HTML, "Table": BlockKind.TABLE}
_CONTAINER_PREFIX = re.compile(rb"[ \t>]*")
# A table's delimiter row. markdown-it tries a table before any other block, on any line, and
# GFM lets a table start right after a paragraph line (as GitHub does); pulldown-cmark reads
# such a header and delimiter row as paragraph text, or the header line as what it starts.
_DELIMITER_ROW = re.compile(
    rb"^[ \t>]*(?=[^\n]*\|)\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*\r?$",
    re.MULTILINE,
)
# pulldown-cmark takes no tab before a heading's closing #s nor after a closing fence, which
# CommonMark allows (markdown-it): such a text is handed to markdown-it too.
_TAB_CLOSING = re.compile(
    rb"^[ \t>]*(?:#{1,6}[ \t][^\n]*\t#+|(?:`{3,}|~{3,})[ \t]*\t)[ \t]*\r?$", re.MULTILINE
)
_INDENTATION = re.compile(rb"[ \t]*")
_NOT_ASCII = re.compile(r"[^\x00-\x7f]")
# What a text needs for either pattern above to match anywhere: a pipe and a dash with only
# blanks or colons between, a tab before a "#" or ending a line. Patterns that start with a
# literal byte are found by a fast skip; the multiline ones above are tried at every line.
_DELIMITER_HINTS = (re.compile(rb"\|[ \t:]*-"), re.compile(rb"-[ \t:]*\|"))
_TAB_HINT = re.compile(rb"\t(?:#|[ \t]*\r?$)", re.MULTILINE)


def parse_blocks(text: str, body_start: int, lines: LineIndex | None = None):
    """The blocks of ``text[body_start:]``, the container prefixes to mask, and the link
    reference definitions (lower-cased label -> URL); offsets into ``text``."""
    body = text[body_start:]
    source = one_byte_a_character(body)
    try:
        if source is not body:
            body.encode()  # a lone surrogate is no UTF-8: the parser fails on it, as before
        events = pyromark.events_with_range(source, options=_OPTIONS)
        definitions = pyromark.reference_definitions(body, options=_OPTIONS) if "]:" in body else {}
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:  # noqa: BLE001 - pyo3's PanicException is a BaseException
        raise InputError(f"the Markdown parser failed: {error}", body_start) from error
    raw = source.encode()
    walk = _Walk(raw)
    try:
        # The events are read as they come, not listed first: each is garbage once read, so
        # the cycle collector does not carry 300 of them a document into older generations.
        walk.run(events)
    except InputError as error:
        raise InputError(error.message, body_start + error.offset) from None
    except (Exception, KeyboardInterrupt, SystemExit):  # the walk's own errors, a time limit
        raise
    except BaseException as error:  # noqa: BLE001 - a panic while pulldown-cmark reads on
        raise InputError(f"the Markdown parser failed: {error}", body_start) from error
    if _read_otherwise(raw, walk.blocks):
        from editlint.document.parsers import markdown_it_blocks

        return markdown_it_blocks.parse_blocks(text, body_start, lines)
    shift = body_start
    blocks: list[Block] = []
    for kind, start, end, level, in_blockquote, list_depth in walk.blocks:
        start, end = shift + start, shift + end
        if kind in _PROSE and end > start and (text[start].isspace() or text[end - 1].isspace()):
            start, end = _trimmed(text, start, end)
        blocks.append(Block(kind, start, end, -1, level, in_blockquote, list_depth))
    masks = [(shift + start, shift + end) for start, end in walk.masks]
    return blocks, masks, _references(definitions)


def one_byte_a_character(body: str) -> str:
    """``body`` with each non-ASCII character read as ``$``, so that pulldown-cmark's byte
    offsets are character offsets (no decoding to map them back).

    ``$`` plays no part in Markdown's blocks, as a non-ASCII character plays none: it is no
    space or control character (which end a link destination), no letter, digit, ``-``,
    ``_`` or ``:`` (which would make a tag, a list marker or an attribute of ``<x é>``), and
    no mark that starts a block (``#``, ``<!``, ``>``, ...). It can change how emphasis reads
    (it is punctuation) and what an autolink holds, which moves no block edge. Property tests
    hold the blocks and masks to those read from the UTF-8 bytes (tests/test_native_parse.py).
    """
    return body if body.isascii() else _NOT_ASCII.sub("$", body)


def _read_otherwise(raw: bytes, blocks: list[tuple]) -> bool:
    """Whether markdown-it may read the text otherwise than pulldown-cmark did: a delimiter
    row that is not the second line of one of its tables, or a tab where pulldown-cmark takes
    none. Such a text is handed to markdown-it (docs/performance.md)."""
    if b"\t" in raw and _TAB_HINT.search(raw) and _TAB_CLOSING.search(raw):
        return True
    if not any(hint.search(raw) for hint in _DELIMITER_HINTS):
        return False
    tables = [(start, end) for kind, start, end, *_ in blocks if kind is BlockKind.TABLE]
    for row in _DELIMITER_ROW.finditer(raw):
        if not any(start < row.start() <= end for start, end in tables):
            return True
    return False


_PROSE = frozenset(
    {BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.FOOTNOTE_DEFINITION}
)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``-``end`` without the white space at either end (markdown-it strips content)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _references(definitions: dict) -> dict[str, str]:
    """Labels normalized as markdown-it does, URLs normalized and checked as it does."""
    if not definitions:
        return {}
    from markdown_it.common.normalize_url import normalizeLink, validateLink

    references: dict[str, str] = {}
    for label, definition in definitions.items():
        if label.startswith("^"):
            continue
        key = " ".join(label.split()).lower().upper().lower()
        href = normalizeLink(definition["dest"])
        if validateLink(href) and key not in references:
            references[key] = href
    return references


def _without_final_blank_line(raw: bytes, start: int, end: int, quoted: bool) -> int:
    """``end`` before the text's last line when a block runs to it and it is blank (but for
    its quote marks, in a quote) with no line feed: markdown-it leaves such a line out."""
    if end != len(raw):
        return end
    newline = raw.rfind(b"\n", start, end)
    blank = _CONTAINER_PREFIX if quoted else _INDENTATION
    if newline != -1 and blank.match(raw, newline + 1).end() == end:
        return newline
    return end


class _Walk:
    """Blocks and prefixes from pulldown-cmark's events, in bytes of the body.

    A leaf (a paragraph, a heading, or the text of a tight list item, which markdown-it
    wraps in a hidden paragraph) is ``[kind, level, in_blockquote, list_depth, first, end,
    line_starts]``: where its first inline element starts, where its last ends, and where
    the first element after each line break starts (the prefixes before them are masked).
    """

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        # (kind, start, end, level, in_blockquote, list_depth) in bytes
        self.blocks: list[tuple] = []
        self.masks: list[tuple[int, int]] = []
        self.stack: list[str] = []
        self.items = 0

    def run(self, events) -> None:
        """Read the events. One loop, the state in locals: most events are inline (Text,
        Code, links) and only move the open leaf's ends; block events open and close."""
        raw = self.raw
        stack = self.stack
        close = self._close_leaf
        leaf: list | None = None
        opaque = 0  # nesting inside a code, HTML or table block
        after_break = False
        for event, span in events:
            if event.__class__ is str:  # SoftBreak, HardBreak, Rule
                if event == "Rule":
                    if leaf is not None:
                        close(leaf)
                        leaf = None
                elif not opaque:
                    after_break = True
                continue
            # Membership tests, not unpacking: most events are inline.
            if "Start" in event:
                payload = event["Start"]
                tag = payload if payload.__class__ is str else next(iter(payload))
                if tag in _BLOCK_TAGS:
                    if opaque:
                        opaque += 1
                        continue
                    if leaf is not None:
                        close(leaf)
                        leaf = None
                    if len(stack) >= NESTING_LIMIT - 1:
                        raise too_deep(raw.rfind(b"\n", 0, span["start"]) + 1)
                    stack.append(tag)
                    if tag == "Paragraph":
                        leaf = self._open_leaf(span["start"], 0, len(stack))
                    elif tag == "Item":
                        self.items += 1
                    elif tag == "Heading":
                        level = int(payload["Heading"]["level"][1:])
                        leaf = self._open_leaf(span["start"], level, len(stack))
                    elif tag in _OPAQUE:
                        opaque = 1
                        self._opaque(tag, span["start"], span["end"])
                    continue
            elif "End" in event:
                payload = event["End"]
                tag = payload if payload.__class__ is str else next(iter(payload))
                if tag in _BLOCK_TAGS:
                    if opaque:
                        opaque -= 1
                        if opaque:
                            continue
                    elif leaf is not None:
                        close(leaf)
                        leaf = None
                    stack.pop()
                elif not opaque and leaf is not None and span["end"] > leaf[5]:
                    leaf[5] = span["end"]  # of a link, emphasis, ...: its start was read
                continue
            if opaque:
                continue
            start = span["start"]
            if leaf is None:  # the text of a tight list item
                leaf = self._open_leaf(start, 0, len(stack) + 1)
            if leaf[4] < 0 or after_break:
                if start and raw[start - 1] == 0x5C:  # a backslash escape: its text follows it
                    start -= 1
                if leaf[4] < 0:
                    leaf[4] = start
                else:
                    leaf[6].append(start)
                after_break = False
            if span["end"] > leaf[5]:
                leaf[5] = span["end"]

    def _opaque(self, tag: str, start: int, end: int) -> None:
        """A code, HTML or table block: its whole lines."""
        raw = self.raw
        first = self._line_start(start)
        last = raw.find(b"\n", max(end - 1, start))
        last = len(raw) if last == -1 else last
        last = _without_final_blank_line(raw, first, last, "BlockQuote" in self.stack)
        self.blocks.append((_OPAQUE[tag], first, last, 0, False, 0))
        if tag != "Table":
            self.masks.append((first, last))

    def _open_leaf(self, at: int, heading: int, inline_level: int) -> list:
        """A leaf opening at byte ``at``; its inline text sits ``inline_level`` levels deep
        (markdown-it's level of the inline token, which its nesting limit counts)."""
        if inline_level >= NESTING_LIMIT - 1:
            raise too_deep(self._line_start(at))
        stack = self.stack
        if heading:
            kind = BlockKind.HEADING
        elif "FootnoteDefinition" in stack:
            kind = BlockKind.FOOTNOTE_DEFINITION
        elif "Item" in stack:
            kind = BlockKind.LIST_ITEM
        else:
            kind = BlockKind.PARAGRAPH
        depth = stack.count("Item") if kind is BlockKind.LIST_ITEM else 0
        level = heading or (self.items if kind is BlockKind.LIST_ITEM else 0)
        return [kind, level, "BlockQuote" in stack, depth, -1, at, []]

    def _close_leaf(self, leaf: list) -> None:
        kind, level, in_blockquote, depth, start, end, line_starts = leaf
        raw = self.raw
        if start < 0:  # an empty heading: markdown-it places it after the line's text
            line_start = self._line_start(end)
            line_end = raw.find(b"\n", line_start)
            line_end = len(raw) if line_end == -1 else line_end
            start = end = line_start + len(raw[line_start:line_end].rstrip())
        line_start = raw.rfind(b"\n", 0, start) + 1
        if start > line_start:
            self.masks.append((line_start, start))
        newline = raw.find(b"\n", start, end)
        if newline != -1:
            self._mask_lines(kind, depth, end, line_starts, newline)
        self.blocks.append((kind, start, end, level, in_blockquote, depth))

    def _mask_lines(self, kind, depth: int, end: int, line_starts: list[int], newline: int):
        """The prefixes of a leaf's lines after its first (``newline`` ends that one)."""
        raw = self.raw
        # In a list item or a footnote the indentation is the container's, and masked.
        indented = depth or kind is BlockKind.FOOTNOTE_DEFINITION
        while newline != -1:
            line_start = newline + 1
            newline = raw.find(b"\n", line_start, end)
            line_end = end if newline == -1 else newline
            index = bisect_left(line_starts, line_start)
            if index < len(line_starts) and line_starts[index] < line_end:
                content = line_starts[index]
            else:  # inside a code span or tag that runs over lines: the containers' marks
                content = _CONTAINER_PREFIX.match(raw, line_start, line_end).end()
            if not indented:  # a quote's marks, not the indentation after them (markdown-it
                # keeps that in the content): the same spaces, and a tab stays a tab
                content = line_start + len(raw[line_start:content].rstrip())
            if content > line_start:
                self.masks.append((line_start, content))

    def _line_start(self, offset: int) -> int:
        return self.raw.rfind(b"\n", 0, offset) + 1
