"""The HTML report at scale: its size, and how long Chromium takes to show it and to filter it.

    .venv/bin/python bench/html_scale.py [--articles 10000]

Writes a synthetic repository (``bench/synthetic.py``), renders its HTML report, opens it in
Debian's headless Chromium and times, in the page, the load and one change of the rule filter;
the same for the demo (``content/``) as the peer in this run, so the figures are ratios.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

from measure import EDITLINT, ROOT
from synthetic import generate

CHROMIUM = "/usr/bin/chromium"


def report(folder: Path, out: Path) -> Path:
    subprocess.run(
        [*EDITLINT, "check", "--no-cache", "--format", "html", "--output", str(out), "."],
        cwd=folder,
        capture_output=True,
        check=False,
    )
    return out


def browse(page_file: Path, browser) -> tuple[float, float, int]:
    """Seconds to load, seconds to apply a rule filter, findings on the page."""
    page = browser.new_page(viewport={"width": 1200, "height": 1600})
    started = time.perf_counter()
    page.goto(page_file.as_uri())
    page.wait_for_load_state("load")
    loaded = time.perf_counter() - started
    rules = page.locator("select[name=rule] option").all_inner_texts()
    findings = page.locator("li.finding").count()
    started = time.perf_counter()
    if len(rules) > 1:
        page.select_option("select[name=rule]", index=1)
        page.evaluate("document.getElementById('shown-count').textContent")
    filtered = time.perf_counter() - started
    page.close()
    return loaded, filtered, findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        work = Path(scratch)
        generate(work / "repo", args.articles)
        pages = {
            "demo": report(ROOT, work / "demo.html"),
            f"{args.articles} articles": report(work / "repo", work / "large.html"),
        }
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless"])
        rows = {name: browse(path, browser) for name, path in pages.items()}
        browser.close()
        demo_load = rows["demo"][0]
        for name, (loaded, filtered, findings) in rows.items():
            size = pages[name].stat().st_size / 1e6
            print(
                f"{name}: {size:.2f} MB, {findings} findings, load {loaded:.2f} s "
                f"({loaded / demo_load:.1f}x the demo), rule filter {filtered:.2f} s"
            )


if __name__ == "__main__":
    main()
