"""The HTML report in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright):
no console errors, no network, highlights on exactly the flagged words, working filters and
details, and nothing from an article ever runs. Screenshots go to tests/artifacts/.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SEED, shared
from editlint.document.lines import LineIndex
from house import house_folder

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "tests" / "artifacts"
HOSTILE = (
    "# Hostile\n\n"
    "A legendary <script>window.__pwned=1;alert(1)</script> port.\n\n"
    '<img src=x onerror="window.__pwned=2;alert(2)">\n\n'
    'Click [x](javascript:window.__pwned=3) now, or <a href="javascript:alert(8)">here</a>.\n\n'
    "## See also\n\n"
    "- [[javascript:alert(6)]]\n"
    '- [[" onmouseover="window.__pwned=7]]\n'
    "- [[</code></pre><script>window.__pwned=9</script>]]\n"
)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run `make system-deps`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


class Page:
    """A loaded report page with everything that went wrong on it recorded."""

    def __init__(self, browser, report: Path) -> None:
        self.page = browser.new_page(viewport={"width": 1200, "height": 1600})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("dialog", self._dialog)
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.goto(report.as_uri())
        self.page.wait_for_load_state("load")

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def hidden_findings(self) -> int:
        return self.page.evaluate(
            "[...document.querySelectorAll('li.finding')].filter(li => !li.offsetParent).length"
        )


def _reports(cli, folder: Path, *paths: str) -> tuple[Path, dict]:
    html = cli("check", "--format", "html", "--output", "report.html", *paths, cwd=folder)
    assert html.returncode in (0, 1), html.stderr
    as_json = cli("check", "--format", "json", *paths, cwd=folder)
    return folder / "report.html", json.loads(as_json.stdout)


def _span_text(folder: Path, diagnostic: dict) -> str:
    raw = (folder / diagnostic["path"]).read_bytes().decode("utf-8-sig")
    lines = LineIndex(raw)
    start = lines.line_start(diagnostic["line"]) + diagnostic["column"] - 1
    end = lines.line_start(diagnostic["end_line"]) + diagnostic["end_column"] - 1
    return raw[start:end].replace("\r\n", "\n")


def test_report_page_highlights_filters_and_details(cli, browser, tmp_path):
    article = "Crews utilise very big cranes; critics slammed it.\n"
    folder = house_folder(tmp_path, {"ships.md": article})
    (folder / "editlint.yaml").write_text("rule_paths: [house.yaml]\n")
    shutil.copy(shared(SEED), folder / SEED.name)
    report, data = _reports(cli, folder, "ships.md", SEED.name)
    page = Page(browser, report)
    diagnostics = data["diagnostics"]
    assert page.page.locator("li.finding").count() == len(diagnostics) > 10
    highlighted = page.page.evaluate(
        "n => Array.from({length: n}, (_, i) => [...document.querySelectorAll("
        "`mark[data-id=\"f${i + 1}\"]`)].map(m => m.textContent).join(''))",
        len(diagnostics),
    )
    assert highlighted == [_span_text(folder, d) for d in diagnostics]
    nested = page.page.locator("mark.hl mark.hl").count()
    assert nested > 0  # the seed's partisan heading holds a partisan phrase

    see_also = sum(1 for d in diagnostics if d["category"] == "see-also")
    page.page.click("input[name=category][value=see-also]")
    assert page.hidden_findings() == see_also
    assert page.page.text_content("#shown-count") == str(len(diagnostics) - see_also)
    errors = sum(1 for d in diagnostics if d["severity"] == "error" and d["category"] != "see-also")
    page.page.click("input[name=severity][value=error]")
    assert page.hidden_findings() == see_also + errors
    page.page.click("input[name=category][value=see-also]")
    page.page.click("input[name=severity][value=error]")
    assert page.hidden_findings() == 0

    fixable = next(i for i, d in enumerate(diagnostics, 1) if d["fix"])
    mark = page.page.locator(f'mark[data-id="f{fixable}"]').first
    assert diagnostics[fixable - 1]["message"] in mark.get_attribute("title")
    assert "Fix (" in mark.get_attribute("title")
    mark.click()
    assert page.page.is_visible("#detail")
    assert page.page.text_content("#detail .d-message") == diagnostics[fixable - 1]["message"]
    assert page.page.text_content("#detail .d-fix").startswith("Fix (")
    # The rule's explanation (what, why, example, fix), as `editlint explain` prints it.
    explained = page.page.text_content("#detail .d-explain")
    assert explained.startswith("What: ") and "\nWhy: " in explained
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "html-report.png"), full_page=False)
    assert page.errors == []
    assert page.requests == [report.as_uri()]


def test_a_long_article_shows_the_lines_around_its_findings(cli, browser, tmp_path):
    lines = [f"Line {number} of the harbour's history [@h{number}]." for number in range(1, 41)]
    lines[19] = "Crews utilise the cranes here [@x]."
    folder = house_folder(tmp_path, {"long.md": "\n".join(lines) + "\n"})
    (folder / "editlint.yaml").write_text("rule_paths: [house.yaml]\n")
    report, data = _reports(cli, folder, "long.md")
    assert [(d["code"], d["line"]) for d in data["diagnostics"]] == [("HSE101", 20)]
    page = Page(browser, report)
    gaps = page.page.locator("pre.source .gap").all_text_contents()
    assert gaps == ["\u22ef line 18\n", "\u22ef"]  # lines 18-22 shown, 1-17 and 23-40 not
    code = page.page.text_content("pre.source code")
    assert code == gaps[0] + "\n".join(lines[17:22]) + "\n" + gaps[1]
    assert page.page.text_content("mark.hl") == "utilise"
    assert page.errors == []


def test_nothing_in_an_article_runs_in_the_report(cli, browser, tmp_path):
    (tmp_path / "hostile.md").write_text(HOSTILE, encoding="utf-8")
    # Every link target is absent: report them anyway (by default, a wiki held elsewhere).
    (tmp_path / "editlint.yaml").write_text("links: {missing_targets: always}\n")
    report, data = _reports(cli, tmp_path, "hostile.md")
    assert any("onmouseover" in d["message"] for d in data["diagnostics"])
    page = Page(browser, report)
    page.page.hover("mark.hl >> nth=-1")
    for mark in page.page.locator("mark.hl").all():
        mark.click()
    assert page.page.evaluate("typeof window.__pwned") == "undefined"
    assert page.dialogs == []
    assert page.errors == []
    assert page.page.evaluate("document.scripts.length") == 1
    assert page.page.locator("img, a[href^='javascript:'], [onerror], [onmouseover]").count() == 0
    # the excerpts are the article's own text, escaped, between the markers of lines left out
    shown = page.page.evaluate(
        "(() => { const code = document.querySelector('pre.source code').cloneNode(true);"
        " code.querySelectorAll('.gap').forEach(g => g.replaceWith('\\u0000'));"
        " return code.textContent; })()"
    )
    pieces = [piece for piece in shown.split("\0") if piece]
    assert pieces and all(piece in HOSTILE for piece in pieces)
    assert "<script>window.__pwned=1" in "".join(pieces)
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "html-report-hostile.png"), full_page=True)


def test_the_charts_show_the_top_rules_and_articles_of_many(cli, browser, tmp_path):
    names = [f"article-{number:02d}.md" for number in range(30)]
    line = "Crews utilise cranes [@a].\n"
    files = {name: line * (number + 1) for number, name in enumerate(names)}
    folder = house_folder(tmp_path, files)
    (folder / "editlint.yaml").write_text("rule_paths: [house.yaml]\n")
    report, data = _reports(cli, folder, *names)
    page = Page(browser, report)
    captions = page.page.locator(".charts figcaption").all_text_contents()
    assert captions == [
        "Findings per category",
        "Findings per rule",
        "Findings per article: the 20 articles with most of 30",
    ]
    bars = page.page.locator(".charts figure").nth(2).locator("g.bar title").all_text_contents()
    assert bars[0] == "article-29.md: 30" and len(bars) == 20
    height = page.page.evaluate("document.querySelectorAll('.charts svg')[2].height.baseVal.value")
    assert height < 500
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "html-report-charts.png"), full_page=False)
    assert page.errors == []


def test_one_rule_a_search_and_the_order_of_articles(cli, browser, tmp_path):
    files = {
        "quay.md": "# Quay\n\nCrews utilise cranes [@a].\n",
        "ships.md": "# Ships\n\nCrews utilise cranes [@a]. Pilots utilise tugs [@b].\n\n"
        "Ferries utilise ramps [@c].\n",
        "bare.md": "The dock opened in 1850 and handled 300 ships a year.\n",
    }
    folder = house_folder(tmp_path, files)
    (folder / "editlint.yaml").write_text("rule_paths: [house.yaml]\n")
    report, data = _reports(cli, folder, *sorted(files))
    page = Page(browser, report)
    codes = [d["code"] for d in data["diagnostics"]]
    rule = max(set(codes), key=codes.count)

    page.page.select_option("select[name=rule]", rule)
    assert page.page.text_content("#shown-count") == str(codes.count(rule))
    shown = page.page.evaluate(
        "[...document.querySelectorAll('li.finding')].filter(li => li.offsetParent)"
        ".map(li => li.dataset.rule)"
    )
    assert set(shown) == {rule}
    page.page.select_option("select[name=rule]", "")

    page.page.fill("input[name=search]", "ships.md")
    in_ships = sum(1 for d in data["diagnostics"] if d["path"] == "ships.md")
    assert page.page.text_content("#shown-count") == str(in_ships)
    visible = page.page.evaluate(
        "[...document.querySelectorAll('article.article')].filter(a => a.offsetParent)"
        ".map(a => a.dataset.path)"
    )
    assert visible == ["ships.md"]
    page.page.fill("input[name=search]", "")

    order = "[...document.querySelectorAll('article.article')].map(a => a.dataset.path)"
    by_path = page.page.evaluate(order)
    assert by_path == sorted(by_path)
    page.page.select_option("select[name=order]", "count")
    by_count = page.page.evaluate(order)
    counts = {path: sum(1 for d in data["diagnostics"] if d["path"] == path) for path in files}
    assert by_count == sorted(by_path, key=lambda path: (-counts[path], by_path.index(path)))
    assert by_count[0] == "ships.md"
    page.page.select_option("select[name=order]", "path")
    assert page.page.evaluate(order) == by_path

    # An article-wide finding (no span) shows its code as a badge, not a one-pixel caret.
    badge = page.page.evaluate(
        "(() => { const m = [...document.querySelectorAll('mark.hl')].find(m => !m.textContent);"
        " return m ? getComputedStyle(m, '::after').content : null; })()"
    )
    assert badge is not None and "SRC101" in badge  # bare.md cites nothing
    ARTIFACTS.mkdir(exist_ok=True)
    page.page.screenshot(path=str(ARTIFACTS / "html-report-view.png"), full_page=False)
    assert page.errors == []
