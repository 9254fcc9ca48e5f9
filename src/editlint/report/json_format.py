"""``--format json``: the documented, stable schema (version 1)."""

from __future__ import annotations

import json

from editlint.report.model import RunReport

SCHEMA_VERSION = 1


def render(run: RunReport) -> str:
    diagnostics = []
    for item in run.located:
        diagnostic = item.diagnostic
        fix = diagnostic.fix
        diagnostics.append(
            {
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
        )
    document = {"version": SCHEMA_VERSION, "summary": run.summary(), "diagnostics": diagnostics}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
