"""``--format sarif``: SARIF 2.1.0 with rule metadata, help text and fixes (GitHub code scanning).

Columns count Unicode code points (``columnKind: unicodeCodePoints``), as editlint's do. Each
result carries ``partialFingerprints`` (``editlint/v1``): the baseline's fingerprint of the
finding (rule code and the normalised text around it, no line numbers) and its occurrence in the
file, so code scanning follows an alert when lines above it move.
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from editlint._version import __version__
from editlint.gate.baseline import occurrence_fingerprints
from editlint.project import PROJECT_URL, docs_url_of
from editlint.report.model import Located, RunReport

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "editlint/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def render(run: RunReport) -> str:
    rules = _rules(run)
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    document = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "editlint",
                        "version": __version__,
                        "informationUri": PROJECT_URL,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [
                    _result(item, index[item.diagnostic.code], key)
                    for item, key in zip(run.located, _fingerprints(run), strict=True)
                ],
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _fingerprints(run: RunReport) -> list[str]:
    """The fingerprint of every finding, in the order of ``run.located``."""
    return [
        key
        for result in run.results
        for key in occurrence_fingerprints(result.diagnostics, result.text or "")
    ]


def _rules(run: RunReport) -> list[dict]:
    """Every selected rule, plus the input and internal codes that appear in the results."""
    metadata = dict(run.rules)
    for item in run.located:
        diagnostic = item.diagnostic
        metadata.setdefault(
            diagnostic.code,
            {
                "code": diagnostic.code,
                "name": diagnostic.rule_name or diagnostic.category.value,
                "category": diagnostic.category.value,
                "severity": diagnostic.severity.value,
                "summary": f"{diagnostic.category.value.capitalize()} problem.",
                "explanation": "",
                "fixable": None,
            },
        )
    return [_rule(metadata[code]) for code in sorted(metadata)]


def _rule(meta: dict) -> dict:
    summary = meta.get("summary") or meta["code"]
    explanation = meta.get("explanation") or summary
    help_uri = docs_url_of(meta["code"], meta.get("docs_url", ""))
    return {
        "id": meta["code"],
        "name": meta.get("name") or meta["code"],
        "shortDescription": {"text": summary},
        "fullDescription": {"text": explanation},
        "help": {"text": explanation, "markdown": f"**{summary}**\n\n{explanation}"},
        **({"helpUri": help_uri} if help_uri else {}),
        **(
            {"messageStrings": {name: {"text": text} for name, text in meta["messages"].items()}}
            if meta.get("messages")
            else {}
        ),
        "defaultConfiguration": {"level": LEVELS[meta.get("severity", "warning")]},
        "properties": {
            "category": meta.get("category", ""),
            "fixable": meta.get("fixable"),
            "tags": [meta.get("category", "")],
        },
    }


def _location(item: Located) -> dict:
    """Paths under the working folder are relative to the source root; others are file URIs."""
    if item.path.startswith("/"):
        return {"uri": Path(item.path).as_uri()}
    return {"uri": quote(item.path), "uriBaseId": "%SRCROOT%"}


def _region(item: Located, start: int, end: int) -> dict:
    line, column = item.position(start)
    end_line, end_column = item.position(end)
    return {"startLine": line, "startColumn": column, "endLine": end_line, "endColumn": end_column}


def _result(item: Located, rule_index: int, fingerprint: str) -> dict:
    diagnostic = item.diagnostic
    result = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": LEVELS[diagnostic.severity.value],
        "message": {"text": diagnostic.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": _location(item),
                    "region": {
                        "startLine": item.line,
                        "startColumn": item.column,
                        "endLine": item.end_line,
                        "endColumn": item.end_column,
                    },
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    fix = diagnostic.fix
    if fix is not None and fix.applicability.value != "display-only":
        result["fixes"] = [
            {
                "description": {
                    "text": f"{fix.description or 'Apply the fix'} ({fix.applicability.value})"
                },
                "artifactChanges": [
                    {
                        "artifactLocation": _location(item),
                        "replacements": [
                            {
                                "deletedRegion": _region(item, edit.start, edit.end),
                                "insertedContent": {"text": edit.replacement},
                            }
                            for edit in fix.edits
                        ],
                    }
                ],
            }
        ]
    return result
