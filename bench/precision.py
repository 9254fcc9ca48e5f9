"""Judged precision and tag recall of the default configuration on real articles.

Findings are checked on the shared corpora (117 Wikipedia articles as wikitext, 419 ArchWiki
articles as Markdown) and matched to the judgements kept in ``bench/judgements/*.jsonl``. A
judgement names its finding by corpus, article, rule code, the flagged text (``span``, at most
60 characters) and ``nth``, the index among that article's findings with the same code and span:
keys survive edits elsewhere.

    .venv/bin/python bench/precision.py report              # per category and rule
    .venv/bin/python bench/precision.py sample neutrality -n 100 --seed 1 > to-judge.jsonl
    .venv/bin/python bench/precision.py recall              # {{citation needed}} tag recall
    .venv/bin/python bench/precision.py report --corpus archwiki --preset manual
    .venv/bin/python bench/precision.py report --extend-select NEU801   # with an opt-in rule on

``sample`` prints unjudged findings with a ``context`` field for reading; a judged line keeps
the key fields plus ``verdict`` (correct / debatable / wrong) and a one-line ``reason``, never
the context (corpus text stays out of the project).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import editlint
from editlint.document import InputError, parse_document

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
JUDGEMENTS = ROOT / "bench" / "judgements"
CATEGORIES = ("neutrality", "unsourced", "counter-perspective", "see-also")
NEEDED_TAG = re.compile(r"\{\{\s*(?:citation needed|cn|fact)\s*(?:\|[^{}]*)?\}\}", re.IGNORECASE)
SENTINEL = "QQCNTAGQQ"
WORD = re.compile(r"\w+")
SPAN_LIMIT = 60


@dataclass(frozen=True)
class Finding:
    corpus: str
    article: str
    code: str
    category: str
    span: str
    nth: int
    start: int
    end: int

    @property
    def key(self) -> tuple:
        return (self.corpus, self.article, self.code, self.span, self.nth)


def corpus_folders(workdir: Path, strip_tags: bool = False) -> dict[str, Path]:
    """The folder to check per corpus; with ``strip_tags``, a copy of the Wikipedia articles
    whose {{citation needed}} tags are a sentinel (see ``citation_needed_recall``)."""
    wikipedia = SHARED / "wikipedia"
    if strip_tags:
        copy = workdir / "wikipedia"
        copy.mkdir(parents=True, exist_ok=True)
        for path in sorted(wikipedia.glob("*.wiki")):
            text = NEEDED_TAG.sub(SENTINEL, path.read_text(encoding="utf-8"))
            (copy / path.name).write_text(text, encoding="utf-8")
        wikipedia = copy
    return {"wikipedia": wikipedia, "archwiki": SHARED / "archwiki"}


def check_corpus(
    corpus: str, folder: Path, preset: str | None = None, extend_select: list[str] | None = None
) -> tuple[list[Finding], dict[str, str], int]:
    """Findings of the default configuration (or of ``preset``, plus ``extend_select``), the
    texts checked, and the corpus's prose words."""
    findings: list[Finding] = []
    texts: dict[str, str] = {}
    words = 0
    config: dict = {"extends": [f"editlint:{preset}"]} if preset else {}
    if extend_select:
        config["extend-select"] = extend_select
    for result in editlint.check_paths([folder], config=config):
        if result.text is None or (corpus == "wikipedia" and result.path.suffix != ".wiki"):
            continue  # the corpus's SOURCES.md is not an article
        article = result.path.stem
        texts[article] = result.text
        document = _parsed(result.text, result.path)
        words += len(WORD.findall(document.masked)) if document else 0
        seen: Counter = Counter()
        for diagnostic in result.diagnostics:
            span = result.text[diagnostic.start : diagnostic.end][:SPAN_LIMIT]
            nth = seen[(diagnostic.code, span)]
            seen[(diagnostic.code, span)] += 1
            findings.append(
                Finding(
                    corpus,
                    article,
                    diagnostic.code,
                    diagnostic.category.value,
                    span,
                    nth,
                    diagnostic.start,
                    diagnostic.end,
                )
            )
    return findings, texts, words


def _parsed(text: str, path: Path):
    try:
        return parse_document(text, path)
    except InputError:  # reported as an input finding; its words are not counted
        return None


def load_judgements(include_before: bool = False) -> dict[tuple, dict]:
    judged = {}
    for path in sorted(JUDGEMENTS.glob("*.jsonl")):
        if path.stem.endswith("-before") != include_before:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            entry = json.loads(line)
            key = (entry["corpus"], entry["article"], entry["code"], entry["span"], entry["nth"])
            judged[key] = entry
    return judged


