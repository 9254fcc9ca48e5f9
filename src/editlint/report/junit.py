"""``--format junit``: JUnit XML for CI test reports; one test suite per file, one test case
per finding (a failure when it fails the run, by ``--fail-on``; otherwise a passing case whose
output names the finding), and one passing test case for a file without findings."""

from __future__ import annotations

import re
from itertools import groupby
from xml.etree import ElementTree

from editlint.report.model import RunReport

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render(run: RunReport) -> str:
    located = {path: list(items) for path, items in groupby(run.located, key=lambda i: i.path)}
    total = sum(1 for item in run.located if run.fails(item.diagnostic))
    root = _element("testsuites", name="editlint", tests=0, failures=total, errors=0)
    tests = 0
    for result in run.results:
        path = run.display_path(result.path)
        items = located.get(path, [])
        cases = max(1, len(items))
        failures = sum(1 for item in items if run.fails(item.diagnostic))
        suite = _element("testsuite", name=path, tests=cases, failures=failures, errors=0)
        root.append(suite)
        tests += cases
        if not items:
            suite.append(_element("testcase", name="editlint", classname=path))
        for item in items:
            diagnostic = item.diagnostic
            case = _element(
                "testcase",
                name=f"{diagnostic.code} at line {item.line}, column {item.column}",
                classname=path,
                file=path,
                line=item.line,
            )
            text = _clean(
                f"{path}:{item.line}:{item.column}: {diagnostic.code} "
                f"[{diagnostic.severity.value}] {diagnostic.message}"
            )
            if run.fails(diagnostic):
                outcome = _element("failure", message=diagnostic.message, type=diagnostic.code)
            else:
                outcome = _element("system-out")
            outcome.text = text
            case.append(outcome)
            suite.append(case)
    root.set("tests", str(tests))
    ElementTree.indent(root)
    body = ElementTree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{body}\n'


def _element(tag: str, **attributes: object) -> ElementTree.Element:
    return ElementTree.Element(tag, {key: _clean(str(value)) for key, value in attributes.items()})


def _clean(text: str) -> str:
    """Characters XML 1.0 cannot hold (control characters from an article) become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)
