"""The house-style pack (HSE rules, some with safe and unsafe fixes) used by fix and report tests.

Its rules do not change when the built-in packs grow, so tests built on it stay exact.
"""

from __future__ import annotations

from pathlib import Path

from editlint.config.model import find_config, load_config
from editlint.engine.runner import Checker

HOUSE = Path(__file__).parent / "fixtures" / "house"

#: A smaller house-style pack, written into a test's repository by the LSP and pre-commit tests
#: that need fixable rules of known applicability (one safe, one unsafe).
HOUSE_PACK = """pack: house
rules:
  - code: HSE101
    name: plain-words
    kind: substitution
    category: structure
    message: "Plain words: '{match}' -> '{replacement}'"
    explanation: "House style prefers plain words; 'use' says what 'utilise' says."
    swap: {utilise: use}
    applicability: safe
  - code: HSE102
    name: wordy-phrases
    kind: substitution
    category: structure
    message: "Wordy: '{match}' -> '{replacement}'"
    swap: {in order to: to}
    applicability: unsafe
"""


def one_word_pack(word: str) -> str:
    """A pack of one rule, HSE101, finding ``word``: a house or installed pack in a test."""
    return (
        "pack: house\nrules:\n  - code: HSE101\n    name: house-word\n    kind: existence\n"
        f"    category: neutrality\n    message: A house word\n    tokens: [{word}]\n"
    )


def house_folder(folder: Path, articles: dict[str, str | bytes] | None = None) -> Path:
    """Copy the pack and its editlint.yaml into ``folder`` and write ``articles`` there."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("house.yaml", "editlint.yaml"):
        (folder / name).write_bytes((HOUSE / name).read_bytes())
    for name, content in (articles or {}).items():
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        (folder / name).write_bytes(data)
    return folder


def house_checker(folder: Path) -> Checker:
    return Checker(load_config(find_config(folder), folder))


def attach_workspace(document, *parts):
    """Give ``document`` a workspace whose word index holds the words of ``parts`` (rules,
    term sets, searches), as a Checker does for its selected rules; returns the document."""
    from editlint.rules.base import Rule, RuleContext
    from editlint.rules.matching.words import WordIndex
    from editlint.rules.support.workspace import Workspace

    words = WordIndex()
    for part in parts:
        if isinstance(part, Rule):
            part.prepare(words, RuleContext())
        else:
            part.prepare(words)
    Workspace.attach(document, words)
    return document
