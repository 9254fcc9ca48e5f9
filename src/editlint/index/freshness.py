"""Bring a content store up to date with the article files, reading only those that changed.

In a git work tree, git says which files may have changed (``index/gitstate.py``): the files
``git status`` names (changed, staged, untracked, ignored: a few) are compared with the store
by size and modification time, and the tracked listing (``git ls-files -s``) is compared
with the blobs the store holds only when git's index file changed (a commit, an add, a
checkout). A clean tracked file whose blob the store holds is fresh without a stat; one git
cannot vouch for (a symbolic link, assume-unchanged, skip-worktree, a conflict) is compared by
its stat on every check. Outside git, or when git fails, every article file is stat'ed and
compared with the store.

A file whose modification time is within ``RACY_NS`` of when it was read may have changed
again within the same timestamp: it is read again until that is past.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from editlint.document import SUPPORTED_SUFFIXES
from editlint.gitcommand import EarlyStatus
from editlint.index import gitstate
from editlint.index.content import article_files, article_name
from editlint.index.scan import ScannedArticle
from editlint.index.store import ContentStore, Row, encodable

#: Scans article files under a root: ``scan_all(files, root)``, one result per file, in order.
ScanAll = Callable[[list[str], Path], Iterable["ScannedArticle | None"]]
RACY_NS = 2_000_000_000
#: Files without a blob turned clean past this many are looked up in one full listing.
TARGETED_LISTING = 256


class NotStorable(Exception):
    """A file name the store cannot hold (not UTF-8): the index is built in memory."""


@dataclass
class Plan:
    """What to do: files to compare by stat (with the blob to record), files to read
    (their blob changed), blobs to record, files gone; ``known`` holds stats already taken."""

    compare: dict[str, str | None] = field(default_factory=dict)
    read: dict[str, str | None] = field(default_factory=dict)
    blobs: dict[str, str] = field(default_factory=dict)
    gone: set[str] = field(default_factory=set)
    known: dict[str, os.stat_result] = field(default_factory=dict)
    rows: dict[str, Row] = field(default_factory=dict)
    git_stamp: str | None = None


def refresh(
    store: ContentStore,
    root: Path,
    subfolders: bool,
    scan_all: ScanAll,
    early_status: EarlyStatus | None = None,
) -> str:
    """Update ``store`` to the files under ``root`` as they are; returns "git" or "stat".
    ``early_status``: git's status asked when the check started (``editlint.launch``)."""
    store.begin()
    try:
        plan = _git_plan(store, root, subfolders, early_status)
        how = "git" if plan is not None else "stat"
        if plan is None:
            plan = _stat_plan(store, root, subfolders)
        _apply(store, root, plan, scan_all)
        store.set_meta("git", plan.git_stamp)
        store.commit()
    except BaseException:
        store.rollback()
        raise
    return how


def is_article(name: str, subfolders: bool) -> bool:
    """Whether ``name`` (relative to the root, "/"-separated) is a file ``article_files``
    lists: a supported suffix, in no hidden folder, directly in the root without subfolders."""
    folders, _, base = name.rpartition("/")
    if os.path.splitext(base)[1].lower() not in SUPPORTED_SUFFIXES:
        return False
    if folders and not subfolders:
        return False
    return not any(part.startswith(".") for part in folders.split("/") if folders)


def _git_plan(
    store: ContentStore, root: Path, subfolders: bool, early_status: EarlyStatus | None
) -> Plan | None:
    tree = gitstate.work_tree(root)
    if tree is None:
        return None
    changed = gitstate.status(root, tree, early_status)
    if changed is None:
        return None
    stamp = tree.index_stamp()  # after status, which may have refreshed git's index
    plan = Plan(git_stamp=stamp)
    dirty: set[str] = set()
    for name in changed:
        if name.endswith("/"):  # a folder git does not enter: walk it
            folder = name.rstrip("/")
            if is_article(f"{folder}/x.md", subfolders):
                for file, info in article_files(str(root / folder)):
                    relative = article_name(file, str(root))
                    plan.known[relative] = info
                    dirty.add(relative)
        elif is_article(name, subfolders):
            dirty.add(name)
    if store.meta("git") != stamp:
        listed = gitstate.listing(root, tree)
        if listed is None:
            return None
        listed = {name: blob for name, blob in listed.items() if is_article(name, subfolders)}
        if any(blob.startswith("submodule:") for blob in listed.values()):
            return None  # a repository inside: its files are walked, as outside git
        plan.rows = rows = store.rows()
        for name, blob in listed.items():
            if name in dirty:
                continue
            row = rows.get(name)
            if row is not None and row[3] == blob and not blob.startswith(gitstate.UNVOUCHED):
                continue
            if row is not None and (row[3] is None or blob.startswith(gitstate.UNVOUCHED)):
                plan.compare[name] = blob  # read while dirty, or git cannot tell: its stat does
            else:
                plan.read[name] = blob
        plan.gone = {name for name in rows if name not in listed and name not in dirty}
    else:
        turned_clean = [name for name in store.without_blob() if name not in dirty]
        if turned_clean:
            listed = gitstate.listing(
                root, tree, turned_clean if len(turned_clean) <= TARGETED_LISTING else None
            )
            if listed is None:
                return None
            for name in turned_clean:
                plan.compare[name] = listed.get(name)
        for name, blob in store.unvouched(gitstate.UNVOUCHED).items():
            plan.compare.setdefault(name, blob)
        plan.rows = store.rows([*plan.compare, *dirty])
    for name in dirty:
        plan.compare[name] = None
    return plan


def _stat_plan(store: ContentStore, root: Path, subfolders: bool) -> Plan:
    plan = Plan()
    for file, info in article_files(str(root), subfolders):
        name = article_name(file, str(root))
        plan.known[name] = info
        plan.compare[name] = None
    plan.rows = store.rows()
    plan.gone = {name for name in plan.rows if name not in plan.compare}
    return plan


def _apply(store: ContentStore, root: Path, plan: Plan, scan_all: ScanAll) -> None:
    for name in plan.gone:
        store.drop(name)
    to_read: list[tuple[str, str, os.stat_result, int, str | None]] = []
    for names, compare in ((plan.compare, True), (plan.read, False)):
        for name, blob in names.items():
            if not encodable(name):
                raise NotStorable(name)
            file = os.path.join(root, name)
            now = time.time_ns()
            info = plan.known.get(name)
            if info is None:
                try:
                    info = os.stat(file)
                except OSError:
                    store.drop(name)
                    continue
            row = plan.rows.get(name)
            if compare and row is not None and _same(row, info):
                if row[3] != blob:
                    store.set_blob(name, blob)
                continue
            to_read.append((name, file, info, now, blob))
    scans = scan_all([file for _, file, _, _, _ in to_read], root)
    for (name, file, info, now, blob), scanned in zip(to_read, scans, strict=True):
        store.put(name, file, info, now, blob, scanned)


def _same(row: Row, info: os.stat_result) -> bool:
    """Whether the file is the one read for ``row``: same size and time, and that time well
    before it was read (else an edit within the same timestamp could hide)."""
    mtime, size, checked, _ = row
    return mtime == info.st_mtime_ns and size == info.st_size and checked - mtime > RACY_NS
