"""What the analysis of a pack pattern finds, and that analysis for the shipped packs made
at build time.

Analysing a pattern (its syntax, ``leads.py``, ``linear.py``) parses it with the stdlib's
Python-level parser: some 30 ms for the 79 patterns of the shipped packs, on every cold
check. ``rules/analysis.json`` holds those results, written by
``scripts/gen_pack_analysis.py`` (``tests/test_pack_analysis.py`` fails when it is stale).
A pack uses them only when it is a shipped pack whose bytes hash to the recorded SHA-256, on
the Python version that made them (the parse trees are that version's); any other pack, and
any pattern not recorded, is analysed as it is read. A table in the cache folder was refused:
a planted one could mark a risky pattern linear, whereas this file is part of editlint.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from editlint.rules.matching.leads import leads
from editlint.rules.matching.linear import runs_in_linear_time
from editlint.rules.matching.regex_tree import parsed

#: The table's name in the shipped packs' folder.
TABLE_NAME = "analysis.json"


@dataclass(frozen=True, slots=True)
class PatternFacts:
    """The analysis of a pattern the stdlib parser accepts: its ``leads`` (None: unknown) and
    whether it ``runs_in_linear_time``."""

    leads: frozenset[str] | None
    linear: bool


def analyse(pattern: str) -> PatternFacts | None:
    """The facts of ``pattern``; None when the stdlib parser refuses it (the ``regex``
    module then compiles it at once, as a syntax check)."""
    try:
        parsed(pattern)
    except Exception:
        return None
    return PatternFacts(leads(pattern), runs_in_linear_time(pattern))


class Recorder:
    """Facts of every pattern compiled while it is current: what the generator writes."""

    def __init__(self) -> None:
        self.facts: dict[str, PatternFacts | None] = {}

    def get(self, pattern: str) -> None:
        self.facts[pattern] = analyse(pattern)
        return None  # the pattern is analysed as usual


_current: ContextVar[dict[str, PatternFacts] | Recorder | None] = ContextVar(
    "editlint_pattern_facts", default=None
)


def known_facts(pattern: str) -> PatternFacts | None:
    """The trusted facts of ``pattern`` while a shipped pack is built, else None."""
    table = _current.get()
    return None if table is None else table.get(pattern)


@contextmanager
def facts_in_use(table: dict[str, PatternFacts] | Recorder | None) -> Iterator[None]:
    """Make ``table`` what ``known_facts`` answers from inside the block."""
    token = _current.set(table)
    try:
        yield
    finally:
        _current.reset(token)


def shipped_facts(path: Path, text: str) -> dict[str, PatternFacts] | None:
    """The precomputed facts of the shipped pack ``path`` (its text ``text``), or None when
    ``path`` is not in the shipped folder, ``text`` is not what they were made from or this
    Python is not the one that made them."""
    if path.parent != Path(str(resources.files("editlint.packs"))):
        return None
    try:
        table = json.loads((path.parent / TABLE_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    entry = table.get("packs", {}).get(path.name)
    if table.get("python") != _python() or entry is None or entry["sha256"] != _sha256(text):
        return None
    return {
        pattern: PatternFacts(None if found is None else frozenset(found), linear)
        for pattern, (found, linear) in entry["patterns"].items()
    }


def table_text(recorded: dict[str, tuple[str, dict[str, PatternFacts | None]]]) -> str:
    """The JSON table of ``recorded``: each pack file's name -> (its text, its facts)."""
    packs = {}
    for name, (text, facts) in sorted(recorded.items()):
        patterns = {
            pattern: [None if each.leads is None else sorted(each.leads), each.linear]
            for pattern, each in sorted(facts.items())
            if each is not None
        }
        packs[name] = {"sha256": _sha256(text), "patterns": patterns}
    return json.dumps({"python": _python(), "packs": packs}, indent=1, ensure_ascii=False) + "\n"


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _python() -> str:
    return "{}.{}".format(*sys.version_info[:2])
