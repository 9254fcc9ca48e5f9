"""What git knows of a content root's files: which are tracked with which blob, which differ.

The content store's freshness check in a git work tree (``index/freshness.py``): git already
knows, from its index, which files are exactly the committed or staged ones, so editlint need
not stat every article. ``git status`` names the others (modified, staged, deleted, renamed,
untracked, ignored), and handles racy edits itself: a file changed within the same timestamp
as git's index is compared by content. Any git failure is None: the caller stats the files.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from editlint.gitcommand import STATUS, EarlyStatus, StartedGit


@dataclass(frozen=True)
class WorkTree:
    """A content root inside a git work tree: where git's index is, and the root's place."""

    top: Path
    prefix: str  # the content root relative to ``top``, "/"-separated, "" at the top
    index_file: Path

    def index_stamp(self) -> str:
        """The index file's identity and times: a commit, add or checkout rewrites it."""
        try:
            info = os.stat(self.index_file)
        except OSError:
            return "none"
        times = f"{info.st_mtime_ns} {info.st_ctime_ns}"
        return f"{self.index_file} {info.st_ino} {info.st_size} {times}"

    def relative(self, name: str) -> str | None:
        """A git path (relative to ``top``) relative to the content root, or None outside it."""
        if not self.prefix:
            return name
        if name.startswith(self.prefix + "/"):
            return name[len(self.prefix) + 1 :]
        return None


def work_tree(root: Path) -> WorkTree | None:
    """The git work tree ``root`` is in, or None (no git, not in a work tree, git failing)."""
    found = _git(root, ["rev-parse", "--show-toplevel", "--git-path", "index"])
    if found is None:
        return None
    lines = found.split("\n")
    if len(lines) < 2 or not lines[0]:
        return None
    top = Path(lines[0])
    prefix = os.path.relpath(root, top)
    if prefix == os.curdir:
        prefix = ""
    elif prefix.startswith(os.pardir):
        return None
    return WorkTree(top, prefix.replace(os.sep, "/"), root / lines[1])


def status(root: Path, tree: WorkTree, early: EarlyStatus | None = None) -> list[str] | None:
    """Paths under ``root`` (relative to it) git sees as not clean: changed, staged, deleted,
    renamed (both names), untracked or ignored; a folder ends in "/" (an ignored folder, or
    a repository of its own), not entered by git. ``early`` is the status of a whole work
    tree asked when the check started: its answer serves when that work tree is ``tree``."""
    if early is not None and _top(early) == str(tree.top):
        found = _printed(early.status, "status")
    else:
        found = _git(root, [*STATUS, "--", "."])
    if found is None:
        return None
    paths = []
    for entry in found.split("\0"):
        if len(entry) > 3:
            name = tree.relative(entry[3:])
            if name == "" or entry[3:] == "./":  # the root itself is ignored, or a repository
                return None
            if name is not None:
                paths.append(name)
    return paths


#: The prefix of a blob git does not vouch for: a symbolic link (its target may change
#: unseen), a file marked assume-unchanged or skip-worktree, a merge conflict. Such a file is
#: compared by its stat on every check.
UNVOUCHED = "stat:"


def listing(root: Path, tree: WorkTree, names: list[str] | None = None) -> dict[str, str] | None:
    """The blob git's index holds for each tracked file under ``root`` (or of ``names``,
    relative to it), by path relative to the root; a submodule's is "submodule:...", one git
    does not vouch for starts with ``UNVOUCHED``."""
    pathspec = ["."] if names is None else [f":(literal){name}" for name in names]
    found = _git(root, ["ls-files", "-s", "-v", "-z", "--full-name", "--", *pathspec])
    if found is None:
        return None
    blobs = {}
    for entry in found.split("\0"):
        info, tab, name = entry.partition("\t")
        fields = info.split(" ")
        if not tab or len(fields) != 4:
            continue
        relative = tree.relative(name)
        if relative is None:
            continue
        tag, mode, blob, stage = fields
        if mode == "160000":
            blobs[relative] = f"submodule:{blob}"
        elif tag != "H" or stage != "0" or mode == "120000":
            blobs[relative] = f"{UNVOUCHED}{blob}"
        else:
            blobs[relative] = blob
    return blobs


def _git(cwd: Path, args: list[str]) -> str | None:
    return _printed(StartedGit(args, cwd), args[0])


def _top(early: EarlyStatus) -> str | None:
    return _printed(early.top, "rev-parse")


def _printed(git: StartedGit, command: str) -> str | None:
    """What a git command printed, decoded (a ``rev-parse`` answer without its newline);
    None when it could not run or failed."""
    output = git.output()
    if output is None:
        return None
    decoded = os.fsdecode(output)
    return decoded.rstrip("\n") if command == "rev-parse" else decoded
