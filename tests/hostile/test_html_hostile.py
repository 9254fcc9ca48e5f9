"""The HTML report with hostile rule packs and file names (the article variant is in
tests/report): rule messages, names and explanations from a pack, a hostile title and file
name never run as script in a real headless Chromium."""

from __future__ import annotations

from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAYLOAD = "<script>window.__pwned=1</script><img src=x onerror=window.__pwned=2>"
PACK = f"""pack: evil
description: "{PAYLOAD}"
rules:
  - code: EVL101
    name: evil
    kind: existence
    category: neutrality
    message: "{PAYLOAD} '{{match}}' <a href='javascript:window.__pwned=3'>x</a>"
    summary: "{PAYLOAD}"
    explanation: "{PAYLOAD}"
    tokens: [harbour]
"""
ARTICLE = f"""---
title: "{PAYLOAD}"
---

# {PAYLOAD}

The harbour opened in 1850 [@port]. ]]></script><!-- --> harbour
"""


def test_pack_messages_titles_and_file_names_never_run(cli, tmp_path):
    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: run `make system-deps`")
    from playwright.sync_api import sync_playwright

    (tmp_path / "editlint.yaml").write_text("rule_paths: [evil.yaml]\nselect: [EVL]\n")
    (tmp_path / "evil.yaml").write_text(PACK)
    name = "x<img src=y onerror=window.__pwned=4>.md"
    (tmp_path / name).write_text(ARTICLE)
    result = cli("check", "--format", "html", "--output", "report.html", ".", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    report = tmp_path / "report.html"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(report.as_uri())
        page.wait_for_load_state("load")
        for mark in page.locator("mark.hl").all():
            mark.hover()
            mark.click()
        pwned = page.evaluate("typeof window.__pwned")
        injected = page.locator("img, a[href^='javascript:'], [onerror]").count()
        text = page.text_content("body")
        browser.close()
    assert pwned == "undefined" and dialogs == [] and injected == 0
    assert "window.__pwned=1" in text  # shown as text, not run
