"""What each citation of a document cites: its URLs and, for citation templates, its fields.

Wikitext ``<ref>`` tags and ``{{cite ...}}`` templates are read with mwparserfromhell (a
template's fields at exact offsets); Markdown footnote definitions and inline links to
external URLs give their URLs and their text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from editlint.document.model import BlockKind, CitationKind, Document

if TYPE_CHECKING:
    from mwparserfromhell.nodes import Template

URL = re.compile(r"(?:https?:)?//[^\s|\]\[{}<>\"']+[^\s|\]\[{}<>\"'.,;:)]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Field:
    value: str
    start: int
    end: int


@dataclass
class CitedSource:
    """One citation: its span, the span of what it holds, its URLs and its template, if any."""

    start: int
    end: int
    content_start: int
    content_end: int
    urls: list[Field] = field(default_factory=list)
    template: str = ""  # "cite web", "cite news", ... ("" when there is none)
    template_span: tuple[int, int] = (0, 0)
    fields: dict[str, Field] = field(default_factory=dict)
    free_text: bool = False  # a Markdown footnote: names are looked for in its text


def cited_sources(document: Document) -> list[CitedSource]:
    """Every citation of ``document`` that holds a source (not a reuse, ``<ref name=x/>``)."""
    text = document.text
    found: list[CitedSource] = []
    for citation in document.citations:
        if citation.kind is CitationKind.REF_TAG:
            source = _ref(text, citation.start, citation.end)
        elif citation.kind is CitationKind.CITE_TEMPLATE and citation.key.startswith("cite"):
            source = _from_wikitext(
                text, citation.start, citation.end, citation.start, citation.end
            )
        else:
            continue
        if source is not None:
            found.append(source)
    for start, end, content_start, content_end in _footnote_spans(document):
        source = _from_wikitext(text, start, end, content_start, content_end)
        source.free_text = True
        found.append(source)
    return found


def _footnote_spans(document: Document):
    """(start, end, content start, content end) of each Markdown footnote definition: its
    label ``[^n]:`` and the definition blocks after it, up to the next label."""
    definitions = sorted(document.footnote_definitions, key=lambda d: d.start)
    bodies = [b for b in document.blocks if b.kind is BlockKind.FOOTNOTE_DEFINITION]
    for number, definition in enumerate(definitions):
        limit = definitions[number + 1].start if number + 1 < len(definitions) else None
        own = [
            b for b in bodies if b.start >= definition.end and (limit is None or b.start < limit)
        ]
        if own:
            yield definition.start, own[-1].end, own[0].start, own[-1].end


def _ref(text: str, start: int, end: int) -> CitedSource | None:
    raw = text[start:end]
    opening = raw.find(">")
    closing = raw.lower().rfind("</ref")
    if opening == -1 or raw[opening - 1] == "/" or closing <= opening:
        return None  # <ref name=x /> reuses a citation defined elsewhere
    return _from_wikitext(text, start, end, start + opening + 1, start + closing)


def _from_wikitext(
    text: str, start: int, end: int, content_start: int, content_end: int
) -> CitedSource:
    source = CitedSource(start, end, content_start, content_end)
    content = text[content_start:content_end]
    if "{{" in content or "[" in content:
        import mwparserfromhell  # deferred: only a wikitext citation needs the parser (8 ms)

        _walk(mwparserfromhell.parse(content).nodes, content_start, source)
    covered = [(url.start, url.end) for url in source.urls]
    for match in URL.finditer(content):
        at = content_start + match.start()
        if not any(a <= at < b for a, b in covered):
            source.urls.append(Field(match.group(0), at, content_start + match.end()))
    return source


def _walk(nodes, offset: int, source: CitedSource) -> None:
    from mwparserfromhell.nodes import ExternalLink, Tag, Template  # loaded by the parse already

    for node in nodes:
        length = len(str(node))
        if isinstance(node, Template) and not source.template:
            name = " ".join(str(node.name).split()).lower()
            if name.startswith("cite") or name == "citation":
                source.template = name
                source.template_span = (offset, offset + length)
                _fields(node, offset, source)
        elif isinstance(node, ExternalLink):
            url = str(node.url)
            source.urls.append(
                Field(
                    url,
                    offset + (1 if node.brackets else 0),
                    offset + (1 if node.brackets else 0) + len(url),
                )
            )
        elif isinstance(node, Tag) and node.contents is not None and not node.self_closing:
            inner = str(node).find(str(node.contents)) if str(node.contents) else -1
            if inner >= 0:
                _walk(node.contents.nodes, offset + inner, source)
        offset += length


def _fields(node: Template, offset: int, source: CitedSource) -> None:
    """The template's named fields, with the offsets of their (stripped) values."""
    at = offset + 2 + len(str(node.name))
    for param in node.params:
        raw = str(param)
        at += 1  # the "|"
        if param.showkey:
            value = str(param.value)
            value_at = at + raw.index("=") + 1
            stripped = value.strip()
            first = value_at + len(value) - len(value.lstrip())
            key = " ".join(str(param.name).split()).lower().replace("_", "-")
            source.fields[key] = Field(stripped, first, first + len(stripped))
            if key in ("url", "archive-url", "chapter-url") and stripped:
                source.urls.append(Field(stripped, first, first + len(stripped)))
        at += len(raw)
