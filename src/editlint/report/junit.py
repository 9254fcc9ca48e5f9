"""``--format junit``: JUnit XML for CI test reports; one test suite per file, one test case
per finding (a failure when it fails the run, by ``--fail-on``; otherwise a passing case whose
output names the finding), and one passing test case for a file without findings."""

from __future__ import annotations

import re
from typing import IO
from xml.etree import ElementTree

from editlint.engine.runner import FileResult
from editlint.report.model import Located, RunReport, Tally
from editlint.report.stream import Writer, copy_spool, rendered, spool

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class JunitWriter(Writer):
    """The JUnit document; each file's test suite is written when the file is done.

    Counts open each suite and the document: a suite's test cases go to a spool of their own
    (a dump's may be many), the suites to the document's spool, copied after its opening.
    """

    def __init__(self, out: IO[str], run: RunReport) -> None:
        super().__init__(out, run)
        self._suites = spool()
        self._tests = 0
        self._path = ""
        self._cases: IO[str] | None = None
        self._count = 0
        self._failures = 0

    def begin(self, path: str) -> None:
        self._path, self._cases, self._count, self._failures = path, spool(), 0, 0

    def add(self, result: FileResult, located: list[Located]) -> None:
        assert self._cases is not None
        for item in located:
            case, failed = _case(self.run, self._path, item)
            self._cases.write(case)
            self._count += 1
            self._failures += failed

    def end(self) -> None:
        assert self._cases is not None
        path, cases = self._path, max(1, self._count)
        suite = _element("testsuite", name=path, tests=cases, failures=self._failures, errors=0)
        self._suites.write(f"  {_opening(suite)}\n")
        if self._count:
            copy_spool(self._cases, self._suites)
        else:
            self._cases.close()
            clean = _element("testcase", name="editlint", classname=path)
            self._suites.write(f"    {ElementTree.tostring(clean, encoding='unicode')}\n")
        self._suites.write("  </testsuite>\n")
        self._tests += cases
        self._cases = None

    def close(self, tally: Tally) -> None:
        root = _element(
            "testsuites", name="editlint", tests=self._tests, failures=tally.failing, errors=0
        )
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not self._tests:
            self._suites.close()
            self.out.write(ElementTree.tostring(root, encoding="unicode") + "\n")
            return
        self.out.write(_opening(root) + "\n")
        copy_spool(self._suites, self.out)
        self.out.write("</testsuites>\n")


def render(run: RunReport) -> str:
    return rendered(JunitWriter, run)


def _case(run: RunReport, path: str, item: Located) -> tuple[str, bool]:
    """One finding's test case as ``ElementTree.indent`` lays it out two levels deep, and
    whether it fails the run."""
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
    failed = run.fails(diagnostic)
    if failed:
        outcome = _element("failure", message=diagnostic.message, type=diagnostic.code)
    else:
        outcome = _element("system-out")
    outcome.text = text
    case.append(outcome)
    ElementTree.indent(case, level=2)
    return f"    {ElementTree.tostring(case, encoding='unicode')}\n", failed


def _opening(element: ElementTree.Element) -> str:
    """The start tag of an element (written without its children)."""
    return ElementTree.tostring(element, encoding="unicode").removesuffix(" />") + ">"


def _element(tag: str, **attributes: object) -> ElementTree.Element:
    return ElementTree.Element(tag, {key: _clean(str(value)) for key, value in attributes.items()})


def _clean(text: str) -> str:
    """Characters XML 1.0 cannot hold (control characters from an article) become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)
