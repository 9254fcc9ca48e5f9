"""Exact edits on see-also entries: rename an entry, remove it, remove an empty section.

Front matter changes go through a ruamel.yaml round trip (comments, key order and quoting
survive) and come back as one exact-span edit of the original text.
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from editlint.diagnostics import Edit
from editlint.document import CitationKind, Document, LinkKind, SeeAlsoEntry, SeeAlsoSource
from editlint.document.errors import InputError
from editlint.document.frontmatter import split_front_matter
from editlint.index import Article

if TYPE_CHECKING:
    from ruamel.yaml import YAML

# (mapping, sequence, offset) indentations tried until one reproduces the original exactly.
_INDENTS = ((2, 2, 0), (2, 4, 2), (4, 4, 0), (4, 6, 2), (2, 3, 1))


def rename_entry(
    document: Document, entry: SeeAlsoEntry, article: Article, url_prefixes=(), name=None
) -> Edit | None:
    """Point ``entry`` at ``article`` under its canonical name (or at ``name``)."""
    title = name or article.title
    if entry.source is SeeAlsoSource.FRONT_MATTER:
        return front_matter_edit(document.text, "see_also", entry.fm_index, title)
    link = entry.link
    if link is None:
        return Edit(entry.start, entry.end, title)
    if link.kind is LinkKind.WIKI:
        page_end = link.target_start + len(link.target.partition("#")[0].rstrip())
        return Edit(link.target_start, page_end, title)
    if link.kind is LinkKind.PROSE:
        return Edit(link.start, link.end, title)
    if link.kind is not LinkKind.INLINE:
        return None
    written = document.text[link.target_start : link.target_end]
    page_end = link.target_start + len(written.partition("#")[0])
    for prefix in url_prefixes:
        if written.startswith(prefix):
            page = quote(title.replace(" ", "_"), safe="/:()',!*$@;~-_.")
            return Edit(link.target_start, page_end, prefix + page)
    if document.path is None:
        return None
    relative = os.path.relpath(article.path, document.path.parent)
    return Edit(link.target_start, page_end, quote(Path(relative).as_posix(), safe="/._-~()"))


def remove_entry(document: Document, entry: SeeAlsoEntry) -> Edit | None:
    """Delete a see-also section item (its whole line) or a front matter list item; not a line
    that defines a note cited elsewhere (removing it would leave that citation undefined)."""
    if entry.source is SeeAlsoSource.FRONT_MATTER:
        return front_matter_edit(document.text, "see_also", entry.fm_index, None)
    if entry.source is not SeeAlsoSource.SECTION:
        return None
    start, end = _whole_lines(document, entry.start, entry.end)
    if _defines_a_cited_note(document, start, end):
        return None
    return Edit(start, end)


def _defines_a_cited_note(document: Document, start: int, end: int) -> bool:
    """Whether ``[start, end)`` holds a footnote definition or a named ``<ref>`` with content
    (as SRC104 reads them) whose name a citation outside that span uses."""
    text = document.text
    defined = {d.label for d in document.footnote_definitions if start <= d.start < end}
    defined.update(
        citation.key
        for citation in document.citations
        if citation.kind is CitationKind.REF_TAG
        and citation.key
        and start <= citation.start < end
        and not text[citation.start : citation.end].endswith("/>")
    )
    return bool(defined) and any(
        citation.key in defined
        for citation in document.citations
        if not start <= citation.start < end
    )


def remove_section(document: Document, section_index: int) -> Edit:
    """Delete a heading and its (blank) section; at the end of the file, the blank lines too."""
    section = document.sections[section_index]
    heading = document.blocks[section.heading]
    lines = document.lines
    start = lines.line_start(lines.position(heading.start)[0])
    if document.text[section.end :].strip():
        return Edit(start, lines.line_start(lines.position(section.end)[0]), "")
    before = document.text[:start].rstrip()
    return Edit(len(before), len(document.text), "\n" if before else "")


def _whole_lines(document: Document, start: int, end: int) -> tuple[int, int]:
    lines = document.lines
    first = lines.line_start(lines.position(start)[0])
    last_line = lines.position(end)[0]
    return first, min(lines.line_end(last_line) + 1, len(document.text))


def front_matter_edit(text: str, key: str, index: int, replacement: str | None) -> Edit | None:
    """Replace (or, with None, delete) item ``index`` of the front matter list ``key``."""
    try:
        bounds = split_front_matter(text)
    except InputError:
        return None
    if bounds is None:
        return None
    yaml_start, yaml_end, _ = bounds
    source = text[yaml_start:yaml_end]
    from ruamel.yaml.error import YAMLError  # deferred: only a front matter edit needs ruamel

    for mapping, sequence, offset in _INDENTS:
        yaml = _round_trip_yaml(mapping, sequence, offset)
        try:
            data = yaml.load(source)
            if _dump(yaml, data) != source:
                continue
        except YAMLError:
            return None
        items = data.get(key) if isinstance(data, dict) else None
        if not isinstance(items, list) or not 0 <= index < len(items):
            return None
        if replacement is None:
            del items[index]
        else:
            items[index] = _same_quoting(items[index], replacement)
        return _minimal_edit(source, _dump(yaml, data), yaml_start)
    return None


def _round_trip_yaml(mapping: int, sequence: int, offset: int) -> YAML:
    from ruamel.yaml import YAML  # deferred with YAMLError above: front matter edits only

    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _dump(yaml: YAML, data) -> str:
    stream = io.StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _same_quoting(old, new: str):
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString  # idem

    if isinstance(old, SingleQuotedScalarString):
        return SingleQuotedScalarString(new)
    if isinstance(old, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(new)
    return new


def _minimal_edit(old: str, new: str, base: int) -> Edit:
    prefix = 0
    limit = min(len(old), len(new))
    while prefix < limit and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    return Edit(base + prefix, base + len(old) - suffix, new[prefix : len(new) - suffix])
