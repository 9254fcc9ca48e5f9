"""The HTML report at scale: its size, and how long Chromium takes to show it and to filter it.

    .venv/bin/python bench/html_scale.py [--articles 10000] [--before OTHER/src]

Writes a synthetic repository (``bench/synthetic.py``), renders its HTML report, opens it in
Debian's headless Chromium and times, in the page, the load and one change of the rule filter;
the same for the demo (``content/``) as the peer in this run, so the figures are ratios.

With ``--before`` (the ``src/`` folder of another commit, e.g. from
``git archive main src | tar -x -C /tmp/before``), the repository is checked once, here, and
its results are rendered by this tree's reporter and by BEFORE's (put first on PYTHONPATH, same
interpreter and dependencies), each in a fresh process, interleaved, the best of ``--repeat``;
it prints the seconds to render and the ratio after / before, then browses both pages.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import subprocess
import sys
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


# Renders the pickled run's HTML report once (importing the reporter, as the command does),
# writes it to argv[2], prints the wall and CPU seconds.
_RENDER = """
import json, pickle, sys, time
from pathlib import Path
from editlint.report import RunReport, render
results, rules, cwd = pickle.loads(Path(sys.argv[1]).read_bytes())
run = RunReport(results, rules, cwd=cwd)
run.located
started, cpu = time.perf_counter(), time.process_time()
page = render(run, "html")
seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
Path(sys.argv[2]).write_text(page, encoding="utf-8")
print(json.dumps({"seconds": seconds, "cpu": cpu}))
"""


def checked(folder: Path, out: Path) -> Path:
    """Check ``folder`` once, in this process, and pickle what the HTML reporter reads."""
    from editlint.config.model import config_near
    from editlint.engine.runner import Checker
    from editlint.files.discovery import collect_files

    checker = Checker(config_near(folder))
    files = collect_files([folder / "content"], checker.loaded.config.exclude)
    results = [checker.check_file(path) for path in files]
    rules = {rule.code: rule.metadata() for rule in checker.rules}
    out.write_bytes(pickle.dumps((results, rules, folder)))
    return out


def render_seconds(run: Path, page: Path, before: Path | None) -> tuple[float, float]:
    env = dict(os.environ, PYTHONPATH=str(before)) if before else None
    done = subprocess.run(
        [sys.executable, "-c", _RENDER, str(run), str(page)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    timed = json.loads(done.stdout)
    return timed["seconds"], timed["cpu"]


def compare_rendering(folder: Path, work: Path, before: Path, repeat: int) -> dict[str, Path]:
    """Seconds to render the same run's page with BEFORE's reporter and with this tree's."""
    run = checked(folder, work / "run.pickle")
    pages = {"before": work / "before.html", "after": work / "after.html"}
    timed: dict[str, list[tuple[float, float]]] = {"before": [], "after": []}
    for _ in range(repeat):
        for name, page in pages.items():
            tree = before if name == "before" else None
            timed[name].append(render_seconds(run, page, tree))
    wall = {name: min(s for s, _ in found) for name, found in timed.items()}
    cpu = {name: min(c for _, c in found) for name, found in timed.items()}
    for name, page in pages.items():
        print(
            f"render {name}: {wall[name]:.2f} s (cpu {cpu[name]:.2f}), "
            f"{page.stat().st_size / 1e6:.2f} MB"
        )
    print(
        f"render after/before: wall {wall['after'] / wall['before']:.3f}"
        f"  cpu {cpu['after'] / cpu['before']:.3f}"
    )
    return pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--before", type=Path, help="the src/ folder of the commit before")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        work = Path(scratch)
        generate(work / "repo", args.articles)
        pages = {"demo": report(ROOT, work / "demo.html")}
        large = f"{args.articles} articles"
        if args.before:
            rendered = compare_rendering(work / "repo", work, args.before.resolve(), args.repeat)
            pages.update({f"{large}, {name}": page for name, page in rendered.items()})
        else:
            pages[large] = report(work / "repo", work / "large.html")
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
