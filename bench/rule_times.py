"""Where checking time goes: document parsing and each rule, on one core, in one process.

    .venv/bin/python bench/rule_times.py [CORPUS] [--top 20]

Parses every article of CORPUS (default: ../shared/corpora/archwiki) with the default
configuration, then runs each selected rule over every document, and prints the seconds
spent parsing and in each rule (including ``relevant``), largest first, with each share
of the total. A profile for choosing what to make faster, not a throughput figure.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

from measure import ROOT

from editlint.config.model import find_config, load_config
from editlint.document import parse_document
from editlint.engine.runner import Checker
from editlint.rules.support.workspace import Workspace

CORPUS = ROOT.parent / "shared" / "corpora" / "archwiki"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--top", type=int, default=20)
    args = parser.parse_args()
    checker = Checker(load_config(find_config(args.corpus), args.corpus))
    files = sorted(args.corpus.rglob("*.md"))
    texts = [path.read_text(encoding="utf-8") for path in files]
    started = time.perf_counter()
    documents = [parse_document(text, path) for text, path in zip(texts, files, strict=True)]
    seconds = {"(parse)": time.perf_counter() - started}
    spent: dict[str, float] = defaultdict(float)
    for document in documents:
        Workspace.attach(document, checker.words)
        for rule, context in checker.rules_with_contexts():
            started = time.perf_counter()
            if rule.relevant(document):
                list(rule.check(document, context))
            spent[rule.code] += time.perf_counter() - started
    seconds.update(spent)
    total = sum(seconds.values())
    print(f"{len(files)} articles, {total:.2f} s on one core")
    for name, value in sorted(seconds.items(), key=lambda item: -item[1])[: args.top]:
        print(f"  {name:10s} {value:7.3f} s  {100 * value / total:5.1f}%")


if __name__ == "__main__":
    main()
