"""Convert a plain-text wiki export into Markdown with front matter.

The first step of the content pipeline: bare headings become ``##`` headings, "•"
bullets become list items, names in "See also X and Y" sentences become wiki links.
"""

from __future__ import annotations

import io
import re

from ruamel.yaml import YAML

from editlint.document import BlockKind, Document, SeeAlsoSource
from editlint.document.plaintext import parse_plaintext

MAX_SLUG_LENGTH = 80


def slugify(title: str) -> str:
    """A short, safe file name for ``title``: letters, digits and hyphens, at most 80."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:MAX_SLUG_LENGTH].strip("-")
    return slug or "article"


def export_to_markdown(text: str) -> tuple[str, str]:
    """Return (slug, markdown) for a plain-text export."""
    document = parse_plaintext(text)
    slug = slugify(document.title)
    front_matter = {"title": document.title, "slug": slug}
    body = _body(document)
    stream = io.StringIO()
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.dump(front_matter, stream)
    return slug, f"---\n{stream.getvalue()}---\n\n{body}"


def _body(document: Document) -> str:
    links = _wiki_links(document)
    parts = []
    for index, block in enumerate(document.blocks):
        if index == 0 and block.kind is BlockKind.HEADING and block.level == 1:
            continue  # the title lives in the front matter
        content = _with_links(document.text, block.start, block.end, links)
        content = " ".join(line.strip() for line in content.split("\n"))
        if block.kind is BlockKind.HEADING:
            parts.append(f"{'#' * block.level} {content}")
        elif block.kind is BlockKind.LIST_ITEM:
            parts.append(f"- {content}")
        else:
            parts.append(content)
    return "\n\n".join(parts) + "\n"


def _wiki_links(document: Document) -> list[tuple[int, int]]:
    return sorted(
        (entry.start, entry.end)
        for entry in document.see_also
        if entry.source is SeeAlsoSource.PROSE
    )


def _with_links(text: str, start: int, end: int, links: list[tuple[int, int]]) -> str:
    pieces = []
    cursor = start
    for link_start, link_end in links:
        if link_start < start or link_end > end:
            continue
        pieces.append(text[cursor:link_start])
        pieces.append(f"[[{text[link_start:link_end]}]]")
        cursor = link_end
    pieces.append(text[cursor:end])
    return "".join(pieces)
