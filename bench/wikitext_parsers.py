"""Measure mwparserfromhell and wikitextparser on real wikitext: speed and position fidelity.

Usage: bench/wikitext_parsers.py [FOLDER]  (default ../shared/corpora/wikipedia)

Fidelity: the text must round-trip exactly (``str(tree) == text``) and every template,
wikilink, tag and comment the parser reports must sit at an offset where the source holds
exactly that node's text.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import mwparserfromhell
import wikitextparser

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "wikipedia"


def mwp(text: str) -> tuple[int, int]:
    """Nodes found and nodes whose summed offsets hold their own text."""
    code = mwparserfromhell.parse(text, skip_style_tags=True)
    assert str(code) == text
    found = exact = 0
    stack = [(code, 0)]
    while stack:
        wikicode, offset = stack.pop()
        for node in wikicode.nodes:
            source = str(node)
            found += 1
            exact += text.startswith(source, offset)
            offset += len(source)
    return found, exact


def wtp(text: str) -> tuple[int, int]:
    parsed = wikitextparser.parse(text)
    assert parsed.string == text
    found = exact = 0
    for nodes in (parsed.templates, parsed.wikilinks, parsed.get_tags(), parsed.comments):
        for node in nodes:
            start, end = node.span
            found += 1
            exact += text[start:end] == node.string
    return found, exact


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.wiki"))]
    size = sum(len(text.encode()) for text in texts)
    print(f"{len(texts)} articles, {size / 1e6:.2f} MB")
    for name, parse in (("mwparserfromhell", mwp), ("wikitextparser", wtp)):
        best = float("inf")
        for _ in range(3):
            began = time.process_time()
            counts = [parse(text) for text in texts]
            best = min(best, time.process_time() - began)
        found = sum(f for f, _ in counts)
        exact = sum(e for _, e in counts)
        print(f"{name:18} {best:6.2f} s CPU (best of 3)  nodes at exact offsets {exact}/{found}")


if __name__ == "__main__":
    main()
