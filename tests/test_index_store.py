"""The content index's SQLite store (#19 item 3): fresh from git's state in a work tree, from
each file's stat outside one, answering every name as an index built from nothing does, and
a version stamp that changes exactly when what the index knows changes."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
from pathlib import Path

import pytest

from editlint.gitcommand import EarlyStatus
from editlint.index import build_index
from editlint.index.build import scan_files
from editlint.index.freshness import refresh
from editlint.index.store import ContentStore, store_file
from editlint.index.stored import StoredIndex
from gitrepo import GitRepo


class Reads:
    """scan_all that scans for real and remembers which files it read."""

    def __init__(self) -> None:
        self.files: list[str] = []

    def __call__(self, files: list[str], root: Path):
        self.files.extend(os.path.basename(file) for file in files)
        return scan_files(files, root)


def _stored(root: Path, cache: Path, reads: Reads | None = None, redirects=None):
    index = build_index(root, cache, redirects_file=redirects, scan_all=reads)
    assert isinstance(index, StoredIndex)
    return index


def _found(index, name: str, mediawiki: bool = False):
    found = index.lookup(name, mediawiki)
    return None if found is None else (found.article.file, found.via, found.article.title)


def assert_same_as_fresh(root: Path, cache: Path, extra_names=(), redirects=None) -> StoredIndex:
    """Every name resolves in the store as in an index built in memory from nothing."""
    stored = _stored(root, cache, redirects=redirects)
    fresh = build_index(root, redirects_file=redirects)
    names = {"Nowhere at all", *extra_names}
    for article in fresh.articles:
        names.update([article.title, article.slug, *article.aliases, *article.redirects])
        names.add(Path(article.file).stem)
    for name in sorted(names):
        for mediawiki in (False, True):
            assert _found(stored, name, mediawiki) == _found(fresh, name, mediawiki), name
    for article in fresh.articles:
        assert stored.by_path(Path(article.file)).title == article.title
    assert stored.suggest("Nowhere at al") == fresh.suggest("Nowhere at al")
    assert repr(stored.articles) == repr(fresh.articles)
    assert stored.stamp() == fresh.stamp()  # one formula: the result cache's key agrees
    return stored


@pytest.fixture
def repo(tmp_path):
    repo = GitRepo(tmp_path / "repo")
    repo.write("content/alliance.md", "# NATO\n\n## History\n")
    repo.write("content/union.md", "---\ntitle: European Union\naliases: [EU]\n---\nText.\n")
    repo.write("content/sub/india.md", "# India\n\n## Geography\n")
    repo.commit("three articles")
    return repo


def test_committed_staged_unstaged_and_untracked_changes_resolve_as_a_fresh_build(repo, tmp_path):
    root, cache = (repo.path / "content").resolve(), tmp_path / "cache"
    reads = Reads()
    _stored(root, cache, reads)
    assert sorted(reads.files) == ["alliance.md", "india.md", "union.md"]
    reads = Reads()
    _stored(root, cache, reads)
    assert reads.files == []  # nothing changed: nothing read, nothing stat'ed by name
    # unstaged edit: a new title
    repo.write("content/alliance.md", "# North Atlantic Treaty\n\n## History\n")
    assert_same_as_fresh(root, cache)
    assert _found(_stored(root, cache), "North Atlantic Treaty")[2] == "North Atlantic Treaty"
    # staged, then committed
    repo.git("add", "content/alliance.md")
    assert_same_as_fresh(root, cache)
    repo.git("commit", "-q", "-m", "retitled")
    assert_same_as_fresh(root, cache)
    # renamed and committed; renamed and only staged
    repo.git("mv", "content/union.md", "content/eu.md")
    index = assert_same_as_fresh(root, cache)
    assert Path(index.resolve("EU").file).name == "eu.md"
    repo.git("commit", "-q", "-m", "renamed")
    assert_same_as_fresh(root, cache)
    # deleted in the work tree only, then the deletion committed
    (root / "sub" / "india.md").unlink()
    assert _stored(root, cache).resolve("India") is None
    assert_same_as_fresh(root, cache)
    repo.git("commit", "-q", "-am", "deleted")
    assert_same_as_fresh(root, cache)
    # untracked, in an ignored folder, in a hidden folder (not an article)
    repo.write("content/new.md", "# Brand new\n")
    repo.write(".gitignore", "drafts/\n")
    repo.write("content/drafts/draft.md", "# A draft\n")
    repo.write("content/.hidden/secret.md", "# Hidden away\n")
    index = assert_same_as_fresh(root, cache, ["Hidden away"])
    assert index.resolve("Brand new") is not None and index.resolve("A draft") is not None
    assert index.resolve("Hidden away") is None
    # an edit undone by git (checkout): clean again, with the committed text
    repo.write("content/alliance.md", "# Something else\n")
    assert _stored(root, cache).resolve("Something else") is not None
    repo.git("checkout", "--", "content/alliance.md")
    index = assert_same_as_fresh(root, cache)
    assert index.resolve("Something else") is None
    # another branch: git's index changes, the listing is compared
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "everything")
    repo.git("checkout", "-q", "-b", "other")
    repo.write("content/eu.md", "# Union of Europe\n")
    repo.git("commit", "-q", "-am", "other title")
    repo.git("checkout", "-q", "main")
    assert _stored(root, cache).resolve("Union of Europe") is None
    repo.git("checkout", "-q", "other")
    assert_same_as_fresh(root, cache)
    assert _stored(root, cache).resolve("Union of Europe") is not None


def test_only_the_files_git_names_are_read_again(repo, tmp_path):
    root, cache = (repo.path / "content").resolve(), tmp_path / "cache"
    store = ContentStore.open(cache, root, True)
    assert refresh(store, root, True, scan_files) == "git"
    store.close()
    repo.write("content/alliance.md", "# NATO\n\n## History\n\n## Members\n")
    repo.write("content/new.md", "# Brand new\n")
    reads = Reads()
    index = _stored(root, cache, reads)
    assert sorted(reads.files) == ["alliance.md", "new.md"]
    assert index.resolve("NATO").headings == ["NATO", "History", "Members"]


def test_an_edit_within_the_second_of_a_commit_is_seen(repo, tmp_path):
    """Racy git: a file changed right after git wrote its index, same size, same mtime. git
    status compares such racily clean entries by content, so the store hears of it."""
    root, cache = (repo.path / "content").resolve(), tmp_path / "cache"
    repo.git("config", "core.trustctime", "false")  # only size and mtime tell git
    path = root / "alliance.md"
    repo.write("content/alliance.md", "# AAAA\n")
    repo.commit("racy")
    before = path.stat()
    assert _stored(root, cache).resolve("AAAA") is not None
    path.write_text("# BBBB\n", encoding="utf-8")  # same size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # same mtime
    assert repo.git("status", "--porcelain").startswith(" M content/alliance.md")
    index = _stored(root, cache)
    assert index.resolve("BBBB") is not None and index.resolve("AAAA") is None


def test_outside_git_every_file_is_compared_by_its_stat(tmp_path):
    root, cache = tmp_path / "content", tmp_path / "cache"
    root.mkdir()
    (root / "alliance.md").write_text("# NATO\n", encoding="utf-8")
    (root / "union.md").write_text("# European Union\n", encoding="utf-8")
    store = ContentStore.open(cache, root.resolve(), True)
    assert refresh(store, root.resolve(), True, scan_files) == "stat"
    store.close()
    (root / "union.md").write_text("# Union\n", encoding="utf-8")
    (root / "alliance.md").unlink()
    (root / "new.md").write_text("# Brand new\n", encoding="utf-8")
    index = assert_same_as_fresh(root, cache)
    assert index.resolve("Union") and index.resolve("Brand new") and not index.resolve("NATO")


def test_without_git_on_the_path_a_work_tree_is_compared_by_stat(repo, tmp_path, monkeypatch):
    root, cache = (repo.path / "content").resolve(), tmp_path / "cache"
    monkeypatch.setenv("PATH", str(tmp_path / "no-git-here"))
    store = ContentStore.open(cache, root, True)
    assert refresh(store, root, True, scan_files) == "stat"
    store.close()
    repo.write("content/alliance.md", "# North Atlantic Treaty\n")
    assert_same_as_fresh(root, cache)
    monkeypatch.undo()
    store = ContentStore.open(cache, root, True)
    assert refresh(store, root, True, scan_files) == "git"  # git back: its listing compared
    store.close()
    assert_same_as_fresh(root, cache)


def test_the_stamp_changes_exactly_when_what_the_index_knows_changes(repo, tmp_path):
    root, cache = (repo.path / "content").resolve(), tmp_path / "cache"
    stamps = [_stored(root, cache).stamp()]

    def changed() -> bool:
        stamps.append(_stored(root, cache).stamp())
        return stamps[-1] != stamps[-2]

    assert not changed()
    repo.write("content/alliance.md", "# NATO\n\nA body edit only.\n\n## History\n")
    assert not changed()
    repo.commit("body")
    assert not changed()
    for text in (
        "# NATO\n\n## History\n\n## Members\n",  # a heading
        "# OTAN\n\n## History\n\n## Members\n",  # the title
        "---\naliases: [Alliance]\n---\n# OTAN\n\n## History\n\n## Members\n",  # an alias
        '---\naliases: [Alliance]\n---\n# OTAN\n\n<a id="x"></a>\n\n## History\n\n## Members\n',
        "---\nredirect_to: India\n---\n# OTAN\n",  # a redirect page
    ):
        repo.write("content/alliance.md", text)
        assert changed(), text
    repo.write("content/extra.md", "# Extra\n")
    assert changed()
    (root / "extra.md").unlink()
    assert changed() and stamps[-1] == stamps[-3]  # the same index, the same stamp
    redirects = repo.write("redirects.yaml", "Bharat: India\n")
    with_redirects = _stored(root, cache, redirects=redirects).stamp()
    assert with_redirects != stamps[-1]
    assert_same_as_fresh(root, cache, ["Bharat"], redirects=redirects)
    for path in cache.glob("index-*"):  # rebuilt from nothing: the same stamp
        path.unlink()
    assert _stored(root, cache).stamp() == stamps[-1]


def test_the_store_takes_names_in_path_order_whatever_order_files_came_in(tmp_path):
    """The first article in path order keeps a name, as in ContentIndex, even when it came
    into the store after the one holding the name."""
    root, cache = tmp_path / "content", tmp_path / "cache"
    root.mkdir()
    (root / "b.md").write_text("---\ntitle: Shared\naliases: [Both]\n---\n", encoding="utf-8")
    _stored(root, cache)
    (root / "a.md").write_text("---\ntitle: Shared\naliases: [Both]\n---\n", encoding="utf-8")
    index = assert_same_as_fresh(root, cache)
    assert Path(index.resolve("Shared").file).name == "a.md"
    assert Path(index.resolve("Both").file).name == "a.md"


def test_many_lookups_move_the_index_into_memory_with_the_same_articles(repo, tmp_path):
    from editlint.index import stored

    root, cache = (repo.path / "content").resolve(), tmp_path / "cache"
    index = _stored(root, cache)
    nato = index.resolve("NATO")
    for _ in range(stored.LOOKUPS_BEFORE_LOADING + 1):
        index.lookup("EU")
    assert index._memory is not None
    assert index.resolve("NATO") is nato  # rules compare articles by identity


def test_a_store_of_another_schema_is_rebuilt(tmp_path):
    root, cache = tmp_path / "content", tmp_path / "cache"
    root.mkdir()
    (root / "china.md").write_text("# China\n", encoding="utf-8")
    cache.mkdir()
    path = store_file(cache, root.resolve(), True)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 1")
        db.execute("CREATE TABLE articles (file TEXT)")
    assert _stored(root, cache).resolve("China") is not None


def test_reading_the_store_from_a_forked_worker(repo, tmp_path):
    root, cache = (repo.path / "content").resolve(), tmp_path / "cache"
    index = _stored(root, cache)
    assert index.resolve("NATO") is not None
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the worker: its own connection
        found = index.resolve("India")
        os.write(write, b"yes" if found is not None and found.title == "India" else b"no")
        os._exit(0)
    os.waitpid(pid, 0)
    assert os.read(read, 3) == b"yes"


def test_files_git_cannot_vouch_for_are_compared_by_their_stat(repo, tmp_path):
    """A link's target, or a file marked assume-unchanged, may change where git does not look."""
    root, cache = (repo.path / "content").resolve(), tmp_path / "cache"
    repo.write("content/targets/real.md", "# Real title\n")
    os.symlink("targets/real.md", root / "linked.md")
    repo.commit("a link")
    repo.git("update-index", "--assume-unchanged", "content/union.md")
    index = assert_same_as_fresh(root, cache)
    assert Path(index.resolve("Real title").file).name in ("linked.md", "real.md")
    repo.write("content/targets/real.md", "# Renamed target\n")  # git sees the target only
    repo.write("content/union.md", "# Union unseen by git\n")
    assert repo.git("status", "--porcelain", "--", "content/union.md") == ""
    assert_same_as_fresh(root, cache)
    index = _stored(root, cache)
    assert Path(index.resolve("Renamed target").file).name == "linked.md"
    assert index.resolve("Union unseen by git") is not None


