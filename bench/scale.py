"""Scaling, cache, pre-commit and --jobs on synthetic content repositories.

    .venv/bin/python bench/scale.py [--sizes 1000 10000 50000] [--base 10000] [--work DIR]

For each size: a generated repository (bench/synthetic.py), a cold check with no cache, time
per article and peak memory. Then, on the ``--base`` repository:
- warm cache: a cold run filling the cache, then a re-run with nothing changed (target <= 10%);
- pre-commit: one changed file checked in the base repository and in a 1-article repository,
  the content index cache warm in both (target <= 2x);
- ``--jobs 2`` against ``--jobs 1``, run alternately (target >= 1.6x).
Figures go to bench/results/scale.json after each part, and the table is printed.
``--repeat 1`` with sizes 1,000 / 10,000 / 50,000 took about 20 minutes on 2 busy cores.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from measure import best, cores, editlint, run, save
from synthetic import article, generate


def _repository(work: Path, size: int) -> Path:
    root = work / f"repo-{size}"
    if not (root / "editlint.yaml").exists():
        shutil.rmtree(root, ignore_errors=True)
        generate(root, size)
    return root


def _clear_cache(root: Path):
    return lambda: shutil.rmtree(root / ".editlint_cache", ignore_errors=True)


def scaling(work: Path, sizes: list[int], repeat: int) -> list[dict]:
    rows = []
    for size in sizes:
        root = _repository(work, size)
        result = best(
            editlint("check", "--no-cache", "--format", "json", "content"),
            root,
            repeat=repeat if size <= 10_000 else 1,
        )
        rows.append(
            {
                "articles": size,
                "seconds": round(result.seconds, 2),
                "cpu_seconds": round(result.cpu_seconds, 2),
                "ms_per_article": round(1000 * result.seconds / size, 3),
                "cpu_ms_per_article": round(1000 * result.cpu_seconds / size, 3),
                "peak_mb": round(result.peak_mb, 1),
            }
        )
        print(
            f"  {size:7d} articles  {result.seconds:8.2f} s  "
            f"{1000 * result.seconds / size:7.2f} ms/article  "
            f"cpu {1000 * result.cpu_seconds / size:7.2f} ms/article  "
            f"peak {result.peak_mb:7.1f} MB",
            flush=True,
        )
    return rows


def warm_cache(root: Path, repeat: int) -> dict:
    command = editlint("check", "--format", "json", "content")
    cold = best(command, root, repeat=repeat, setup=_clear_cache(root))  # the last fills it
    warm = best(command, root, repeat=repeat)
    share = warm.seconds / cold.seconds
    print(
        f"  cold {cold.seconds:.2f} s, warm {warm.seconds:.2f} s: {100 * share:.1f}% "
        "(target <= 10%)",
        flush=True,
    )
    return {
        "cold_seconds": round(cold.seconds, 3),
        "warm_seconds": round(warm.seconds, 3),
        "warm_share": round(share, 4),
    }


def pre_commit(work: Path, root: Path, repeat: int) -> dict:
    changed = next((root / "content" / "000").glob("*.md"))
    single = work / "repo-single"
    shutil.rmtree(single, ignore_errors=True)
    (single / "content").mkdir(parents=True)
    (single / "editlint.yaml").write_text("content_root: content\n")
    lone = single / "content" / changed.name
    text = changed.read_text() + "\nA legendary addition to the article.\n"
    original = changed.read_text()
    try:
        changed.write_text(text)
        lone.write_text(text)
        times = {}
        for name, repo, path in (("big", root, changed), ("single", single, lone)):
            command = editlint("check", "--format", "json", str(path.relative_to(repo)))
            run(command, repo)  # the content index cache is warm, as in a hook run
            times[name] = best(command, repo, repeat=repeat).seconds
    finally:
        changed.write_text(original)
    ratio = times["big"] / times["single"]
    print(
        f"  one changed file: {times['big']:.2f} s in the big repository, "
        f"{times['single']:.2f} s alone: {ratio:.2f}x (target <= 2x)",
        flush=True,
    )
    return {
        "big_seconds": round(times["big"], 3),
        "single_seconds": round(times["single"], 3),
        "ratio": round(ratio, 2),
    }


def jobs(root: Path, repeat: int) -> dict:
    """``--jobs 1`` against ``--jobs 2``, run alternately so both see the same load."""
    runs: dict[str, list] = {"1": [], "2": []}
    for _ in range(repeat):
        for count in ("2", "1"):
            command = editlint(
                "check", "--no-cache", "--jobs", count, "--format", "json", "content"
            )
            runs[count].append(run(command, root))
    times = {count: min(found, key=lambda r: r.seconds) for count, found in runs.items()}
    speedup = times["1"].seconds / times["2"].seconds
    print(
        f"  --jobs 1 {times['1'].seconds:.2f} s, --jobs 2 {times['2'].seconds:.2f} s: "
        f"{speedup:.2f}x (target >= 1.6x)",
        flush=True,
    )
    return {
        "jobs1_seconds": round(times["1"].seconds, 3),
        "jobs2_seconds": round(times["2"].seconds, 3),
        "speedup": round(speedup, 2),
        "jobs1_cpu_seconds": round(times["1"].cpu_seconds, 3),
        "jobs2_cpu_seconds": round(times["2"].cpu_seconds, 3),
    }


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10_000, 50_000])
    parser.add_argument("--base", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--work", type=Path, help="where repositories are generated (kept)")
    args = parser.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="editlint-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    print(
        f"synthetic repositories in {work}, {cores()} cores "
        f"(article 0 is {len(article(0, 1000))} characters)"
    )
    figures: dict = {"cores": cores(), "scaling": scaling(work, args.sizes, args.repeat)}
    first, last = figures["scaling"][0], figures["scaling"][-1]
    growth = last["ms_per_article"] / first["ms_per_article"] - 1
    figures["per_article_growth"] = round(growth, 3)
    print(
        f"  time per article, {first['articles']} -> {last['articles']}: {100 * growth:+.1f}% "
        f"(target within 25%); peak {last['peak_mb']} MB at {last['articles']} "
        "(target < 1 GB at 50,000)",
        flush=True,
    )
    save("scale", figures)
    base = _repository(work, args.base)
    figures["base_articles"] = args.base
    figures["warm_cache"] = warm_cache(base, args.repeat)
    save("scale", figures)
    figures["pre_commit"] = pre_commit(work, base, args.repeat)
    save("scale", figures)
    figures["jobs"] = jobs(base, args.repeat)
    save("scale", figures)
    return figures


if __name__ == "__main__":
    main()
