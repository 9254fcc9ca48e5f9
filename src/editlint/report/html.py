"""``--format html``: one self-contained page (no network) to read findings in place.

A summary with charts of findings per category, and of the rules and articles with most
findings (the top 20 of each, inline SVG), filters by
category and severity, then each article's text with every finding highlighted where it is;
hovering shows the message and the suggested fix, clicking opens them in a panel with the
rule's explanation.
Everything that comes from articles or messages is escaped, and a Content-Security-Policy
allows only the page's own script and style, so nothing in an article can run.
"""

from __future__ import annotations

from collections import Counter
from html import escape

from editlint.document.lines import LineIndex
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


def render(run: RunReport) -> str:
    located = run.located
    ids = {id(item): f"f{number}" for number, item in enumerate(located, 1)}
    by_path: dict[str, list[Located]] = {}
    for item in located:
        by_path.setdefault(item.path, []).append(item)
    articles = []
    clean = []
    for result in run.results:
        path = run.display_path(result.path)
        items = by_path.get(path, [])
        if items:
            articles.append(_article(len(articles) + 1, path, result.text, items, ids))
        else:
            clean.append(path)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>editlint report</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        "<h1>editlint report</h1>",
        f'<p class="summary">{_e(summary_line(run))}</p>',
        "</header>",
        _charts(run, located),
        _filters(located),
        "<main>",
        *articles,
        _clean(clean),
        "</main>",
        _rule_docs(run, located),
        '<div id="detail" role="dialog" aria-live="polite" hidden>'
        '<button type="button" aria-label="Close">×</button>'
        '<p class="d-code code"></p><p class="d-message"></p><p class="d-fix fix"></p>'
        '<p class="d-explain"></p></div>',
        f"<script>{SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(part for part in parts if part) + "\n"


def _e(text: str) -> str:
    return escape(text, quote=True)


def _fix_text(item: Located) -> str:
    fix = item.diagnostic.fix
    if fix is None:
        return ""
    label = fix.description or "; ".join(repr(edit.replacement) for edit in fix.edits)
    return f"Fix ({fix.applicability.value}): {label}"


def _attributes(item: Located, finding_id: str) -> str:
    diagnostic = item.diagnostic
    return (
        f'data-id="{finding_id}" data-category="{_e(diagnostic.category.value)}" '
        f'data-severity="{_e(diagnostic.severity.value)}" data-rule="{_e(diagnostic.code)}"'
    )


def _article(number: int, path: str, text: str | None, items: list[Located], ids: dict) -> str:
    count = f"{len(items)} finding{'s' if len(items) != 1 else ''}"
    source = (
        f'<pre class="source"><code>{_excerpts(text, items, ids)}</code></pre>'
        if text is not None
        else ""
    )
    findings = "\n".join(_finding(item, ids[id(item)]) for item in items)
    return (
        f'<article class="article" id="article-{number}" data-path="{_e(path)}" '
        f'data-count="{len(items)}">\n'
        f'<h2>{_e(path)} <span class="tag">{count}</span></h2>\n'
        f"{source}\n"
        f'<ol class="findings">\n{findings}\n</ol>\n'
        "</article>"
    )


def _finding(item: Located, finding_id: str) -> str:
    diagnostic = item.diagnostic
    severity = diagnostic.severity.value
    fix = _fix_text(item)
    fix_html = f'<div class="fix">{_e(fix)}</div>' if fix else ""
    return (
        f'<li class="finding" {_attributes(item, finding_id)}>'
        f'<a class="loc" href="#mark-{finding_id}">{item.line}:{item.column}</a> '
        f'<span class="code sev-{_e(severity)}">{_e(diagnostic.code)}</span> '
        f'<span class="tag">[{_e(severity)}, {_e(diagnostic.category.value)}]</span> '
        f"{_e(diagnostic.message)}{fix_html}</li>"
    )


def _mark(item: Located, finding_id: str, first: bool) -> str:
    diagnostic = item.diagnostic
    fix = _fix_text(item)
    tooltip = f"{diagnostic.code}: {diagnostic.message}" + (f"\n{fix}" if fix else "")
    anchor = f' id="mark-{finding_id}"' if first else ""
    severity = _e(diagnostic.severity.value)
    return (
        f'<mark class="hl sev-{severity}"{anchor} {_attributes(item, finding_id)}'
        f' data-code="{_e(diagnostic.code)}" data-message="{_e(diagnostic.message)}"'
        f' data-fix="{_e(fix)}" title="{_e(tooltip)}" tabindex="0">'
    )


#: Lines shown around the lines a finding spans; the rest of a long article is left out, so a
#: report of 10,000 articles holds their findings' neighbourhoods, not their whole texts.
CONTEXT_LINES = 2


def _excerpts(text: str, items: list[Located], ids: dict) -> str:
    """The lines the findings span, with ``CONTEXT_LINES`` around them, highlighted; each run
    of lines left out is one marker naming the line the next excerpt starts at."""
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
        if first > 1:
            out.append(f'<span class="gap">\u22ef line {first}\n</span>')
        out.append(_highlight(text[begin:end], inside, ids, begin))
    if ranges and ranges[-1][1] < last:
        out.append('<span class="gap">\u22ef</span>')
    return "".join(out)


