"""``--format html``: one self-contained page (no network) to read findings in place.

A summary with charts of findings per category, and of the rules and articles with most
findings (the top 20 of each, inline SVG), filters by
category and severity, then each article's text with every finding highlighted where it is;
hovering shows the message and the suggested fix, clicking opens them in a panel with the
rule's explanation.
The page is the Jinja2 template ``templates/report.html.j2`` with autoescape on: this module
gathers what the page shows as plain values, and Jinja escapes every one of them, in that one
place; only the page's own stylesheet and script go in as they are, and its
Content-Security-Policy allows those alone, so nothing in an article can run.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from editlint.document.lines import LineIndex
from editlint.engine.gc_tuning import collecting_rarely
from editlint.report.html_assets import CONTENT_SECURITY_POLICY, SCRIPT, STYLE
from editlint.report.model import Located, RunReport
from editlint.report.text import summary_line

CATEGORY_COLOURS = {
    "neutrality": "#6a1b9a",
    "counter-perspective": "#ef6c00",
    "unsourced": "#c62828",
    "see-also": "#1565c0",
    "structure": "#2e7d32",
    "input": "#5d4037",
    "internal": "#455a64",
}
SEVERITIES = ("error", "warning", "info")
TEMPLATE = "report.html.j2"


def render(run: RunReport) -> str:
    with collecting_rarely():  # the run's results stay out of the collector while the page grows
        return _page(run)


def _page(run: RunReport) -> str:
    located = run.located
    findings = {id(item): _finding(item, f"f{number}") for number, item in enumerate(located, 1)}
    by_path: dict[str, list[Located]] = {}
    for item in located:
        by_path.setdefault(item.path, []).append(item)
    articles = []
    clean = []
    for result in run.results:
        path = run.display_path(result.path)
        items = by_path.get(path, [])
        if items:
            articles.append(_article(len(articles) + 1, path, result.text, items, findings))
        else:
            clean.append(path)
    categories = Counter(item.diagnostic.category.value for item in located)
    severities = Counter(item.diagnostic.severity.value for item in located)
    rules = Counter(item.diagnostic.code for item in located)
    return (
        _environment()
        .get_template(TEMPLATE)
        .render(
            csp=Markup(CONTENT_SECURITY_POLICY),
            style=Markup(STYLE),
            script=Markup(SCRIPT),
            summary=summary_line(run),
            charts=_charts(located),
            categories=[(name, categories[name]) for name in sorted(categories)],
            severities=[(name, severities[name]) for name in SEVERITIES if severities[name]],
            rules=sorted(rules.items(), key=lambda pair: (-pair[1], pair[0])),
            total=len(located),
            articles=articles,
            clean=clean,
            rule_docs=_rule_docs(run, located),
        )
    )


def _environment() -> Environment:
    """The Jinja environment of the page's template (shipped as package data), escaping every
    value it is given unless it is ``Markup``; a name the template uses and is not given is an
    error, not an empty string."""
    return Environment(
        loader=PackageLoader("editlint.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


@dataclass(frozen=True, slots=True)
class _Finding:
    """What the page shows of one finding, as plain text (the template escapes it)."""

    id: str
    code: str
    severity: str
    category: str
    message: str
    fix: str
    tooltip: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class _Mark:
    """Where a highlighted piece of text opens: a finding's span, or a piece of it where spans
    cross; ``first`` for the piece the finding's links point at."""

    finding: _Finding
    first: bool


@dataclass(frozen=True, slots=True)
class _Excerpt:
    first: int  # the 1-based line it starts at
    pieces: list  # in order: text (str), a mark opening (_Mark), None closing the innermost


@dataclass(frozen=True, slots=True)
class _Article:
    number: int
    path: str
    findings: list[_Finding]
    excerpts: list[_Excerpt] | None  # None when the report has no text of the file
    more: bool  # lines after the last excerpt are left out


def _fix_text(item: Located) -> str:
    fix = item.diagnostic.fix
    if fix is None:
        return ""
    label = fix.description or "; ".join(repr(edit.replacement) for edit in fix.edits)
    return f"Fix ({fix.applicability.value}): {label}"


def _finding(item: Located, finding_id: str) -> _Finding:
    diagnostic = item.diagnostic
    fix = _fix_text(item)
    tooltip = f"{diagnostic.code}: {diagnostic.message}" + (f"\n{fix}" if fix else "")
    return _Finding(
        finding_id,
        diagnostic.code,
        diagnostic.severity.value,
        diagnostic.category.value,
        diagnostic.message,
        fix,
        tooltip,
        item.line,
        item.column,
    )


def _article(
    number: int, path: str, text: str | None, items: list[Located], findings: dict
) -> _Article:
    shown = [findings[id(item)] for item in items]
    if text is None:
        return _Article(number, path, shown, None, False)
    excerpts, more = _excerpts(text, items, findings)
    return _Article(number, path, shown, excerpts, more)


#: Lines shown around the lines a finding spans; the rest of a long article is left out, so a
#: report of 10,000 articles holds their findings' neighbourhoods, not their whole texts.
CONTEXT_LINES = 2


