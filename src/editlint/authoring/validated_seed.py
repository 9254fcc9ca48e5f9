"""What validating editlint's own inputs gives, made at build time (``editlint.validated``).

``python scripts/gen_pack_analysis.py`` writes ``rules/validated.json`` beside
``rules/analysis.json``; ``--check`` and ``tests/test_validated.py`` fail when it no longer
matches what validation gives today. It holds the entries a run with the default config makes:
the shipped packs (as they read, and validated), the shipped source list and every built-in
rule's default options; nothing of the machine it was made on.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from editlint._version import __version__
from editlint.validated import SEED_NAME, ValidatedStore


class _Recorder(ValidatedStore):
    """A store that finds nothing and records, in memory, what a run would keep: models
    validated and packs read (not a config's path, nor the installed packages)."""

    def __init__(self) -> None:
        super().__init__(Path("unused"))  # a folder, so that entries are made
        self.entries: dict[str, Any] = {}

    def keep(self, identity: list[str], value: Any) -> None:
        from editlint.rules.packs import PACK_DATA

        if identity and identity[0] == PACK_DATA:
            super().keep(identity, value)

    def _read(self, key: str) -> Any:
        raise KeyError(key)  # validate everything, as on a machine with no entries

    def _write(self, key: str, data: str) -> None:
        self.entries[key] = json.loads(data)


def seed_text() -> str:
    """The seed's text for editlint as it is now."""
    from editlint.config.model import Config, LoadedConfig
    from editlint.engine.runner import Checker

    recorder = _Recorder()
    with tempfile.TemporaryDirectory() as folder:
        Checker(LoadedConfig(Config(), None, Path(folder)), known=recorder)
    entries = dict(sorted(recorder.entries.items()))
    return json.dumps({"version": __version__, "entries": entries}, indent=1) + "\n"


def seed_path() -> Path:
    """Where the seed ships: beside the packs."""
    from editlint.rules.packs import builtin_pack_dir

    return builtin_pack_dir() / SEED_NAME
