"""A content index with many more articles than memory should hold: a dump's pages in SQLite.

``PagesIndex`` is the content index of the articles on disk plus the pages added to it, which
live in a SQLite database (a temporary file while a dump is checked), looked up by the same
names and rules as ``ContentIndex`` does: canonical names (title, slug, file stem) before
aliases and redirects, the index's own articles first. Memory stays flat however many pages
there are; the cost is a query per name looked up (microseconds) and no "did you mean"
among the pages (the suggester needs every title in memory).

Pickled (to a Dask worker), the database travels as bytes and is opened in memory there; a
forked worker opens the file again (a SQLite connection must not cross a fork).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from editlint.index.content import Article, ContentIndex, Lookup, mediawiki_title, normalise_title

#: Pages kept as objects once looked up, so that the same page is the same object while a
#: page is checked (rules compare articles by identity).
RECENT_PAGES = 1024

_SCHEMA = """
CREATE TABLE pages (file TEXT PRIMARY KEY, title TEXT, slug TEXT, redirect_to TEXT,
                    headings TEXT, ids TEXT, digest TEXT);
CREATE TABLE names (kind INTEGER, key TEXT, file TEXT, via TEXT, PRIMARY KEY (kind, key));
"""
# kinds of names: lenient canonical, MediaWiki canonical, lenient alternate, MediaWiki alternate
_CANONICAL, _WIKI_CANONICAL, _ALTERNATE, _WIKI_ALTERNATE = range(4)


@dataclass
class PagesIndex(ContentIndex):
    """``ContentIndex`` whose added pages (``add_page``) are kept in SQLite at ``database``."""

    database: Path | None = None
    _image: bytes | None = field(default=None, repr=False)  # the database, once pickled
    _connection: sqlite3.Connection | None = field(default=None, repr=False)
    _pid: int = field(default=0, repr=False)
    _recent: OrderedDict = field(default_factory=OrderedDict, repr=False)
    _pending: int = field(default=0, repr=False)

    @classmethod
    def over(cls, base: ContentIndex, database: Path) -> PagesIndex:
        """A new index holding ``base``'s articles, its pages to be stored at ``database``."""
        index = cls(root=base.root, database=database)
        for article in base.articles:
            index.add(article)
        index._db().executescript(_SCHEMA)
        return index

    def add_page(self, article: Article) -> None:
        """Store ``article`` (a page): the first article to take a name keeps it."""
        db = self._db()
        db.execute(
            "INSERT OR IGNORE INTO pages VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                article.file,
                article.title,
                article.slug,
                article.redirect_to,
                json.dumps(article.headings) if article.headings is not None else None,
                json.dumps(article.ids),
                article.digest,
            ),
        )
        rows = []
        for name in article.canonical_names():
            rows.append((_CANONICAL, normalise_title(name), article.file, None))
            rows.append((_WIKI_CANONICAL, mediawiki_title(name), article.file, None))
        for names, via in ((article.aliases, "alias"), (article.redirects, "redirect")):
            for name in names:
                rows.append((_ALTERNATE, normalise_title(name), article.file, via))
                rows.append((_WIKI_ALTERNATE, mediawiki_title(name), article.file, via))
        db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?)", rows)
        self._pending += 1
        if self._pending >= 10_000:  # keep the journal small
            db.commit()
            self._pending = 0

    def finish(self) -> None:
        """Every page added: commit them."""
        self._db().commit()

    def close(self) -> None:
        """Close this process's connection (the database file may then be removed)."""
        if self._connection is not None and self._pid == os.getpid():
            self._connection.close()
        self._connection = None

    def lookup(self, name: str, mediawiki: bool = False) -> Lookup | None:
        if mediawiki:
            key, canonical, alternate = (
                mediawiki_title(name),
                self._wiki_canonical,
                self._wiki_alternate,
            )
            kinds = (_WIKI_CANONICAL, _WIKI_ALTERNATE)
        else:
            key, canonical, alternate = normalise_title(name), self._canonical, self._alternate
            kinds = (_CANONICAL, _ALTERNATE)
        if key in canonical:
            return Lookup(canonical[key])
        found = self._named(kinds[0], key)
        if found is not None:
            return found
        if key in alternate:
            return Lookup(*alternate[key])
        return self._named(kinds[1], key)

    def by_path(self, path: Path) -> Article | None:
        file = str(path.resolve())
        return self._by_path.get(file) or self._page(file)

    def anchor_keys(self, article: Article, scheme: str) -> frozenset[str] | None:
        if article.file in self._by_path:
            return super().anchor_keys(article, scheme)
        from editlint.index.anchors import anchor_keys

        # A page's keys are not kept: there may be a hundred thousand of them.
        return (
            None if article.headings is None else anchor_keys(article.headings, article.ids, scheme)
        )

    def _named(self, kind: int, key: str) -> Lookup | None:
        row = (
            self._db()
            .execute("SELECT file, via FROM names WHERE kind = ? AND key = ?", (kind, key))
            .fetchone()
        )
        if row is None:
            return None
        article = self._page(row[0])
        return Lookup(article, row[1]) if article is not None else None

    def _page(self, file: str) -> Article | None:
        recent = self._recent
        if file in recent:
            recent.move_to_end(file)
            return recent[file]
        row = (
            self._db()
            .execute(
                "SELECT title, slug, redirect_to, headings, ids, digest FROM pages WHERE file = ?",
                (file,),
            )
            .fetchone()
        )
        if row is None:
            return None
        title, slug, redirect_to, headings, ids, digest = row
        article = Article(
            title=title,
            file=file,
            slug=slug,
            redirect_to=redirect_to,
            headings=json.loads(headings) if headings is not None else None,
            ids=json.loads(ids),
            digest=digest,
        )
        recent[file] = article
        if len(recent) > RECENT_PAGES:
            recent.popitem(last=False)
        return article

    def _db(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():
            if self._image is not None:
                self._connection = sqlite3.connect(":memory:", check_same_thread=False)
                self._connection.deserialize(self._image)
            else:
                self._connection = sqlite3.connect(self.database, check_same_thread=False)
            self._pid = os.getpid()
            self._recent = OrderedDict()
        return self._connection

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_image"] = self._image if self._image is not None else self._db().serialize()
        state["_connection"] = None
        state["_recent"] = OrderedDict()
        return state
