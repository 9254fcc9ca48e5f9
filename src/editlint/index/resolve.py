"""Link resolution: what a link, wiki link or see-also name points at in the content index.

Relative file links (``../nato.md``), wiki links (``[[Title#Section]]``), plain names, and
site URLs under configured prefixes (``/index.php/Title`` with MediaWiki title rules) all end
in the same ``Resolution``: found (with the article, and whether only an alias or redirect
reached it), missing, external, or unchecked (a site path editlint cannot map).
"""

from __future__ import annotations

import os
import re
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from editlint.document import Document, Link, LinkKind
from editlint.index.anchors import anchor_keys, reaches
from editlint.index.content import Article, ContentIndex
from editlint.index.scan import scan_headings, text_digest

#: Non-article files whose existence a check looked up, (path, exists), while ``probing``:
#: findings depend on them, so the result cache keeps them with the findings (see
#: engine/cache.py) and a deleted image or PDF is a miss there, not a stale "all fine".
_probes: ContextVar[list[tuple[str, bool]] | None] = ContextVar("editlint_probes", default=None)


@contextmanager
def probing():
    """Record the files looked up inside the block; yields the list they are added to."""
    found: list[tuple[str, bool]] = []
    token = _probes.set(found)
    try:
        yield found
    finally:
        _probes.reset(token)


def _exists(path: Path) -> bool:
    exists = path.exists()
    probes = _probes.get()
    if probes is not None:
        probes.append((os.path.abspath(path), exists))
    return exists


_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_FILE_NAME_UNSAFE = re.compile(r"[/:\\*?\"<>|]")
_ARTICLE_SUFFIXES = (".md", ".markdown", ".mdx", ".txt", ".wiki", ".wikitext", ".mediawiki")
MAX_REDIRECTS = 5


class Status(StrEnum):
    FOUND = "found"  # an article of the index
    FILE = "file"  # a file that exists but is not an article (an image, a PDF)
    SAME_PAGE = "same_page"  # only a fragment: '#Section'
    MISSING = "missing"
    EXTERNAL = "external"
    UNCHECKED = "unchecked"  # a site path no prefix maps, an empty target


@dataclass
class Resolution:
    status: Status
    name: str = ""  # the page name or path looked up, decoded, for messages
    article: Article | None = None  # the final article (redirect pages followed)
    via: str | None = None  # "alias" or "redirect" when the name is not canonical
    anchor: str | None = None  # the fragment, as written
    anchors_known: bool = True  # False when the target's headings cannot be known

    @property
    def found(self) -> bool:
        return self.status in (Status.FOUND, Status.FILE, Status.SAME_PAGE)


