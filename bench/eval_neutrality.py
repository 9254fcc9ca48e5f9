"""Measure the neutrality rules on the labelled dev splits and record the figures in the docs.

    .venv/bin/python bench/eval_neutrality.py [--corpora DIR] [--no-write]

Runs the same evaluation as ``editlint eval --per-rule`` (default configuration, category
neutrality) on npov-sentences/dev.csv and weasel-sentences/dev.csv, prints each summary line,
the per-rule breakdown and the time taken, and rewrites the generated part of docs/accuracy.md
(between the ``eval:begin`` and ``eval:end`` markers).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from editlint.engine.config import Config, LoadedConfig
from editlint.evaluation import Evaluation, evaluate, evaluation_checker, render_text

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
SETS = {
    "npov-sentences": "Hube and Fetahu (2019) biased vs neutral Wikipedia sentences",
    "weasel-sentences": "CoNLL-2010 Wikipedia weasel/uncertainty sentences",
}
DOC = ROOT / "docs" / "accuracy.md"
BEGIN, END = "<!-- eval:begin -->", "<!-- eval:end -->"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--no-write", action="store_true", help="print only; leave the docs")
    args = parser.parse_args()
    checker = evaluation_checker(LoadedConfig(Config(), None, ROOT), "neutrality")
    results = []
    for name in SETS:
        path = args.corpora / name / "dev.csv"
        if not path.is_file():
            print(f"missing: {path}", file=sys.stderr)
            return 2
        started = time.process_time()
        evaluation = evaluate(path, checker, "neutrality")
        seconds = time.process_time() - started
        sys.stdout.write(render_text(evaluation, per_rule=True))
        print(f"{name}: {evaluation.scores.n} rows in {seconds:.1f} s of CPU time\n")
        results.append((name, evaluation, seconds))
    if not args.no_write:
        write_doc(results)
        print(f"updated {DOC.relative_to(ROOT)}")
    return 0


def write_doc(results: list[tuple[str, Evaluation, float]]) -> None:
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    DOC.write_text(head + BEGIN + "\n" + render_markdown(results) + END + tail, encoding="utf-8")


def render_markdown(results: list[tuple[str, Evaluation, float]]) -> str:
    lines = [
        "| set | rows | MCC | P | R | F1 | FPR | CPU time |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, evaluation, seconds in results:
        s = evaluation.scores
        lines.append(
            f"| `{name}/dev.csv` | {s.n} | {s.mcc:.3f} | {s.precision:.3f} | {s.recall:.3f} "
            f"| {s.f1:.3f} | {s.fpr:.3f} | {seconds:.1f} s |"
        )
    lines.append("")
    for name, evaluation, _ in results:
        lines += [
            "",
            f"Per rule on `{name}/dev.csv` ({SETS[name]}): rows the rule flags (TP, FP),",
            "rows only it flags, and the MCC lost when it is turned off (dMCC).",
            "",
        ]
        lines.append("| code | name | TP | FP | P | only TP | only FP | dMCC |")
        lines.append("| --- | --- | --- | --- | --- | --- | --- | --- |")
        overall = evaluation.scores.mcc
        for rule in sorted(evaluation.rules, key=lambda r: r.mcc_without):
            lines.append(
                f"| {rule.code} | {rule.name} | {rule.flagged.tp} | {rule.flagged.fp} "
                f"| {rule.flagged.precision:.3f} | {rule.only_tp} | {rule.only_fp} "
                f"| {overall - rule.mcc_without:+.3f} |"
            )
        lines += ["", "```", evaluation.scores.summary_line(), "```"]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