def test_an_open_index_keeps_its_snapshot_while_another_run_writes(repo, tmp_path):
    root, cache = (repo.path / "content").resolve(), tmp_path / "cache"
    first = _stored(root, cache)
    stamp = first.stamp()
    repo.write("content/alliance.md", "# OTAN\n")
    second = _stored(root, cache)
    assert second.stamp() != stamp and second.resolve("OTAN") is not None
    assert first.stamp() == stamp  # the first check's key and lookups still agree
    assert first.resolve("OTAN") is None and first.resolve("India") is not None


def test_a_content_root_git_ignores_is_compared_by_stat(repo, tmp_path):
    repo.write(".gitignore", "wiki/\n")
    repo.commit("ignore the wiki")
    repo.write("wiki/page.md", "# A page\n")
    root, cache = (repo.path / "wiki").resolve(), tmp_path / "cache"
    store = ContentStore.open(cache, root, True)
    assert refresh(store, root, True, scan_files) == "stat"
    store.close()
    assert _stored(root, cache).resolve("A page") is not None


def test_a_pickled_stored_index_travels_as_its_articles(repo, tmp_path):
    import pickle

    root, cache = (repo.path / "content").resolve(), tmp_path / "cache"
    index = _stored(root, cache)
    copy = pickle.loads(pickle.dumps(index))
    for path in cache.glob("index-*"):  # another machine: no store there
        path.unlink()
    assert copy.resolve("EU").title == "European Union"
    assert copy.stamp() == index.stamp()


