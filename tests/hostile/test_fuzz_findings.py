"""What bench/fuzz_readers.py found, kept as regression cases: every span inside the text."""

from __future__ import annotations

from pathlib import Path

import pytest

from editlint.document import parse_document

FOUND = [
    "\x1f\x00",  # a leading U+001F (whitespace to Python, not to Markdown), then a NUL
    "1. <\x00\x84{#id}    |a|b|\n|-|-|\n\r> \x92/\x1f\n    \x0e±v**<\x00\x84[[A|b]]¿\n",
]


@pytest.mark.parametrize("text", FOUND)
def test_block_and_link_spans_stay_inside_the_text(text):
    document = parse_document(text, Path("article.md"))
    spans = [(b.start, b.end) for b in document.blocks] + [(k.start, k.end) for k in document.links]
    assert spans and all(0 <= a <= b <= len(document.text) for a, b in spans)
