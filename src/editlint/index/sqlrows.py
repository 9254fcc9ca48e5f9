"""Articles and their names in SQLite: the tables and lookup rules that ``PagesIndex`` (a dump's
pages) and ``ContentStore`` (a content root's articles) share.

A name is found as ``ContentIndex.lookup`` finds it: canonical names (title, slug, file stem)
before aliases and redirects, and among the articles taking one name, the first: the first
added where a name has a single row (a dump's pages, ``first_wins``), else the first file in
path order (the order the content index adds its articles in), an alias before a redirect.
"""

from __future__ import annotations

import json
import sqlite3

from editlint.index.content import Article, mediawiki_title, normalise_title

ARTICLES = """
CREATE TABLE articles (file TEXT PRIMARY KEY, title TEXT, slug TEXT, aliases TEXT,
                       redirects TEXT, redirect_to TEXT, headings TEXT, ids TEXT,
                       body_start INTEGER, digest TEXT);
"""
NAMES_FIRST_WINS = """
CREATE TABLE names (kind INTEGER, key TEXT, file TEXT, via TEXT, PRIMARY KEY (kind, key));
"""
NAMES_BY_FILE = """
CREATE TABLE names (kind INTEGER, key TEXT, file TEXT, via TEXT);
CREATE INDEX names_by_key ON names (kind, key, file, via);
CREATE INDEX names_by_file ON names (file);
"""
# kinds of names: lenient canonical, MediaWiki canonical, lenient alternate, MediaWiki alternate
CANONICAL, WIKI_CANONICAL, ALTERNATE, WIKI_ALTERNATE = range(4)
COLUMNS = "file, title, slug, aliases, redirects, redirect_to, headings, ids, body_start, digest"


def schema(first_wins: bool) -> str:
    return ARTICLES + (NAMES_FIRST_WINS if first_wins else NAMES_BY_FILE)


def insert(db: sqlite3.Connection, article: Article) -> None:
    """Store ``article`` and its names (a file already stored keeps its row)."""
    db.execute(f"INSERT OR IGNORE INTO articles VALUES ({', '.join('?' * 10)})", row(article))
    db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?, ?)", name_rows(article))


def remove(db: sqlite3.Connection, file: str) -> None:
    db.execute("DELETE FROM articles WHERE file = ?", (file,))
    db.execute("DELETE FROM names WHERE file = ?", (file,))


def row(article: Article) -> tuple:
    return (
        article.file,
        article.title,
        article.slug,
        json.dumps(article.aliases),
        json.dumps(article.redirects),
        article.redirect_to,
        json.dumps(article.headings) if article.headings is not None else None,
        json.dumps(article.ids),
        article.body_start,
        article.digest,
    )


def name_rows(article: Article) -> list[tuple]:
    rows = []
    for name in article.canonical_names():
        rows.append((CANONICAL, normalise_title(name), article.file, None))
        rows.append((WIKI_CANONICAL, mediawiki_title(name), article.file, None))
    for names, via in ((article.aliases, "alias"), (article.redirects, "redirect")):
        for name in names:
            rows.append((ALTERNATE, normalise_title(name), article.file, via))
            rows.append((WIKI_ALTERNATE, mediawiki_title(name), article.file, via))
    return rows


def from_row(values: tuple) -> Article:
    """The article a row of ``articles`` (``COLUMNS``, in order) holds."""
    file, title, slug, aliases, redirects, redirect_to, headings, ids, body_start, digest = values
    return Article(
        title=title,
        file=file,
        slug=slug,
        aliases=json.loads(aliases),
        redirects=json.loads(redirects),
        redirect_to=redirect_to,
        headings=json.loads(headings) if headings is not None else None,
        ids=json.loads(ids),
        body_start=body_start,
        digest=digest,
    )


def fetch(db: sqlite3.Connection, file: str) -> Article | None:
    found = db.execute(f"SELECT {COLUMNS} FROM articles WHERE file = ?", (file,)).fetchone()
    return from_row(found) if found is not None else None


def keys(name: str, mediawiki: bool) -> tuple[str, int, int]:
    """The key ``name`` is looked up by, and the kinds of canonical and alternate names."""
    if mediawiki:
        return mediawiki_title(name), WIKI_CANONICAL, WIKI_ALTERNATE
    return normalise_title(name), CANONICAL, ALTERNATE


def named(db: sqlite3.Connection, kind: int, key: str) -> tuple[str, str | None] | None:
    """The file and ``via`` of the first article taking ``key`` as a name of ``kind``."""
    return db.execute(
        "SELECT file, via FROM names WHERE kind = ? AND key = ? ORDER BY file, via LIMIT 1",
        (kind, key),
    ).fetchone()
