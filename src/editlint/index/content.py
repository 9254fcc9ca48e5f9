"""The content index: every article of a content root by title, slug, alias, redirect and path."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from editlint.document import SUPPORTED_SUFFIXES
from editlint.index.anchors import anchor_keys
from editlint.index.scan import ScannedArticle
from editlint.index.stamp import article_hash, index_stamp, total_text
from editlint.index.suggest import TitleSuggester, language_of

_SPACES = re.compile(r"[\s_]+")


def normalise_title(name: str) -> str:
    """The lenient form titles are compared in: case-folded, '_' as space, spaces collapsed."""
    return _SPACES.sub(" ", name).strip().casefold()


def mediawiki_title(name: str) -> str:
    """MediaWiki's form: '_' as space, spaces collapsed, the first letter upper case."""
    name = _SPACES.sub(" ", name).strip()
    return name[:1].upper() + name[1:]


@dataclass
class Article:
    title: str
    file: str  # the absolute path of the article's file
    slug: str
    aliases: list[str] = field(default_factory=list)
    redirects: list[str] = field(default_factory=list)
    redirect_to: str | None = None  # a redirect page: the link target it forwards to
    headings: list[str] | None = None
    ids: list[str] = field(default_factory=list)
    # Where the headings were scanned from and a digest of the text: not part of what the
    # index knows (kept out of repr, so the result cache's index fingerprint ignores them).
    body_start: int = field(default=0, repr=False, compare=False)
    digest: str = field(default="", repr=False, compare=False)

    @classmethod
    def from_scan(cls, file: str, scanned: ScannedArticle) -> Article:
        stem = os.path.splitext(os.path.basename(file))[0]
        return cls(
            title=scanned.title,
            file=file,
            slug=scanned.slug or stem,
            aliases=scanned.aliases,
            redirects=list(scanned.redirect_from),  # add_redirect appends: not to the scan
            redirect_to=scanned.redirect_to,
            headings=scanned.headings,
            ids=scanned.ids,
            body_start=scanned.body_start,
            digest=scanned.digest,
        )

    @cached_property
    def path(self) -> Path:
        return Path(self.file)

    def canonical_names(self) -> set[str]:
        return {self.title, self.slug, os.path.splitext(os.path.basename(self.file))[0]}


@dataclass
class Lookup:
    """An article found by name; ``via`` is "alias" or "redirect" when the name is neither
    its title, slug nor file name."""

    article: Article
    via: str | None = None


