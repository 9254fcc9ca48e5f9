"""Whether two HTML report pages are the same page: byte for byte, token for token, in Chromium.

    .venv/bin/python bench/html_same_page.py BEFORE.html AFTER.html [...pairs]

For each pair prints whether the bytes are equal; whether the standard HTML parser reads the
same elements, attributes and text from both (character references decoded, so ``&#x27;`` and
``&#39;`` are one apostrophe); and whether Debian's headless Chromium, having loaded each page
and run its script, serialises the same document (``document.documentElement.outerHTML``).
Exit 1 when a pair differs as tokens or as documents.
"""

from __future__ import annotations

import argparse
from html.parser import HTMLParser
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"


class _Tokens(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tokens: list[tuple] = []

    def handle_starttag(self, tag, attrs):
        self.tokens.append(("start", tag, tuple(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tokens.append(("start-end", tag, tuple(attrs)))

    def handle_endtag(self, tag):
        self.tokens.append(("end", tag))

    def handle_data(self, data):
        if self.tokens and self.tokens[-1][0] == "text":
            data = self.tokens.pop()[1] + data
        self.tokens.append(("text", data))

    def handle_decl(self, decl):
        self.tokens.append(("declaration", decl))

    def handle_comment(self, data):
        self.tokens.append(("comment", data))


def tokens(page: str) -> list[tuple]:
    parser = _Tokens()
    parser.feed(page)
    parser.close()
    return parser.tokens


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path, nargs="+", help="BEFORE AFTER, pair after pair")
    args = parser.parse_args()
    if len(args.pages) % 2:
        parser.error("pages come in pairs: BEFORE AFTER")
    from playwright.sync_api import sync_playwright

    differ = 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless"])

        def document(path: Path) -> str:
            page = browser.new_page()
            page.goto(path.resolve().as_uri())
            page.wait_for_load_state("load")
            serialised = page.evaluate("document.documentElement.outerHTML")
            page.close()
            return serialised

        for before, after in zip(args.pages[::2], args.pages[1::2], strict=True):
            old, new = before.read_text(encoding="utf-8"), after.read_text(encoding="utf-8")
            same_tokens = tokens(old) == tokens(new)
            same_document = document(before) == document(after)
            differ += not (same_tokens and same_document)
            print(
                f"{after.name}: bytes {'equal' if old == new else 'differ'} "
                f"({len(old.encode())} -> {len(new.encode())}), "
                f"tokens {'equal' if same_tokens else 'DIFFER'}, "
                f"Chromium document {'equal' if same_document else 'DIFFERS'}"
            )
        browser.close()
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
