"""A re-run of a whole folder: nothing changed, or one file's text, with and without the warm
process (``editlint daemon``), as a share of a cold check in the same run (#19: <= 5%).

    .venv/bin/python bench/rerun.py [--rounds 5] [--format full] [--work DIR]

The 419 ArchWiki articles are copied into a git repository (``--work``, a temporary folder by
default) with ``content_root: content``. Modes, interleaved round by round, medians kept:

- ``cold --jobs 1`` and ``cold jobs default``: ``editlint check --cache-dir EMPTY content``
  without a daemon, the cache folder emptied before each run (content store and result cache
  built from nothing);
- ``warm, no daemon``: ``editlint check content`` in its own process (``EDITLINT_DAEMON=0``),
  nothing changed since the last run, its result cache (``.editlint_cache``) warm;
- ``warm, daemon``: the same command with a daemon running (``editlint daemon start``
  beforehand, stopped at the end), which answers it from that result cache
  (``daemon/rerun.py``);
- ``one file touched, no daemon`` and ``one file touched, daemon``: the same two after one
  article's text changed (a sentence added or taken away), so one file misses the cache.

The last lines give each re-run as a percentage of ``cold --jobs 1`` in the same run, and the
daemon's own count of the files it answered from the result cache.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from measure import ROOT, compile_bytecode, cores, run, save
from throughput import CORPUS

EDITLINT = str(ROOT / ".venv" / "bin" / "editlint")
CONFIG = "content_root: content\n"
MARK = "\nA sentence added for run "
_RUNS = itertools.count(1)


def repository(folder: Path) -> Path:
    """``folder`` holding the ArchWiki articles in ``content/`` and ``editlint.yaml``, all
    committed in git (made once)."""
    if not (folder / ".git").exists():
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(CORPUS, folder / "content")
        (folder / "editlint.yaml").write_text(CONFIG, encoding="utf-8")
        subprocess.run(["git", "init", "-q", str(folder)], check=True)
        subprocess.run(["git", "add", "-A"], cwd=folder, check=True)
        commit = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
        subprocess.run([*commit, "commit", "-q", "-m", "articles"], cwd=folder, check=True)
    return folder


def _changed(path: Path) -> None:
    """Put a sentence naming this run at the end of ``path`` (in place of the last run's): a
    text no run saw before, so its cache entry is missing."""
    text = path.read_text(encoding="utf-8")
    if MARK in text:
        text = text[: text.index(MARK)]
    path.write_text(f"{text}{MARK}{os.getpid()}-{next(_RUNS)}.\n", encoding="utf-8")


def _emptied(folder: Path):
    def setup() -> None:
        shutil.rmtree(folder, ignore_errors=True)

    return setup


def _daemon_status(folder: Path) -> dict:
    done = subprocess.run(
        [EDITLINT, "daemon", "status", "--json"], cwd=folder, capture_output=True, text=True
    )
    return json.loads(done.stdout)


def measure(folder: Path, rounds: int, report_format: str, work: Path) -> dict[str, list[float]]:
    """Seconds of every run of each mode, the modes interleaved round by round."""
    check = [EDITLINT, "check", "--format", report_format, "content"]
    no_daemon = ["env", "EDITLINT_DAEMON=0"]
    cold_cache = work / "cold-cache"
    cold = [*no_daemon, *check[:2], "--cache-dir", str(cold_cache), *check[2:]]
    touched = sorted((folder / "content").glob("*.md"))[200]
    modes = {
        "cold --jobs 1": ([*cold[:-1], "--jobs", "1", cold[-1]], _emptied(cold_cache)),
        "cold jobs default": (cold, _emptied(cold_cache)),
        "warm, no daemon": ([*no_daemon, *check], None),
        "warm, daemon": (check, None),
        "one file touched, no daemon": ([*no_daemon, *check], lambda: _changed(touched)),
        "one file touched, daemon": (check, lambda: _changed(touched)),
    }
    subprocess.run([*no_daemon, *check], cwd=folder, capture_output=True)  # the cache, warm
    subprocess.run([EDITLINT, "daemon", "start"], cwd=folder, check=True, capture_output=True)
    times: dict[str, list[float]] = {mode: [] for mode in modes}
    try:
        subprocess.run(check, cwd=folder, capture_output=True)  # the daemon's first build
        for _ in range(rounds):
            for mode, (command, setup) in modes.items():
                if setup is not None:
                    setup()
                times[mode].append(run(command, folder).seconds)
        times["daemon status"] = _daemon_status(folder)  # type: ignore[assignment]
    finally:
        subprocess.run([EDITLINT, "daemon", "stop"], cwd=folder, capture_output=True)
    return times


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--format", default="full", help="the report format of every run")
    parser.add_argument("--work", type=Path, help="where the repository is made (kept)")
    args = parser.parse_args()
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="editlint-rerun-") as temporary:
        work = args.work or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        found = measure(repository(work / "archwiki"), args.rounds, args.format, work)
    status = found.pop("daemon status")
    medians = {mode: statistics.median(seconds) for mode, seconds in found.items()}
    base = medians["cold --jobs 1"]
    print(
        f"Re-run of 419 ArchWiki articles (--format {args.format}), median of "
        f"{args.rounds} interleaved rounds, {cores()} cores"
    )
    for mode, seconds in medians.items():
        spread = ", ".join(f"{value:.3f}" for value in sorted(found[mode]))
        print(f"  {mode:30s} {seconds:7.3f} s  {100 * seconds / base:6.1f}%  ({spread})")
    print(
        f"  the daemon answered {status.get('from_cache', 0)} files from the result cache and "
        f"checked {status.get('checked_for_cache', 0)} in {status.get('served', 0)} runs"
    )
    figures = {
        "cores": cores(),
        "rounds": args.rounds,
        "format": args.format,
        "seconds": {mode: round(value, 3) for mode, value in medians.items()},
        "percent_of_cold_jobs_1": {
            mode: round(100 * value / base, 1) for mode, value in medians.items()
        },
        "runs": {mode: [round(value, 3) for value in values] for mode, values in found.items()},
        "daemon": {key: status.get(key) for key in ("served", "from_cache", "checked_for_cache")},
    }
    save("rerun", figures)
    return figures


if __name__ == "__main__":
    main()