def test_the_json_index_cache_it_replaced_is_removed(tmp_path):
    import hashlib

    root, cache = tmp_path / "content", tmp_path / "cache"
    root.mkdir()
    cache.mkdir()
    (root / "china.md").write_text("# China\n", encoding="utf-8")
    digest = hashlib.sha1(str(root.resolve()).encode()).hexdigest()[:16]
    legacy, other = cache / f"index-v1-{digest}.json", cache / "index-v1-0123456789abcdef.json"
    for path in (legacy, other):
        path.write_text('{"version": 1, "files": {}}', encoding="utf-8")
    assert _stored(root, cache).resolve("China") is not None
    assert not legacy.exists() and other.exists()  # another root's is not this run's to remove


def test_a_status_asked_early_serves_a_root_in_its_work_tree(repo, tmp_path):
    root, cache = (repo.path / "content").resolve(), tmp_path / "cache"
    _stored(root, cache)
    repo.write("content/alliance.md", "# North Atlantic Treaty\n")  # unstaged: a new title
    repo.write("notes.md", "# Outside the content root\n")
    early = EarlyStatus(repo.path / "content" / "sub")  # asked from a folder below the root
    early.status.output()  # answered; an article written after that is the next run's
    repo.write("content/later.md", "# Written while the check started\n")
    reads = Reads()
    index = build_index(root, cache, scan_all=reads, early_status=early)
    early.close()
    assert reads.files == ["alliance.md"]  # what git named under the root, nothing outside
    assert index.resolve("Written while the check started") is None
    assert build_index(root, cache).resolve("Written while the check started") is not None
    assert index.resolve("North Atlantic Treaty").file == str(root / "alliance.md")
    assert index.resolve("NATO") is None


