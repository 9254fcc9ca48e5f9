"""``--format junit``: JUnit XML for CI test reports; one test suite per file, one failing
test case per finding, and one passing test case for a file without findings."""

from __future__ import annotations

import re
from itertools import groupby
from xml.etree import ElementTree

from editlint.report.model import RunReport

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def render(run: RunReport) -> str:
    located = {path: list(items) for path, items in groupby(run.located, key=lambda i: i.path)}
    total = len(run.located)
    root = _element("testsuites", name="editlint", tests=0, failures=total, errors=0)
    tests = 0
    for result in run.results:
        path = run.display_path(result.path)
        items = located.get(path, [])
        cases = max(1, len(items))
        suite = _element("testsuite", name=path, tests=cases, failures=len(items), errors=0)
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
            failure = _element("failure", message=diagnostic.message, type=diagnostic.code)
            failure.text = _clean(
                f"{path}:{item.line}:{item.column}: {diagnostic.code} "
                f"[{diagnostic.severity.value}] {diagnostic.message}"
            )
            case.append(failure)
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
