"""Baselines: record today's findings, then report only new ones.

A finding is matched by its fingerprint: the rule code, the file's path (relative to the
baseline file's folder) and the whitespace-normalised text of the span with up to
``CONTEXT_CHARS`` characters either side of it on the same line. Line numbers play no part, so
editing text above a finding never makes it new. The same fingerprint may occur several times
in a file (a phrase repeated in one paragraph); the baseline keeps a count, and only the
occurrences beyond that count are new.

Wikis move pages often, so each entry also records the fingerprint without the path
(``moved``): a finding not matched in its own file is matched against the entries of files that
no longer exist, and a ``git mv`` brings back no known finding as new.

SARIF reports the same identity, without the path, as each result's ``partialFingerprints``
(``fingerprint`` with the path left out, and the occurrence in the file), so code scanning
follows an alert when lines move.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from editlint.diagnostics import Diagnostic
from editlint.engine.runner import FileResult
from editlint.errors import UsageError

BASELINE_VERSION = 1
CONTEXT_CHARS = 40
_EXCERPT_CHARS = 80


def _normalise(text: str) -> str:
    return " ".join(text.split())


def path_key(path: Path | None, base: Path) -> str:
    """The path as the baseline records it: relative to ``base`` when inside it, POSIX style."""
    if path is None:
        return "<text>"
    resolved = path.resolve()
    try:
        return resolved.relative_to(base.resolve()).as_posix()
    except ValueError:
        return resolved.as_posix()


def fingerprint(diagnostic: Diagnostic, text: str, path: str) -> str:
    """A stable identity for a finding that survives edits elsewhere in the file."""
    start = max(0, min(diagnostic.start, len(text)))
    end = max(start, min(diagnostic.end, len(text)))
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    before = text[max(line_start, start - CONTEXT_CHARS) : start]
    after = text[end : min(line_end, end + CONTEXT_CHARS)]
    parts = (
        diagnostic.code,
        path,
        _normalise(text[start:end]),
        _normalise(before),
        _normalise(after),
    )
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()[:20]


def _fingerprints(result: FileResult, base: Path) -> list[tuple[str, str, Diagnostic]]:
    """(fingerprint, fingerprint without the path, diagnostic) for each finding of a file."""
    path = path_key(result.path, base)
    text = result.text or ""
    return [(fingerprint(d, text, path), fingerprint(d, text, ""), d) for d in result.diagnostics]


class Baseline:
    """Known findings: fingerprint -> how many times it occurs."""

    def __init__(self, counts: Counter[str], base: Path, moved: Counter[str] | None = None):
        self.counts = counts
        self.base = base
        #: Path-less fingerprints of the entries whose file no longer exists (moved away).
        self.moved = moved or Counter()

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise UsageError("no such baseline file", path) from None
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"cannot read baseline: {error}", path) from None
        except json.JSONDecodeError as error:
            raise UsageError(
                f"baseline is not valid JSON: {error.msg}", path, error.lineno
            ) from None
        counts: Counter[str] = Counter()
        moved: Counter[str] = Counter()
        findings = data.get("findings") if isinstance(data, dict) else None
        if not isinstance(findings, list) or data.get("version") != BASELINE_VERSION:
            raise UsageError(
                f"not an editlint baseline (expected version {BASELINE_VERSION} with 'findings')",
                path,
            )
        for entry in findings:
            key = entry.get("fingerprint") if isinstance(entry, dict) else None
            count = entry.get("count", 1) if isinstance(entry, dict) else None
            if not isinstance(key, str) or not isinstance(count, int) or count < 1:
                raise UsageError("baseline entry without a fingerprint and a positive count", path)
            counts[key] += count
            moved_key, old_path = entry.get("moved"), entry.get("path")
            if isinstance(moved_key, str) and isinstance(old_path, str):
                if not (path.parent / old_path).exists():
                    moved[moved_key] += count
        return cls(counts, path.parent, moved)

    def new_findings(self, results: list[FileResult]) -> list[FileResult]:
        """The results with every known finding removed (each known one used up once)."""
        matcher = self.matcher()
        return [matcher.new(result) for result in results]

    def matcher(self) -> BaselineMatcher:
        return BaselineMatcher(self)


class BaselineMatcher:
    """Removes known findings from results one at a time, in the run's order: each known
    finding is used up once (``known`` counts the ones removed)."""

    def __init__(self, baseline: Baseline) -> None:
        self.base = baseline.base
        self.remaining = Counter(baseline.counts)
        self.moved = Counter(baseline.moved)
        self.known = 0

    def new(self, result: FileResult) -> FileResult:
        """``result`` less its known findings."""
        new = []
        for key, moved_key, diagnostic in _fingerprints(result, self.base):
            if self.remaining[key] > 0:
                self.remaining[key] -= 1
            elif self.moved[moved_key] > 0:
                self.moved[moved_key] -= 1
            else:
                new.append(diagnostic)
        self.known += len(result.diagnostics) - len(new)
        return replace(result, diagnostics=new)


def write_baseline(path: Path, results: Iterable[FileResult]) -> int:
    """Record every finding of ``results`` in ``path``; return how many were recorded. Only
    the entries are kept as the results go by (one per distinct fingerprint)."""
    base = path.parent
    entries: dict[str, dict] = {}
    for result in results:
        text = result.text or ""
        for key, moved_key, diagnostic in _fingerprints(result, base):
            if key in entries:
                entries[key]["count"] += 1
                continue
            excerpt = _normalise(text[diagnostic.start : diagnostic.end])[:_EXCERPT_CHARS]
            entries[key] = {
                "fingerprint": key,
                "code": diagnostic.code,
                "path": path_key(result.path, base),
                "text": excerpt,
                "moved": moved_key,
                "count": 1,
            }
    findings = sorted(
        entries.values(), key=lambda e: (e["path"], e["code"], e["text"], e["fingerprint"])
    )
    data = {"version": BASELINE_VERSION, "tool": "editlint", "findings": findings}
    try:
        path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as error:
        raise UsageError(f"cannot write baseline: {error.strerror}", path) from None
    return sum(entry["count"] for entry in findings)
