"""Convert a MediaWiki wikitext page into Markdown with front matter.

The page is parsed into the document model first; each heading, paragraph and list item is
written from its prose (what the model leaves unmasked) with its links and citations put
back: wiki links stay ``[[Target|label]]``, external links become ``[label](url)``, each
``<ref>`` and citation template a footnote (a reused ``<ref name=x />`` the same one), and
``{{citation needed}}`` a ``[citation needed]`` marker. Templates, tables and the rest are
left out.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from ruamel.yaml import YAML

from editlint.convert.plain_export import slugify
from editlint.document import BlockKind, CitationKind, Document, LinkKind
from editlint.document.wikitext import parse_wikitext

_SPACES = re.compile(r"[ \t\n]+")
_REF_CONTENTS = re.compile(r"\A<ref\b[^>]*>(.*)</ref\s*>\Z", re.DOTALL | re.IGNORECASE)
_COMMENT = re.compile(r"<!--.*?-->|<ref\b[^>]*/>|<ref\b[^>]*>.*?</ref\s*>", re.DOTALL | re.I)
_STYLE = re.compile(r"'{2,}")
_EMPHASIS = {2: "*", 3: "**", 5: "***"}  # ''italic'', '''bold''', both


def wikitext_to_markdown(text: str, title: str) -> tuple[str, str]:
    """Return (slug, markdown) for a wikitext page titled ``title``."""
    document = parse_wikitext(text, Path(title.replace(" ", "_") + ".wiki"))
    document.title = title
    slug = slugify(title)
    notes = _Footnotes(document)
    parts = []
    for block in document.blocks:
        content = _inline(document, block.start, block.end, notes)
        if not content:
            continue
        if block.kind is BlockKind.HEADING:
            parts.append(f"{'#' * max(2, block.level)} {content}")
        elif block.kind is BlockKind.LIST_ITEM:
            parts.append("  " * (block.list_depth - 1) + f"- {content}")
        elif block.kind is BlockKind.PARAGRAPH:
            parts.append(f"> {content}" if block.in_blockquote else content)
    body = "\n\n".join(_join_lists(parts))
    if notes.definitions:
        body += "\n\n" + "\n".join(notes.definitions)
    stream = io.StringIO()
    yaml = YAML()
    yaml.default_flow_style = False
    yaml.width = 4096  # a long title stays on one line
    yaml.dump({"title": title, "slug": slug}, stream)
    return slug, f"---\n{stream.getvalue()}---\n\n{body}\n"


def _join_lists(parts: list[str]) -> list[str]:
    """Consecutive list items as one list (no blank line between them)."""
    joined: list[str] = []
    for part in parts:
        if joined and part.lstrip().startswith("- ") and joined[-1].lstrip().startswith("- "):
            joined[-1] += "\n" + part
        else:
            joined.append(part)
    return joined


class _Footnotes:
    """Footnote labels for the page's citations, and their definitions in order."""

    def __init__(self, document: Document) -> None:
        self.definitions: list[str] = []
        self._by_name: dict[str, str] = {}
        self._texts: dict[str, str] = {}
        for citation in document.citations:  # named refs are defined once, maybe after use
            if citation.kind is CitationKind.REF_TAG and citation.key:
                source = document.text[citation.start : citation.end]
                contents = _REF_CONTENTS.match(source)
                if contents and contents.group(1).strip():
                    self._texts.setdefault(citation.key, contents.group(1))

    def label_for(self, document: Document, citation) -> str:
        if citation.key and citation.key in self._by_name:
            return self._by_name[citation.key]
        label = str(len(self.definitions) + 1)
        source = document.text[citation.start : citation.end]
        if citation.kind is CitationKind.REF_TAG:
            contents = _REF_CONTENTS.match(source)
            source = contents.group(1) if contents else self._texts.get(citation.key, "")
        if citation.key:
            self._by_name[citation.key] = label
        note = _SPACES.sub(" ", _COMMENT.sub("", source)).strip() or "(source not given)"
        self.definitions.append(f"[^{label}]: {note}")
        return label


def _inline(document: Document, start: int, end: int, notes: _Footnotes) -> str:
    """The Markdown for ``[start, end)``: prose with its links and citations written back."""
    elements = [
        (link.start, link.end, link)
        for link in document.links
        if start <= link.start < end and link.kind in (LinkKind.WIKI, LinkKind.INLINE)
    ]
    elements += [
        (citation.start, citation.end, citation)
        for citation in document.citations
        if start <= citation.start < end and citation.kind is not CitationKind.URL
    ]
    pieces = []
    cursor = start
    for element_start, element_end, element in sorted(elements, key=lambda e: e[0]):
        if element_start < cursor:
            continue  # a hatnote's link inside a template already written
        pieces.append(_prose(document, cursor, element_start))
        pieces.append(_element(document, element, notes))
        cursor = element_end
    pieces.append(_prose(document, cursor, end))
    return _SPACES.sub(" ", "".join(pieces)).strip()


def _prose(document: Document, start: int, end: int) -> str:
    """The unmasked text of ``[start, end)``, bold and italic quotes written as Markdown."""
    pieces = []
    cursor = start
    for match in _STYLE.finditer(document.text, start, end):
        if document.masked[match.start()] == "'":
            continue  # inside prose kept as it is (not markup)
        pieces += [document.masked[cursor : match.start()], _EMPHASIS.get(len(match[0]), "")]
        cursor = match.end()
    pieces.append(document.masked[cursor:end])
    return "".join(pieces)


def _element(document: Document, element, notes: _Footnotes) -> str:
    kind = element.kind
    if kind is LinkKind.WIKI:
        label = _SPACES.sub(" ", document.masked[element.start : element.end]).strip()
        label = label or element.target
        return f"[[{element.target}|{label}]]" if label != element.target else f"[[{label}]]"
    if kind is LinkKind.INLINE:
        label = _SPACES.sub(" ", element.label).strip() or element.target
        return f"[{label}]({element.target})"
    if kind is CitationKind.NEEDED:
        return "[citation needed]"
    return f"[^{notes.label_for(document, element)}]"
