"""The native Markdown parser (pyromark) against markdown-it-py, on the 419 ArchWiki articles.

    .venv/bin/python bench/native_parse.py [--rounds 5] [--check-rounds 3] [--one-file-rounds 7]

In this process, rounds interleaved, CPU time (``time.process_time``), medians: the blocks of
every article (``document/parsers``: blocks, prefixes, reference definitions) and the whole
document (``parse_markdown``: front matter, blocks, inline scan, masks, sections) with each
parser; how many blocks and documents are the same. Then ``editlint check --jobs 1
--no-cache`` on the corpus with each parser (``EDITLINT_MARKDOWN_PARSER``), interleaved,
medians of wall and CPU time, and likewise one article checked alone (start-up included, no
daemon). Ratios are markdown-it / pyromark, from the same run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time

from measure import cores, editlint, run, save
from throughput import CORPUS

from editlint.document.frontmatter import parse_front_matter
from editlint.document.lines import LineIndex
from editlint.document.markdown import parse_markdown
from editlint.document.parsers import ENV_VAR, parse_blocks

PARSERS = ("markdown-it", "pyromark")


def _timed(work) -> float:
    start = time.process_time()
    work()
    return time.process_time() - start


def in_process(texts: list[str], rounds: int) -> dict:
    """Median CPU seconds of blocks and of whole documents, per parser, and the agreement."""
    prepared = []
    for text in texts:
        front_matter = parse_front_matter(text)
        prepared.append((text, front_matter.body_start if front_matter else 0, LineIndex(text)))
    for parser in PARSERS:  # imports and cached parsers out of the timing
        parse_markdown(texts[0], None, parser)
    blocks = {parser: [] for parser in PARSERS}
    documents = {parser: [] for parser in PARSERS}
    for _ in range(rounds):
        for parser in PARSERS:
            blocks[parser].append(
                _timed(lambda p=parser: [parse_blocks(*args, p) for args in prepared])
            )
            documents[parser].append(
                _timed(lambda p=parser: [parse_markdown(text, None, p) for text in texts])
            )
    same_blocks = all_blocks = same_documents = 0
    for text in texts:
        old, new = (parse_markdown(text, None, parser) for parser in PARSERS)
        all_blocks += len(old.blocks)
        same_blocks += sum(1 for block in old.blocks if block in new.blocks)
        same_documents += (old.blocks, old.masked, old.links, old.citations) == (
            new.blocks,
            new.masked,
            new.links,
            new.citations,
        )
    return {
        "blocks_seconds": {parser: statistics.median(blocks[parser]) for parser in PARSERS},
        "documents_seconds": {parser: statistics.median(documents[parser]) for parser in PARSERS},
        "blocks_same": [same_blocks, all_blocks],
        "documents_same": [same_documents, len(texts)],
    }


def whole_check(rounds: int, command: list[str]) -> dict:
    """Median wall and CPU seconds of ``command`` (an ``editlint check``) per parser."""
    wall = {parser: [] for parser in PARSERS}
    cpu = {parser: [] for parser in PARSERS}
    before = os.environ.get(ENV_VAR)
    try:
        for _ in range(rounds):
            for parser in PARSERS:
                os.environ[ENV_VAR] = parser  # the child process reads it
                done = run(command)
                wall[parser].append(done.seconds)
                cpu[parser].append(done.cpu_seconds)
    finally:
        if before is None:
            os.environ.pop(ENV_VAR, None)
        else:
            os.environ[ENV_VAR] = before
    return {
        "wall_seconds": {parser: statistics.median(wall[parser]) for parser in PARSERS},
        "cpu_seconds": {parser: statistics.median(cpu[parser]) for parser in PARSERS},
    }


def _ratio(figures: dict) -> float:
    return figures["markdown-it"] / figures["pyromark"]


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--check-rounds", type=int, default=3)
    parser.add_argument("--one-file-rounds", type=int, default=7)
    args = parser.parse_args()
    os.environ["EDITLINT_DAEMON"] = "0"  # every check in its own process, as measured cold
    paths = sorted(CORPUS.glob("*.md"))
    texts = [path.read_text(encoding="utf-8") for path in paths]
    load = round(os.getloadavg()[0], 2)
    figures = {"cores": cores(), "load_before": load, "articles": len(texts)}
    figures.update(in_process(texts, args.rounds))
    corpus = editlint("check", "--jobs", "1", "--no-cache", "--format", "json", str(CORPUS))
    figures.update(whole_check(args.check_rounds, corpus))
    one_file = editlint("check", "--no-cache", "--format", "json", str(paths[100]))
    figures["one_file"] = whole_check(args.one_file_rounds, one_file)
    figures["load_after"] = round(os.getloadavg()[0], 2)
    print(f"{len(texts)} ArchWiki articles, load {load} -> {figures['load_after']}")
    for key, label in (("blocks_seconds", "blocks"), ("documents_seconds", "documents")):
        times = figures[key]
        print(
            f"  {label:<9} markdown-it {times['markdown-it']:.3f} s CPU, "
            f"pyromark {times['pyromark']:.3f} s: x{_ratio(times):.2f}"
        )
    same, total = figures["blocks_same"]
    print(f"  blocks the same: {same:,} of {total:,}; documents the same: ", end="")
    print("{} of {}".format(*figures["documents_same"]))
    wall, cpu = figures["wall_seconds"], figures["cpu_seconds"]
    print(
        f"  editlint check --jobs 1: markdown-it {wall['markdown-it']:.2f} s "
        f"({cpu['markdown-it']:.2f} s CPU), pyromark {wall['pyromark']:.2f} s "
        f"({cpu['pyromark']:.2f} s CPU): x{_ratio(wall):.2f} wall, x{_ratio(cpu):.2f} CPU"
    )
    wall, cpu = figures["one_file"]["wall_seconds"], figures["one_file"]["cpu_seconds"]
    print(
        f"  one file ({paths[100].name}): markdown-it {wall['markdown-it'] * 1000:.0f} ms "
        f"({cpu['markdown-it'] * 1000:.0f} ms CPU), pyromark {wall['pyromark'] * 1000:.0f} ms "
        f"({cpu['pyromark'] * 1000:.0f} ms CPU): x{_ratio(wall):.2f} wall, x{_ratio(cpu):.2f} CPU"
    )
    save("native_parse", figures)
    return figures


if __name__ == "__main__":
    main()
