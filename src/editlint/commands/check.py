"""``editlint check``: check articles, report findings, decide the exit code."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from editlint.commands import engine_options, gate, url_options
from editlint.commands.common import add_config_argument, codes, config_for
from editlint.commands.fixing import add_fix_arguments, fixing, run_fixes, write_diffs
from editlint.diagnostics import Severity
from editlint.engine.batch import iter_checked
from editlint.engine.gc_tuning import started
from editlint.engine.runner import Checker, SelectionOverrides
from editlint.errors import UsageError
from editlint.printable import printable_path, terminal_safe
from editlint.report import FORMATS, ReportStream, RunReport, needs_text, writer
from editlint.report.output import report_output
from editlint.report.progress import track


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="files or folders (default: the config's content_root, else .)",
    )
    add_config_argument(parser)
    parser.add_argument("--format", choices=sorted(FORMATS), default="full", help="output format")
    parser.add_argument("--output", "-o", type=Path, help="write the report to this file")
    parser.add_argument(
        "--statistics", action="store_true", help="report how many findings each rule made"
    )
    parser.add_argument("--select", type=codes, help="only these codes or prefixes")
    parser.add_argument("--extend-select", type=codes, default=[], help="add codes or prefixes")
    parser.add_argument("--ignore", type=codes, default=[], help="turn off codes or prefixes")
    parser.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        help="lowest severity that makes the exit code 1 (default: config, else warning)",
    )
    parser.add_argument("--exit-zero", action="store_true", help="exit 0 even with findings")
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print the findings and nothing else"
    )
    parser.add_argument(
        "--show-settings",
        action="store_true",
        help="print the resolved configuration (file, root, content root, every key, the "
        "rules that would run) and exit",
    )
    parser.add_argument(
        "--stdin-filename",
        type=Path,
        metavar="PATH",
        help="with '-' as the path: the file the text on stdin stands for (its format, config, "
        "per-file settings and place in the content index)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the terminal report (auto: at a terminal, unless NO_COLOR; FORCE_COLOR "
        "forces it)",
    )
    gate.add_arguments(parser)
    url_options.add_arguments(parser)
    engine_options.add_arguments(parser)
    add_fix_arguments(parser)


def run(args: argparse.Namespace) -> int:
    warm = getattr(args, "warm", None)  # the daemon's state when this runs in one
    if args.paths == [Path("-")]:
        if warm is not None:
            from editlint.daemon.warm import Decline

            raise Decline("stdin is the client's")
        return _run_stdin(args)
    cache = False if args.no_cache else args.cache_dir  # None: the default folder
    loaded = config_for(args, args.paths or [Path(".")], cache=cache)
    paths = args.paths or [_default_folder(loaded)]
    batch = engine_options.batch_options(args, loaded)
    # Baselines fingerprint findings by their text; the reporter says whether it reads it.
    batch.keep_text = (
        args.baseline is not None
        or args.write_baseline is not None
        or needs_text(args.format, args.statistics)
    )
    overrides = SelectionOverrides(args.select, args.ignore, args.extend_select)
    checker = _checker(args, loaded, overrides)
    started()  # the cycle collector, paused while the command started (editlint.launch)
    if args.show_settings:
        sys.stdout.write(_settings(loaded, checker))
        return 0
    files = gate.files_to_check(args, paths, loaded.config.exclude, loaded.content_root)
    _finish_interrupted_fixes(loaded, files)
    if args.check_urls:
        url_options.check_urls(args, checker, files, track)
        batch.cache_dir = None  # findings that depend on the network are not kept per file
    rules = {rule.code: rule.metadata() for rule in checker.rules}
    checked: gate.Checked
    if fixing(args):
        _no_dumps(files)
        fixes = run_fixes(args, checker, files)
        if args.diff:
            with report_output(args.output, _terminal_safe(args)) as out:
                return 1 if write_diffs(fixes, out) else 0
        if args.fix_only:
            problems = [fix.problem and fix.changed for fix in fixes]  # every file fixed
            return 1 if any(problems) else 0
        checked = ((fix.result, True) for fix in fixes)
    elif warm is not None:
        checked = ((result, True) for result in warm.check_files(checker, files, batch, track))
    else:
        checked = iter_checked(checker, files, batch, track)
    if args.write_baseline is not None:
        return gate.write_baseline(args, checked)
    checked = gate.without_known(args, checked)
    return _report(args, loaded, checked, rules)


def _checker(args: argparse.Namespace, loaded, overrides: SelectionOverrides) -> Checker:
    """The warm process's checker when this runs in one (``editlint.daemon``), else a new one,
    starting a daemon for the next check when the config or ``EDITLINT_DAEMON`` asks for it."""
    warm = getattr(args, "warm", None)
    if warm is not None:
        if fixing(args):
            from editlint.daemon.warm import Decline

            raise Decline("fixes are written by the command's own process")
        return warm.checker(loaded, overrides)
    from editlint.daemon import wanted

    if wanted(loaded) and not args.show_settings:
        from editlint.daemon.spawn import start

        start(loaded.cache_dir, loaded.path, wait=False)
    from editlint.validated import ValidatedStore

    known = ValidatedStore.in_cache(loaded.cache_dir)
    return Checker(loaded, overrides, known=known, early_status=getattr(args, "early_status", None))


def _finish_interrupted_fixes(loaded, files: list[Path]) -> None:
    """Before anything reads them: finish or undo the in-place fixes of hard-linked files a
    killed run left half-written in these files' folders (``fixes/inplace.py``)."""
    from editlint.fixes.inplace import finish_interrupted

    folders = {path.parent for path in files}
    for message in finish_interrupted(folders, loaded.root, loaded.config.max_file_size):
        print(terminal_safe(printable_path(message)), file=sys.stderr)


