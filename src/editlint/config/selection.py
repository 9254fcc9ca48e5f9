"""Which rules run, at what severity: codes and prefixes, the longest prefix winning.

An opt-in rule is off unless ``select`` or ``extend-select`` names its full code: "ALL" and
shorter prefixes pass it by."""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

from editlint.diagnostics import Severity


def _matches(code: str, prefix: str) -> bool:
    return prefix == "ALL" or code.startswith(prefix)


def _specificity(prefix: str) -> int:
    return 0 if prefix == "ALL" else len(prefix)


def is_selected(code: str, select: list[str], ignore: list[str], opt_in: bool = False) -> bool:
    """flake8's decision: the most specific matching entry of select or ignore wins.

    An ``opt_in`` rule counts only the select entries that are its full code."""
    if opt_in:
        select = [prefix for prefix in select if prefix == code]
    chosen = max((_specificity(p) for p in select if _matches(code, p)), default=-1)
    ignored = max((_specificity(p) for p in ignore if _matches(code, p)), default=-1)
    return chosen >= 0 and chosen > ignored if ignored >= 0 else chosen >= 0


def severity_for(code: str, default: Severity, overrides: dict[str, Severity]) -> Severity:
    """The severity set for the longest matching prefix, else the rule's default."""
    best: tuple[int, Severity] | None = None
    for prefix, severity in overrides.items():
        if _matches(code, prefix) and (best is None or _specificity(prefix) > best[0]):
            best = (_specificity(prefix), severity)
    return best[1] if best else default


def ignored_for_file(
    path: Path | None, root: Path, per_file_ignores: dict[str, list[str]]
) -> list[str]:
    """Codes ignored for ``path`` by ``per-file-ignores`` globs (relative to ``root``)."""
    if path is None or not per_file_ignores:
        return []
    try:
        relative = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        relative = path.as_posix()
    codes: list[str] = []
    for pattern, pattern_codes in per_file_ignores.items():
        if fnmatch(relative, pattern) or fnmatch(path.name, pattern):
            codes.extend(pattern_codes)
    return codes
