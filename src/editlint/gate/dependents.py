"""Articles that a change can break without touching them: those linking to an article that the
change deletes, renames or retitles.

A gate that checks only the changed files never sees them (the deleted file is not there to
check), so ``--changed-since`` and ``--staged`` add them: every article whose text names a
title, alias or file stem that the change removed. Naming is a cheap, generous test (a link
may be written many ways); checking the article then reports the links that really dangle.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from editlint.document import SUPPORTED_SUFFIXES
from editlint.gitcommand import run_git
from editlint.index.build import scan_article
from editlint.index.content import article_files


def removed_names(top: Path, base: str | None) -> set[str]:
    """Titles, aliases and stems of articles that the change since ``base`` (None: the staged
    change against HEAD) deletes, renames or retitles, case-folded."""
    against = ["--cached", "HEAD"] if base is None else [base]
    fields = _git(top, ["diff", "--name-status", "-z", "-M", *against, "--"]).split("\0")
    old_ref = "HEAD" if base is None else base
    removed: set[str] = set()
    index = 0
    while index < len(fields) - 1:
        status = fields[index]
        if status[:1] in ("R", "C"):
            old, new = fields[index + 1], fields[index + 2]
            index += 3
        else:
            old = new = fields[index + 1]
            index += 2
        if status[:1] not in ("D", "R", "M") or Path(old).suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        before = _names(_git(top, ["show", f"{old_ref}:{old}"]), old)
        after = set() if status[:1] == "D" else _names(_current(top, new, base is None), new)
        removed |= before - after
    return removed


def linking_articles(names: set[str], content_root: Path) -> list[Path]:
    """Articles under ``content_root`` whose text names one of ``names`` (case-folded)."""
    if not names:
        return []
    found = []
    for file, _ in article_files(str(content_root)):
        try:
            folded = Path(file).read_text(encoding="utf-8", errors="replace").casefold()
        except OSError:
            continue
        if any(name in folded for name in names):
            found.append(Path(file))
    return found


def _names(text: str, name: str) -> set[str]:
    if not text:
        return set()
    path = Path(name)
    scanned = scan_article(text, path)
    names = {scanned.title, *scanned.aliases, path.stem, path.stem.replace("_", " ")}
    return {found.casefold() for found in names if found.strip()}


def _current(top: Path, name: str, staged: bool) -> str:
    """The article as the change leaves it: the staged copy, or the work tree's."""
    if staged:
        return _git(top, ["show", f":{name}"])
    try:
        return (top / name).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _git(top: Path, args: list[str]) -> str:
    """git's output, or "" when it fails (a repository without commits has no HEAD)."""
    try:
        result = run_git(args, top)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return result.stdout.decode("utf-8", "surrogateescape") if result.returncode == 0 else ""
