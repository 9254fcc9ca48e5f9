"""The HTML page escapes every value it shows, wherever the template puts it: text, attribute,
chart label, rule explanation, file name. Read back with the standard HTML parser, the page
holds only the template's own elements, and each hostile value comes back exactly as given."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from editlint.diagnostics import Applicability, Category, Diagnostic, Edit, Fix, Severity
from editlint.engine.runner import FileResult
from editlint.report import RunReport, render

PAYLOAD = "<img src=x onerror=alert(1)>\"'&amp;</textarea><script>alert(2)</script>"
TEMPLATE_ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "p", "section", "figure",
    "figcaption", "svg", "g", "text", "rect", "form", "fieldset", "legend", "label", "input",
    "select", "option", "main", "article", "h2", "span", "pre", "code", "mark", "ol", "li", "a",
    "div", "button", "script",
}  # fmt: skip


class Page(HTMLParser):
    """The page's elements in order, each with its attributes and the text directly in it."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict, list[str]]] = []
        self.open: list[tuple[str, dict, list[str]]] = []
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        element = (tag, dict(attrs), [])
        self.elements.append(element)
        if tag not in ("meta", "input"):
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        if self.open:
            for element in self.open:
                element[2].append(data)

    def text(self, tag: str, **attributes: str) -> list[str]:
        return [
            "".join(inside)
            for name, attrs, inside in self.elements
            if name == tag and all(attrs.get(key) == value for key, value in attributes.items())
        ]


def hostile_run(tmp_path: Path) -> tuple[RunReport, str, str]:
    text = f"# Title {PAYLOAD}\n\nA line with {PAYLOAD} in it.\n"
    start = text.index("A line")
    inner = text.index(PAYLOAD, start)
    findings = [
        Diagnostic(
            code="HST101",
            message=f"message {PAYLOAD}",
            start=start,
            end=inner + 10,
            severity=Severity.WARNING,
            category=Category.NEUTRALITY,
            fix=Fix.replace(start, inner, PAYLOAD, Applicability.UNSAFE, f"fix {PAYLOAD}"),
        ),
        Diagnostic(  # crosses the first: its span is split into two marks
            code="HST102",
            message=PAYLOAD,
            start=inner + 5,
            end=inner + len(PAYLOAD),
            severity=Severity.ERROR,
            category=Category.UNSOURCED,
            fix=Fix((Edit(inner, inner + 3, PAYLOAD),)),  # no description: the replacement
        ),
    ]
    name = f"a{PAYLOAD.replace('/', '_')}.md"
    results = [
        FileResult(tmp_path / name, text, findings),
        FileResult(tmp_path / f"clean{PAYLOAD.replace('/', '_')}.md", "Clean.\n", []),
    ]
    rules = {"HST101": {"explanation": f"why {PAYLOAD}"}, "HST102": {"summary": PAYLOAD}}
    return RunReport(results, rules, cwd=tmp_path), text, name


def test_every_hostile_value_is_text_in_the_template_s_own_elements(tmp_path):
    run, text, name = hostile_run(tmp_path)
    page = Page(render(run, "html"))
    tags = {tag for tag, _, _ in page.elements}
    assert tags <= TEMPLATE_ELEMENTS, tags - TEMPLATE_ELEMENTS
    assert not [attrs for _, attrs, _ in page.elements if any(k.startswith("on") for k in attrs)]
    assert len(page.text("script")) == 1 and "alert" not in page.text("script")[0]

    first, second = run.located
    fix_one = f"Fix (unsafe): fix {PAYLOAD}"
    fix_two = f"Fix (safe): {PAYLOAD!r}"
    marks = [attrs for tag, attrs, _ in page.elements if tag == "mark"]
    assert [(m["data-id"], m["data-code"], m["data-message"], m["data-fix"]) for m in marks] == [
        ("f1", "HST101", f"message {PAYLOAD}", fix_one),
        ("f2", "HST102", PAYLOAD, fix_two),  # the piece of f2 inside f1
        ("f2", "HST102", PAYLOAD, fix_two),  # and the piece after it
    ]
    assert marks[0]["title"] == f"HST101: message {PAYLOAD}\n{fix_one}"
    span = lambda d: text[d.start : d.end]  # noqa: E731
    assert "".join(page.text("mark", **{"data-id": "f1"})) == span(first.diagnostic)
    assert "".join(page.text("mark", **{"data-id": "f2"})) == span(second.diagnostic)

    findings = page.text("li")
    assert findings == [
        f"3:1 HST101 [warning, neutrality] message {PAYLOAD}{fix_one}",
        f"3:{second.column} HST102 [error, unsourced] {PAYLOAD}{fix_two}",
    ]
    shown_path = name  # a file name holds no slash
    assert page.text("h2") == [f"{shown_path} 2 findings"]
    assert [a["data-path"] for t, a, _ in page.elements if t == "article"] == [shown_path]
    assert page.text("p", **{"class": "clean"}) == [
        f"No findings in 1 file(s): clean{PAYLOAD.replace('/', '_')}.md"
    ]
    assert page.text("p", **{"data-rule": "HST101"}) == [f"why {PAYLOAD}"]
    assert page.text("p", **{"data-rule": "HST102"}) == [PAYLOAD]
    assert f"{shown_path}: 2" in page.text("title")  # the chart of articles labels its bar
