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

import os
import sqlite3
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from editlint.index import sqlrows
from editlint.index.content import Article, ContentIndex, Lookup

#: Pages kept as objects once looked up, so that the same page is the same object while a
#: page is checked (rules compare articles by identity).
RECENT_PAGES = 1024


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
        index._db().executescript(sqlrows.schema(first_wins=True))
        return index

    def add_page(self, article: Article) -> None:
        """Store ``article`` (a page): the first article to take a name keeps it."""
        db = self._db()
        sqlrows.insert(db, article)
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
        key, canonical_kind, alternate_kind = sqlrows.keys(name, mediawiki)
        canonical, alternate = (
            (self._wiki_canonical, self._wiki_alternate)
            if mediawiki
            else (self._canonical, self._alternate)
        )
        if key in canonical:
            return Lookup(canonical[key])
        found = self._named(canonical_kind, key)
        if found is not None:
            return found
        if key in alternate:
            return Lookup(*alternate[key])
        return self._named(alternate_kind, key)

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
        found = sqlrows.named(self._db(), kind, key)
        if found is None:
            return None
        article = self._page(found[0])
        return Lookup(article, found[1]) if article is not None else None

    def _page(self, file: str) -> Article | None:
        recent = self._recent
        if file in recent:
            recent.move_to_end(file)
            return recent[file]
        article = sqlrows.fetch(self._db(), file)
        if article is None:
            return None
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
