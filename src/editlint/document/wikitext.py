"""Parse MediaWiki wikitext into the document model, at exact offsets in the original text.

mwparserfromhell's tree prints back to exactly the text it was given, so a node's offset is
the sum of the lengths of the nodes before it. One walk over the nodes finds the links,
citations, cleanup tags, quotations and what is not prose (masked), and cuts the text into
logical lines (a newline inside a template or tag ends none); lines then become headings,
list items, preformatted code and paragraphs. ``build.finish`` does the rest, as for Markdown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import mwparserfromhell
from mwparserfromhell.nodes import (
    ExternalLink,
    Heading,
    HTMLEntity,
    Tag,
    Template,
    Text,
    Wikilink,
)

from editlint.document.build import finish
from editlint.document.inline import find_quotations
from editlint.document.model import (
    Block,
    BlockKind,
    Citation,
    CitationKind,
    Document,
    Link,
    LinkKind,
)
from editlint.document.wikiguard import check_wikitext
from editlint.document.wikinames import (
    CLEANUP_TEMPLATES,
    HATNOTE_TEMPLATES,
    LIST_WRAPPERS,
    NEEDED_TEMPLATES,
    OPAQUE_TAGS,
    QUOTE_TEMPLATES,
    is_article_link,
    is_citation_template,
    template_key,
    title_from_path,
)

_LIST_MARKUP = frozenset("*#:;")
_STYLE_OR_MAGIC = re.compile(r"'{2,}|__[A-Z]+__")
_QUOTE_PARAMETERS = ("text", "quote", "1")


@dataclass
class _Line:
    """A logical line: where it starts and ends, its list markup and prose extent."""

    start: int
    end: int = -1
    markers: str = ""
    content_start: int = -1
    content_end: int = -1
    heading: int = 0  # the heading level, 0 for other lines
    quote: bool = False
    pre: bool = False
    trailing_end: int = -1  # where a citation ends on a line with no prose of its own


class _Walker:
    """One walk over the tree: lines for the blocks; links, citations, masks on the way."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = [_Line(0)]
        self.links: list[Link] = []
        self.citations: list[Citation] = []
        self.masks: list[tuple[int, int]] = []
        self.quotations: list[tuple[int, int]] = []
        self.cleanup_tags: list[tuple[str, int, int]] = []
        self.quote_depth = 0

    # --- the tree ---------------------------------------------------------------------------

    def walk(self, wikicode, offset: int) -> int:
        for node in wikicode.nodes:
            source = str(node)
            end = offset + len(source)
            self._node(node, offset, end, source)
            offset = end
        return offset

    def _node(self, node, start: int, end: int, source: str) -> None:
        if isinstance(node, Text):
            self._text(start, source)
        elif isinstance(node, Wikilink):
            self._wikilink(node, start, end)
        elif isinstance(node, Template):
            self._template(node, start, end)
        elif isinstance(node, Tag):
            self._tag(node, start, end, source)
        elif isinstance(node, ExternalLink):
            self._external_link(node, start, end)
        elif isinstance(node, Heading):
            self._heading(node, start, end)
        elif isinstance(node, HTMLEntity):
            self.masks.append((start, end))
            self._content(start, end)
        else:  # comments, template arguments
            self.masks.append((start, end))

    def _text(self, start: int, value: str) -> None:
        for match in _STYLE_OR_MAGIC.finditer(value):
            self.masks.append((start + match.start(), start + match.end()))
        visible = _STYLE_OR_MAGIC.sub(lambda m: " " * len(m.group(0)), value)
        cursor = 0
        while True:
            newline = visible.find("\n", cursor)
            piece_end = len(visible) if newline < 0 else newline
            if visible[cursor:piece_end].strip():  # bold and italic quotes alone are none
                line = self.lines[-1]
                if line.content_start < 0 and not line.markers and start + cursor == line.start:
                    line.pre = value[cursor : cursor + 1] == " "
                piece = value[cursor:piece_end]
                first = cursor + len(piece) - len(piece.lstrip())
                self._content(start + first, start + first + len(piece.strip()))
            if newline < 0:
                return
            self._new_line(start + newline)
            cursor = newline + 1

    def _new_line(self, newline: int) -> None:
        self.lines[-1].end = newline
        self.lines.append(_Line(newline + 1))

    def _content(self, start: int, end: int) -> None:
        line = self.lines[-1]
        if line.content_start < 0:
            line.content_start = start
        line.content_end = max(line.content_end, end)
        if self.quote_depth:
            line.quote = True

    def _trailing(self, start: int, end: int) -> None:
        """A citation or tag after prose belongs to the prose's block, and so does one alone on
        the next line (one newline does not end a paragraph in MediaWiki)."""
        line = self.lines[-1]
        if line.content_start >= 0:
            line.content_end = max(line.content_end, end)
        else:
            line.trailing_end = max(line.trailing_end, end)

    def _heading(self, node: Heading, start: int, end: int) -> None:
        level = node.level
        self.masks.extend([(start, start + level), (end - level, end)])
        title_start = start + level
        title_end = self.walk(node.title, title_start)
        line = self.lines[-1]
        raw = self.text[title_start:title_end]
        line.heading = level
        line.content_start = title_start + len(raw) - len(raw.lstrip())
        line.content_end = max(line.content_start, title_start + len(raw.rstrip()))

    def _wikilink(self, node: Wikilink, start: int, end: int) -> None:
        title = str(node.title)
        if not is_article_link(title):
            self.masks.append((start, end))  # files with their captions, categories
            if node.text is not None and "<ref" in str(node.text).lower():
                self._refs_inside(node.text, start, end)
            return
        target_start, target_end = start + 2, start + 2 + len(title)
        if node.text is None:
            label, label_start = title, target_start
            self.masks.append((start, target_start))
        else:
            label, label_start = str(node.text), target_end + 1
            self.masks.append((start, label_start))
        self.masks.append((end - 2, end))
        link = Link(LinkKind.WIKI, title.strip(), label, start, end, target_start, target_end)
        self.links.append(link)
        if label.strip():
            self._content(start, end)

    def _external_link(self, node: ExternalLink, start: int, end: int) -> None:
        url = str(node.url)
        if not node.brackets:
            self.links.append(Link(LinkKind.AUTOLINK, url, url, start, end, start, end))
            self.citations.append(Citation(CitationKind.URL, url, start, end))
            self.masks.append((start, end))
            self._trailing(start, end)
            return
        url_start, url_end = start + 1, start + 1 + len(url)
        label = str(node.title) if node.title is not None else ""
        label_start = end - 1 - len(label)
        self.links.append(Link(LinkKind.INLINE, url, label, start, end, url_start, url_end))
        self.citations.append(Citation(CitationKind.URL, url, start, end))
        self.masks.extend([(start, label_start), (end - 1, end)])
        if label.strip():
            self._content(start, end)
        else:
            self._trailing(start, end)

    def _tag(self, node: Tag, start: int, end: int, source: str) -> None:
        markup = node.wiki_markup
        name = str(node.tag).strip().lower()
        if markup and markup in _LIST_MARKUP:
            line = self.lines[-1]
            if line.content_start < 0 and start == line.start + len(line.markers):
                line.markers += markup
            self.masks.append((start, end))
            return
        if name == "ref":
            self.masks.append((start, end))
            self.citations.append(Citation(CitationKind.REF_TAG, _ref_name(node), start, end))
            self._trailing(start, end)
            return
        if markup or name in OPAQUE_TAGS or node.self_closing or node.contents is None:
            self.masks.append((start, end))  # tables, rules, math, code, nowiki, <br/>
            if node.contents is not None and "<ref" in source.lower():
                self._refs_inside(node.contents, start, end)  # tables, <references>
            return
        contents = str(node.contents)
        closing = source.rfind("</")
        if closing < 0 or not source[:closing].endswith(contents):
            self.masks.append((start, end))
            return
        contents_start = start + closing - len(contents)
        self.masks.extend([(start, contents_start), (start + closing, end)])
        quote = name in ("blockquote", "q")
        if quote:
            self._quotation(contents_start, start + closing)
        self.quote_depth += quote
        self.walk(node.contents, contents_start)
        self.quote_depth -= quote

    def _template(self, node: Template, start: int, end: int) -> None:
        key = template_key(str(node.name))
        if key in NEEDED_TEMPLATES:
            self.citations.append(Citation(CitationKind.NEEDED, "", start, end))
        elif is_citation_template(key):
            self.citations.append(Citation(CitationKind.CITE_TEMPLATE, key, start, end))
        elif key in CLEANUP_TEMPLATES:
            self.cleanup_tags.append((key, start, end))
        else:
            self._other_template(node, key, start, end)
            return
        self.masks.append((start, end))
        self._trailing(start, end)
        if "<ref" in str(node).lower():  # {{efn|... <ref name=x>...</ref>}}
            self._nested_refs(_parameter_spans(node, start))

    def _other_template(self, node: Template, key: str, start: int, end: int) -> None:
        values = _parameter_spans(node, start)
        if key in HATNOTE_TEMPLATES:
            for param, value_start, _ in values:
                name = str(param.value).strip()
                if not param.showkey and name and is_article_link(name):
                    first = value_start + len(str(param.value)) - len(str(param.value).lstrip())
                    last = first + len(name)
                    self.links.append(Link(LinkKind.WIKI, name, name, first, last, first, last))
        inner = None
        if key in QUOTE_TEMPLATES:
            named = {str(param.name).strip(): (param, a, b) for param, a, b in values}
            inner = next((named[p] for p in _QUOTE_PARAMETERS if p in named), None)
        elif key in LIST_WRAPPERS:
            unnamed = [(param, a, b) for param, a, b in values if not param.showkey]
            inner = unnamed[-1] if unnamed and "\n" in str(unnamed[-1][0].value) else None
        if inner is None:
            self.masks.append((start, end))
            self._nested_refs(values)
            return
        param, value_start, value_end = inner
        self.masks.extend([(start, value_start), (value_end, end)])
        quote = key in QUOTE_TEMPLATES
        if quote:
            self._quotation(value_start, value_end)
        self.quote_depth += quote
        self.walk(param.value, value_start)
        self.quote_depth -= quote

    def _nested_refs(self, values: list[tuple[object, int, int]]) -> None:
        """The <ref> tags inside a template that is not prose (an infobox's sources)."""
        for param, value_start, _ in values:
            if "<ref" not in str(param.value).lower():
                continue
            offset = value_start
            for node in param.value.nodes:
                source = str(node)
                if isinstance(node, Tag) and str(node.tag).strip().lower() == "ref":
                    kind, name = CitationKind.REF_TAG, _ref_name(node)
                    self.citations.append(Citation(kind, name, offset, offset + len(source)))
                elif isinstance(node, Template):
                    self._nested_refs(_parameter_spans(node, offset))
                offset += len(source)

    def _refs_inside(self, wikicode, start: int, end: int) -> None:
        """The <ref> tags anywhere inside a masked element, found in order in its span."""
        cursor = start
        for node in wikicode.filter_tags(recursive=True, matches=_is_ref):
            source = str(node)
            found = self.text.find(source, cursor, end)
            if found < 0:
                continue
            kind, name = CitationKind.REF_TAG, _ref_name(node)
            self.citations.append(Citation(kind, name, found, found + len(source)))
            cursor = found + len(source)

    def _quotation(self, start: int, end: int) -> None:
        raw = self.text[start:end]
        first = start + len(raw) - len(raw.lstrip())
        if raw.strip():
            self.quotations.append((first, first + len(raw.strip())))

    # --- blocks -----------------------------------------------------------------------------

    def blocks(self) -> list[Block]:
        self.lines[-1].end = len(self.text)
        blocks: list[Block] = []
        paragraph: Block | None = None
        items = 0
        for line in self.lines:
            if line.content_start < 0:
                if paragraph is not None and line.trailing_end >= 0:
                    paragraph.end = line.trailing_end  # "...1.9%.\n<ref>...</ref>"
                    continue
                paragraph = None
                continue
            start, end = line.content_start, line.content_end
            if line.heading:
                block = Block(BlockKind.HEADING, start, end, level=line.heading)
            elif line.markers:
                items += 1
                block = Block(BlockKind.LIST_ITEM, start, end, list_depth=len(line.markers))
                block.level = items
            elif line.pre:
                block = Block(BlockKind.CODE, line.start, line.end)
            elif paragraph is not None and paragraph.in_blockquote == line.quote:
                paragraph.end = end
                continue
            else:
                block = Block(BlockKind.PARAGRAPH, start, end)
            block.in_blockquote = line.quote
            blocks.append(block)
            paragraph = block if block.kind is BlockKind.PARAGRAPH else None
        return blocks


