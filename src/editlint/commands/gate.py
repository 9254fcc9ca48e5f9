"""The CI-gate options of ``editlint check``: ``--changed-since`` and baselines."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from editlint.engine.files import collect_files, skipped_note
from editlint.engine.runner import FileResult


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--changed-since",
        metavar="REF",
        help="check only files changed since this git ref, plus untracked ones "
        "(see-also targets still resolve against the whole content repository)",
    )
    baseline = parser.add_mutually_exclusive_group()
    baseline.add_argument(
        "--baseline", type=Path, metavar="FILE", help="report only findings not in this baseline"
    )
    baseline.add_argument(
        "--write-baseline",
        type=Path,
        metavar="FILE",
        help="record every current finding in FILE and exit 0",
    )


def files_to_check(args: argparse.Namespace, paths: list[Path], exclude: list[str]) -> list[Path]:
    """The given paths' articles, or only those changed since ``--changed-since``."""
    if args.changed_since is None:
        skipped: Counter = Counter()
        files = collect_files(paths, exclude, skipped)
        if skipped:
            print(skipped_note(skipped), file=sys.stderr)
        return files
    from editlint.engine.gitfiles import changed_files

    return collect_files(changed_files(args.changed_since, paths), exclude)


def write_baseline(args: argparse.Namespace, results: list[FileResult]) -> int:
    from editlint.engine.baseline import write_baseline

    count = write_baseline(args.write_baseline, results)
    print(f"Wrote {count} finding(s) from {len(results)} file(s) to {args.write_baseline}.")
    return 0


def without_known(args: argparse.Namespace, results: list[FileResult]) -> list[FileResult]:
    """The results less the findings recorded in ``--baseline`` (a note on stderr says how many)."""
    if args.baseline is None:
        return results
    from editlint.engine.baseline import Baseline

    new = Baseline.load(args.baseline).new_findings(results)
    known = sum(len(r.diagnostics) for r in results) - sum(len(r.diagnostics) for r in new)
    if known:
        print(f"editlint: {known} known finding(s) in {args.baseline} not shown", file=sys.stderr)
    return new
