"""The content index read from its store, one name at a time (``index/store.py``).

``StoredIndex`` answers as ``ContentIndex`` does (``lookup``, ``resolve``, ``by_path``,
``anchor_keys``, ``suggest``, ``articles``) but loads nothing ahead: each name is one indexed
query, each article read once and then kept (rules compare articles by identity). A check of
one file in a 50,000-article repository reads a few dozen rows instead of every article.

Past ``LOOKUPS_BEFORE_LOADING`` lookups (a check of many files), or on ``preload`` (before a
process pool forks), every article is read into a ``ContentIndex`` at once, and that answers
from then on: a query per name costs more than a dictionary when there are thousands.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from editlint.index import sqlrows
from editlint.index.content import (
    Article,
    ContentIndex,
    Lookup,
    mediawiki_title,
    normalise_title,
    title_suggester,
)
from editlint.index.stamp import index_stamp, total_text
from editlint.index.suggest import TitleSuggester

#: Lookups answered by queries before every article is loaded into memory instead.
LOOKUPS_BEFORE_LOADING = 5_000


class StoredIndex:
    """A content root's articles, looked up in its store at ``database``."""

    def __init__(self, root: Path, database: Path, redirects: dict[str, str] | None = None) -> None:
        self.root = root
        self.database = database
        self._stamp = ""  # the store's, read in the snapshot every lookup reads
        self._connection: sqlite3.Connection | None = None
        self._pid = 0
        self._inherited: list[sqlite3.Connection] = []
        self._articles: dict[str, Article | None] = {}
        self._anchors: dict[tuple[str, str], frozenset[str]] = {}
        self._suggester: TitleSuggester | None = None
        self._memory: ContentIndex | None = None
        self._lookups = 0
        self._redirects = dict(redirects or {})
        # a redirects-file entry: after every article's own names, as ContentIndex adds them
        self._extra: dict[str, tuple[str, str]] = {}
        self._wiki_extra: dict[str, tuple[str, str]] = {}
        self._db()  # the snapshot, taken now (before the store's writer closes: no checkpoint)
        for name, title in self._redirects.items():
            found = self.lookup(title)
            if found is not None:
                self._extra.setdefault(normalise_title(name), (found.article.file, "redirect"))
                self._wiki_extra.setdefault(mediawiki_title(name), (found.article.file, "redirect"))

    def stamp(self) -> str:
        """Changes whenever anything this index knows changes: the store's stamp and the
        redirects file's entries."""
        if not self._stamp:
            self._db()
        return index_stamp(self._stamp, self._redirects)

    def lookup(self, name: str, mediawiki: bool = False) -> Lookup | None:
        """The article a title, slug, alias or redirect names (MediaWiki rules if asked)."""
        if self._memory is not None:
            return self._memory.lookup(name, mediawiki)
        self._lookups += 1
        if self._lookups > LOOKUPS_BEFORE_LOADING:
            self.preload()
            return self.lookup(name, mediawiki)
        key, canonical, alternate = sqlrows.keys(name, mediawiki)
        db = self._db()
        for kind in (canonical, alternate):
            found = sqlrows.named(db, kind, key)
            if found is not None:
                article = self._article(found[0])
                if article is not None:
                    return Lookup(article, found[1])
        extra = (self._wiki_extra if mediawiki else self._extra).get(key)
        if extra is not None:
            article = self._article(extra[0])
            if article is not None:
                return Lookup(article, extra[1])
        return None

    def resolve(self, name: str) -> Article | None:
        """The article a title, slug, alias or redirect names, or None."""
        found = self.lookup(name)
        return found.article if found else None

    def by_path(self, path: Path) -> Article | None:
        if self._memory is not None:
            return self._memory.by_path(path)
        return self._article(str(path.resolve()))

    def anchor_keys(self, article: Article, scheme: str) -> frozenset[str] | None:
        """The fragment keys reaching the article's headings; None when they are unknown."""
        if self._memory is not None:
            return self._memory.anchor_keys(article, scheme)
        return ContentIndex.anchor_keys(self, article, scheme)  # type: ignore[arg-type]

    def suggest(self, name: str) -> str | None:
        """The title closest to ``name``: every title is read, the first time a link dangles."""
        if self._memory is not None:
            return self._memory.suggest(name)
        if self._suggester is None:
            query = "SELECT title, redirect_to FROM articles ORDER BY file"
            self._suggester = title_suggester(self._db().execute(query).fetchall())
        return self._suggester.suggest(normalise_title(name))

    @property
    def articles(self) -> list[Article]:
        """Every article, in path order (all read from the store)."""
        self.preload()
        assert self._memory is not None
        return self._memory.articles

    def preload(self) -> None:
        """Read every article into memory; lookups are answered there from now on."""
        if self._memory is not None:
            return
        memory = ContentIndex(root=self.root)
        query = f"SELECT {sqlrows.COLUMNS} FROM articles ORDER BY file"
        for values in self._db().execute(query):
            article = self._articles.get(values[0])
            if article is None:
                article = self._articles[values[0]] = sqlrows.from_row(values)
            memory.add(article)
        for name, title in self._redirects.items():
            memory.add_redirect(name, title)
        memory._anchors = self._anchors
        self._memory = memory

    def _article(self, file: str) -> Article | None:
        if file not in self._articles:
            self._articles[file] = sqlrows.fetch(self._db(), file)
        return self._articles[file]

    def _db(self) -> sqlite3.Connection:
        if self._connection is None or self._pid != os.getpid():
            # A forked worker opens its own connection, and keeps the one it inherited from
            # being closed (closing it there could end the parent's snapshot). One read
            # transaction for the run: its lookups see the store as the stamp says, whatever
            # another run writes meanwhile.
            if self._connection is not None:
                self._inherited.append(self._connection)
            self._connection = sqlite3.connect(
                f"{Path(self.database).absolute().as_uri()}?mode=rw",  # never made here
                uri=True,
                timeout=10,
                isolation_level=None,
                check_same_thread=False,
            )
            self._pid = os.getpid()
            self._connection.execute("BEGIN")
            found = self._connection.execute("SELECT value FROM meta WHERE key = 'stamp'")
            self._stamp = total_text(int((found.fetchone() or ("0",))[0]))
        return self._connection

    def __getstate__(self) -> dict:
        """Pickled (to a worker on another machine, which has no store): as a ContentIndex."""
        self.preload()
        state = dict(self.__dict__)
        state["_connection"] = None
        state["_inherited"] = []
        return state