def report(findings: list[Finding], words: dict[str, int], judged: dict[tuple, dict]) -> str:
    """Per category and per rule: findings per 1,000 words and judged precision."""
    total_words = sum(words.values())
    rows = [
        f"corpora: {', '.join(f'{name} {count:,} words' for name, count in words.items())}",
        "",
        "| category / rule | findings | per 1k words | judged | correct | correct or debatable |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    by_category: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        by_category[finding.category].append(finding)
    for category in CATEGORIES:
        group = by_category.get(category, [])
        rows.append(_row(f"**{category}**", group, total_words, judged))
        by_code: dict[str, list[Finding]] = defaultdict(list)
        for finding in group:
            by_code[finding.code].append(finding)
        for code in sorted(by_code):
            rows.append(_row(code, by_code[code], total_words, judged))
    return "\n".join(rows)


def _row(name: str, group: list[Finding], words: int, judged: dict[tuple, dict]) -> str:
    verdicts = Counter(judged[f.key]["verdict"] for f in group if f.key in judged)
    n = sum(verdicts.values())
    correct = f"{verdicts['correct'] / n:.0%}" if n else "-"
    lenient = f"{(verdicts['correct'] + verdicts['debatable']) / n:.0%}" if n else "-"
    rate = 1000 * len(group) / words if words else 0
    return f"| {name} | {len(group)} | {rate:.2f} | {n} | {correct} | {lenient} |"


def context(text: str, start: int, end: int, width: int = 160) -> str:
    left = text[max(0, start - width) : start].replace("\n", " ")
    right = text[end : end + width].replace("\n", " ")
    return f"{left}>>>{text[start:end]}<<<{right}"


def citation_needed_recall(workdir: Path) -> tuple[int, int, int]:
    """Tagged sentences (tag removed) that get an unsourced finding: (found, in paragraph, all)."""
    folder = corpus_folders(workdir, strip_tags=True)["wikipedia"]
    tags: dict[str, list[int]] = {}
    for path in sorted(folder.iterdir()):
        text = path.read_text(encoding="utf-8")
        offsets = []
        while (at := text.find(SENTINEL)) != -1:
            offsets.append(at)
            text = text[:at] + text[at + len(SENTINEL) :]
        if offsets:
            path.write_text(text, encoding="utf-8")
            tags[path.stem] = offsets
    findings, texts, _ = check_corpus("wikipedia", folder)
    unsourced = defaultdict(list)
    for finding in findings:
        if finding.category == "unsourced":
            unsourced[finding.article].append(finding)
    found = in_paragraph = total = 0
    for article, offsets in tags.items():
        document = _parsed(texts[article], folder / f"{article}.wiki")
        if document is None:
            total += len(offsets)
            continue
        for offset in offsets:
            total += 1
            sentence = next((s for s in document.sentences if s.start < offset <= s.end + 1), None)
            if sentence is None:
                continue
            block = document.blocks[sentence.block]
            hits = unsourced[article]
            if any(f.start < sentence.end and f.end > sentence.start for f in hits):
                found += 1
            if any(f.start < block.end and f.end > block.start for f in hits):
                in_paragraph += 1
    return found, in_paragraph, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    report_parser = commands.add_parser("report", help="per 1,000 words and judged precision")
    report_parser.add_argument("--corpus", choices=("wikipedia", "archwiki"))
    report_parser.add_argument("--preset", help="a preset instead of the defaults (manual)")
    report_parser.add_argument("--extend-select", nargs="*", default=[], help="opt-in codes")
    sample = commands.add_parser("sample", help="unjudged findings of a category, to judge")
    sample.add_argument("category", choices=CATEGORIES)
    sample.add_argument("-n", type=int, default=100)
    sample.add_argument("--seed", type=int, default=1)
    sample.add_argument("--corpus", choices=("wikipedia", "archwiki"))
    sample.add_argument("--code", help="only this rule's findings")
    sample.add_argument("--preset", help="a preset instead of the defaults (manual)")
    sample.add_argument("--extend-select", nargs="*", default=[], help="opt-in codes")
    commands.add_parser("recall", help="{{citation needed}} tag recall")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        if args.command == "recall":
            found, in_paragraph, total = citation_needed_recall(workdir)
            print(
                f"{{{{citation needed}}}} sentences flagged unsourced: {found}/{total} "
                f"({found / total:.0%}); a finding in the same paragraph: {in_paragraph}/{total} "
                f"({in_paragraph / total:.0%})"
            )
            return 0
        findings, texts, words = [], {}, {}
        for corpus, folder in corpus_folders(workdir).items():
            if getattr(args, "corpus", None) not in (None, corpus):
                continue
            found, corpus_texts, corpus_words = check_corpus(
                corpus, folder, args.preset, args.extend_select
            )
            findings.extend(found)
            texts.update({(corpus, a): t for a, t in corpus_texts.items()})
            words[corpus] = corpus_words
        judged = load_judgements()
        if args.command == "report":
            print(report(findings, words, judged))
            return 0
        pool = [
            f
            for f in findings
            if f.category == args.category
            and f.key not in judged
            and (args.corpus is None or f.corpus == args.corpus)
            and (args.code is None or f.code == args.code)
        ]
        random.Random(args.seed).shuffle(pool)
        for finding in pool[: args.n]:
            text = texts[(finding.corpus, finding.article)]
            print(
                json.dumps(
                    {
                        "corpus": finding.corpus,
                        "article": finding.article,
                        "code": finding.code,
                        "span": finding.span,
                        "nth": finding.nth,
                        "context": context(text, finding.start, finding.end),
                    },
                    ensure_ascii=False,
                )
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
