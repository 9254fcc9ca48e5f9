"""Caches a hostile repository (or a user's --cache-dir) planted: the prune deletes only run
folders editlint tagged, never through links (#21 item 1); the index cache file is read only
as a bounded regular file (#21 item 5; the SQLite store and its journal since #19 item 3); a
malformed result entry is a miss, and temporary files a killed run left behind are removed
(#21 item 16)."""

from __future__ import annotations

import json
import os
import time

import pytest

from editlint.config.model import find_config, load_config
from editlint.engine.batch import BatchOptions, check_files
from editlint.engine.cache import KEEP_RUNS, RUN_TAG, ResultCache
from editlint.engine.runner import Checker
from editlint.index import store as index_store
from editlint.safefiles import STALE_SECONDS

ARTICLE = (
    "The harbour opened in 1850 and was utilised widely [@port].\n\n"
    "## See also\n\n- [[Nowhere at all]]\n"  # a finding whatever the rules' precision
)


def _repo(folder, count=3):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "editlint.yaml").write_text("select: [ALL]\n")
    for number in range(count):
        (folder / f"article-{number}.md").write_text(f"# Harbour {number}\n\n{ARTICLE}")
    return folder


def _run(root, cache, run=0):
    """Check ``root`` with ``cache`` as --cache-dir; each ``run`` number is another config, so
    another run folder."""
    (root / "editlint.yaml").write_text(f"select: [ALL]\nmax_line_length: {90_000 + run}\n")
    checker = Checker(load_config(find_config(root), root))
    checker.loaded.cache_override = cache  # as --cache-dir does: the index cache goes there too
    paths = sorted(root.glob("*.md"))
    return check_files(checker, paths, BatchOptions(jobs=1, cache_dir=cache))


def _user_folders(parent, count=6):
    folders = []
    for number in range(count):
        folder = parent / f"project-{number}"
        folder.mkdir(parents=True)
        (folder / "thesis.tex").write_text("years of work\n")
        folders.append(folder)
    return folders


def test_prune_keeps_folders_it_did_not_make(tmp_path):
    """--cache-dir naming a user's folder that already has a results/ folder of projects."""
    root = _repo(tmp_path / "repo")
    cache = tmp_path / "home"
    projects = _user_folders(cache / "results")
    for number in range(KEEP_RUNS + 3):  # more runs than are kept: the prune has work
        _run(root, cache, number)
    assert all((folder / "thesis.tex").read_text() == "years of work\n" for folder in projects)
    runs = [p for p in (cache / "results").iterdir() if (p / RUN_TAG).exists()]
    assert len(runs) == KEEP_RUNS + 1  # its own runs are still pruned


def test_prune_never_deletes_through_a_planted_results_link(tmp_path, cli):
    """A repository commits .editlint_cache/results as a link to its sibling projects."""
    siblings = tmp_path / "siblings"
    projects = _user_folders(siblings)
    root = _repo(tmp_path / "repo")
    (root / ".editlint_cache").mkdir()
    os.symlink(siblings, root / ".editlint_cache" / "results")
    for number in range(KEEP_RUNS + 2):
        (root / "editlint.yaml").write_text(f"select: [ALL]\nmax_line_length: {90_000 + number}\n")
        result = cli("check", ".", cwd=root)
        assert result.returncode in (0, 1) and not result.stderr, result.stderr
    assert sorted(siblings.iterdir()) == projects  # nothing deleted, nothing written
    assert all((folder / "thesis.tex").exists() for folder in projects)


def test_prune_never_follows_a_linked_run_folder(tmp_path):
    root = _repo(tmp_path / "repo")
    cache = tmp_path / "cache"
    victim = _user_folders(tmp_path / "victim", 1)[0]
    (victim / RUN_TAG).write_bytes(b"editlint result cache run folder: safe to delete\n")
    (cache / "results").mkdir(parents=True)
    os.symlink(victim, cache / "results" / "0000linked")
    os.utime(victim, (0, 0))
    for number in range(KEEP_RUNS + 2):
        _run(root, cache, number)
    assert (victim / "thesis.tex").exists()


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "outside", "huge", "journal", "foreign"])
def test_a_planted_index_cache_file_is_a_miss(tmp_path, cli, kind):
    root = _repo(tmp_path / "repo")
    (root / "editlint.yaml").write_text("select: [SEE101]\n")
    cache = root / ".editlint_cache"
    cache.mkdir()
    planted = index_store.store_file(cache, root.resolve(), True)
    secret = tmp_path / "secret.json"
    secret.write_text(json.dumps({"version": 1, "files": {}}))
    if kind == "dev-zero":
        os.symlink("/dev/zero", planted)
    elif kind == "fifo":
        os.mkfifo(planted)
    elif kind == "outside":
        os.symlink(secret, planted)
    elif kind == "journal":  # SQLite's journal beside the store: a link out of the cache
        os.symlink(secret, f"{planted}-journal")
    elif kind == "foreign":  # a real SQLite database, not a store
        import sqlite3

        with sqlite3.connect(planted) as db:
            db.execute("CREATE TABLE articles (file TEXT)")
    else:
        with open(planted, "wb") as handle:  # sparse: no gigabyte written
            handle.truncate(index_store.MAX_BYTES + 1)
    result = cli("check", ".", cwd=root)  # a FIFO with no writer: a blocking read never ends
    assert result.returncode in (0, 1) and not result.stderr, result.stderr
    assert secret.read_text() == json.dumps({"version": 1, "files": {}})  # not written
    assert planted.is_file() and not planted.is_symlink()  # replaced by its own store
    assert b"Harbour 1" in planted.read_bytes()


