"""The CI-gate options of ``editlint check``: ``--changed-since`` and baselines."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

from editlint.engine.runner import FileResult
from editlint.errors import UsageError
from editlint.files.discovery import collect_files, skipped_note


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--changed-since",
        metavar="REF",
        help="check only files changed since this git ref, plus untracked ones, plus the "
        "articles linking to one it deletes, renames or retitles "
        "(see-also targets still resolve against the whole content repository)",
    )
    parser.add_argument(
        "--staged",
        action="store_true",
        help="also check the articles linking to one that the staged change deletes, renames "
        "or retitles (the pre-commit hook's mode; with no path, only those)",
    )
    parser.add_argument(
        "--allow-empty",
        action="store_true",
        help="exit 0 when the given folders hold no article (default: a usage error, exit 2)",
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


def files_to_check(
    args: argparse.Namespace, paths: list[Path], exclude: list[str], content_root: Path
) -> list[Path]:
    """The given paths' articles, or only those changed since ``--changed-since``; with
    either gate option, the articles linking to one the change removes too.

    Folders that hold no article are a usage error unless ``--allow-empty``: a gate that
    checks nothing must not pass (nothing changed since a ref is fine)."""
    if args.changed_since is not None or args.staged:
        return _with_dependents(args, paths, exclude, content_root)
    skipped: Counter = Counter()
    files = collect_files(paths, exclude, skipped)
    if skipped:
        print(skipped_note(skipped), file=sys.stderr)
    if not files and not args.allow_empty:
        named = ", ".join(str(path) for path in paths)
        raise UsageError(
            f"no article to check in {named} (articles are {_suffixes()} files; "
            "--allow-empty accepts a run that checks nothing)"
        )
    return files


def _with_dependents(
    args: argparse.Namespace, paths: list[Path], exclude: list[str], content_root: Path
) -> list[Path]:
    from editlint.gate.changed_since import change_base, changed_files, work_tree_top
    from editlint.gate.dependents import linking_articles, removed_names

    top = work_tree_top(paths)
    if args.changed_since is not None:
        files = changed_files(args.changed_since, paths)
        removed = removed_names(top, change_base(args.changed_since, top))
    else:
        files = collect_files(paths, exclude) if args.paths else []
        removed = removed_names(top, None)
    dependents = linking_articles(removed, content_root)
    if dependents:
        print(
            f"editlint: {len(dependents)} article(s) link to one the change deletes, renames "
            "or retitles: checked too",
            file=sys.stderr,
        )
    return collect_files(list(dict.fromkeys([*files, *dependents])), exclude)


#: Results as a run hands them over: a file's result, or a part of a dump's; True on its last.
Checked = Iterable[tuple[FileResult, bool]]


def write_baseline(args: argparse.Namespace, checked: Checked) -> int:
    from editlint.gate.baseline import write_baseline

    files = 0

    def results() -> Iterator[FileResult]:
        nonlocal files
        for result, last in checked:
            files += last
            yield result

    count = write_baseline(args.write_baseline, results())
    print(f"Wrote {count} finding(s) from {files} file(s) to {args.write_baseline}.")
    return 0


def without_known(args: argparse.Namespace, checked: Checked) -> Checked:
    """The results less the findings recorded in ``--baseline``, as they come (a note on
    stderr says how many at the end). The baseline is read now: a bad one stops the run
    before anything is checked or written."""
    if args.baseline is None:
        return checked
    from editlint.gate.baseline import Baseline

    matcher = Baseline.load(args.baseline).matcher()

    def new() -> Iterator[tuple[FileResult, bool]]:
        for result, last in checked:
            yield matcher.new(result), last
        if matcher.known:
            print(
                f"editlint: {matcher.known} known finding(s) in {args.baseline} not shown",
                file=sys.stderr,
            )

    return new()


def _suffixes() -> str:
    from editlint.document import SUPPORTED_SUFFIXES

    return ", ".join(sorted(SUPPORTED_SUFFIXES))
