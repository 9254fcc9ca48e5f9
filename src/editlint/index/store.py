"""The content store: a content root's article scans in SQLite, in the cache folder.

One database per content root (``index-v1-<digest>.sqlite``), holding each article file's
scan (``index/sqlrows.py``'s tables, as a dump's pages are kept) with what tells whether it is
still fresh: its size, modification time, when it was read, and the blob git's index holds for
it. A check looks names up in it one at a time (``StoredIndex``) instead of loading every
article, and keys its result cache by the store's stamp instead of hashing every article.

The stamp is the sum of every article's hash (modulo 2**128), kept up to date as rows come and
go: it changes whenever anything the index knows changes (titles, names, headings, ids,
redirects, paths) and not otherwise, and a store rebuilt from scratch has the same stamp.

The cache folder may be planted by the repository: the database and its side files (write-ahead
log, shared memory, journal) are used only as regular files (no link, no second hard link) of
bounded size; anything else there is removed, and a database that is not one of ours (corrupt,
another schema) is a miss and is rebuilt. SQLite writes nothing but the database and its side
files, all in the cache folder.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

from editlint.cachefolder import make_cache_folder
from editlint.index import sqlrows
from editlint.index.content import Article
from editlint.index.scan import ScannedArticle
from editlint.index.stamp import MODULUS, article_hash, total_text
from editlint.safefiles import remove_stale

STORE_VERSION = 1
#: Temporary files of the JSON index cache this store replaced (a killed run's).
LEGACY_TEMP_PREFIX = ".index-"
#: A store larger than this is not ours (a real one holds about 1.5 KB per article).
MAX_BYTES = 1 << 30
_SIDE_FILES = ("", "-journal", "-wal", "-shm")

_TABLES = """
CREATE TABLE files (name TEXT PRIMARY KEY, file TEXT, mtime_ns INTEGER, size INTEGER,
                    checked_ns INTEGER, blob TEXT, hash TEXT);
CREATE INDEX files_without_blob ON files (blob) WHERE blob IS NULL;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
"""


def store_file(cache_dir: Path, root: Path, subfolders: bool) -> Path:
    digest = hashlib.sha1(f"{root}\0{subfolders}".encode("utf-8", "surrogateescape"))
    return cache_dir / f"index-v{STORE_VERSION}-{digest.hexdigest()[:16]}.sqlite"


#: A row of ``files``: (mtime_ns, size, checked_ns, blob).
Row = tuple[int, int, int, str | None]


class ContentStore:
    """One content root's store, open; ``None`` from ``open`` when it cannot be used."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path = path
        self.db = db
        self._total = 0  # the stamp, while a transaction is open

    @classmethod
    def open(cls, cache_dir: Path, root: Path, subfolders: bool) -> ContentStore | None:
        path = store_file(cache_dir, root, subfolders)
        try:
            make_cache_folder(cache_dir)
            remove_stale(cache_dir, LEGACY_TEMP_PREFIX)  # what a killed save of the JSON left
            _remove_legacy(cache_dir, root)
            db = _connect(path)
        except (OSError, sqlite3.Error):
            return None
        return cls(path, db) if db is not None else None

    def close(self) -> None:
        self.db.close()

    # -- reading -------------------------------------------------------------------------

    def rows(self, names: list[str] | None = None) -> dict[str, Row]:
        """Every file's row by name (or those of ``names``)."""
        query = "SELECT name, mtime_ns, size, checked_ns, blob FROM files"
        if names is None:
            found = self.db.execute(query).fetchall()
        else:
            found = []
            for start in range(0, len(names), 500):
                part = names[start : start + 500]
                where = f" WHERE name IN ({', '.join('?' * len(part))})"
                found.extend(self.db.execute(query + where, part).fetchall())
        return {name: (mtime, size, checked, blob) for name, mtime, size, checked, blob in found}

    def without_blob(self) -> list[str]:
        """Files read while git did not vouch for them (changed, untracked, no git)."""
        return [name for (name,) in self.db.execute("SELECT name FROM files WHERE blob IS NULL")]

    def entries(self) -> dict[str, tuple[int, int, ScannedArticle]]:
        """Every article's scan by name, with the size and time it was read at."""
        query = (
            f"SELECT files.name, files.mtime_ns, files.size, {sqlrows.COLUMNS} "
            "FROM files JOIN articles USING (file)"
        )
        found = {}
        for name, mtime, size, *values in self.db.execute(query):
            article = sqlrows.from_row(tuple(values))
            stem = os.path.splitext(os.path.basename(article.file))[0]
            found[name] = (
                mtime,
                size,
                ScannedArticle(
                    title=article.title,
                    slug=None if article.slug == stem else article.slug,
                    aliases=article.aliases,
                    redirect_from=article.redirects,
                    redirect_to=article.redirect_to,
                    headings=article.headings,
                    ids=article.ids,
                    body_start=article.body_start,
                    digest=article.digest,
                ),
            )
        return found

    def unvouched(self, prefix: str) -> dict[str, str]:
        """Files whose blob starts with ``prefix`` (git does not vouch for them), with it."""
        query = "SELECT name, blob FROM files WHERE substr(blob, 1, ?) = ?"
        return dict(self.db.execute(query, (len(prefix), prefix)).fetchall())

    def meta(self, key: str) -> str | None:
        found = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return found[0] if found else None

    def stamp(self) -> str:
        """The version stamp: changes whenever anything the index knows changes."""
        return total_text(int(self.meta("stamp") or "0"))

    # -- writing (inside ``begin``/``commit``) ---------------------------------------------

    def begin(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        self._total = int(self.meta("stamp") or "0")

    def commit(self) -> None:
        self.set_meta("stamp", str(self._total))
        self.db.execute("COMMIT")

    def rollback(self) -> None:
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def set_meta(self, key: str, value: str | None) -> None:
        if value is None:
            self.db.execute("DELETE FROM meta WHERE key = ?", (key,))
        else:
            self.db.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def put(
        self,
        name: str,
        file: str,
        info: os.stat_result,
        checked_ns: int,
        blob: str | None,
        scanned: ScannedArticle | None,
    ) -> None:
        """Record the file ``name`` as read (``scanned`` None: not an article, unreadable)."""
        self._drop_article(name)
        digest = None
        if scanned is not None:
            article = Article.from_scan(file, scanned)
            value = article_hash(article)
            sqlrows.insert(self.db, article)
            self._add_to_stamp(value)
            digest = f"{value:x}"
        self.db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
            (name, file, info.st_mtime_ns, info.st_size, checked_ns, blob, digest),
        )

    def set_blob(self, name: str, blob: str | None) -> None:
        self.db.execute("UPDATE files SET blob = ? WHERE name = ?", (blob, name))

    def drop(self, name: str) -> None:
        self._drop_article(name)
        self.db.execute("DELETE FROM files WHERE name = ?", (name,))

    def _drop_article(self, name: str) -> None:
        found = self.db.execute("SELECT file, hash FROM files WHERE name = ?", (name,)).fetchone()
        if found is None:
            return
        file, digest = found
        if digest is not None:
            sqlrows.remove(self.db, file)
            self._add_to_stamp(-int(digest, 16))

    def _add_to_stamp(self, value: int) -> None:
        self._total = (self._total + value) % MODULUS


