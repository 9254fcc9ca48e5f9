"""A short fuzzing run over the Markdown and wikitext readers (hypothesis), counting crashes.

    .venv/bin/python bench/fuzz_readers.py [--examples 2000] [--seed 0]

Feeds each reader text built from the markup it knows (front matter fences, headings, lists,
links, footnotes, tables, templates, ``<ref>``, comments, tags, entities) mixed with random
characters, and parses it as ``parse_document`` does for a ``.md`` and a ``.wiki`` file. An
``InputError`` (the file becomes an INP003 finding) is a clean refusal; any other exception is a
crash, and so is a span outside the text. Prints the examples tried and the crashes found, with
the first crashing text of each kind. The figures go to docs/performance.md.
"""

from __future__ import annotations

import argparse
import time
import traceback
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from editlint.document import parse_document
from editlint.document.errors import InputError

MARKDOWN = [
    "---\n",
    "title: T\n",
    "see_also: [A, B]\n",
    "# ",
    "## See also\n",
    "- ",
    "* ",
    "1. ",
    "> ",
    "```\n",
    "    ",
    "[a](b)",
    "[a](<b c>)",
    "![i](p.png)",
    "[[A]]",
    "[[A|b]]",
    "[^1]",
    "[^1]: n",
    "[@k]",
    "<b>",
    "</b>",
    "<!--",
    "-->",
    "|a|b|\n|-|-|\n",
    "***",
    "\\",
    "`",
    "**",
    "_",
    "&amp;",
    "{#id}",
    "<https://x.org>",
    "\n",
    "\n\n",
    " ",
    "\t",
    "\r\n",
    "\r",
    "word",
    "é",
    "\u200b",
]
WIKITEXT = [
    "== H ==\n",
    "=== H ===\n",
    "* ",
    "# ",
    ": ",
    "; ",
    "{{",
    "}}",
    "{{cite web|url=x|title=y}}",
    "{{Main|A}}",
    "{|",
    "|-",
    "|}",
    "|",
    "!",
    "[[A]]",
    "[[A|b]]",
    "[[File:x.png|thumb|c]]",
    "[[Category:C]]",
    "[http://x.org t]",
    "<ref>",
    "</ref>",
    "<ref name=a/>",
    '<ref name="a">',
    "<references/>",
    "<!--",
    "-->",
    "<nowiki>",
    "</nowiki>",
    "<pre>",
    "</pre>",
    "<math>",
    "</math>",
    "'''",
    "''",
    "&nbsp;",
    "__TOC__",
    "#REDIRECT [[A]]",
    "\n",
    "\n\n",
    " ",
    "\r",
    "word",
    "é",
]


def texts(pieces: list[str]) -> st.SearchStrategy[str]:
    piece = st.one_of(st.sampled_from(pieces), st.text(max_size=3))
    return st.lists(piece, max_size=60).map("".join)


def fuzz(
    suffix: str, pieces: list[str], examples: int, number: int, crashes: Counter, first: dict
) -> int:
    tried = 0

    @seed(number)
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(texts(pieces))
    def run(text: str) -> None:
        nonlocal tried
        tried += 1
        try:
            document = parse_document(text, Path(f"article{suffix}"))
            spans = [(block.start, block.end) for block in document.blocks]
            spans += [(link.start, link.end) for link in document.links]
            if any(not 0 <= start <= end <= len(document.text) for start, end in spans):
                raise AssertionError("a span outside the text")
        except InputError:
            return
        except Exception as error:  # a crash: count it, keep the first text of each kind
            kind = f"{suffix} {type(error).__name__}: {str(error)[:80]}"
            crashes[kind] += 1
            first.setdefault(kind, (text, traceback.format_exc(limit=3)))

    run()
    return tried


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    crashes: Counter = Counter()
    first: dict = {}
    for suffix, pieces in ((".md", MARKDOWN), (".wiki", WIKITEXT)):
        started = time.perf_counter()
        tried = fuzz(suffix, pieces, args.examples, args.seed, crashes, first)
        found = sum(n for kind, n in crashes.items() if kind.startswith(suffix))
        print(f"{suffix}: {tried} texts, {found} crashes, {time.perf_counter() - started:.1f} s")
    for kind, count in crashes.most_common():
        text, trace = first[kind]
        print(f"\n{count} x {kind}\n  first text: {text!r}\n{trace}")


if __name__ == "__main__":
    main()
