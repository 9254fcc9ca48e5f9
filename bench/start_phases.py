"""Where a cold one-file check spends its time, in process: this tree against another's.

    git worktree add --detach /tmp/before main   # with its own .venv (make test there)
    .venv/bin/python bench/start_phases.py FILE [--before /tmp/before] [--rounds 11]

Runs in FILE's repository (the folder holding its config, else FILE's folder), with
``EDITLINT_DAEMON=0``. Each round times, in a fresh interpreter of each tree's venv, the
phases of ``editlint check --format json FILE``: the argument parser with the imports it
brings, the config, ``Checker(...)``, and the check itself (content index and result cache
included); then the whole command, wall and CPU. Trees alternate round by round; medians
are printed in milliseconds.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import time
from pathlib import Path

from measure import ROOT, compile_bytecode

PROBE = """
import json, sys, time
started = time.perf_counter()
from pathlib import Path
from editlint.cli import build_parser
args = build_parser("check").parse_args(["check", "--format", "json", sys.argv[1]])
parsed = time.perf_counter()
from editlint.commands import engine_options
from editlint.commands.common import config_for
from editlint.engine.batch import iter_checked
from editlint.engine.runner import Checker, SelectionOverrides
from editlint.validated import ValidatedStore
loaded = config_for(args, args.paths, cache=None)  # as check does: the validated store
configured = time.perf_counter()
known = ValidatedStore.in_cache(loaded.cache_dir)
checker = Checker(loaded, SelectionOverrides([], [], []), known=known)
built = time.perf_counter()
batch = engine_options.batch_options(args, loaded)
list(iter_checked(checker, [Path(sys.argv[1])], batch, None))
done = time.perf_counter()
steps = [started, parsed, configured, built, done]
print(json.dumps([1000 * (b - a) for a, b in zip(steps, steps[1:])]))
"""
PHASES = ("parser + imports", "config", "Checker(...)", "check")


def _folder(path: Path) -> Path:
    for folder in path.resolve().parents:
        if any((folder / name).exists() for name in ("editlint.yaml", ".editlint.yaml")):
            return folder
    return path.resolve().parent


def _round(python: Path, editlint: Path, target: Path, cwd: Path) -> list[float]:
    env = {**os.environ, "EDITLINT_DAEMON": "0"}
    found = subprocess.run(
        [str(python), "-c", PROBE, str(target)], cwd=cwd, env=env, capture_output=True, text=True
    )
    phases = json.loads(found.stdout.strip().splitlines()[-1])
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    command = [str(editlint), "check", "--format", "json", str(target)]
    subprocess.run(command, cwd=cwd, env=env, capture_output=True)
    wall = 1000 * (time.perf_counter() - started)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = 1000 * (after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return [*phases, wall, cpu]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--before", type=Path, help="another tree, with its own .venv")
    parser.add_argument("--rounds", type=int, default=11)
    args = parser.parse_args()
    trees = {"after": ROOT} if args.before is None else {"before": args.before, "after": ROOT}
    for tree in trees.values():
        compile_bytecode(tree)
    cwd = _folder(args.file)
    target = args.file.resolve().relative_to(cwd)
    found: dict[str, list[list[float]]] = {name: [] for name in trees}
    for _ in range(args.rounds):
        for name, tree in trees.items():
            venv = tree / ".venv" / "bin"
            found[name].append(_round(venv / "python", venv / "editlint", target, cwd))
    print(f"{target} in {cwd}: medians of {args.rounds} alternated rounds (ms)")
    print(" " * 8 + " ".join(f"{column:>16s}" for column in (*PHASES, "wall", "CPU")))
    for name, rounds in found.items():
        medians = [statistics.median(values) for values in zip(*rounds, strict=True)]
        print(f"  {name:6s} " + " ".join(f"{value:16.0f}" for value in medians))


if __name__ == "__main__":
    main()
