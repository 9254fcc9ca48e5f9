"""Why one word list cannot meet both neutrality targets: each cue family's effect on both sets.

    .venv/bin/python bench/eval_tradeoff.py [--corpora DIR] [--no-write]

Checks npov-sentences/dev.csv and weasel-sentences/dev.csv once with the default rules plus
one extra existence rule per candidate cue family (general hedges and vague quantifiers from
Hyland's hedge list, the CoNLL-2010 cue classes and Wikipedia's "words to watch"; the whole
hedge lexicon is read from ../shared/corpora/lexicons by path). For each family it prints
what adding it to the default rules would do to both sets' MCC (and npov's false-positive
rate), and what removing each shipped weasel rule would do, so the trade-off between the two
targets is measured rather than asserted. Rewrites the table between the ``tradeoff:begin``
and ``tradeoff:end`` markers of docs/accuracy.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

from editlint.authoring.evaluation import Scores, codes_per_row, evaluation_checker, read_examples
from editlint.config.model import Config, LoadedConfig

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
SETS = ("npov-sentences", "weasel-sentences")
DOC = ROOT / "docs" / "accuracy.md"
BEGIN, END = "<!-- tradeoff:begin -->", "<!-- tradeoff:end -->"

#: Candidate cue families: a label and the existence rule's tokens or patterns.
FAMILIES: dict[str, dict] = {
    '"several"': {"tokens": ["several"]},
    '"a few", "a number of", "numerous", "various"': {
        "tokens": ["a few", "a number of", "numerous", "various", "countless"]
    },
    'epistemic modals "may", "might", "could"': {"tokens": ["may", "might", "could"]},
    'frequency adverbs "often", "usually", "sometimes"': {
        "tokens": ["often", "usually", "sometimes", "frequently", "commonly"]
    },
    '"most of", "most other"': {"patterns": ["most\\s+(?:of|other)\\b"]},
    'passive attribution "is considered", "was thought"': {
        "patterns": [
            "(?:is|are|was|were|been|be)\\s+(?:widely\\s+|generally\\s+|often\\s+)?"
            "(?:considered|thought|believed|regarded)\\b"
        ]
    },
    '"likely", "unlikely", "possible"': {"tokens": ["likely", "unlikely", "possible"]},
    '"suggest", "indicate"': {"tokens": ["suggest", "suggests", "suggested", "indicates"]},
    '"relatively", "fairly", "somewhat", "quite"': {
        "tokens": ["relatively", "fairly", "somewhat", "rather", "quite"]
    },
    '"others" as a pronoun': {"patterns": ["others\\b(?!\\s+(?:of|in)\\b)"]},
}
HEDGE_LEXICON = "every word of the hedge lexicon (Hyland 2005)"
#: Shipped weasel rules whose removal is measured too.
SHIPPED = {"NEU202": "hedge", "NEU203": "vague-quantifier"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--no-write", action="store_true", help="print only; leave the docs")
    args = parser.parse_args()
    families = dict(FAMILIES)
    families[HEDGE_LEXICON] = {"tokens": hedge_lexicon(args.corpora)}
    codes = {label: f"CUE{number:02d}" for number, label in enumerate(families, 1)}
    fired = {}
    with tempfile.TemporaryDirectory() as folder:
        pack = Path(folder) / "cues.yaml"
        pack.write_text(yaml.safe_dump(candidate_pack(families, codes)), encoding="utf-8")
        loaded = LoadedConfig(Config(rule_paths=[str(pack)]), None, ROOT)
        checker = evaluation_checker(loaded, "neutrality")
        for name in SETS:
            rows = read_examples(args.corpora / name / "dev.csv")
            found, _ = codes_per_row(rows, checker, "neutrality")
            fired[name] = ([row.label for row in rows], found)
    candidates = set(codes.values())
    table = [("default rules (as shipped)", lambda found: found - candidates)]
    table += [
        (f"+ {label}", lambda found, code=code: found - (candidates - {code}))
        for label, code in codes.items()
    ]
    table += [
        (f"- {code} {name} (shipped)", lambda found, code=code: found - candidates - {code})
        for code, name in SHIPPED.items()
    ]
    lines = render(table, fired)
    print("\n".join(lines))
    if not args.no_write:
        text = DOC.read_text(encoding="utf-8")
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        DOC.write_text(head + BEGIN + "\n" + "\n".join(lines) + "\n" + END + tail, "utf-8")
        print(f"updated {DOC.relative_to(ROOT)}")
    return 0


def hedge_lexicon(corpora: Path) -> list[str]:
    path = corpora / "lexicons" / "hedges_hyland2005.txt"
    words = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return sorted({word for word in words if word and not word.startswith("#")})


def candidate_pack(families: dict[str, dict], codes: dict[str, str]) -> dict:
    """A rule pack with one existence rule per family, skipping quotations like the shipped ones."""
    rules = []
    for label, terms in families.items():
        code = codes[label]
        rules.append(
            {
                "code": code,
                "name": f"candidate-{code.lower()}",
                "kind": "existence",
                "category": "neutrality",
                "skip": ["quotation", "blockquote"],
                "message": f"candidate cue '{{match}}' ({label})",
                **terms,
            }
        )
    return {"pack": "candidate-cues", "description": "measured, never shipped", "rules": rules}


def render(table, fired) -> list[str]:
    lines = [
        "| rules | npov MCC | npov FPR | weasel MCC |",
        "| --- | ---: | ---: | ---: |",
    ]
    base = {}
    for label, kept in table:
        scores = {name: score(labels, map(kept, found)) for name, (labels, found) in fired.items()}
        npov, weasel = scores["npov-sentences"], scores["weasel-sentences"]
        if not base:
            base = {"npov": npov.mcc, "weasel": weasel.mcc}
            lines.append(f"| {label} | {npov.mcc:.3f} | {npov.fpr:.3f} | {weasel.mcc:.3f} |")
            continue
        lines.append(
            f"| {label} | {npov.mcc:.3f} ({npov.mcc - base['npov']:+.3f}) | {npov.fpr:.3f} "
            f"| {weasel.mcc:.3f} ({weasel.mcc - base['weasel']:+.3f}) |"
        )
    return lines


def score(labels: list[bool], found) -> Scores:
    scores = Scores()
    for label, codes in zip(labels, found, strict=True):
        scores.add(bool(codes), label)
    return scores


if __name__ == "__main__":
    sys.exit(main())
