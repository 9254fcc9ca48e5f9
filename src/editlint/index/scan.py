"""A fast scan of one article for the index: front matter, title, headings, redirect, ids.

No full Markdown parse: heading lines are found line by line, skipping fenced code, which
is what makes indexing 10,000 articles cheap.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field

from editlint.document.errors import InputError
from editlint.document.frontmatter import parse_front_matter, split_front_matter
from editlint.document.plaintext import strip_scraped_edit

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE_LEADS = frozenset("`~")
_UNDERLINE_LEADS = frozenset("=-")
_NOT_PARAGRAPH = re.compile(r"^ {0,3}(?:[-*+>|]|\d+[.)]|#|<|\s*$)|^ {4}")
_ID_ATTRIBUTE = re.compile(r"<[a-zA-Z][^<>]*?\s(?:id|name)\s*=\s*[\"']([^\"']+)[\"']")
_ANCHOR_TEMPLATE = re.compile(r"\{\{\s*(?:[Vv]isible )?[Aa]nchors?\s*\|([^{}]*)\}\}")
_HEADING_ID = re.compile(r"[ \t]*\{#([^}\s]+)\}[ \t]*$")
_REDIRECT_PAGE = re.compile(
    r"\A\s*(?:Redirect to:\s*\n\s*[-*+]\s+\[[^\]]*\]\(\s*<?((?:[^\s()>]++|\([^\s()]*\))+)|"
    r"#REDIRECT\s*\[\[([^\]|]+)(?:\|[^\]]*)?\]\])",
    re.IGNORECASE,
)

# Inline markup removed to get a heading's plain text (what its anchor is made from). Some of
# these patterns are quadratic on pathological lines, so only headings up to this long get them.
MAX_HEADING_MARKUP = 1_000
_INLINE_LINK = re.compile(r"!?\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\([^)]*(?:\([^)]*\)[^)]*)*\)")
_WIKI_LINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")
_CODE_SPAN = re.compile(r"(?<!`)(`++)(.+?)(?<!`)\1(?!`)")  # runs open whole: linear
# Only real HTML elements: a wiki export writes '<module>' in a heading as text.
_HTML_TAG = re.compile(
    r"</?(?:a|abbr|b|big|br|cite|code|del|em|font|i|img|ins|kbd|mark|q|s|samp|small|span"
    r"|strike|strong|sub|sup|tt|u|var)\b[^>]*>",
    re.IGNORECASE,
)
_EMPHASIS = re.compile(r"(\*{1,3}|(?<!\w)_{1,3})(?=\S)(.+?)(?<=\S)\1(?!\w)")
_STRIKE = re.compile(r"~~(.+?)~~")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
# A heading without any of these is its own plain text: every pattern above, the entities
# html.unescape reads and the placeholders of kept literals need one of them.
_MARKUP = frozenset("[`\\<*_~&\x00")


@dataclass
class ScannedArticle:
    """What the index keeps of one file."""

    title: str
    slug: str | None = None
    aliases: list[str] = field(default_factory=list)
    redirect_from: list[str] = field(default_factory=list)
    redirect_to: str | None = None
    headings: list[str] | None = None  # None: unknown (no anchor checks against this file)
    ids: list[str] = field(default_factory=list)  # explicit anchors: {#id}, id="..."
    body_start: int = 0  # where the headings were scanned from
    digest: str = ""  # text_digest of the text scanned, "" for plain text


def text_digest(text: str) -> str:
    """A digest of an article's text: a document with the same text has the same headings."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def scan_text(text: str, stem: str, plaintext: bool = False) -> ScannedArticle:
    """Scan an article's text; ``stem`` is its file name without suffix."""
    if plaintext:
        first_line = text.strip().split("\n", 1)[0] if text.strip() else stem
        return ScannedArticle(title=strip_scraped_edit(first_line) or stem)
    meta, body_start = _front_matter(text)
    headings, ids, first_h1 = scan_headings(text, body_start)
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    redirect = _REDIRECT_PAGE.match(text, body_start)
    redirect_to = meta.get("redirect_to") if isinstance(meta.get("redirect_to"), str) else None
    if redirect and not redirect_to:
        redirect_to = (redirect.group(1) or redirect.group(2) or "").strip() or None
    return ScannedArticle(
        title=(title or first_h1 or stem).strip(),
        slug=meta.get("slug") if isinstance(meta.get("slug"), str) else None,
        aliases=_strings(meta.get("aliases")),
        redirect_from=_strings(meta.get("redirect_from")),
        redirect_to=redirect_to,
        headings=headings,
        ids=ids,
        body_start=body_start,
        digest=text_digest(text),
    )


_WIKI_HEADING = re.compile(r"^(={1,6})(.+?)\1[ \t]*$", re.MULTILINE)
_WIKI_REDIRECT = re.compile(r"\A\s*#REDIRECT\s*:?\s*\[\[([^\]|]+)(?:\|[^\]]*)?\]\]", re.IGNORECASE)
_WIKI_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.DOTALL)
# {{anchor|a|b}}, {{anchors|...}}, {{vanchor|text|id}}: ids a link's #fragment may name.
_WIKI_ANCHOR = re.compile(r"\{\{\s*(?:[Vv]?[Aa]nchors?)\s*\|([^{}\n]*)\}\}")


