"""Dangling links and anchors on the ArchWiki export, checked against an independent oracle.

    .venv/bin/python bench/links_archwiki.py [CORPUS] [--sample N]

Runs SEE101/SEE103/SEE104 over every article of ../shared/corpora/archwiki with
``links: {url_prefixes: ["/index.php/"], anchors: mediawiki}`` and compares the findings with
an oracle written separately: links and headings from markdown-it's full parse (not editlint's
scanners), titles matched by MediaWiki rules against the file names, anchors computed both as
HTML5 ids and as legacy '.2F'-escaped ids. Prints the counts, the disagreements, and a random
sample of findings with the oracle's verdict for a human to read.
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlsplit

from markdown_it import MarkdownIt

from editlint.config.model import Config, LoadedConfig
from editlint.engine.runner import Checker, SelectionOverrides
from editlint.index import build_index
from editlint.models import validator

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "archwiki"
PREFIX = "/index.php/"
KNOWN_TAGS = re.compile(r"</?(?:span|a|code|b|i|em|strong|sup|sub|small|s|u|br|kbd|tt)\b", re.I)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--sample", type=int, default=10)
    parser.add_argument(
        "--scale", type=int, default=0, help="also time the index on N copies of the corpus"
    )
    args = parser.parse_args()
    files = sorted(args.corpus.glob("*.md"))
    if not files:
        print(f"no articles in {args.corpus}", file=sys.stderr)
        return 2
    if args.scale:
        time_index(files, args.scale)

    started = time.perf_counter()
    found = run_editlint(args.corpus, files)
    elapsed = time.perf_counter() - started
    oracle = Oracle(files)
    links = [link for path in files for link in oracle.links(path)]
    internal = [link for link in links if link.internal]
    # Keys compare decoded hrefs: markdown-it percent-encodes what the export wrote raw.
    expected_dangling = Counter(
        (link.file, unquote(link.href)) for link in internal if not link.present
    )
    expected_anchor = Counter(
        (link.file, unquote(link.href))
        for link in internal
        if link.present and link.anchor_ok is False
    )
    got_dangling = Counter(
        (f.file, unquote(f.href)) for f in found if f.code in ("SEE101", "SEE103")
    )
    got_anchor = Counter((f.file, unquote(f.href)) for f in found if f.code == "SEE104")

    print(f"articles: {len(files)}  editlint time: {elapsed:.1f} s")
    print(f"links: {len(links)}  internal (/index.php/ or #fragment): {len(internal)}")
    print(f"  to articles present: {sum(1 for link in internal if link.present)}")
    anchored = [link for link in internal if link.present and link.anchor_ok is not None]
    print(f"  with a checkable anchor: {len(anchored)}")
    report("dangling links", got_dangling, expected_dangling)
    report("anchors naming no heading", got_anchor, expected_anchor)
    case_only = sum(count for (_, href), count in got_dangling.items() if oracle.case_only(href))
    print(f"  dangling links whose title exists with other letter case: {case_only}")
    sample(found, oracle, {path.name: path for path in files}, args.sample)
    return 0


class Finding:
    def __init__(self, code: str, file: str, href: str, message: str) -> None:
        self.code, self.file, self.href, self.message = code, file, href, message


def run_editlint(corpus: Path, files: list[Path]) -> list[Finding]:
    config = validator(Config).validate_python(
        {"links": {"url_prefixes": [PREFIX], "anchors": "mediawiki"}}
    )
    selection = SelectionOverrides(select=["SEE101", "SEE103", "SEE104"])
    checker = Checker(LoadedConfig(config, None, corpus), selection)
    findings = []
    skipped: Counter = Counter()
    for path in files:
        result = checker.check_file(path)
        text = result.text or ""
        for diagnostic in result.diagnostics:
            span = text[diagnostic.start : diagnostic.end]
            if diagnostic.code == "SEE104":
                span = _href_around(text, diagnostic.start, diagnostic.end)
            elif not span.startswith(("/", "#")):
                # a plain-name entry ("see X" prose) or a [[wiki link]] (editlint's dialect,
                # not CommonMark, so outside the oracle's view)
                skipped[diagnostic.code] += 1
                continue
            findings.append(Finding(diagnostic.code, path.name, span, diagnostic.message))
    print(f"findings on names and [[wiki links]], not compared: {dict(skipped)}")
    return findings


def _href_around(text: str, start: int, end: int) -> str:
    """The whole link target around an anchor's span ('(/index.php/X#Y')."""
    opening = text.rfind("(", 0, start)
    between = text[opening + 1 : start]
    return between + text[start:end] if " " not in between else text[start:end]


class Link:
    def __init__(self, file: str, href: str) -> None:
        self.file, self.href = file, href
        self.internal = False
        self.present = False
        self.anchor_ok: bool | None = None


class Oracle:
    """Links, titles and anchors from markdown-it's full parse and MediaWiki's rules."""

    def __init__(self, files: list[Path]) -> None:
        self.parser = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
        self.pages = {self.title(path.stem): path for path in files}
        self.lower = {title.casefold() for title in self.pages}
        self._headings: dict[Path, set[str]] = {}

    @staticmethod
    def title(name: str) -> str:
        name = " ".join(name.replace("_", " ").split())
        return name[:1].upper() + name[1:]

    def page(self, title: str) -> Path | None:
        title = self.title(title)
        return self.pages.get(title) or self.pages.get(re.sub(r"[/:]", "-", title))

    def case_only(self, href: str) -> bool:
        title, _ = self.split(href)
        return (
            title is not None
            and self.page(title) is None
            and (self.title(title).casefold() in self.lower)
        )

    @staticmethod
    def split(href: str) -> tuple[str | None, str | None]:
        """(title, fragment) of an internal href; title '' for a same-page fragment."""
        if href.startswith("#"):
            return "", href[1:]
        if href.startswith(PREFIX):
            page, _, fragment = href[len(PREFIX) :].partition("#")
            return unquote(page.partition("?")[0]), fragment or None
        if href.startswith("/index.php?"):
            parts = urlsplit(href)
            titles = parse_qs(parts.query).get("title")
            return (titles[0] if titles else None), parts.fragment or None
        return None, None

    def links(self, path: Path) -> list[Link]:
        found = []
        for token in self._inline_tokens(path):
            for child in token.children or []:
                if child.type == "link_open":
                    found.append(self.judge(path, Link(path.name, child.attrGet("href") or "")))
        return found

    def judge(self, path: Path, link: Link) -> Link:
        title, fragment = self.split(link.href)
        if title is None:
            return link
        link.internal = True
        target = path if title == "" else self.page(title)
        for _ in range(5):  # follow redirect pages
            if target is None:
                return link
            redirect = re.match(
                r"\s*Redirect to:\s*\n\s*\*\s+\[[^\]]*\]\((\S+)", target.read_text("utf-8")
            )
            if not redirect:
                break
            next_title, next_fragment = self.split(redirect.group(1))
            fragment = fragment or next_fragment
            target = self.page(next_title) if next_title else None
            if target is None:  # a redirect to an absent page: the link itself is present
                link.present = True
                return link
        link.present = True
        if fragment:
            ids = self.heading_ids(target)
            decoded = unquote(fragment).replace(" ", "_")
            link.anchor_ok = decoded in ids or fragment in ids
        return link

    def heading_ids(self, path: Path) -> set[str]:
        if path not in self._headings:
            ids: set[str] = set()
            seen: Counter = Counter()
            tokens = self._tokens(path)
            for index, token in enumerate(tokens):
                if token.type != "heading_open":
                    continue
                text = "".join(
                    child.content
                    for child in tokens[index + 1].children or []
                    if child.type in ("text", "code_inline")
                    or (child.type == "html_inline" and not KNOWN_TAGS.match(child.content))
                )
                html5 = "_".join(text.split())
                legacy = quote(html5, safe="-_.:").replace("%", ".")
                for form in {html5, legacy}:
                    seen[form] += 1
                    ids.add(form if seen[form] == 1 else f"{form}_{seen[form]}")
            self._headings[path] = ids
        return self._headings[path]

    def _tokens(self, path: Path):
        return self.parser.parse(path.read_text(encoding="utf-8"))

    def _inline_tokens(self, path: Path):
        return [token for token in self._tokens(path) if token.type == "inline"]


def time_index(files: list[Path], count: int) -> None:
    """Index build time on ``count`` articles (copies of the corpus): cold, then from cache."""
    with tempfile.TemporaryDirectory(prefix="editlint-scale-") as folder:
        root, cache = Path(folder) / "content", Path(folder) / "cache"
        root.mkdir()
        for number in range(count):
            source = files[number % len(files)]
            shutil.copy(source, root / f"{source.stem} {number // len(files)}.md")
        started = time.perf_counter()
        index = build_index(root, cache)
        cold = time.perf_counter() - started
        started = time.perf_counter()
        build_index(root, cache)
        warm = time.perf_counter() - started
    print(f"index of {len(index.articles)} articles: cold {cold:.2f} s, from cache {warm:.2f} s")


def report(what: str, got: Counter, expected: Counter) -> None:
    agreed = sum((got & expected).values())
    extra = got - expected
    missed = expected - got
    print(
        f"{what}: editlint {sum(got.values())}, oracle {sum(expected.values())}, "
        f"verified true {agreed}, not confirmed {sum(extra.values())}, "
        f"missed {sum(missed.values())}"
    )
    for (file, href), count in sorted(extra.items())[:10]:
        print(f"  not confirmed: {file}: {href} x{count}")
    for (file, href), count in sorted(missed.items())[:10]:
        print(f"  missed: {file}: {href} x{count}")


def sample(found: list[Finding], oracle: Oracle, paths: dict[str, Path], size: int) -> None:
    rng = random.Random(5)
    for code in ("SEE103", "SEE104"):
        chosen = [f for f in found if f.code == code]
        chosen = rng.sample(chosen, min(size, len(chosen)))
        print(f"sample of {code} findings (oracle verdict):")
        for finding in chosen:
            link = oracle.judge(paths[finding.file], Link(finding.file, finding.href))
            verdict = (
                "absent"
                if not link.present
                else ("no such heading" if link.anchor_ok is False else "PRESENT")
            )
            print(f"  {finding.file}: {finding.href} -> {verdict}")


if __name__ == "__main__":
    sys.exit(main())
