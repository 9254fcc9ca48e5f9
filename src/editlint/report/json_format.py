"""``--format json``: the documented, stable schema (version 1)."""

from __future__ import annotations

import json

from editlint.report.model import Located, RunReport

SCHEMA_VERSION = 1


def render(run: RunReport) -> str:
    """The report, as ``json.dumps(document, indent=2)`` would write it.

    Each finding is encoded on its own, so a run with hundreds of thousands of findings never
    holds them all as dictionaries next to the text.
    """
    head = json.dumps(
        {"version": SCHEMA_VERSION, "summary": run.summary(), "diagnostics": []},
        indent=2,
        ensure_ascii=False,
    )
    located = run.located
    if not located:
        return head + "\n"
    items = ",\n".join("    " + _indented(_entry(item), "    ") for item in located)
    return head.removesuffix("[]\n}") + "[\n" + items + "\n  ]\n}\n"


def _indented(value, margin: str) -> str:
    """``json.dumps(value, indent=2, ensure_ascii=False)`` with every line after the first
    indented by ``margin``: the same text, several times faster, for the nesting of a finding
    (the json module lays out indented JSON in pure Python)."""
    inner = margin + "  "
    if isinstance(value, dict) and value:
        members = [f"{inner}{_scalar(k)}: {_indented(item, inner)}" for k, item in value.items()]
        return "{\n" + ",\n".join(members) + "\n" + margin + "}"
    if isinstance(value, list) and value:
        members = [inner + _indented(item, inner) for item in value]
        return "[\n" + ",\n".join(members) + "\n" + margin + "]"
    return _scalar(value)


_scalar = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per value


def _entry(item: Located) -> dict:
    diagnostic = item.diagnostic
    fix = diagnostic.fix
    return {
        "path": item.path,
        "code": diagnostic.code,
        "category": diagnostic.category.value,
        "severity": diagnostic.severity.value,
        "message": diagnostic.message,
        "line": item.line,
        "column": item.column,
        "end_line": item.end_line,
        "end_column": item.end_column,
        "fix": None
        if fix is None
        else {
            "applicability": fix.applicability.value,
            "description": fix.description,
            "edits": [edit.to_dict() for edit in fix.edits],
        },
    }
