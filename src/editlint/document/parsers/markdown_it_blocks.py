"""Markdown blocks from markdown-it-py's block pass (CommonMark + GFM tables and footnotes)."""

from __future__ import annotations

from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from editlint.document.lines import LineIndex
from editlint.document.model import Block, BlockKind
from editlint.document.parsers.nesting import too_deep

_LEAF_CONTAINERS = {"blockquote_open": "blockquote", "list_item_open": "list_item"}
# The token types ``_blocks`` reads; the rest (paragraph_open, heading_close, ...) are passed.
_READ_TOKENS = frozenset(
    {
        *_LEAF_CONTAINERS,
        "blockquote_close",
        "list_item_close",
        "footnote_reference_open",
        "footnote_reference_close",
        "heading_open",
        "fence",
        "code_block",
        "html_block",
        "table_open",
        "inline",
    }
)
# Block rules that cannot match in a text without one of these: markdown-it tries every rule
# on every line, so a parser without them does less (a tenth of the block pass on ArchWiki)
# and gives the same tokens.
_RULE_MARKERS = {
    "table": ("|",),  # the header row holds a pipe
    "fence": ("```", "~~~"),
    "blockquote": (">",),
    "reference": ("]:",),  # a definition's label is followed at once by its colon
    "html_block": ("<",),
    "footnote_def": ("[^",),
    "heading": ("#",),
}


def parse_blocks(text: str, body_start: int, lines: LineIndex | None = None):
    """The blocks of ``text[body_start:]``, the container prefixes to mask, and the link
    reference definitions (lower-cased label -> URL); offsets into ``text``. ``lines`` is
    the text's line index, built here when not given."""
    if lines is None:
        lines = LineIndex(text)
    first_body_line = lines.position(body_start)[0] - 1
    env: dict = {}
    body = text[body_start:]
    # Parse the body as if it started the file; line numbers are shifted back below.
    tokens = _parser_for(body).parse(body, env)
    _refuse_too_deep(tokens, lines, first_body_line)
    blocks, masks = _blocks(tokens, text, lines, first_body_line)
    references = {
        label.lower(): data.get("href", "") for label, data in env.get("references", {}).items()
    }
    return blocks, masks, references


def _parser_for(body: str) -> MarkdownIt:
    """The block parser for ``body``: without the rules that cannot match in it."""
    absent = frozenset(
        rule
        for rule, markers in _RULE_MARKERS.items()
        if not any(marker in body for marker in markers)
    )
    return _parser("\r" in body or "\0" in body, absent)


@cache
def _parser(normalize: bool = True, absent: frozenset[str] = frozenset()) -> MarkdownIt:
    """Block structure only: inline offsets come from ``inline.py``, so markdown-it's own
    inline pass (two thirds of its time) and the joining of its text tokens are switched
    off. Footnote definitions stay where they are written, referenced or not. Without
    ``normalize``, for text holding no carriage return and no NUL, the pass that would
    rewrite every line ending to itself is skipped too; the ``absent`` block rules too."""
    parser = MarkdownIt("commonmark", {"html": True})
    parser.use(footnote_plugin, move_to_end=False)
    parser.enable("table").disable(["inline", "text_join", *absent])
    return parser if normalize else parser.disable("normalize")


def _refuse_too_deep(tokens, lines: LineIndex, line_shift: int) -> None:
    """markdown-it stops parsing (silently dropping the rest) at its nesting limit: say so."""
    limit = _parser().options["maxNesting"]  # NESTING_LIMIT (a test holds them equal)
    for token in tokens:
        if token.level >= limit - 1 and token.map:
            raise too_deep(lines.line_start(token.map[0] + line_shift + 1))


def _blocks(tokens, text: str, lines: LineIndex, line_shift: int):
    blocks: list[Block] = []
    masks: list[tuple[int, int]] = []
    containers: list[str] = []
    in_footnote = 0
    pending_heading_level = 0
    item_counter = 0
    for token in tokens:
        kind = token.type
        if kind not in _READ_TOKENS:
            continue
        if kind in _LEAF_CONTAINERS:
            containers.append(_LEAF_CONTAINERS[kind])
            if kind == "list_item_open":
                item_counter += 1
            continue
        if kind in ("blockquote_close", "list_item_close"):
            containers.pop()
            continue
        if kind == "footnote_reference_open":
            in_footnote += 1
            continue
        if kind == "footnote_reference_close":
            in_footnote -= 1
            continue
        if kind == "heading_open":
            pending_heading_level = int(token.tag[1:])
            continue
        if kind in ("fence", "code_block", "html_block") and token.map:
            start, end = _line_span(lines, text, token.map, line_shift)
            block_kind = BlockKind.HTML if kind == "html_block" else BlockKind.CODE
            blocks.append(Block(block_kind, start, end))
            masks.append((start, end))
            continue
        if kind == "table_open" and token.map:
            start, end = _line_span(lines, text, token.map, line_shift)
            blocks.append(Block(BlockKind.TABLE, start, end))
            continue
        if kind != "inline" or not token.map:
            continue
        if _inside_table(blocks, lines, token, line_shift):
            continue
        start, end, prefixes = _content_span(lines, text, token, line_shift)
        masks.extend(prefixes)
        if pending_heading_level:
            block = Block(BlockKind.HEADING, start, end, level=pending_heading_level)
            pending_heading_level = 0
        elif in_footnote:
            block = Block(BlockKind.FOOTNOTE_DEFINITION, start, end)
        elif "list_item" in containers:
            block = Block(BlockKind.LIST_ITEM, start, end, list_depth=containers.count("list_item"))
            block.level = item_counter
        else:
            block = Block(BlockKind.PARAGRAPH, start, end)
        block.in_blockquote = "blockquote" in containers
        blocks.append(block)
    return blocks, masks


def _inside_table(blocks: list[Block], lines: LineIndex, token, line_shift: int) -> bool:
    if not blocks or blocks[-1].kind is not BlockKind.TABLE:
        return False
    line_start = lines.line_start(token.map[0] + line_shift + 1)
    return blocks[-1].start <= line_start < blocks[-1].end


def _line_span(lines: LineIndex, text: str, line_map, line_shift: int) -> tuple[int, int]:
    first, last = line_map[0] + line_shift + 1, line_map[1] + line_shift
    start = lines.line_start(first)
    end = lines.line_end(last) if last >= first else start
    return start, end


def _content_span(lines: LineIndex, text: str, token, line_shift: int):
    """Offsets of an inline token's content and the container prefixes to mask."""
    content_lines = token.content.split("\n")
    first_line = token.map[0] + line_shift + 1
    prefixes: list[tuple[int, int]] = []
    start = end = None
    for number, content in enumerate(content_lines):
        line = first_line + number
        line_start, line_end = lines.line_start(line), lines.line_end(line)
        found = text.rfind(content, line_start, line_end) - line_start if content else -1
        if found < 0:
            source_line = text[line_start:line_end]
            found = (
                len(source_line.rstrip())
                if not content
                else len(source_line) - len(source_line.lstrip())
            )
        if found > 0:
            prefixes.append((line_start, line_start + found))
        if start is None:
            start = line_start + found
        end = line_start + found + len(content) if content else line_start + found
        # Content not found as written (markdown-it reads NUL as U+FFFD) is placed after the
        # line's indentation, and may not reach past the line's end.
        end = min(end, line_end)
    if start is None:
        start = end = lines.line_start(first_line)
    return start, end, prefixes
