"""One changed file: what a pre-commit hook or an editor's save costs, with and without the
warm process (``editlint daemon``), against proselint on the same file in the same run.

    .venv/bin/python bench/one_file.py [--articles 10000] [--rounds 7] [--work /tmp/one-file]

Repositories (made in ``--work`` on first use): 1 article; ``--articles`` synthetic ones
(bench/synthetic.py); the 419 ArchWiki articles. Before every run the checked file changes
(a sentence added or taken away), so no result cache answers for it. Modes, interleaved
round by round, medians kept:

- ``cold``: ``editlint check FILE`` in its own process (``EDITLINT_DAEMON=0``), the index
  cache warm: today's path;
- ``warm``: the same command with a daemon running (``editlint daemon start`` beforehand);
- ``proselint`` 0.16 on the same file (bench/.venv-peers), and ``markdownlint-cli2`` when it
  is on the PATH;
- ``python``: the venv's interpreter starting and doing nothing (``-c pass``), the floor of
  any Python command on the machine at that moment.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
from pathlib import Path

from measure import ROOT, cores, run, save
from synthetic import generate
from throughput import CORPUS, proselint

EDITLINT = str(ROOT / ".venv" / "bin" / "editlint")
CONFIG = "content_root: content\n"
ADDED = "\nA sentence added for this run.\n"


def repository(work: Path, name: str, fill) -> Path:
    """``work/name``, a git work tree with ``editlint.yaml``, filled by ``fill(content)`` once."""
    folder = work / name
    if not (folder / "editlint.yaml").exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        fill(folder / "content")
        (folder / "editlint.yaml").write_text(CONFIG, encoding="utf-8")
        subprocess.run(["git", "init", "-q", str(folder)], check=True)
    return folder


def _synthetic(count: int):
    def fill(content: Path) -> None:
        generate(content.parent, count)

    return fill


def _one_article(content: Path) -> None:
    content.mkdir(parents=True)
    shutil.copy(sorted(CORPUS.glob("*.md"))[100], content)


def _changed(path: Path) -> None:
    """Add the run's sentence, or take it away: the file is never the one checked before."""
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: -len(ADDED)] if text.endswith(ADDED) else text + ADDED, "utf-8")


def measure(folder: Path, rounds: int, peers: dict[str, list[str]]) -> dict[str, float]:
    """Median milliseconds of each mode on one file of ``folder``'s repository."""
    files = sorted((folder / "content").rglob("*.md"))
    target = files[len(files) // 2]
    relative = str(target.relative_to(folder))
    check = [EDITLINT, "check", "--format", "json", relative]
    modes = {
        "cold": ["env", "EDITLINT_DAEMON=0", *check],
        "warm": check,
        **{name: [*command, relative] for name, command in peers.items()},
        "python": [str(ROOT / ".venv" / "bin" / "python"), "-c", "pass"],
    }
    subprocess.run(["env", "EDITLINT_DAEMON=0", *check], cwd=folder, capture_output=True)
    subprocess.run([EDITLINT, "daemon", "start"], cwd=folder, check=True, capture_output=True)
    try:
        subprocess.run(check, cwd=folder, capture_output=True)  # the daemon's first build
        times: dict[str, list[float]] = {mode: [] for mode in modes}
        for _ in range(rounds):
            for mode, command in modes.items():
                _changed(target)
                times[mode].append(run(command, folder, ok_codes=(0, 1, 2)).seconds * 1000)
    finally:
        subprocess.run([EDITLINT, "daemon", "stop"], cwd=folder, capture_output=True)
    return {mode: round(statistics.median(values), 1) for mode, values in times.items()}


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--work", type=Path, default=Path("/tmp/editlint-one-file"))
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    peers = {"proselint": proselint()}
    markdownlint = shutil.which("markdownlint-cli2")
    if markdownlint:
        peers["markdownlint-cli2"] = [markdownlint]
    repositories = {
        "1 article": repository(args.work, "one", _one_article),
        f"{args.articles:,} synthetic": repository(
            args.work, f"synthetic-{args.articles}", _synthetic(args.articles)
        ),
        "419 ArchWiki": repository(
            args.work, "archwiki", lambda content: shutil.copytree(CORPUS, content)
        ),
    }
    figures: dict = {"cores": cores(), "rounds": args.rounds, "repositories": {}}
    print(f"One changed file, median of {args.rounds} interleaved rounds, {cores()} cores (ms)")
    names = ["cold", "warm", *peers, "python"]
    print(f"  {'repository':18s} " + " ".join(f"{mode:>18s}" for mode in names))
    for name, folder in repositories.items():
        found = measure(folder, args.rounds, peers)
        figures["repositories"][name] = found
        print(f"  {name:18s} " + " ".join(f"{value:18.1f}" for value in found.values()))
    for name, found in figures["repositories"].items():
        ratios = ", ".join(
            f"{mode} / {peer} {found[mode] / found[peer]:.2f}x"
            for mode in ("cold", "warm")
            for peer in peers
        )
        print(f"  {name}: {ratios}; cold / warm {found['cold'] / found['warm']:.1f}x")
    save("one_file", figures)
    return figures


if __name__ == "__main__":
    main()
