"""Whether any article under a content root changed since last asked, without a stat per file.

Linux's inotify (through ``inotify_simple``) watches every folder the content index reads.
The kernel queues an event as each write, creation, deletion or rename happens, so reading the
queue when a check arrives sees every change that finished before it: a check costs one
non-blocking read instead of 10,000 stats (0.15-0.28 s at 10,000 articles on a busy machine).
Where no watch can be had (not Linux, no ``inotify_simple``, the watch limit reached, an
article that is a link to a file elsewhere), ``changed`` is always true and the caller falls
back to comparing every file's size and modification time.
"""

from __future__ import annotations

import os
from pathlib import Path

from editlint.document import SUPPORTED_SUFFIXES

#: Events that may change what the index knows: contents, names, folders coming and going.
_MASK_NAMES = (
    "MODIFY", "ATTRIB", "CLOSE_WRITE", "CREATE", "DELETE", "MOVED_FROM", "MOVED_TO",
    "DELETE_SELF", "MOVE_SELF",
)  # fmt: skip


class FolderWatch:
    """Change events for the files of some folders (``sync`` names them) whose names end in
    one of ``suffixes`` (default: articles)."""

    def __init__(self, suffixes: frozenset[str] | tuple[str, ...] = SUPPORTED_SUFFIXES) -> None:
        self._suffixes = tuple(suffixes)
        self._notify = None
        self._watched: dict[str, int] = {}
        try:
            from inotify_simple import INotify, flags
        except ImportError:
            return
        try:
            self._notify = INotify()
        except OSError:
            return
        self._flags = flags
        self._mask = 0
        for name in _MASK_NAMES:
            self._mask |= getattr(flags, name)

    @property
    def active(self) -> bool:
        return self._notify is not None

    def sync(self, root: Path, subfolders: bool) -> None:
        """Watch ``root`` and (with ``subfolders``) every folder under it the index reads."""
        if self._notify is None:
            return
        try:
            for folder in _folders(str(root), subfolders):
                if folder not in self._watched:
                    self._watched[folder] = self._notify.add_watch(folder, self._mask)
        except OSError:  # the watch limit, or a folder gone meanwhile: stat every file
            self.close()

    def changes(self) -> set[str] | None:
        """The files changed since the last call; None when that is not known (no
        watch, events lost, a folder came, went or was renamed): look at every file then."""
        if self._notify is None:
            return None
        try:
            events = self._notify.read(timeout=0)
        except OSError:
            self.close()
            return None
        flags, found = self._flags, set()
        folders = {number: folder for folder, number in self._watched.items()}
        unsure = flags.Q_OVERFLOW | flags.IGNORED | flags.ISDIR | flags.DELETE_SELF
        for event in events:
            if event.mask & (unsure | flags.MOVE_SELF) or event.wd not in folders:
                self.forget()
                return None
            if os.path.splitext(event.name)[1].lower() in self._suffixes:
                found.add(os.path.join(folders[event.wd], event.name))
        return found

    def forget(self) -> None:
        """Drop every watch (``sync`` sets them again, for the folders there are then)."""
        if self._notify is not None:
            for number in self._watched.values():
                try:
                    self._notify.rm_watch(number)
                except OSError:
                    pass  # already gone with its folder
            self._notify.read(timeout=0)  # the IGNORED events the removal queued
            self._watched = {}

    def close(self) -> None:
        if self._notify is not None:
            self._notify.close()
            self._notify = None
            self._watched = {}


def _folders(root: str, subfolders: bool) -> list[str]:
    """``root`` and the folders under it that ``article_files`` enters (no hidden ones, no
    links)."""
    found, pending = [root], [root] if subfolders else []
    while pending:
        with os.scandir(pending.pop()) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False) and not entry.name.startswith("."):
                    found.append(entry.path)
                    pending.append(entry.path)
    return found
