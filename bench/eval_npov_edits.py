"""Word level: on the one-word NPOV edits, how often a neutrality finding covers the removed word.

    .venv/bin/python bench/eval_npov_edits.py [--corpora DIR] [--split dev] [--misses N]
                                              [--extend-select CODE ...]

Each row of ``npov-edits/<split>.csv`` (Recasens et al. 2013: ``before``, ``after``, ``removed``,
``added``, ``title``) is an edit in which a Wikipedia editor took one word out as biased. The
``before`` sentence is checked as a one-paragraph Markdown article with the default
configuration (neutrality rules only); a row counts as found when a finding's span overlaps an
occurrence of the removed word (whole word, any case). Rows whose removed word does not occur in
``before`` are left out. Prints the share found, per code the rows it finds, and with
``--misses`` a few removed words no finding covers (to read, not to tune on: the word lists
are general terms, never words taken from these rows).
"""

from __future__ import annotations

import argparse
import collections
import csv
import re
import sys
from pathlib import Path

from editlint.authoring.evaluation import as_paragraph, evaluation_checker
from editlint.config.model import Config, LoadedConfig
from editlint.engine.runner import SelectionOverrides

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--extend-select", nargs="*", default=[])
    parser.add_argument("--misses", type=int, default=0)
    args = parser.parse_args()
    path = args.corpora / "npov-edits" / f"{args.split}.csv"
    if not path.is_file():
        print(f"missing: {path}", file=sys.stderr)
        return 2
    loaded = LoadedConfig(Config(), None, ROOT)
    overrides = SelectionOverrides(extend_select=args.extend_select) if args.extend_select else None
    checker = evaluation_checker(loaded, "neutrality", overrides)
    rows = found = 0
    by_code: collections.Counter[str] = collections.Counter()
    misses: list[str] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            removed = (row.get("removed") or "").strip()
            text = as_paragraph(row.get("before") or "")
            spans = [
                m.span() for m in re.finditer(rf"(?<!\w){re.escape(removed)}(?!\w)", text, re.I)
            ]
            if not removed or not spans:
                continue
            rows += 1
            codes = {
                d.code
                for d in checker.check_text(text).diagnostics
                if d.category.value == "neutrality"
                and any(d.start < end and start < d.end for start, end in spans)
            }
            if codes:
                found += 1
                by_code.update(codes)
            else:
                misses.append(removed)
    share = found / rows if rows else 0.0
    print(
        f"npov-edits/{args.split}.csv: removed word covered by a finding"
        f" in {found} of {rows} rows ({share:.1%})"
    )
    for code, count in sorted(by_code.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {code} {count}")
    if args.misses:
        common = collections.Counter(word.lower() for word in misses).most_common(args.misses)
        print("  not covered, most frequent:", ", ".join(f"{w} ({n})" for w, n in common))
    return 0


if __name__ == "__main__":
    sys.exit(main())
