"""Run every benchmark (``make bench``); each prints its own figures and ratios.

    .venv/bin/python bench/run_all.py [--quick]

``--quick`` uses smaller synthetic repositories (250/1,000/2,500 articles, base 1,000) for a
run of a few minutes; the full run (1,000/10,000/50,000, base 10,000) takes much longer.
Results land in bench/results/*.json; bench/report.py draws the plot in docs/.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    scale = ["--sizes", "250", "1000", "2500", "--base", "1000"] if args.quick else []
    steps = [
        ["throughput.py", *(["--repeat", "1"] if args.quick else [])],
        ["scale.py", *scale],
        ["links_archwiki.py"],
        ["one_file.py", *(["--articles", "1000", "--rounds", "3"] if args.quick else [])],
        ["jobs_default.py", *(["--rounds", "1"] if args.quick else [])],
        ["rerun.py", *(["--rounds", "2"] if args.quick else [])],
        ["report.py"],
    ]
    failed = 0
    for script, *options in steps:
        print(f"== {script} {' '.join(options)}", flush=True)
        failed |= subprocess.run([sys.executable, str(HERE / script), *options]).returncode
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