def _excerpts(text: str, items: list[Located], findings: dict) -> tuple[list[_Excerpt], bool]:
    """The lines the findings span, with ``CONTEXT_LINES`` around them, highlighted, and
    whether lines after the last are left out (the page marks each run of lines left out)."""
    lines = items[0].lines or LineIndex(text)  # the file's index, which placed the findings
    last = lines.position(len(text))[0]
    if last > 1 and text.endswith(("\n", "\r")):
        last -= 1  # the text's final line break starts no line

    def line_range(item: Located) -> tuple[int, int]:
        line, end_line = min(item.line, last), min(item.end_line, last)
        return max(1, line - CONTEXT_LINES), min(last, end_line + CONTEXT_LINES)

    ranges: list[list[int]] = []
    for first, final in sorted(line_range(item) for item in items):
        if ranges and first <= ranges[-1][1] + 1:
            ranges[-1][1] = max(ranges[-1][1], final)
        else:
            ranges.append([first, final])
    out = []
    for first, final in ranges:
        begin = lines.line_start(first)
        end = lines.line_start(final + 1) if final < last else len(text)
        inside = [item for item in items if first <= min(item.line, last) <= final]
        out.append(_Excerpt(first, _highlight(text[begin:end], inside, findings, begin)))
    return out, bool(ranges) and ranges[-1][1] < last


def _highlight(text: str, items: list[Located], findings: dict, base: int = 0) -> list:
    """The text in pieces, with each finding's span between a mark's opening (``_Mark``) and
    its closing (``None``) (the findings' offsets less ``base``, where ``text`` starts in the
    file).

    Spans that contain one another nest; a span that crosses another is split into pieces of
    the same finding, so the pieces' text together is always exactly the span.
    """
    length = len(text)
    spans = sorted(
        (
            (
                min(max(0, item.diagnostic.start - base), length),
                min(max(0, item.diagnostic.end - base), length),
            )
            + (index,)
            for index, item in enumerate(items)
        ),
        key=lambda span: (span[0], -span[1], span[2]),
    )
    spans = [(start, max(start, end), index) for start, end, index in spans]
    points = sorted({0, length, *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    opening: dict[int, list[tuple[int, int]]] = {}
    for start, end, index in spans:
        opening.setdefault(start, []).append((end, index))
    out: list = []
    stack: list[tuple[int, int]] = []  # (end, index) of open marks, innermost last
    started: set[int] = set()

    def open_mark(end: int, index: int) -> None:
        out.append(_Mark(findings[id(items[index])], index not in started))
        started.add(index)
        stack.append((end, index))

    for number, point in enumerate(points):
        ending = [entry for entry in stack if entry[0] == point]
        if ending:
            depth = min(stack.index(entry) for entry in ending)
            reopen = [entry for entry in stack[depth:] if entry[0] != point]
            out.extend([None] * (len(stack) - depth))
            del stack[depth:]
            for entry in reopen:
                open_mark(*entry)
        for end, index in opening.get(point, []):
            open_mark(end, index)
            if end == point:  # an insertion point: an empty mark
                out.append(None)
                stack.pop()
        if number + 1 < len(points):
            out.append(text[point : points[number + 1]])
    out.extend([None] * len(stack))
    return out


#: The charts per rule and per article show this many bars, largest first: on 10,000
#: articles a bar each would make a chart tens of thousands of pixels long.
TOP = 20


@dataclass(frozen=True, slots=True)
class _Bar:
    label: str
    shown: str  # the label, shortened to its end when long
    count: int
    colour: str
    label_x: int
    text_y: int
    bar_x: int
    rect_y: int
    length: int
    height: int
    count_x: int


@dataclass(frozen=True, slots=True)
class _Chart:
    """A horizontal bar chart, drawn as inline SVG: one labelled bar per row."""

    title: str
    width: int
    height: int
    bars: list[_Bar]


def _charts(located: list[Located]) -> list[_Chart]:
    if not located:
        return []
    categories = Counter(item.diagnostic.category.value for item in located)
    colours = {item.diagnostic.code: item.diagnostic.category.value for item in located}
    category_rows = [
        (name, count, CATEGORY_COLOURS.get(name, "#455a64")) for name, count in _largest(categories)
    ]
    rules = Counter(item.diagnostic.code for item in located)
    rule_rows = [
        (code, count, CATEGORY_COLOURS.get(colours[code], "#455a64"))
        for code, count in _largest(rules)[:TOP]
    ]
    articles = Counter(item.path for item in located)
    article_rows = [(path, count, "#37474f") for path, count in _largest(articles)[:TOP]]
    return [
        _bar_chart("Findings per category", category_rows),
        _bar_chart(_top_title("rule", "rules", len(rules)), rule_rows),
        _bar_chart(_top_title("article", "articles", len(articles)), article_rows),
    ]


def _largest(counts: Counter) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda row: (-row[1], row[0]))


def _top_title(one: str, many: str, total: int) -> str:
    if total <= TOP:
        return f"Findings per {one}"
    return f"Findings per {one}: the {TOP} {many} with most of {total}"


def _rule_docs(run: RunReport, located: list[Located]) -> list[tuple[str, str]]:
    """What each rule found checks and why, for the detail panel: once per rule, not per mark."""
    entries = []
    for code in sorted({item.diagnostic.code for item in located}):
        meta = run.rules.get(code, {})
        explanation = (meta.get("explanation") or meta.get("summary") or "").strip()
        if explanation:
            entries.append((code, explanation))
    return entries


def _bar_chart(title: str, rows: list[tuple[str, int, str]]) -> _Chart:
    label_width, bar_width, row_height = 220, 260, 22
    width = label_width + bar_width + 50
    height = row_height * len(rows) + 4
    largest = max(count for _, count, _ in rows)
    bars = []
    for number, (label, count, colour) in enumerate(rows):
        y = number * row_height + 2
        length = max(2, round(bar_width * count / largest))
        shown = label if len(label) <= 32 else "…" + label[-31:]
        bars.append(
            _Bar(
                label,
                shown,
                count,
                colour,
                label_x=label_width - 6,
                text_y=y + 15,
                bar_x=label_width,
                rect_y=y + 2,
                length=length,
                height=row_height - 6,
                count_x=label_width + length + 6,
            )
        )
    return _Chart(title, width, height, bars)