class LinkResolver:
    """Resolves the links of one document against the index under the site's link settings."""

    def __init__(self, index: ContentIndex, document: Document, url_prefixes=(), anchors="auto"):
        self.index = index
        self.document = document
        self.url_prefixes = tuple(url_prefixes)
        # A wikitext page's links follow MediaWiki's rules: its titles and its anchors.
        self.wiki = getattr(document, "format", "") == "wikitext"
        self.scheme = "mediawiki" if self.wiki else anchors
        self._own_anchors: frozenset[str] | None = None
        self._own_headings: tuple[list[str], list[str]] | None = None
        self._links: dict[int, tuple[Link, Resolution]] = {}

    def resolve_link(self, link: Link) -> Resolution:
        """What ``link`` (one of this document's) points at; resolved once per resolver."""
        found = self._links.get(id(link))
        if found is None or found[0] is not link:
            found = self._links[id(link)] = (link, self._resolve_link(link))
        return found[1]

    def _resolve_link(self, link: Link) -> Resolution:
        if link.kind is LinkKind.AUTOLINK and not link.target.startswith(self.url_prefixes):
            return Resolution(Status.EXTERNAL, link.target)  # a bare URL or <URL>
        if link.kind is LinkKind.PROSE:
            return self.resolve_name(link.target)
        target = link.target.strip()
        if link.kind is LinkKind.WIKI:
            name, hash_, anchor = target.partition("#")
            if not name.strip():
                return Resolution(Status.SAME_PAGE, anchor=anchor if hash_ else None)
            return self._by_name(name, anchor if hash_ else None, self.wiki)
        return self.resolve_target(target)

    def resolve_target(self, target: str, depth: int = 0) -> Resolution:
        """A URL or path as written in ``[label](target)``."""
        if not target:
            return Resolution(Status.UNCHECKED)
        if target.startswith("#"):
            return Resolution(Status.SAME_PAGE, anchor=target[1:])
        for prefix in self.url_prefixes:
            if target.startswith(prefix):
                page, hash_, anchor = target[len(prefix) :].partition("#")
                page = unquote(page.partition("?")[0]).replace("_", " ")
                return self._by_name(page, anchor if hash_ else None, True, depth)
            query_form = prefix.rstrip("/") + "?"
            if target.startswith(query_form):
                parts = urlsplit(target)
                titles = parse_qs(parts.query).get("title")
                if titles:
                    page = titles[0].replace("_", " ")
                    return self._by_name(page, parts.fragment or None, True, depth)
        if _SCHEME.match(target) or target.startswith("//"):
            return Resolution(Status.EXTERNAL, target)
        if target.startswith("/"):
            return Resolution(Status.UNCHECKED, target)
        return self._by_path(target, depth)

    def resolve_name(self, name: str) -> Resolution:
        """A plain name: a see-also sentence's target or a front matter entry."""
        return self._by_name(name, None)

    def anchor_exists(self, resolution: Resolution) -> bool | None:
        """Whether the resolution's fragment names a heading; None when it cannot be known."""
        if not resolution.anchor or not resolution.anchors_known:
            return None
        if resolution.status is Status.SAME_PAGE:
            keys = self.own_anchors()
        elif resolution.status is Status.FOUND and resolution.article is not None:
            keys = self.index.anchor_keys(resolution.article, self.scheme)
        else:
            return None
        if keys is None:
            return None
        return reaches(resolution.anchor, keys, self.scheme)

    def own_anchors(self) -> frozenset[str]:
        if self._own_anchors is None:
            self._own_anchors = anchor_keys(*self.own_headings(), self.scheme)
        return self._own_anchors

    def own_headings(self) -> tuple[list[str], list[str]]:
        """The document's own headings and explicit ids, scanned once per resolver."""
        if self._own_headings is None:
            document = self.document
            indexed = self._indexed_self()
            if indexed is not None:
                headings, ids = indexed.headings, indexed.ids
            elif document.format == "markdown":
                headings, ids, _ = scan_headings(document.text, document.body_start)
            else:
                headings, ids = [s.title for s in document.sections if not s.is_lead], []
            self._own_headings = (headings, ids)
        return self._own_headings

    def _indexed_self(self) -> Article | None:
        """The index's scan of this very text (same file, same text), whose headings it has."""
        document = self.document
        if document.format not in ("markdown", "wikitext") or document.path is None:
            return None
        article = self.index.by_path(document.path)
        if (
            article is None
            or article.headings is None
            or not article.digest
            or article.body_start != document.body_start
            or article.digest != text_digest(document.text)
        ):
            return None
        return article

    def _by_name(
        self, name: str, anchor: str | None, mediawiki: bool = False, depth: int = 0
    ) -> Resolution:
        name = name.strip()
        found = self.index.lookup(name, mediawiki)
        if found is None and mediawiki and self.wiki:
            # A wiki keeps a redirect for other capitalisations ("Assistive Technology");
            # a folder of pages does not: case-folded, the name still finds its article.
            found = self.index.lookup(name)
        if found is None:
            safe = _FILE_NAME_UNSAFE.sub("-", name)
            found = self.index.lookup(safe, mediawiki) if safe != name else None
        if found is None:
            return Resolution(Status.MISSING, name, anchor=anchor)
        return self._follow(found.article, name, found.via, anchor, depth)

    def _by_path(self, target: str, depth: int) -> Resolution:
        path_part, hash_, anchor = target.partition("#")
        anchor = anchor if hash_ else None
        relative = unquote(path_part.partition("?")[0])
        if not relative:
            return Resolution(Status.SAME_PAGE, anchor=anchor)
        base = self.document.path.parent if self.document.path else self.index.root
        candidate = base / relative
        for option in _path_options(candidate):
            article = self.index.by_path(option)
            if article is not None:
                return self._follow(article, relative, None, anchor, depth)
        if _exists(candidate):
            return Resolution(Status.FILE, relative, anchor=anchor, anchors_known=False)
        if "/" not in relative and not Path(relative).suffix:
            by_name = self._by_name(relative, anchor, depth=depth)
            if by_name.found:
                return by_name
        return Resolution(Status.MISSING, relative, anchor=anchor)

    def _follow(
        self, article: Article, name: str, via: str | None, anchor: str | None, depth: int
    ) -> Resolution:
        """Follow a redirect page to its target; the link's own fragment wins over the page's."""
        if article.redirect_to is None:
            return Resolution(Status.FOUND, name, article, via, anchor)
        if depth >= MAX_REDIRECTS:
            return Resolution(Status.FOUND, name, article, "redirect", anchor, anchors_known=False)
        final = self._redirect_target(article, depth + 1)
        if final is None or final.article is None:
            return Resolution(Status.FOUND, name, article, "redirect", anchor, anchors_known=False)
        return Resolution(
            Status.FOUND,
            name,
            final.article,
            "redirect",
            anchor if anchor is not None else final.anchor,
            final.anchors_known,
        )

    def _redirect_target(self, article: Article, depth: int) -> Resolution | None:
        target = article.redirect_to or ""
        resolver = LinkResolver(self.index, _PathOnly(article.path), self.url_prefixes, self.scheme)
        if "/" in target or target.startswith("#") or _SCHEME.match(target):
            resolution = resolver.resolve_target(target, depth)
        else:
            name, hash_, anchor = target.partition("#")
            resolution = resolver._by_name(name, anchor if hash_ else None, False, depth)
        return resolution if resolution.status is Status.FOUND else None


class _PathOnly:
    """The little of a document a redirect page's resolver needs: where it is."""

    def __init__(self, path: Path) -> None:
        self.path = path


def _path_options(candidate: Path) -> list[Path]:
    if candidate.suffix.lower() in _ARTICLE_SUFFIXES:
        return [candidate]
    options = [candidate, *(candidate.with_name(candidate.name + s) for s in _ARTICLE_SUFFIXES)]
    return [*options, candidate / "index.md", candidate / "README.md"]