def scan_wikitext(text: str, title: str) -> ScannedArticle:
    """Scan a wikitext page: its ``== headings ==`` and a ``#REDIRECT [[target]]``."""
    visible = _WIKI_COMMENT.sub("", text) if "<!--" in text else text
    headings = [plain_heading(match.group(2)) for match in _WIKI_HEADING.finditer(visible)]
    redirect = _WIKI_REDIRECT.match(text)
    ids = _ID_ATTRIBUTE.findall(visible) if "<" in visible else []
    if "nchor" in visible:
        for match in _WIKI_ANCHOR.finditer(visible):
            ids.extend(name.strip() for name in match.group(1).split("|") if name.strip())
    return ScannedArticle(
        title=title,
        redirect_to=redirect.group(1).strip() if redirect else None,
        headings=[heading for heading in headings if heading],
        ids=ids,
        digest=text_digest(text),
    )


def scan_headings(text: str, start: int = 0) -> tuple[list[str], list[str], str | None]:
    """Plain texts of the headings outside code, explicit ids, and a leading H1 title."""
    headings: list[str] = []
    ids: list[str] = _ID_ATTRIBUTE.findall(text, start) if "<" in text else []
    if "{{" in text:  # wikitext anchors: {{anchor|Step 4|4}}, {{visible anchor|Term}}
        for names in _ANCHOR_TEMPLATE.findall(text, start):
            ids.extend(name.strip() for name in names.split("|") if name.strip())
    first_h1: str | None = None
    seen_content = False
    fence: str | None = None
    previous = ""
    carriage_returns = "\r" in text
    for line in text[start:].split("\n"):
        if carriage_returns:
            line = line.rstrip("\r")
        # The first character after the indentation: only a fence, an underline or a "#"
        # near the start makes a line more than text (most lines are tested by it alone).
        lead = line[:1]
        if lead == " ":
            lead = line.lstrip(" ")[:1]
        if fence is not None:
            if lead == fence[0] and line.lstrip(" ").startswith(fence):
                if not line.strip().strip(fence[0]):
                    fence = None
            previous = ""
            continue
        opening = _FENCE.match(line) if lead in _FENCE_LEADS else None
        if opening:
            fence = opening.group(1)
            previous = ""
            continue
        heading_text = None
        atx = _ATX.match(line) if "#" in line[:4] else None
        if atx:
            heading_text = atx.group(2) or ""
            level = len(atx.group(1))
        elif (
            previous
            and lead in _UNDERLINE_LEADS
            and _SETEXT.match(line)
            and not _NOT_PARAGRAPH.match(previous)
        ):
            heading_text = previous.strip()
            level = 1 if line.strip()[0] == "=" else 2
        if heading_text is not None:
            explicit = None
            if len(heading_text) <= MAX_HEADING_MARKUP:
                explicit = _HEADING_ID.search(heading_text)
            if explicit:
                ids.append(explicit.group(1))
                heading_text = heading_text[: explicit.start()]
            plain = plain_heading(heading_text)
            if level == 1 and not seen_content:
                first_h1 = plain
            headings.append(plain)
            seen_content = True
            previous = ""
            continue
        if not seen_content and line.strip():
            seen_content = True
        previous = line
    return headings, ids, first_h1


def plain_heading(markup: str) -> str:
    """The text a heading renders to: links, code, emphasis and tags reduced to their text."""
    text = markup.strip()
    if len(text) > MAX_HEADING_MARKUP:  # no real heading: spare the quadratic patterns
        return " ".join(text.split())
    if not _MARKUP.intersection(text):  # most headings: no pattern below can match
        return " ".join(text.split())
    text = _WIKI_LINK.sub(r"\1", text)
    text = _INLINE_LINK.sub(r"\1", text)
    literal: list[str] = []  # code spans and escaped characters, kept out of the markup passes

    def keep(value: str) -> str:
        literal.append(value)
        return f"\x00{len(literal) - 1}\x00"

    text = _CODE_SPAN.sub(lambda m: keep(m.group(2).strip() or m.group(2)), text)
    text = _ESCAPE.sub(lambda m: keep(m.group(1)), text)
    text = _HTML_TAG.sub("", text)
    previous = None
    while previous != text:
        previous = text
        text = _EMPHASIS.sub(r"\2", text)
        text = _STRIKE.sub(r"\1", text)
    text = html.unescape(text)
    text = re.sub(r"\x00(\d+)\x00", lambda m: literal[int(m.group(1))], text)
    return " ".join(text.split())


def _front_matter(text: str) -> tuple[dict, int]:
    """The front matter's data (the document's reading of it) and where the body starts;
    no data when it is invalid (the check reports it), with the body after a YAML one."""
    try:
        parsed = parse_front_matter(text)
    except InputError:
        if text.lstrip("\ufeff")[:3] in ("+++", "{"):
            return {}, 0
        try:
            bounds = split_front_matter(text)
        except InputError:
            return {}, 0
        return {}, bounds[2] if bounds is not None else 0
    return (parsed.data, parsed.body_start) if parsed is not None else ({}, 0)


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(item) for item in value if item is not None]
    return []