@dataclass
class ContentIndex:
    """Articles of a content root, looked up by any of their names; picklable."""

    root: Path
    articles: list[Article] = field(default_factory=list)
    _canonical: dict[str, Article] = field(default_factory=dict)
    _alternate: dict[str, tuple[Article, str]] = field(default_factory=dict)
    _wiki_canonical: dict[str, Article] = field(default_factory=dict)
    _wiki_alternate: dict[str, tuple[Article, str]] = field(default_factory=dict)
    _by_path: dict[str, Article] = field(default_factory=dict)
    _anchors: dict[tuple[str, str], frozenset[str]] = field(default_factory=dict)
    _suggester: TitleSuggester | None = field(default=None, repr=False)
    # The stamp's parts (``index/stamp.py``): the redirects file's entries, the hash of each
    # article a redirect was added to (taken before), and the stamp once known.
    _redirect_entries: dict[str, str] = field(default_factory=dict, repr=False, compare=False)
    _scanned_hashes: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    _stamp: str | None = field(default=None, repr=False, compare=False)

    def add(self, article: Article) -> None:
        self._stamp = None
        self.articles.append(article)
        self._by_path[article.file] = article
        for name in article.canonical_names():
            self._canonical.setdefault(normalise_title(name), article)
            self._wiki_canonical.setdefault(mediawiki_title(name), article)
        for names, via in ((article.aliases, "alias"), (article.redirects, "redirect")):
            for name in names:
                self._add_alternate(name, article, via)

    def add_redirect(self, name: str, title: str) -> None:
        """A redirects-file entry: ``name`` reaches the article named ``title``."""
        self._stamp = None
        self._redirect_entries[name] = title
        found = self.lookup(title)
        if found is not None:
            article = found.article
            self._scanned_hashes.setdefault(article.file, article_hash(article))
            article.redirects.append(name)
            self._add_alternate(name, found.article, "redirect")

    def _add_alternate(self, name: str, article: Article, via: str) -> None:
        self._alternate.setdefault(normalise_title(name), (article, via))
        self._wiki_alternate.setdefault(mediawiki_title(name), (article, via))

    def lookup(self, name: str, mediawiki: bool = False) -> Lookup | None:
        """The article a title, slug, alias or redirect names (MediaWiki rules if asked)."""
        canonical, alternate = (
            (self._wiki_canonical, self._wiki_alternate)
            if mediawiki
            else (self._canonical, self._alternate)
        )
        key = mediawiki_title(name) if mediawiki else normalise_title(name)
        if key in canonical:
            return Lookup(canonical[key])
        if key in alternate:
            return Lookup(*alternate[key])
        return None

    def resolve(self, name: str) -> Article | None:
        """The article a title, slug, alias or redirect names, or None."""
        found = self.lookup(name)
        return found.article if found else None

    def by_path(self, path: Path) -> Article | None:
        return self._by_path.get(str(path.resolve()))

    def suggest(self, name: str) -> str | None:
        """The title closest to ``name`` ("did you mean"), or None when none is close."""
        if self._suggester is None:
            self._suggester = title_suggester([(a.title, a.redirect_to) for a in self.articles])
        return self._suggester.suggest(normalise_title(name))

    def stamp(self) -> str:
        """Changes whenever anything the index knows changes (titles, aliases, headings, the
        redirects file, ...); the same as the store's for the same articles
        (``index/stamp.py``). Hashed once, then kept until an article or redirect is added:
        the warm process patches an article's body in place, which changes no stamp."""
        if self._stamp is None:
            hashes = self._scanned_hashes
            total = sum(
                hashes[article.file] if article.file in hashes else article_hash(article)
                for article in self.articles
            )
            self._stamp = index_stamp(total_text(total), self._redirect_entries)
        return self._stamp

    def preload(self) -> None:
        """Nothing to do: every article is in memory (``StoredIndex`` reads them here)."""

    def anchor_keys(self, article: Article, scheme: str) -> frozenset[str] | None:
        """The fragment keys reaching the article's headings; None when they are unknown."""
        if article.headings is None:
            return None
        key = (article.file, scheme)
        if key not in self._anchors:
            self._anchors[key] = anchor_keys(article.headings, article.ids, scheme)
        return self._anchors[key]


def title_suggester(titles: list[tuple[str, str | None]]) -> TitleSuggester:
    """ "Did you mean" over articles' (title, redirect target), in the index's order: of two
    articles with one title, the first keeps it; a redirect's language is its target's."""
    return TitleSuggester(
        {normalise_title(title): title for title, _ in reversed(titles)},
        languages={
            normalise_title(title): language_of(title) or language_of(redirect_to or "")
            for title, redirect_to in titles
        },
    )


def article_files(root: str, subfolders: bool = True) -> list[tuple[str, os.stat_result]]:
    """Every article file under ``root`` (or directly in it, without ``subfolders``) with its
    stat, sorted. Hidden folders (version control, tools) are skipped; a dot-named article
    (``.NET Core.md``, a real title) is not."""
    found: list[tuple[str, os.stat_result]] = []
    folders = [root]
    while folders:
        try:
            entries = list(os.scandir(folders.pop()))
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    if subfolders and not entry.name.startswith("."):
                        folders.append(entry.path)
                elif os.path.splitext(entry.name)[1].lower() in SUPPORTED_SUFFIXES:
                    found.append((entry.path, entry.stat()))
            except OSError:
                continue
    found.sort()
    return found


def article_name(file: str, root: str) -> str:
    """The index's name of ``file``, a path under ``root`` as ``article_files`` gives it:
    the part below ``root``, with forward slashes."""
    start = len(root) if root.endswith(os.sep) else len(root) + 1
    return file[start:].replace(os.sep, "/")
