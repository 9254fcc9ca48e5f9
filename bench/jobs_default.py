"""The ``--jobs`` default against ``--jobs 1`` and ``--jobs 2`` on the ArchWiki corpus.

    .venv/bin/python bench/jobs_default.py [--rounds 3]

Runs the three interleaved, round by round (no cache), and prints the median wall time of
each, the worker count the default chose (``engine.cores``) and the load average before
each round. On a busy machine the default must not be slower than ``--jobs 1``.
"""

from __future__ import annotations

import argparse
import os
import statistics

from measure import ROOT, cores, editlint, run, save
from throughput import CORPUS

from editlint.engine.cores import available_cores


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    check = ["check", "--no-cache", "--format", "json", str(CORPUS)]
    modes = {
        "default": editlint(*check),
        "--jobs 1": editlint(*check[:1], "--jobs", "1", *check[1:]),
        "--jobs 2": editlint(*check[:1], "--jobs", "2", *check[1:]),
    }
    times: dict[str, list[float]] = {mode: [] for mode in modes}
    chosen, loads = [], []
    for _ in range(args.rounds):
        loads.append(round(os.getloadavg()[0], 2))
        chosen.append(available_cores())
        for mode, command in modes.items():
            times[mode].append(run(command, ROOT).seconds)
    figures = {
        "cores": cores(),
        "load_average": loads,
        "default_workers": chosen,
        **{mode: round(statistics.median(values), 2) for mode, values in times.items()},
    }
    print(f"ArchWiki, {cores()} cores, load {loads}, default chose {chosen} worker(s)")
    for mode in modes:
        each = ", ".join(f"{seconds:.2f}" for seconds in times[mode])
        print(f"  {mode:10s} median {figures[mode]:6.2f} s  ({each})")
    print(f"  default / --jobs 1: {figures['default'] / figures['--jobs 1']:.2f}")
    save("jobs_default", figures)
    return figures


if __name__ == "__main__":
    main()
