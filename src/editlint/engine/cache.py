"""The result cache (``.editlint_cache/results/``): unchanged files cost a hash and a read.

An entry holds one file's findings. Its key hashes the file's path and bytes with the *run
key*: editlint's version and code, the rule packs, the config, the selected rules and, when a
selected rule reads the content index, the index's contents. Entries are JSON written to a
temporary file and renamed into place, so concurrent runs never see half an entry; an entry
that does not parse, or was written for another key or format, is ignored and rewritten.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import fields
from enum import Enum
from pathlib import Path

from editlint import __version__
from editlint.diagnostics import Applicability, Category, Diagnostic, Edit, Fix, Severity
from editlint.engine.runner import Checker, FileResult, decode_text

FORMAT = 1
#: Run folders kept besides the current one (other configs, other editlint versions).
KEEP_RUNS = 4
_PACKAGE = Path(__file__).resolve().parents[1]


class ResultCache:
    """Findings of files already checked with the same run key."""

    def __init__(self, folder: Path, run_key: str) -> None:
        self.run_key = run_key
        self.folder = folder / "results" / run_key[:24]

    @classmethod
    def for_checker(cls, checker: Checker, folder: Path) -> ResultCache:
        return cls(folder, run_key(checker))

    def key(self, path: Path, raw: bytes) -> str:
        digest = hashlib.blake2b(digest_size=20)
        digest.update(self.run_key.encode())
        # The name as given, links not followed: findings depend on it (a title taken from it).
        digest.update(os.path.abspath(path).encode("utf-8", "surrogateescape") + b"\0")
        digest.update(raw)
        return digest.hexdigest()

    def load(self, key: str, path: Path, raw: bytes) -> FileResult | None:
        """The cached result for ``key``, or None (missing, corrupt or from another run)."""
        try:
            entry = json.loads((self.folder / key[:2] / key).read_bytes())
            if entry["format"] != FORMAT or entry["key"] != key:
                return None
            diagnostics = [_decode(item) for item in entry["diagnostics"]]
            text = decode_text(raw) if entry["decoded"] else None
            return FileResult(path, text, diagnostics, entry["parsed"])
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
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
            }
            data = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode()
        except (TypeError, ValueError, KeyError, AttributeError):
            return
        try:
            _write_atomically(self.folder / key[:2] / key, data)
        except OSError:
            pass  # a read-only or full disk only costs speed

    def prune(self) -> None:
        """Remove the oldest run folders, keeping this one and ``KEEP_RUNS`` others."""
        runs = self.folder.parent
        try:
            others = [p for p in runs.iterdir() if p.is_dir() and p != self.folder]
            others.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            return
        for old in others[KEEP_RUNS:]:
            shutil.rmtree(old, ignore_errors=True)


def run_key(checker: Checker) -> str:
    """What the findings of an unchanged file depend on besides the file itself."""
    loaded = checker.loaded
    digest = hashlib.blake2b(digest_size=20)
    for part in (
        f"format {FORMAT} editlint {__version__}",
        _code_stamp(),
        loaded.config.model_dump_json(),
        str(loaded.root.resolve()),
        *sorted(f"{rule.code} {rule.origin} {type(rule).__qualname__}" for rule in checker.rules),
        *_pack_stamps(checker),
    ):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    if any(rule.needs_index for rule in checker.rules):
        digest.update(index_fingerprint(checker).encode())
    return digest.hexdigest()


def index_fingerprint(checker: Checker) -> str:
    """A hash of everything the content index knows (titles, aliases, headings, ...)."""
    index = checker.index
    return hashlib.blake2b(repr(index.articles).encode("utf-8", "surrogateescape")).hexdigest()


def _code_stamp() -> str:
    """editlint's own files by size and modification time: an edited rule is a new run."""
    stamps = []
    for folder, _, names in os.walk(_PACKAGE):
        for name in names:
            if name.endswith((".py", ".yaml", ".json")):
                stat = os.stat(os.path.join(folder, name))
                stamps.append(f"{folder}/{name} {stat.st_size} {stat.st_mtime_ns}")
    return "\n".join(sorted(stamps))


def _pack_stamps(checker: Checker) -> list[str]:
    """The content of the rule packs in use (shipped ones live outside the package folder)."""
    from editlint.rules.packs import builtin_pack_dir, pack_files

    loaded = checker.loaded
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


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


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


def _decode(item: dict) -> Diagnostic:
    values = dict(item)
    values["severity"] = Severity(values["severity"])
    values["category"] = Category(values["category"])
    fix = values.get("fix")
    if fix is not None:
        values["fix"] = Fix(
            tuple(Edit(start, end, text) for start, end, text in fix["edits"]),
            Applicability(fix["applicability"]),
            fix["description"],
        )
    return Diagnostic(**values)