def _parameter_spans(node: Template, start: int) -> list[tuple[object, int, int]]:
    """Each parameter of a template with the span of its value."""
    spans = []
    offset = start + 2 + len(str(node.name))
    for param in node.params:
        offset += 1  # the "|"
        value_start = offset + len(str(param.name)) + 1 if param.showkey else offset
        spans.append((param, value_start, value_start + len(str(param.value))))
        offset += len(str(param))
    return spans


def _is_ref(node: Tag) -> bool:
    return str(node.tag).strip().lower() == "ref"


def _ref_name(node: Tag) -> str:
    for attribute in node.attributes:
        if str(attribute.name).strip().lower() == "name" and attribute.value is not None:
            return str(attribute.value).strip()
    return ""


def parse_wikitext(text: str, path: Path | None = None) -> Document:
    """Parse ``text`` (a whole wikitext page) into a Document with exact offsets."""
    check_wikitext(text)
    tree = mwparserfromhell.parse(text, skip_style_tags=True)
    walker = _Walker(text)
    walker.walk(tree, 0)
    document = Document(
        path=path,
        text=text,
        format="wikitext",
        title=title_from_path(path) if path is not None else "",
        blocks=walker.blocks(),
    )
    document.links = sorted(walker.links, key=lambda link: link.start)
    document.citations = sorted(walker.citations, key=lambda citation: citation.start)
    document.cleanup_tags = walker.cleanup_tags
    finish(document, walker.masks, scan_blocks=False)
    quotations = list(walker.quotations)
    for block in document.blocks:
        if block.kind is BlockKind.PARAGRAPH or block.kind is BlockKind.LIST_ITEM:
            quotations.extend(find_quotations(document.masked, block.start, block.end))
    document.quotations = sorted(quotations)
    return document