def test_a_status_asked_early_in_another_work_tree_is_not_used(repo, tmp_path):
    other = GitRepo(tmp_path / "other")
    other.write("content/elsewhere.md", "# Elsewhere\n")
    other.commit("another repository")
    root, cache = (repo.path / "content").resolve(), tmp_path / "cache"
    _stored(root, cache)
    repo.write("content/alliance.md", "# North Atlantic Treaty\n")
    other.write("content/union.md", "# Changed in the other repository\n")
    early = EarlyStatus(other.path)
    reads = Reads()
    index = build_index(root, cache, scan_all=reads, early_status=early)
    early.close()
    assert reads.files == ["alliance.md"]  # the root's own status, not the other tree's
    assert index.resolve("North Atlantic Treaty") is not None


def test_a_status_asked_outside_git_is_not_used(repo, tmp_path):
    root, cache = (repo.path / "content").resolve(), tmp_path / "cache"
    _stored(root, cache)
    repo.write("content/union.md", "# Union renamed\n")
    outside = tmp_path / "plain"
    outside.mkdir()
    early = EarlyStatus(outside)
    reads = Reads()
    index = build_index(root, cache, scan_all=reads, early_status=early)
    early.close()
    assert reads.files == ["union.md"]
    assert index.resolve("Union renamed") is not None


def _titles_seen(arguments) -> int:
    root, cache = arguments
    return len(build_index(Path(root), Path(cache)).articles)


def test_runs_making_one_store_at_once_all_see_every_article(tmp_path):
    root = tmp_path / "content"
    root.mkdir()
    for number in range(30):
        (root / f"a{number}.md").write_text(f"# Article {number}\n\nText.\n")
    # One run used to see the store's tables before its version was written, took it for a
    # foreign database and removed it under the run making it (an index of 0 articles, about
    # one round in seven on this machine).
    with multiprocessing.get_context("fork").Pool(4) as pool:
        for round_number in range(12):
            cache = str(tmp_path / f"cache-{round_number}")
            assert pool.map(_titles_seen, [(str(root), cache)] * 4) == [30] * 4
