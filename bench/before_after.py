"""Throughput of this tree against another commit's, on the ArchWiki corpus, in one run.

    git worktree add --detach /tmp/before main
    .venv/bin/python bench/before_after.py /tmp/before/src [--repeat 5]

Runs ``editlint check --no-cache --format json`` on the corpus with this tree's code and with
the code under BEFORE (put first on PYTHONPATH, same interpreter and dependencies),
interleaved, the best of ``repeat`` runs each, with all cores and with ``--jobs 1``; prints
wall and CPU seconds and the ratio after / before (below 1: faster).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from measure import EDITLINT, ROOT, run

CORPUS = ROOT.parent / "shared" / "corpora" / "archwiki"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path, help="the src/ folder of the commit before")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    check = [*EDITLINT, "check", "--no-cache", "--format", "json"]
    for jobs in ([], ["--jobs", "1"]):
        command = [*check, *jobs, str(CORPUS)]
        before = [sys.executable, "-c", _WITH_PATH, str(args.before.resolve()), *command]
        runs: dict[str, list] = {"before": [], "after": []}
        for _ in range(args.repeat):
            runs["before"].append(run(before))
            runs["after"].append(run(command))
        best = {name: min(found, key=lambda r: r.seconds) for name, found in runs.items()}
        cpu = {name: min(r.cpu_seconds for r in found) for name, found in runs.items()}
        label = "all cores" if not jobs else "--jobs 1"
        print(
            f"{label:9s} before {best['before'].seconds:6.2f} s (cpu {cpu['before']:5.2f})"
            f"  after {best['after'].seconds:6.2f} s (cpu {cpu['after']:5.2f})"
            f"  after/before wall {best['after'].seconds / best['before'].seconds:5.3f}"
            f"  cpu {cpu['after'] / cpu['before']:5.3f}"
        )


# Runs the command with BEFORE first on PYTHONPATH (ahead of the editable install).
_WITH_PATH = (
    "import os, subprocess, sys; "
    "env = dict(os.environ, PYTHONPATH=sys.argv[1]); "
    "sys.exit(subprocess.run(sys.argv[2:], env=env).returncode)"
)

if __name__ == "__main__":
    os.environ.pop("PYTHONPATH", None)
    main()
