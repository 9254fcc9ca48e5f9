"""Shared helpers of the benchmarks: run a command, time it, take its peak memory.

Each measured command runs under a fresh Python wrapper process, so the peak resident size
reported (``ru_maxrss`` of the wrapper's children) is that command's and its workers', not
an earlier run's. Times are wall-clock; the machine has other work, so every ratio is taken
between runs of the same script, interleaved, and the best of ``repeat`` runs is kept.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EDITLINT = [str(ROOT / ".venv" / "bin" / "python"), "-m", "editlint"]
RESULTS = ROOT / "bench" / "results"

_WRAPPER = r"""
import json, resource, subprocess, sys, time
command, cwd = json.loads(sys.argv[1]), sys.argv[2]
start = time.perf_counter()
done = subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "peak_kb": usage.ru_maxrss, "returncode": done.returncode,
                  "cpu": usage.ru_utime + usage.ru_stime, "stderr": done.stderr.decode()[-2000:]}))
"""


def compile_bytecode(tree: Path = ROOT) -> None:
    """Compile a tree's sources as installing it does. With PYTHONDONTWRITEBYTECODE set (as
    on the development machine), an editable install otherwise compiles every module changed
    since its bytecode was written on every run it times: 50 ms of a one-file check."""
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "src")], check=True)


@dataclass
class Run:
    seconds: float
    peak_mb: float
    cpu_seconds: float
    returncode: int


def run(command: list[str], cwd: Path | str = ROOT, ok_codes=(0, 1)) -> Run:
    """Run ``command`` once in a fresh wrapper; fail loudly if it exits with another code."""
    out = subprocess.run(
        [sys.executable, "-c", _WRAPPER, json.dumps(command), str(cwd)],
        capture_output=True,
        text=True,
        check=True,
    )
    data = json.loads(out.stdout)
    if data["returncode"] not in ok_codes:
        raise SystemExit(f"{' '.join(command)} exited {data['returncode']}: {data['stderr']}")
    return Run(data["seconds"], data["peak_kb"] / 1024, data["cpu"], data["returncode"])


def best(command: list[str], cwd: Path | str = ROOT, repeat: int = 3, setup=None) -> Run:
    """The fastest of ``repeat`` runs (``setup()`` before each, e.g. clearing a cache)."""
    runs = []
    for _ in range(repeat):
        if setup is not None:
            setup()
        runs.append(run(command, cwd))
    fastest = min(runs, key=lambda r: r.seconds)
    fastest.peak_mb = max(r.peak_mb for r in runs)
    return fastest


def editlint(*args: str) -> list[str]:
    return [*EDITLINT, *args]


def corpus_bytes(files: list[Path]) -> int:
    return sum(path.stat().st_size for path in files)


def save(name: str, figures: dict) -> None:
    """Keep a benchmark's figures in bench/results/NAME.json (read by docs/performance.md)."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(figures, indent=2) + "\n")


def cores() -> int:
    return len(os.sched_getaffinity(0))
