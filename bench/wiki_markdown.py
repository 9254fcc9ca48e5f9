"""Convert the shared Wikipedia wikitext corpus to Markdown articles (a measuring aid).

Until editlint reads wikitext natively, the precision benchmarks check these conversions:
sections become ``##`` headings, ``<ref>``, ``{{sfn}}`` and ``{{harvnb}}`` become footnotes,
``{{citation needed}}`` becomes "[citation needed]", wikilinks stay ``[[Target|label]]``, and
templates, tables, files and categories are dropped. The title goes to the front matter.

    .venv/bin/python bench/wiki_markdown.py /tmp/wikimd
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import mwparserfromhell
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "wikipedia"
NEEDED = {"citation needed", "cn", "fact", "citation-needed"}
FOOTNOTE_TEMPLATES = {"sfn", "harvnb", "harv", "efn", "sfnp", "harvard citation no brackets"}
NOT_ARTICLES = ("file:", "image:", "category:", "media:")
DROPPED_TAGS = {"table", "gallery", "math", "code", "pre", "syntaxhighlight", "nowiki", "timeline"}


def title_of(path: Path) -> str:
    stem = path.stem.split("__", 1)[-1]
    return stem.replace("_", " ")


class Converter:
    """Wikitext -> Markdown, keeping citations as numbered footnotes."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self.named: dict[str, int] = {}

    def footnote(self, body: str, name: str | None = None) -> str:
        if name and name in self.named:
            return f"[^{self.named[name]}]"
        self.notes.append(" ".join(body.split()) or "Source.")
        number = len(self.notes)
        if name:
            self.named[name] = number
        return f"[^{number}]"

    def nodes(self, nodes) -> str:
        return "".join(self.node(node) for node in nodes)

    def node(self, node) -> str:
        if isinstance(node, Text):
            return str(node)
        if isinstance(node, HTMLEntity):
            return node.normalize()
        if isinstance(node, (Comment, Argument)):
            return ""
        if isinstance(node, Heading):
            return "#" * node.level + " " + self.nodes(node.title.nodes).strip()
        if isinstance(node, Wikilink):
            target = str(node.title).strip()
            if target.lower().lstrip(":").startswith(NOT_ARTICLES) or re.match(
                r"^:?[a-z-]{2,3}:", target
            ):
                return ""
            label = self.nodes(node.text.nodes).strip() if node.text else ""
            return f"[[{target}|{label}]]" if label else f"[[{target}]]"
        if isinstance(node, ExternalLink):
            label = self.nodes(node.title.nodes).strip() if node.title else ""
            return f"[{label}]({node.url})" if label else str(node.url)
        if isinstance(node, Template):
            return self.template(node)
        if isinstance(node, Tag):
            return self.tag(node)
        return ""

    def template(self, node: Template) -> str:
        name = str(node.name).strip().lower()
        if name in NEEDED:
            return " [citation needed]"
        if name in FOOTNOTE_TEMPLATES:
            return self.footnote(" ".join(str(p.value).strip() for p in node.params))
        if name == "convert" and len(node.params) >= 2:
            return f"{node.params[0].value} {node.params[1].value}"
        if name in {"lang", "nowrap", "small"} and node.params:
            return self.nodes(node.params[-1].value.nodes)
        return ""

    def tag(self, node: Tag) -> str:
        name = str(node.tag).strip().lower()
        if name == "ref":
            ref_name = node.get("name").value.strip().strip("\"'") if node.has("name") else None
            contents = mwparserfromhell.parse(str(node.contents or ""))
            if not str(contents).strip() and ref_name in self.named:
                return f"[^{self.named[ref_name]}]"
            text = contents.strip_code() or " ".join(
                str(p.value).strip() for t in contents.filter_templates() for p in t.params
            )
            return self.footnote(text or "Source.", ref_name)
        if name in DROPPED_TAGS or name == "references":
            return ""
        if name == "li":
            return "1. " if str(node.wiki_markup) == "#" else "- "
        if name in {"dd", "dt"}:
            return ""
        if name == "br":
            return " "
        return self.nodes(node.contents.nodes) if node.contents else ""


def convert(text: str, title: str) -> str:
    converter = Converter()
    body = converter.nodes(mwparserfromhell.parse(text).nodes)
    body = re.sub(r"^[ \t]*(?:- |1\. )?[ \t]*$", "", body, flags=re.MULTILINE)
    body = re.sub(r"\n{3,}", "\n\n", body).strip()
    notes = "\n".join(f"[^{n}]: {note}" for n, note in enumerate(converter.notes, 1))
    safe_title = title.replace('"', "'")
    return f'---\ntitle: "{safe_title}"\n---\n\n{body}\n\n{notes}\n'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in sorted(args.corpus.glob("*.wiki")):
        title = title_of(path)
        text = convert(path.read_text(encoding="utf-8"), title)
        (args.out / f"{path.stem}.md").write_text(text, encoding="utf-8")
    print(
        f"converted {len(list(args.corpus.glob('*.wiki')))} articles into {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
