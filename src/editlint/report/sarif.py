"""``--format sarif``: SARIF 2.1.0 with rule metadata, help text and fixes (GitHub code scanning).

Columns count Unicode code points (``columnKind: unicodeCodePoints``), as editlint's do. Each
result carries ``partialFingerprints`` (``editlint/v1``): the baseline's fingerprint of the
finding (rule code and the normalised text around it, no line numbers) and its occurrence in the
file, so code scanning follows an alert when lines above it move.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import IO
from urllib.parse import quote

from editlint._version import __version__
from editlint.diagnostics import Diagnostic
from editlint.engine.runner import FileResult
from editlint.gate.baseline import fingerprint
from editlint.project import PROJECT_URL, docs_url_of
from editlint.report.model import Located, RunReport, Tally
from editlint.report.stream import Writer, copy_spool, rendered, spool

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "editlint/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


class SarifWriter(Writer):
    """One SARIF document; each result is encoded as its file is done, into a spool copied
    after the rules at the end.

    A result names its rule by its index in the sorted list of rules, which grows when an
    input or internal code turns up; the results encoded before that are put right as the
    spool is copied (their ``ruleId`` line is followed by their ``ruleIndex`` line). Without
    such a code the spool is copied as it is.
    """

    def __init__(self, out: IO[str], run: RunReport) -> None:
        super().__init__(out, run)
        self._metadata = dict(run.rules)
        self._index = _indexes(self._metadata)
        self._stale = False  # results encoded before the rules' list grew
        self._results = spool()
        self._count = 0
        self._seen: Counter[str] = Counter()  # fingerprints of the current file

    def begin(self, path: str) -> None:
        self._seen = Counter()

    def add(self, result: FileResult, located: list[Located]) -> None:
        if not located:
            return
        text = result.text or ""
        encoded = []
        for item in located:
            diagnostic = item.diagnostic
            if diagnostic.code not in self._metadata:
                self._metadata[diagnostic.code] = _found_rule(diagnostic)
                self._index = _indexes(self._metadata)
                self._stale = self._stale or bool(self._count or encoded)
            key = fingerprint(diagnostic, text, "")
            self._seen[key] += 1
            index = self._index[diagnostic.code]
            document = _result(item, index, f"{key}:{self._seen[key]}")
            encoded.append(_indented(json.dumps(document, indent=2, ensure_ascii=False)))
        self._results.write((",\n" if self._count else "") + ",\n".join(encoded))
        self._count += len(located)

    def close(self, tally: Tally) -> None:
        rules = [_rule(self._metadata[code]) for code in sorted(self._metadata)]
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
                    "results": [],
                }
            ],
        }
        head = json.dumps(document, indent=2, ensure_ascii=False)
        if not self._count:
            self._results.close()
            self.out.write(head + "\n")
            return
        empty = head.rindex(_NO_RESULTS)
        self.out.write(head[:empty] + '"results": [\n')
        if self._stale:
            self._copy_reindexed()
        else:
            copy_spool(self._results, self.out)
        self.out.write("\n      ]" + head[empty + len(_NO_RESULTS) :] + "\n")

    def _copy_reindexed(self) -> None:
        """Copy the spool with each result's rule index taken from the final list. Every
        line of it is JSON layout (an article's line breaks are escaped in strings)."""
        self._results.seek(0)
        code = ""
        for line in self._results:
            if line.startswith(_RULE_ID):
                code = json.loads(line[len(_RULE_ID) :].rstrip().removesuffix(","))
            elif line.startswith(_RULE_INDEX):
                line = f"{_RULE_INDEX}{self._index[code]},\n"
            self.out.write(line)
        self._results.close()


def _indexes(metadata: dict) -> dict[str, int]:
    return {code: position for position, code in enumerate(sorted(metadata))}


#: How the empty results list reads in the document's opening.
_NO_RESULTS = '"results": []'
#: How a result's rule code and rule index start their lines (results sit 4 levels deep).
_RULE_ID = " " * 10 + '"ruleId": '
_RULE_INDEX = " " * 10 + '"ruleIndex": '
_RESULT_INDENT = " " * 8


def _indented(text: str) -> str:
    return _RESULT_INDENT + text.replace("\n", "\n" + _RESULT_INDENT)


def render(run: RunReport) -> str:
    return rendered(SarifWriter, run)


def _found_rule(diagnostic: Diagnostic) -> dict:
    """Metadata of a code no selected rule has (an input or internal finding)."""
    return {
        "code": diagnostic.code,
        "name": diagnostic.rule_name or diagnostic.category.value,
        "category": diagnostic.category.value,
        "severity": diagnostic.severity.value,
        "summary": f"{diagnostic.category.value.capitalize()} problem.",
        "explanation": "",
        "fixable": None,
    }


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


def _result(item: Located, rule_index: int, key: str) -> dict:
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
        "partialFingerprints": {FINGERPRINT_KEY: key},
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
