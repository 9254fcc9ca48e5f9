"""Measure the neutrality rules on the labelled dev splits and record the figures in the docs.

    .venv/bin/python bench/eval_neutrality.py [--corpora DIR] [--no-write] [--no-cv]

Runs the same evaluation as ``editlint eval --per-rule`` (category neutrality) on
npov-sentences/dev.csv and weasel-sentences/dev.csv, twice: with the default configuration
(the opt-in NEU801 off) and with ``--extend-select NEU801``. Prints each summary line, the
per-rule breakdown and the time taken, and rewrites the generated part of docs/accuracy.md
(between the ``eval:begin`` and ``eval:end`` markers).

The learned rule NEU801 was trained on these same rows, so its dev figures flatter it; the
cross-validated figures (``scripts/train_scorer.py``: every rule, with NEU801 retrained on the
other folds, counted on the held-out fold) are the honest estimate for unseen sentences.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

from editlint.authoring.evaluation import Evaluation, evaluate, evaluation_checker, render_text
from editlint.config.model import Config, LoadedConfig
from editlint.engine.runner import SelectionOverrides
from editlint.rules.builtin.biased_sentence import BiasedSentence

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
SETS = {
    "npov-sentences": "Hube and Fetahu (2019) biased vs neutral Wikipedia sentences",
    "weasel-sentences": "CoNLL-2010 Wikipedia weasel/uncertainty sentences",
}
OPT_IN = BiasedSentence.code
CONFIGURATIONS = {  # label: selection on top of the default configuration
    "default": SelectionOverrides(),
    f"{OPT_IN} opted in": SelectionOverrides(extend_select=[OPT_IN]),
}
DOC = ROOT / "docs" / "accuracy.md"
BEGIN, END = "<!-- eval:begin -->", "<!-- eval:end -->"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--no-write", action="store_true", help="print only; leave the docs")
    parser.add_argument("--no-cv", action="store_true", help="skip the cross-validation")
    args = parser.parse_args()
    loaded = LoadedConfig(Config(), None, ROOT)
    results = []
    for name in SETS:
        path = args.corpora / name / "dev.csv"
        if not path.is_file():
            print(f"missing: {path}", file=sys.stderr)
            return 2
        for label, overrides in CONFIGURATIONS.items():
            checker = evaluation_checker(loaded, "neutrality", overrides)
            started = time.process_time()
            evaluation = evaluate(path, checker, "neutrality")
            seconds = time.process_time() - started
            sys.stdout.write(render_text(evaluation, per_rule=True))
            print(f"{name} ({label}): {evaluation.scores.n} rows in {seconds:.1f} s of CPU time\n")
            results.append((name, label, evaluation, seconds))
    cv = None if args.no_cv else cross_validation(args.corpora)
    if not args.no_write:
        write_doc(results, cv)
        print(f"updated {DOC.relative_to(ROOT)}")
    return 0


def cross_validation(corpora: Path):
    """The training script's k-fold estimate: every rule, NEU801 trained without the fold."""
    sys.path.insert(0, str(ROOT / "scripts"))  # the script imports scorer_vocabulary beside it
    path = ROOT / "scripts" / "train_scorer.py"
    spec = importlib.util.spec_from_file_location("train_scorer", path)
    script = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, script)
    spec.loader.exec_module(script)
    result = script.cross_validate(script.load_corpus(corpora), log=lambda _: None)
    for name, scores in result.scores.items():
        print(f"{name} ({script.FOLDS}-fold cross-validation): {scores.summary_line()}")
    return result


Result = tuple[str, str, Evaluation, float]  # set, configuration, evaluation, CPU seconds


def write_doc(results: list[Result], cv=None) -> None:
    text = DOC.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    body = render_markdown(results, cv)
    DOC.write_text(head + BEGIN + "\n" + body + END + tail, encoding="utf-8")


def render_markdown(results: list[Result], cv=None) -> str:
    lines = [
        "| set | configuration | rows | MCC | P | R | F1 | FPR | CPU time |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, label, evaluation, seconds in results:
        s = evaluation.scores
        lines.append(
            f"| `{name}/dev.csv` | {label} | {s.n} | {s.mcc:.3f} | {s.precision:.3f} "
            f"| {s.recall:.3f} | {s.f1:.3f} | {s.fpr:.3f} | {seconds:.1f} s |"
        )
    lines.append("")
    if cv is not None:
        lines += [
            "",
            f"Cross-validated, {OPT_IN} opted in (the estimate for unseen sentences): each set in",
            f"5 stratified folds; {OPT_IN} retrained without the fold (threshold {cv.threshold}),",
            "every rule counted on the fold, folds pooled.",
            "",
            f"| set | rows | MCC | P | R | F1 | FPR | {OPT_IN} TP | {OPT_IN} FP |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for name, s in cv.scores.items():
            alone = cv.scorer_flags[name]
            lines.append(
                f"| `{name}/dev.csv` | {s.n} | {s.mcc:.3f} | {s.precision:.3f} | {s.recall:.3f} "
                f"| {s.f1:.3f} | {s.fpr:.3f} | {alone.tp} | {alone.fp} |"
            )
        lines.append("")
    for name, label, evaluation, _ in results:
        lines += [
            "",
            f"Per rule on `{name}/dev.csv` ({SETS[name]}), {label}: rows the rule",
            "flags (TP, FP), rows only it flags, and the MCC lost when it is turned off (dMCC).",
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