def _highlight(text: str, items: list[Located], ids: dict, base: int = 0) -> str:
    """The text, escaped, with each finding's span wrapped in <mark> elements (the findings'
    offsets less ``base``, where ``text`` starts in the file).

    Spans that contain one another nest; a span that crosses another is split into pieces that
    share its ``data-id``, so the pieces' text together is always exactly the span.
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
    out: list[str] = []
    stack: list[tuple[int, int]] = []  # (end, index) of open marks, innermost last
    started: set[int] = set()

    def open_mark(end: int, index: int) -> None:
        item = items[index]
        out.append(_mark(item, ids[id(item)], index not in started))
        started.add(index)
        stack.append((end, index))

    for number, point in enumerate(points):
        ending = [entry for entry in stack if entry[0] == point]
        if ending:
            depth = min(stack.index(entry) for entry in ending)
            reopen = [entry for entry in stack[depth:] if entry[0] != point]
            out.append("</mark>" * (len(stack) - depth))
            del stack[depth:]
            for entry in reopen:
                open_mark(*entry)
        for end, index in opening.get(point, []):
            open_mark(end, index)
            if end == point:  # an insertion point: an empty mark
                out.append("</mark>")
                stack.pop()
        if number + 1 < len(points):
            out.append(_e(text[point : points[number + 1]]))
    out.append("</mark>" * len(stack))
    return "".join(out)


def _filters(located: list[Located]) -> str:
    categories = Counter(item.diagnostic.category.value for item in located)
    severities = Counter(item.diagnostic.severity.value for item in located)
    rules = Counter(item.diagnostic.code for item in located)

    def boxes(name: str, counts: Counter, order) -> str:
        return "".join(
            f'<label><input type="checkbox" name="{name}" value="{_e(value)}" checked> '
            f"{_e(value)} ({counts[value]})</label>"
            for value in order
            if counts[value]
        )

    return (
        '<form id="filters" aria-label="Filter findings">'
        f"<fieldset><legend>Category</legend>{boxes('category', categories, sorted(categories))}"
        "</fieldset>"
        f"<fieldset><legend>Severity</legend>{boxes('severity', severities, SEVERITIES)}"
        "</fieldset>"
        f"{_view(rules)}"
        f'<p id="shown">Showing <span id="shown-count">{len(located)}</span> of '
        f"{len(located)} findings</p>"
        "</form>"
    )


def _view(rules: Counter) -> str:
    """One rule's findings only, a search over paths and messages, and the articles' order."""
    options = "".join(
        f'<option value="{_e(code)}">{_e(code)} ({count})</option>'
        for code, count in sorted(rules.items(), key=lambda pair: (-pair[1], pair[0]))
    )
    return (
        "<fieldset><legend>View</legend>"
        '<label>Rule <select name="rule"><option value="">all rules</option>'
        f"{options}</select></label>"
        '<label>Search <input type="search" name="search" '
        'placeholder="path or message"></label>'
        '<label>Order <select name="order"><option value="path">by path</option>'
        '<option value="count">most findings first</option></select></label>'
        "</fieldset>"
    )


#: The charts per rule and per article show this many bars, largest first: on 10,000
#: articles a bar each would make a chart tens of thousands of pixels long.
TOP = 20


def _charts(run: RunReport, located: list[Located]) -> str:
    if not located:
        return ""
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
    return (
        '<section class="charts" aria-label="Summary charts">'
        f"{_bar_chart('Findings per category', category_rows)}"
        f"{_bar_chart(_top_title('rule', 'rules', len(rules)), rule_rows)}"
        f"{_bar_chart(_top_title('article', 'articles', len(articles)), article_rows)}"
        "</section>"
    )


def _largest(counts: Counter) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda row: (-row[1], row[0]))


def _top_title(one: str, many: str, total: int) -> str:
    if total <= TOP:
        return f"Findings per {one}"
    return f"Findings per {one}: the {TOP} {many} with most of {total}"


def _rule_docs(run: RunReport, located: list[Located]) -> str:
    """What each rule found checks and why, for the detail panel: once per rule, not per mark."""
    codes = sorted({item.diagnostic.code for item in located})
    entries = []
    for code in codes:
        meta = run.rules.get(code, {})
        explanation = (meta.get("explanation") or meta.get("summary") or "").strip()
        if explanation:
            entries.append(f'<p data-rule="{_e(code)}">{_e(explanation)}</p>')
    return f'<div id="rule-docs" hidden>{"".join(entries)}</div>' if entries else ""


def _bar_chart(title: str, rows: list[tuple[str, int, str]]) -> str:
    """A horizontal bar chart as inline SVG: one labelled bar per row."""
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
            f'<g class="bar"><title>{_e(label)}: {count}</title>'
            f'<text x="{label_width - 6}" y="{y + 15}" text-anchor="end">{_e(shown)}</text>'
            f'<rect x="{label_width}" y="{y + 2}" width="{length}" height="{row_height - 6}" '
            f'fill="{colour}" rx="2"></rect>'
            f'<text x="{label_width + length + 6}" y="{y + 15}">{count}</text></g>'
        )
    return (
        f"<figure><figcaption>{_e(title)}</figcaption>"
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{_e(title)}">'
        f"{''.join(bars)}</svg></figure>"
    )


def _clean(paths: list[str]) -> str:
    if not paths:
        return ""
    listed = ", ".join(_e(path) for path in paths)
    return f'<p class="clean">No findings in {len(paths)} file(s): {listed}</p>'
