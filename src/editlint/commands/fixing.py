"""The fix options of ``editlint check``: --fix, --unsafe-fixes, --diff, --fix-only and
--show-fixes."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING

from editlint.diagnostics import Applicability
from editlint.report.model import RunReport
from editlint.report.progress import track

if TYPE_CHECKING:  # the fix machinery loads only when fixing
    from editlint.engine.runner import Checker
    from editlint.fixes.session import FileFix


def add_fix_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("fixes")
    group.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    group.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too"
    )
    group.add_argument(
        "--diff",
        action="store_true",
        help="print a unified diff of what --fix would change; write nothing (exit 1 on a diff)",
    )
    group.add_argument(
        "--fix-only", action="store_true", help="apply fixes and report nothing else (exit 0)"
    )
    group.add_argument(
        "--show-fixes", action="store_true", help="list the fixes applied, or show each fix's edit"
    )


def fixing(args: argparse.Namespace) -> bool:
    return bool(args.fix or args.fix_only or args.diff)


@dataclass
class FixOutcome:
    """What the fix summary keeps of one file's fix once its texts and findings are gone."""

    where: str  # the path as reports show it
    changed: bool
    problem: str | None
    applied: Counter[str]


def run_fixes(args: argparse.Namespace, checker: Checker, files: list[Path]) -> Iterator[FileFix]:
    """Fix every file (or only compute the fixes, for --diff), one at a time, yielding each
    fix as it is done; tell stderr what happened to each file, and the summary at the end."""
    from editlint.engine.gc_tuning import collecting_rarely
    from editlint.fixes.apply import MAX_PASSES
    from editlint.fixes.session import fix_file

    minimum = Applicability.UNSAFE if args.unsafe_fixes else Applicability.SAFE
    report = RunReport([])
    outcomes = []
    with collecting_rarely():
        for path in track(files, "Fixing"):
            fix = fix_file(checker, path, minimum, write=not args.diff)
            where = report.display_path(fix.path)
            if fix.problem:
                print(f"{where}: {fix.problem}", file=sys.stderr)
            if fix.hit_cap:
                print(
                    f"{where}: still changing after {MAX_PASSES} passes (rules undo each other?); "
                    "stopped there",
                    file=sys.stderr,
                )
            outcomes.append(FixOutcome(where, fix.changed, fix.problem, fix.applied))
            yield fix
    names = {rule.code: rule.name for rule in checker.rules}
    print(fix_summary(outcomes, args.diff, args.show_fixes, names), file=sys.stderr, end="")


def write_diffs(fixes: Iterable[FileFix], out: IO[str]) -> bool:
    """Write the unified diff of each changed file as it is fixed; whether there was any."""
    from editlint.fixes.diff import unified_diff

    report = RunReport([])
    written = False
    for fix in fixes:
        if fix.changed:
            diff = unified_diff(report.display_path(fix.path), fix.original or "", fix.fixed or "")
            out.write(diff)
            written = written or bool(diff)
    return written


def fix_summary(
    outcomes: list[FixOutcome],
    dry_run: bool,
    detailed: bool,
    names: dict[str, str],
) -> str:
    """'Fixed 3 findings in 2 files.', with one line per file and rule when ``detailed``."""
    changed = [fix for fix in outcomes if fix.changed and (dry_run or not fix.problem)]
    total = sum(sum(fix.applied.values()) for fix in changed)
    verb = "Would fix" if dry_run else "Fixed"
    if not total:
        return "No fixes to apply.\n" if dry_run else "No fixes applied.\n"
    lines = [f"{verb} {total} finding(s) in {len(changed)} file(s)."]
    if detailed:
        for fix in changed:
            lines.append(f"{fix.where}:")
            for code, count in sorted(Counter(fix.applied).items()):
                name = f" ({names[code]})" if names.get(code) else ""
                lines.append(f"  {count} × {code}{name}")
    return "\n".join(lines) + "\n"
