"""Fix one file: read it exactly, fix until stable, and write it back only when that is safe."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from editlint.diagnostics import Applicability, Diagnostic, Edit, Fix
from editlint.engine.runner import Checker, FileResult
from editlint.files.screening import refuse_path
from editlint.fixes.apply import MAX_PASSES, fix_text
from editlint.fixes.regions import Regions
from editlint.fixes.write import ChangedOnDisk, Source, read_source, write_source


@dataclass
class FileFix:
    """What fixing one file did. ``result`` holds the findings that remain afterwards."""

    result: FileResult
    original: str | None = None
    fixed: str | None = None
    applied: Counter[str] = field(default_factory=Counter)
    hit_cap: bool = False
    regions: Regions = field(default_factory=Regions)
    problem: str | None = None  # why the file was left as it was

    @property
    def changed(self) -> bool:
        return self.original is not None and self.fixed != self.original

    @property
    def path(self) -> Path | None:
        return self.result.path


def fix_file(
    checker: Checker,
    path: Path,
    minimum: Applicability = Applicability.SAFE,
    write: bool = True,
    max_passes: int = MAX_PASSES,
) -> FileFix:
    """Fix ``path`` with every wanted fix; write it back when ``write`` and nothing forbids it.

    A file that cannot be read, decoded or parsed is never written, nor is a fixed text that no
    longer parses, nor a file that changed on disk after it was read.
    """
    limit, root = checker.loaded.config.max_file_size, checker.loaded.root
    if refuse_path(path, limit, root) is not None:  # a device, a pipe, a link out: never open
        return FileFix(checker.check_file(path), problem="could not be read; not fixed")
    try:
        source = read_source(path)
    except (OSError, UnicodeDecodeError):
        return FileFix(
            checker.check_file(path), problem="could not be read as UTF-8 text; not fixed"
        )
    checked: dict[str, FileResult] = {}

    def check(text: str) -> list[Diagnostic]:
        if text not in checked:
            checked.clear()  # only the latest text is ever asked for again
            checked[text] = checker.check_text(text, path)
        return [_matching_newlines(d, source) for d in checked[text].diagnostics]

    first = checker.check_text(source.text, path)
    checked[source.text] = first
    if not first.parsed:
        return FileFix(first, source.text, source.text, problem="could not be parsed; not fixed")
    outcome = fix_text(source.text, check, minimum, max_passes)
    fixed = FileFix(
        checked.get(outcome.text) or checker.check_text(outcome.text, path),
        source.text,
        outcome.text,
        outcome.by_code,
        outcome.hit_cap,
        outcome.regions,
    )
    if not fixed.result.parsed:
        problem = "fixes made it unparsable; not fixed"
        return FileFix(first, source.text, source.text, problem=problem)
    if write and fixed.changed:
        fixed.problem = _write(source, outcome.text)
        if fixed.problem is not None:
            fixed.result = first
    return fixed


def _write(source: Source, text: str) -> str | None:
    try:
        write_source(source, text)
    except ChangedOnDisk:
        return "changed on disk while being fixed; not written"
    except OSError as error:
        return f"cannot write: {error.strerror or error}"
    return None


def _matching_newlines(diagnostic: Diagnostic, source: Source) -> Diagnostic:
    fix = diagnostic.fix
    if fix is None or source.newline == "\n" or not any("\n" in e.replacement for e in fix.edits):
        return diagnostic
    edits = tuple(Edit(e.start, e.end, source.match_newlines(e.replacement)) for e in fix.edits)
    return replace(diagnostic, fix=Fix(edits, fix.applicability, fix.description))
