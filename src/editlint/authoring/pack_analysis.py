"""The shipped packs' pattern analysis, made at build time (``rules/matching/facts.py``).

``python scripts/gen_pack_analysis.py`` writes ``rules/analysis.json``; ``--check`` and
``tests/test_pack_analysis.py`` fail when it no longer matches the packs.
"""

from __future__ import annotations

import yaml

from editlint.models import validator
from editlint.rules.base import RuleOrigin
from editlint.rules.matching.facts import TABLE_NAME, Recorder, facts_in_use, table_text
from editlint.rules.packs import RulePack, builtin_pack_dir, pack_files


def analysis_table() -> str:
    """The table's text for the packs shipped now, on this Python."""
    recorded = {}
    for path in pack_files(builtin_pack_dir()):
        text = path.read_text(encoding="utf-8")
        pack = validator(RulePack).validate_python(yaml.safe_load(text))
        recorder = Recorder()
        with facts_in_use(recorder):
            for spec in pack.rules:
                spec.build(RuleOrigin(pack.pack, path))
        recorded[path.name] = (text, recorder.facts)
    return table_text(recorded)


def table_path():
    """Where the table ships: beside the packs."""
    return builtin_pack_dir() / TABLE_NAME
