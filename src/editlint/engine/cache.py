"""The result cache (``.editlint_cache/results/``): unchanged files cost a hash and a read.

An entry holds one file's findings. Its key hashes the file's path and bytes with the *run
key*: editlint's version and code, the rule packs, the config, the selected rules and, when a
selected rule reads the content index, the index's contents. Entries are JSON written to a
temporary file and renamed into place, so concurrent runs never see half an entry; an entry
that does not parse, was written for another key or format, or holds anything a run could not
have written (wrong types, offsets past the text, deep nesting) is a miss, and rewritten.

The cache may sit in a repository that planted it (``safefiles``): entries are read without
following links, with a size limit; nothing is written where a link leads out of the cache;
only run folders that carry editlint's tag file are ever pruned, and temporary files a killed
run left behind are removed once stale.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from dataclasses import fields
from datetime import date
from enum import Enum
from pathlib import Path

from editlint._version import __version__
from editlint.cachefolder import make_cache_folder
from editlint.config.model import LoadedConfig
from editlint.diagnostics import Applicability, Category, Diagnostic, Edit, Fix, Severity
from editlint.document.parsers import markdown_parser
from editlint.engine.runner import Checker, FileResult
from editlint.files.screening import decode
from editlint.safefiles import (
    contained,
    is_plain_folder,
    read_own,
    remove_stale,
    write_by_rename,
)

FORMAT = 1
#: Run folders kept besides the current one (other configs, other editlint versions).
KEEP_RUNS = 4
#: The tag file in every run folder editlint made: the prune deletes nothing without it.
RUN_TAG = "EDITLINT-RUN.TAG"
RUN_TAG_TEXT = b"editlint result cache run folder: safe to delete\n"
TEMP_PREFIX = ".tmp-"
#: An entry larger than this plus this many bytes per byte of its file is not read.
ENTRY_LIMIT, ENTRY_LIMIT_PER_BYTE = 4 * 1024 * 1024, 16
#: How deeply a finding's ``data`` may nest (folding's lists are one level).
DATA_DEPTH = 4
_PACKAGE = Path(__file__).resolve().parents[1]
#: editlint's own files whose change makes a new run key (``code_stamp``).
CODE_SUFFIXES = (".py", ".yaml", ".json")


class ResultCache:
    """Findings of files already checked with the same run key."""

    def __init__(self, folder: Path, run_key: str) -> None:
        self.run_key = run_key
        self.base = folder
        self.folder = folder / "results" / run_key[:24]
        self._tagged = False

    @classmethod
    def for_checker(cls, checker: Checker, folder: Path, settled: str | None = None) -> ResultCache:
        """The cache of ``checker``'s runs in ``folder`` (``settled``: see ``run_key``)."""
        return cls(folder, run_key(checker, settled))

    def key(self, path: Path, raw: bytes) -> str:
        digest = hashlib.blake2b(digest_size=20)
        digest.update(self.run_key.encode())
        # The name as given, links not followed: findings depend on it (a title taken from it).
        digest.update(os.path.abspath(path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def has(self, key: str) -> bool:
        """Whether an entry is stored for ``key`` (``load`` may still find it no longer
        serves)."""
        return (self.folder / key[:2] / key).is_file()

    def load(self, key: str, path: Path, raw: bytes) -> FileResult | None:
        """The cached result for ``key``, or None (missing, corrupt or from another run)."""
        data = read_own(self.folder / key[:2] / key, ENTRY_LIMIT + ENTRY_LIMIT_PER_BYTE * len(raw))
        if data is None:
            return None
        try:
            entry = json.loads(data)
            if not isinstance(entry, dict) or set(entry) != _ENTRY_KEYS:
                return None
            if entry["format"] != FORMAT or entry["key"] != key:
                return None
            decoded, parsed, items = entry["decoded"], entry["parsed"], entry["diagnostics"]
            if not isinstance(decoded, bool) or not isinstance(parsed, bool):
                return None
            if not isinstance(items, list):
                return None
            probes = _probes(entry["probes"])
            if any(os.path.exists(name) != existed for name, existed in probes):
                return None  # a file a finding depends on came or went
            text = decode(raw) if decoded else None
            if isinstance(text, tuple):
                return None  # decoded when cached: another file now
            length = len(text) if text is not None else len(raw)
            diagnostics = [_decode(item, length) for item in items]
            return FileResult(path, text, diagnostics, parsed, probes=probes)
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return None

    def store(self, key: str, result: FileResult) -> None:
        """Save ``result``; findings that would not read back identically are not cached."""
        items = [_encode(diagnostic) for diagnostic in result.diagnostics]
        try:
            if [_decode(item) for item in items] != result.diagnostics:
                return
            entry = {
                "format": FORMAT,
                "key": key,
                "decoded": result.text is not None,
                "parsed": result.parsed,
                "diagnostics": items,
                "probes": [[name, existed] for name, existed in result.probes],
            }
            data = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
        except (TypeError, ValueError, KeyError, AttributeError):
            return
        try:
            self._tag()
            _write_atomically(self.folder / key[:2] / key, data, self.folder, self.folder / "tmp")
        except OSError:
            pass  # a read-only or full disk, or a folder that leads elsewhere, costs speed

    def _tag(self) -> None:
        """Mark the run folder as editlint's (once per run), so that a later prune may
        delete it; refuse (OSError) a run folder that leads out of the cache."""
        if self._tagged:
            return
        make_cache_folder(self.base)
        for folder in (self.folder.parent, self.folder, self.folder / "tmp"):
            with contextlib.suppress(FileExistsError):
                folder.mkdir()
            if not is_plain_folder(folder):  # a link, or a file
                raise OSError(f"{folder} is not a folder of the cache; not used")
        tag = self.folder / RUN_TAG
        if read_own(tag, len(RUN_TAG_TEXT)) != RUN_TAG_TEXT:
            _write_atomically(tag, RUN_TAG_TEXT, self.folder, self.folder / "tmp")
        else:
            os.utime(tag, follow_symlinks=False)  # when the run was last used, for the prune
        self._tagged = True

    def prune(self) -> None:
        """Remove the oldest run folders, keeping this one and ``KEEP_RUNS`` others, and the
        stale temporary files of those kept.

        Only folders editlint made are removed: real folders (not links) directly in
        ``results/`` (itself no link) holding the tag file. A ``--cache-dir`` naming a user's
        folder, or a repository that plants ``results`` as a link, loses nothing.
        """
        runs = self.folder.parent
        if not is_plain_folder(runs) or not contained(runs, self.base):
            return
        others = []
        for folder in _subfolders(runs):
            if _is_run_folder(folder):
                if is_plain_folder(folder / "tmp"):
                    remove_stale(folder / "tmp", TEMP_PREFIX)
                if folder != self.folder:
                    with contextlib.suppress(OSError):
                        others.append((os.lstat(folder / RUN_TAG).st_mtime, folder))
        others.sort(reverse=True)
        for _, old in others[KEEP_RUNS:]:
            shutil.rmtree(old, ignore_errors=True)  # never follows links (see shutil docs)


_ENTRY_KEYS = {"format", "key", "decoded", "parsed", "diagnostics", "probes"}


def _probes(items: object) -> tuple[tuple[str, bool], ...]:
    if not isinstance(items, list):
        raise TypeError("probes must be a list")
    probes = []
    for item in items:
        name, existed = item
        if not isinstance(name, str) or not isinstance(existed, bool):
            raise TypeError("a probe is a path and a bool")
        probes.append((name, existed))
    return tuple(probes)


def _subfolders(folder: Path) -> list[Path]:
    """The real folders (not links) directly in ``folder``."""
    try:
        with os.scandir(folder) as entries:
            return [Path(e.path) for e in entries if e.is_dir(follow_symlinks=False)]
    except OSError:
        return []


def _is_run_folder(folder: Path) -> bool:
    return read_own(folder / RUN_TAG, len(RUN_TAG_TEXT)) == RUN_TAG_TEXT


def run_key(checker: Checker, settled: str | None = None) -> str:
    """What the findings of an unchanged file depend on besides the file itself: the
    ``checker_key`` (``settled``: one computed before for this checker, as the daemon keeps
    it), the content index's stamp when a rule reads the index, the day when one is dated."""
    digest = hashlib.blake2b(digest_size=20)
    digest.update((settled or checker_key(checker)).encode())
    if any(rule.needs_index for rule in checker.rules):
        digest.update(index_fingerprint(checker).encode())
    if any(rule.dated for rule in checker.rules):
        digest.update(date.today().isoformat().encode())  # a statement goes stale overnight
    return digest.hexdigest()


def checker_key(checker: Checker) -> str:
    """What a checker's findings depend on that stays while its process does not change
    code, config or packs: editlint's version and code, the config, its root, the rules."""
    loaded = checker.loaded
    digest = hashlib.blake2b(digest_size=20)
    for part in (
        f"format {FORMAT} editlint {__version__}",
        f"markdown parser {markdown_parser()}",  # the parsers differ on a few constructs
        code_stamp(),
        repr(loaded.config),  # every field; unlike a dump, it needs no serializer built
        str(loaded.root.resolve()),
        *sorted(f"{rule.code} {rule.origin} {type(rule).__qualname__}" for rule in checker.rules),
        *pack_stamps(loaded),
    ):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    return digest.hexdigest()


def index_fingerprint(checker: Checker) -> str:
    """The content index's version stamp: it changes whenever anything the index knows
    changes (titles, aliases, headings, ...); a stored index has it without reading any
    article (``index/store.py``)."""
    return checker.index.stamp()


def code_stamp() -> str:
    """editlint's own files by size and modification time: an edited rule is a new run."""
    stamps = []
    for folder, _, names in os.walk(_PACKAGE):
        for name in names:
            if name.endswith(CODE_SUFFIXES):
                stat = os.stat(os.path.join(folder, name))
                stamps.append(f"{folder}/{name} {stat.st_size} {stat.st_mtime_ns}")
    return "\n".join(sorted(stamps))


def pack_stamps(loaded: LoadedConfig) -> list[str]:
    """The content of the rule packs in use (shipped ones live outside the package folder)."""
    from editlint.rules.packs import builtin_pack_dir, pack_files

    folders = [loaded.root / path for path in loaded.config.rule_paths]
    if loaded.config.builtin_packs:
        folders.append(builtin_pack_dir())
    stamps = []
    for folder in folders:
        for path in pack_files(folder) if folder.exists() else []:
            try:
                stamps.append(f"{path} {hashlib.blake2b(path.read_bytes()).hexdigest()}")
            except OSError:
                stamps.append(f"{path} unreadable")
    return stamps


def _write_atomically(path: Path, data: bytes, base: Path, temporaries: Path) -> None:
    """Write ``path`` by a rename from ``temporaries`` (one folder, so that what a killed run
    left there is found at a glance), refusing (OSError) a folder that leads out of ``base``."""
    path.parent.mkdir(exist_ok=True)
    if not contained(path.parent, base):
        raise OSError(f"{path.parent} leads out of the cache; not written")
    write_by_rename(path, data, temporaries, TEMP_PREFIX)


def _encode(diagnostic: Diagnostic) -> dict:
    item = {}
    for spec in fields(Diagnostic):
        value = getattr(diagnostic, spec.name)
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, Fix):
            value = {
                "edits": [[edit.start, edit.end, edit.replacement] for edit in value.edits],
                "applicability": value.applicability.value,
                "description": value.description,
            }
        item[spec.name] = value
    return item


_FIELDS = {spec.name for spec in fields(Diagnostic)}


def _decode(item: dict, length: int | None = None) -> Diagnostic:
    """The finding ``item`` encodes; TypeError or ValueError for anything ``_encode`` could not
    have written, and for offsets outside a text of ``length`` characters (when given)."""
    if not isinstance(item, dict) or set(item) != _FIELDS:
        raise TypeError("not an encoded finding")
    values = dict(item)
    _strings(values["code"], values["message"], values["rule_name"])
    values["start"], values["end"] = _span(values["start"], values["end"], length)
    values["severity"] = Severity(values["severity"])
    values["category"] = Category(values["category"])
    if not isinstance(values["data"], dict) or not _plain_json(values["data"], DATA_DEPTH):
        raise TypeError("data is not plain JSON")
    fix = values["fix"]
    if fix is not None:
        if not isinstance(fix, dict) or set(fix) != {"edits", "applicability", "description"}:
            raise TypeError("not an encoded fix")
        if not isinstance(fix["edits"], list) or not fix["edits"]:
            raise TypeError("a fix without edits")
        edits = []
        for edit in fix["edits"]:
            start, end, text = edit
            _strings(text)
            edits.append(Edit(*_span(start, end, length), text))
        _strings(fix["description"])
        values["fix"] = Fix(tuple(edits), Applicability(fix["applicability"]), fix["description"])
    return Diagnostic(**values)


def _strings(*values: object) -> None:
    if not all(isinstance(value, str) for value in values):
        raise TypeError("expected a string")


def _span(start: object, end: object, length: int | None) -> tuple[int, int]:
    if type(start) is not int or type(end) is not int:
        raise TypeError("offsets must be integers")
    if not 0 <= start <= end or (length is not None and end > length):
        raise ValueError("offsets outside the text")
    return start, end


def _plain_json(value: object, depth: int) -> bool:
    """Whether ``value`` is JSON of at most ``depth`` levels (str keys)."""
    if value is None or isinstance(value, (str, bool, int, float)):
        return True
    if depth <= 0:
        return False
    if isinstance(value, list):
        return all(_plain_json(item, depth - 1) for item in value)
    if isinstance(value, dict):
        return all(
            isinstance(key, str) and _plain_json(item, depth - 1) for key, item in value.items()
        )
    return False