BAD_ENTRIES = {
    "wrong-types": lambda e: {**e, "diagnostics": [{**e["diagnostics"][0], "start": "0"}]},
    "bool-offset": lambda e: {**e, "diagnostics": [{**e["diagnostics"][0], "end": True}]},
    "past-the-text": lambda e: {**e, "diagnostics": [{**e["diagnostics"][0], "end": 10**9}]},
    "negative": lambda e: {**e, "diagnostics": [{**e["diagnostics"][0], "start": -5}]},
    "not-a-list": lambda e: {**e, "diagnostics": {"a": 1}},
    "extra-field": lambda e: {**e, "diagnostics": [{**e["diagnostics"][0], "evil": 1}]},
    "bad-fix": lambda e: {**e, "diagnostics": [{**e["diagnostics"][0], "fix": {"edits": 3}}]},
    "bad-data": lambda e: {**e, "diagnostics": [{**e["diagnostics"][0], "data": [1]}]},
    "deep-data": lambda e: {
        **e,
        "diagnostics": [{**e["diagnostics"][0], "data": {"a": [[[[[[1]]]]]]}}],
    },
    "parsed-string": lambda e: {**e, "parsed": "yes"},
}


@pytest.mark.parametrize("kind", [*BAD_ENTRIES, "deep-nesting", "dev-zero"])
def test_a_malformed_result_entry_is_a_miss_and_is_rewritten(tmp_path, cli, kind):
    root = _repo(tmp_path / "repo", count=1)
    first = cli("check", "--format", "json", ".", cwd=root)
    assert first.returncode in (0, 1) and json.loads(first.stdout)["diagnostics"], first.stderr
    entries = [
        p
        for p in (root / ".editlint_cache" / "results").rglob("*")
        if p.is_file() and p.parent.name != "tmp" and p.name != RUN_TAG
    ]
    assert len(entries) == 1
    entry = entries[0]
    good = json.loads(entry.read_bytes())
    entry.unlink()
    if kind == "deep-nesting":
        entry.write_text('{"format": 1, "diagnostics": ' + "[" * 100_000 + "]" * 100_000 + "}")
    elif kind == "dev-zero":
        os.symlink("/dev/zero", entry)
    else:
        entry.write_text(json.dumps(BAD_ENTRIES[kind](good)))
    for _ in range(2):  # and every later run, not only the next
        again = cli("check", "--format", "json", ".", cwd=root)
        assert again.returncode == first.returncode, again.stderr
        assert json.loads(again.stdout) == json.loads(first.stdout)
    if kind != "dev-zero":
        assert json.loads(entry.read_bytes()) == good


def test_temporary_files_a_killed_run_left_are_removed(tmp_path):
    root = _repo(tmp_path / "repo")
    cache = tmp_path / "cache"
    _run(root, cache)
    run = ResultCache(cache, "x").folder.parent
    (folder,) = [p for p in run.iterdir() if (p / RUN_TAG).exists()]
    stale, fresh = folder / "tmp" / ".tmp-killed", folder / "tmp" / ".tmp-live"
    old_index = cache / f"{index_store.LEGACY_TEMP_PREFIX}killed.tmp"
    for path in (stale, fresh, old_index):
        path.write_text("{half an entr")
    long_ago = time.time() - STALE_SECONDS - 60
    for path in (stale, old_index):
        os.utime(path, (long_ago, long_ago))
    (root / "article-0.md").write_text(f"# Changed\n\n{ARTICLE}")  # a run with work to do
    _run(root, cache)
    assert not stale.exists() and not old_index.exists()
    assert fresh.exists()  # another run may be writing it right now
