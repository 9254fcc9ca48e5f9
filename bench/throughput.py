"""Throughput on the ArchWiki corpus: editlint (all default rules) against proselint 0.16.

    .venv/bin/python bench/throughput.py [--repeat 3]

proselint is installed into bench/.venv-peers on first use (``pip install proselint==0.16.*``)
and run on the same files in the same run, interleaved with editlint. Prints articles/s, MB/s,
peak memory and the ratio of throughputs (the target is at least 20).
"""

from __future__ import annotations

import argparse
import subprocess
import sys

from measure import ROOT, best, compile_bytecode, cores, corpus_bytes, editlint, save

CORPUS = ROOT.parent / "shared" / "corpora" / "archwiki"
PEERS = ROOT / "bench" / ".venv-peers"


def proselint() -> list[str]:
    """The proselint command, installing it into the peers' venv when missing."""
    binary = PEERS / "bin" / "proselint"
    if not binary.exists():
        subprocess.run([sys.executable, "-m", "venv", str(PEERS)], check=True)
        pip = [str(PEERS / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        subprocess.run([*pip, "proselint==0.16.*", "matplotlib"], check=True)
    return [str(binary), "--output-format", "json", "check"]


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    compile_bytecode()
    files = sorted(CORPUS.glob("*.md"))
    megabytes = corpus_bytes(files) / 1e6
    peer = proselint()
    runs = {
        "editlint": best(
            editlint("check", "--no-cache", "--format", "json", str(CORPUS)), repeat=args.repeat
        ),
        "editlint --jobs 1": best(
            editlint("check", "--no-cache", "--jobs", "1", "--format", "json", str(CORPUS)),
            repeat=args.repeat,
        ),
        "proselint": best([*peer, *map(str, files)], repeat=max(1, args.repeat - 1)),
    }
    figures = {"articles": len(files), "megabytes": round(megabytes, 2), "cores": cores()}
    print(f"ArchWiki: {len(files)} articles, {megabytes:.2f} MB, {cores()} cores")
    for name, result in runs.items():
        figures[name] = {
            "seconds": round(result.seconds, 3),
            "cpu_seconds": round(result.cpu_seconds, 3),
            "articles_per_second": round(len(files) / result.seconds, 1),
            "mb_per_second": round(megabytes / result.seconds, 3),
            "peak_mb": round(result.peak_mb, 1),
        }
        print(
            f"  {name:18s} {result.seconds:7.2f} s  {len(files) / result.seconds:8.1f} articles/s"
            f"  {megabytes / result.seconds:6.2f} MB/s  peak {result.peak_mb:6.1f} MB"
            f"  cpu {result.cpu_seconds:6.2f} s"
        )
    ratio = runs["proselint"].seconds / runs["editlint"].seconds
    cpu_ratio = runs["proselint"].cpu_seconds / runs["editlint --jobs 1"].cpu_seconds
    figures["throughput_ratio"] = round(ratio, 2)
    figures["cpu_ratio_one_job"] = round(cpu_ratio, 2)
    print(f"  editlint / proselint throughput: {ratio:.2f}x (target >= 20x)")
    print(f"  CPU time per article, proselint / editlint --jobs 1: {cpu_ratio:.2f}x")
    save("throughput", figures)
    return figures


if __name__ == "__main__":
    main()
