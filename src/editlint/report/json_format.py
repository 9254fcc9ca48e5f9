"""``--format json``: the documented, stable schema (version 1)."""

from __future__ import annotations

import json
from typing import IO

from editlint.diagnostics import Fix
from editlint.engine.runner import FileResult
from editlint.report.model import Located, RunReport, Tally
from editlint.report.stream import Writer, copy_spool, rendered, spool

SCHEMA_VERSION = 1


class JsonWriter(Writer):
    """The report, as ``json.dumps(document, indent=2)`` would write it.

    The summary comes first in the document, so each finding is encoded on its own into a
    spool as its file is done, and the spool is copied after the summary at the end.
    """

    def __init__(self, out: IO[str], run: RunReport) -> None:
        super().__init__(out, run)
        self._items = spool()
        self._count = 0

    def add(self, result: FileResult, located: list[Located]) -> None:
        if not located:
            return
        separator = ",\n" if self._count else ""
        self._items.write(separator + ",\n".join(map(_finding, located)))
        self._count += len(located)

    def close(self, tally: Tally) -> None:
        head = json.dumps(
            {"version": SCHEMA_VERSION, "summary": tally.summary(), "diagnostics": []},
            indent=2,
            ensure_ascii=False,
        )
        if not self._count:
            self._items.close()
            self.out.write(head + "\n")
            return
        self.out.write(head.removesuffix("[]\n}") + "[\n")
        copy_spool(self._items, self.out)
        self.out.write("\n  ]\n}\n")


def render(run: RunReport) -> str:
    return rendered(JsonWriter, run)


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
