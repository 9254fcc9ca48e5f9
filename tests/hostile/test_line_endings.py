"""Lone carriage returns (old Mac line endings, or mixed CR/LF) end lines as in CommonMark:
blocks, findings and fixes land where they do in the same text with line feeds (#21 item 8)."""

from __future__ import annotations

import re

import pytest

from editlint.document import BlockKind, parse_document
from editlint.document.lines import LineIndex
from editlint.files.screening import screen_text
from house import house_checker, house_folder

TEXT = (
    "# Ships\n\nWe use cranes [@s].\n\n```\n\ncode we utilise in order to run\n```\n\n"
    "Crews utilise cranes in order to lift hulls [@s].\n\n    indented code we utilise\n\n"
    "- a list item we utilise [@s]\n"
)
FIXED_LF = TEXT.replace("Crews utilise cranes in order to", "Crews use cranes to").replace(
    "item we utilise", "item we use"
)


def _endings(text: str, kind: str) -> str:
    if kind == "cr":
        return text.replace("\n", "\r")
    if kind == "mixed":  # every third line ending a lone CR, the rest LF or CRLF
        lines, parts, previous = text.split("\n"), [], ""
        for number, line in enumerate(lines[:-1]):
            end = ["\r", "\n", "\r\n"][number % 3]
            if previous == "\r" and not line and end == "\n":
                end = "\r\n"  # a lone CR, an empty line and a LF would read as one CRLF
            parts.append(line + end)
            previous = end
        mixed = "".join(parts) + lines[-1]
        assert re.split(r"\r\n|\r|\n", mixed) == lines
        return mixed
    return text


@pytest.mark.parametrize("kind", ["cr", "mixed"])
def test_blocks_and_findings_land_where_they_do_with_line_feeds(tmp_path, kind):
    text = _endings(TEXT, kind)
    assert len(text.replace("\r\n", "\n")) == len(TEXT)
    expected = parse_document(TEXT.replace("\r", ""), None)
    document = parse_document(text, None)
    shift = _shift(text)
    assert [(b.kind, shift(b.start), shift(b.end)) for b in document.blocks] == [
        (b.kind, b.start, b.end) for b in expected.blocks
    ]
    assert [b.kind for b in document.blocks].count(BlockKind.CODE) == 2
    folder = house_folder(tmp_path, {"plain.md": TEXT, "odd.md": text})
    checker = house_checker(folder)
    plain = checker.check_file(folder / "plain.md").diagnostics
    odd = checker.check_file(folder / "odd.md").diagnostics
    assert [(d.code, LineIndex(TEXT).position(d.start)) for d in plain] == [
        (d.code, LineIndex(text).position(d.start)) for d in odd
    ]
    assert len(odd) == 3  # two in the paragraph, one in the list item; none in code


@pytest.mark.parametrize("kind", ["cr", "mixed"])
def test_fix_rewrites_prose_only_and_keeps_the_line_endings(tmp_path, cli, kind):
    text = _endings(TEXT, kind)
    folder = house_folder(tmp_path, {"odd.md": text.encode()})
    result = cli("check", "--fix", "odd.md", cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (folder / "odd.md").read_bytes() == _endings(FIXED_LF, kind).encode()


def test_a_lone_cr_ends_a_line_for_the_line_length_limit():
    text = ("word " * 30 + "\r") * 100
    assert screen_text(text, 10**6, 200) is None
    assert screen_text(text.replace("\r", " "), 10**6, 200) is not None


def _shift(text: str):
    """Offsets in ``text`` to offsets in the same text with CRLF written as LF."""
    crlf = [i for i in range(len(text)) if text.startswith("\r\n", i)]

    def shift(offset: int) -> int:
        return offset - sum(1 for i in crlf if i < offset)

    return shift