def _connect(path: Path) -> sqlite3.Connection | None:
    """The store at ``path``, made when missing; a planted or foreign one is removed first.
    A store another run holds locked past the timeout is not used this time (None), never
    removed: that run may be making it."""
    for suffix in _SIDE_FILES:
        _remove_if_planted(Path(f"{path}{suffix}"))
    for attempt in range(2):
        db = sqlite3.connect(path, timeout=10, isolation_level=None, check_same_thread=False)
        try:
            _make_ours(db)
            _write_ahead(db)
            return db
        except sqlite3.OperationalError:  # locked, busy, cannot open: not ours to judge
            db.close()
            return None
        except sqlite3.DatabaseError:
            pass
        db.close()
        if attempt == 0:  # corrupt or foreign: a miss, rebuilt from nothing
            for suffix in _SIDE_FILES:
                _remove(Path(f"{path}{suffix}"))
    return None


def _make_ours(db: sqlite3.Connection) -> None:
    """Give an empty database the store's tables and version in one transaction under the
    write lock, so that a run opening the store while another makes it sees all of it or
    none; DatabaseError when the database holds anything else."""
    if _is_ours(db):
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        if not _is_ours(db):
            if not _is_empty(db):
                raise sqlite3.DatabaseError("not a content store")
            # statement by statement: executescript would commit the transaction first
            for statement in (sqlrows.schema(first_wins=False) + _TABLES).split(";"):
                if statement.strip():
                    db.execute(statement)
            db.execute(f"PRAGMA user_version = {STORE_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


def _remove_legacy(cache_dir: Path, root: Path) -> None:
    """Remove the root's JSON index cache, which this store replaced (a regular file only)."""
    digest = hashlib.sha1(str(root).encode("utf-8", "surrogateescape")).hexdigest()[:16]
    legacy = cache_dir / f"index-v1-{digest}.json"
    try:
        if stat.S_ISREG(os.lstat(legacy).st_mode):
            os.unlink(legacy)
    except OSError:
        pass


def _write_ahead(db: sqlite3.Connection) -> None:
    """Write-ahead log, synced at checkpoints only: a commit costs no fsync, a reader keeps
    its snapshot while another run writes, and a crash loses at most the last commits (the
    store is then older, never inconsistent: those files are read again)."""
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = NORMAL")


def _is_ours(db: sqlite3.Connection) -> bool:
    if db.execute("PRAGMA user_version").fetchone()[0] != STORE_VERSION:
        return False
    tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    return tables == {"articles", "names", "files", "meta"}


def _is_empty(db: sqlite3.Connection) -> bool:
    found = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    return found == 0 and db.execute("PRAGMA user_version").fetchone()[0] == 0


def _remove_if_planted(path: Path) -> None:
    """Remove ``path`` unless it is a regular file of ours: one name, bounded size."""
    try:
        info = os.lstat(path)
    except OSError:
        return
    if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1 or info.st_size > MAX_BYTES:
        _remove(path)


def _remove(path: Path) -> None:
    try:
        if stat.S_ISDIR(os.lstat(path).st_mode):
            return  # a folder planted there: sqlite fails on it, and the store is not used
        os.unlink(path)
    except OSError:
        pass


def encodable(name: str) -> bool:
    """Whether a file name can be stored (a name that is not UTF-8 cannot)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
