"""``--format json``: the documented, stable schema (version 1)."""

from __future__ import annotations

import json

from editlint.diagnostics import Fix
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
    items = ",\n".join(map(_finding, located))
    return head.removesuffix("[]\n}") + "[\n" + items + "\n  ]\n}\n"


_scalar = json.JSONEncoder(ensure_ascii=False).encode  # one encoder, not one per value
_string = json.encoder.encode_basestring  # what _scalar gives for a str, without the call chain


def _text(value) -> str:
    return _string(value) if type(value) is str else _scalar(value)


def _number(value) -> str:
    return int.__repr__(value) if type(value) is int else _scalar(value)


def _finding(item: Located) -> str:
    """One finding as ``json.dumps(finding, indent=2, ensure_ascii=False)`` lays it out inside
    the list of findings: the same text, written straight from the finding's fields (the json
    module lays out indented JSON in pure Python, value by value)."""
    diagnostic = item.diagnostic
    return (
        f'    {{\n      "path": {_text(item.path)},\n'
        f'      "code": {_text(diagnostic.code)},\n'
        f'      "category": {_text(diagnostic.category.value)},\n'
        f'      "severity": {_text(diagnostic.severity.value)},\n'
        f'      "message": {_text(diagnostic.message)},\n'
        f'      "line": {_number(item.line)},\n'
        f'      "column": {_number(item.column)},\n'
        f'      "end_line": {_number(item.end_line)},\n'
        f'      "end_column": {_number(item.end_column)},\n'
        f'      "fix": {_fix(diagnostic.fix)}\n    }}'
    )


def _fix(fix: Fix | None) -> str:
    if fix is None:
        return "null"
    edits = ",\n".join(
        f'          {{\n            "start": {_number(edit.start)},\n'
        f'            "end": {_number(edit.end)},\n'
        f'            "replacement": {_text(edit.replacement)}\n          }}'
        for edit in fix.edits
    )
    edits = "[\n" + edits + "\n        ]" if edits else "[]"
    return (
        f'{{\n        "applicability": {_text(fix.applicability.value)},\n'
        f'        "description": {_text(fix.description)},\n'
        f'        "edits": {edits}\n      }}'
    )