def _no_dumps(files: list[Path]) -> None:
    """Fixes rewrite articles; a MediaWiki dump is read, never rewritten."""
    from editlint.files.dumpnames import is_dump

    dumps = [str(path) for path in files if is_dump(path)]
    if dumps:
        raise UsageError(
            f"{dumps[0]}: a MediaWiki dump is not fixed in place; check it without --fix or "
            "--diff, or `editlint import` it and fix the articles"
        )


def _run_stdin(args: argparse.Namespace) -> int:
    """``editlint check -``: the text on stdin, as the file ``--stdin-filename`` names."""
    if fixing(args) or args.baseline or args.write_baseline or args.changed_since or args.staged:
        raise UsageError("'-' (stdin) is only for reports: no fixes, baselines or git gates")
    if args.check_urls:
        raise UsageError("'-' (stdin) is not checked with --check-urls: name the files")
    path = args.stdin_filename
    loaded = config_for(
        args, [path.parent if path is not None and path.parent.exists() else Path(".")]
    )
    checker = Checker(loaded, SelectionOverrides(args.select, args.ignore, args.extend_select))
    started()
    result = checker.check_text(sys.stdin.read(), path)
    return _report(args, loaded, [(result, True)], {r.code: r.metadata() for r in checker.rules})


def _report(args: argparse.Namespace, loaded, checked: gate.Checked, rules: dict) -> int:
    """Write the report as the results come, and decide the exit code from its counts."""
    fail_on = Severity(args.fail_on) if args.fail_on else loaded.config.fail_on
    settings = RunReport(
        [],
        rules,
        show_fixes=args.show_fixes,
        colour=_colour(args),
        fail_on=None if args.exit_zero else fail_on,
        quiet=args.quiet,
    )
    with report_output(args.output, _terminal_safe(args)) as out:
        stream = ReportStream(writer(args.format, out, settings, args.statistics), settings)
        for result, last in checked:
            stream.add(result, last)
        tally = stream.close()
    return 1 if tally.failing else 0


def _settings(loaded, checker: Checker) -> str:
    """``--show-settings``: where the config came from, what it resolved to, what runs."""
    import json

    from editlint.models import plain

    settings = {
        "config": str(loaded.path) if loaded.path else None,
        "root": str(loaded.root),
        "content_root": str(loaded.content_root),
        "cache_dir": str(loaded.cache_dir) if loaded.cache_dir else None,
        "settings": plain(checker.config),
        "rules": [rule.code for rule in checker.rules],
    }
    return json.dumps(settings, indent=2) + "\n"


def _default_folder(loaded) -> Path:
    """With no path given: the config's content_root (articles, not READMEs or templates),
    else the working folder."""
    if loaded.path is None or not loaded.config.content_root:
        return Path(".")
    root = loaded.content_root
    try:
        return root.relative_to(Path.cwd().resolve()) or Path(".")
    except ValueError:
        return root


#: Formats whose text is already safe for a terminal (control characters shown as U+FFFD).
_TERMINAL_FORMATS = ("full", "concise", "grouped")


def _terminal_safe(args: argparse.Namespace) -> bool:
    """Whether standard output must be made safe: an article's escape sequences (in a diff,
    or raw in JSON) must not reach a terminal."""
    if args.output is not None or not sys.stdout.isatty():
        return False
    return bool(args.diff) or args.format not in _TERMINAL_FORMATS


def _colour(args: argparse.Namespace) -> bool:
    """``--color``; by default colour when FORCE_COLOR is set (a CI log that shows colour),
    else only for a person at a terminal and never when NO_COLOR is set."""
    if args.color != "auto":
        return args.color == "always"
    if os.environ.get("FORCE_COLOR"):
        return True
    return args.output is None and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
