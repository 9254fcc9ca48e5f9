"""One changed file: what a pre-commit hook or an editor's save costs, with and without the
warm process (``editlint daemon``), against proselint on the same file in the same run, and
how a one-file check grows with the repository (the content index's store, #19 item 3).

    .venv/bin/python bench/one_file.py [--articles 10000 50000] [--rounds 7] [--work DIR]
                                       [--no-peers] [--no-warm] [--wheel]

Repositories (made in ``--work`` on first use, each committed in git): 1 article;
``--articles`` synthetic ones (bench/synthetic.py); the 419 ArchWiki articles; and a copy of
the first synthetic one outside git (``--no-git``), where the store falls back to one stat per
file. Before every run the checked file changes (a sentence added or taken away), so no result
cache answers for it, and git sees one modified file, as in a pre-commit hook. Modes, every
repository and mode interleaved round by round, medians kept:

- ``cold``: ``editlint check FILE`` in its own process (``EDITLINT_DAEMON=0``), the content
  store and result cache warm: today's path;
- ``warm``: the same command with a daemon running (``editlint daemon start`` beforehand);
- ``proselint`` 0.16 on the same file (bench/.venv-peers), and ``markdownlint-cli2`` when it
  is on the PATH;
- ``python``: the venv's interpreter starting and doing nothing (``-c pass``), the floor of
  any Python command on the machine at that moment;
- with ``--wheel``, ``wheel cold`` and ``wheel python``: the same, with this tree built as a
  wheel and installed as users and pre-commit install it (bench/.venv-wheel, made afresh):
  the development venv's editable install puts a path finder on every start-up.

The last lines give each repository's cold and warm times as a ratio of the 1-article
repository's in the same run (target: 50,000 articles <= 1.3x).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from measure import ROOT, compile_bytecode, cores, run, save
from synthetic import generate
from throughput import CORPUS, proselint

EDITLINT = str(ROOT / ".venv" / "bin" / "editlint")
#: The venv ``--wheel`` installs this tree into.
INSTALLED = ROOT / "bench" / ".venv-wheel"
CONFIG = "content_root: content\n"
ADDED = "\nA sentence added for this run.\n"


def repository(work: Path, name: str, fill, git: bool = True) -> Path:
    """``work/name`` with ``editlint.yaml``, filled by ``fill(content)`` once; with ``git``, a
    work tree with everything committed."""
    folder = work / name
    if not (folder / "editlint.yaml").exists():
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        fill(folder / "content")
        (folder / "editlint.yaml").write_text(CONFIG, encoding="utf-8")
    if git and not (folder / ".git").exists():
        subprocess.run(["git", "init", "-q", str(folder)], check=True)
    if (
        git
        and subprocess.run(
            ["git", "rev-parse", "-q", "--verify", "HEAD"], cwd=folder, capture_output=True
        ).returncode
    ):
        subprocess.run(["git", "add", "-A"], cwd=folder, check=True)
        commit = ["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org"]
        subprocess.run([*commit, "commit", "-q", "-m", "articles"], cwd=folder, check=True)
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


def installed_venv() -> Path:
    """A venv holding this tree built as a wheel and installed as users install it (no
    editable finder on the start-up path), made afresh on every call."""
    shutil.rmtree(INSTALLED, ignore_errors=True)
    python = str(ROOT / ".venv" / "bin" / "python")
    with tempfile.TemporaryDirectory() as wheels:
        pip = [python, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", wheels, str(ROOT)]
        subprocess.run(pip, check=True, capture_output=True)
        subprocess.run([sys.executable, "-m", "venv", str(INSTALLED)], check=True)
        wheel = next(Path(wheels).glob("*.whl"))
        install = [str(INSTALLED / "bin" / "python"), "-m", "pip", "install", "--quiet"]
        subprocess.run([*install, str(wheel)], check=True, capture_output=True)
    return INSTALLED


def _modes(
    folder: Path, peers: dict[str, list[str]], warm: bool, installed: Path | None
) -> tuple[Path, dict]:
    """The file checked in ``folder``'s repository, and each mode's command."""
    files = sorted((folder / "content").rglob("*.md"))
    target = files[len(files) // 2]
    relative = str(target.relative_to(folder))
    check = [EDITLINT, "check", "--format", "json", relative]
    modes = {
        "cold": ["env", "EDITLINT_DAEMON=0", *check],
        **({"warm": check} if warm else {}),
        **{name: [*command, relative] for name, command in peers.items()},
        "python": [str(ROOT / ".venv" / "bin" / "python"), "-c", "pass"],
    }
    if installed is not None:
        modes["wheel cold"] = [
            "env",
            "EDITLINT_DAEMON=0",
            str(installed / "bin" / "editlint"),
            *check[1:],
        ]
        modes["wheel python"] = [str(installed / "bin" / "python"), "-c", "pass"]
        subprocess.run(
            modes["wheel cold"], cwd=folder, capture_output=True
        )  # its own validated store
    subprocess.run(["env", "EDITLINT_DAEMON=0", *check], cwd=folder, capture_output=True)
    if warm:
        subprocess.run([EDITLINT, "daemon", "start"], cwd=folder, check=True, capture_output=True)
        subprocess.run(check, cwd=folder, capture_output=True)  # the daemon's first build
    return target, modes


def measure(
    repositories: dict[str, Path],
    rounds: int,
    peers: dict[str, list[str]],
    warm: bool,
    installed: Path | None = None,
) -> dict[str, dict[str, dict[str, float]]]:
    """Median milliseconds of each mode on one file of each repository, all interleaved:
    ``{"wall": {repository: {mode: ms}}, "cpu": ...}`` (CPU: the command's and its children's,
    git's included)."""
    plans = {name: _modes(folder, peers, warm, installed) for name, folder in repositories.items()}
    times = {
        kind: {name: {mode: [] for mode in modes} for name, (_, modes) in plans.items()}
        for kind in ("wall", "cpu")
    }
    try:
        for _ in range(rounds):
            for name, (target, modes) in plans.items():
                for mode, command in modes.items():
                    _changed(target)
                    done = run(command, repositories[name], ok_codes=(0, 1, 2))
                    times["wall"][name][mode].append(done.seconds * 1000)
                    times["cpu"][name][mode].append(done.cpu_seconds * 1000)
    finally:
        if warm:
            for folder in repositories.values():
                subprocess.run([EDITLINT, "daemon", "stop"], cwd=folder, capture_output=True)
    return {
        kind: {
            name: {mode: round(statistics.median(values), 1) for mode, values in found.items()}
            for name, found in by_name.items()
        }
        for kind, by_name in times.items()
    }


def main() -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 50_000])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--work", type=Path, default=Path("/tmp/editlint-one-file"))
    parser.add_argument("--no-peers", action="store_true", help="skip proselint, markdownlint")
    parser.add_argument("--no-warm", action="store_true", help="skip the daemon")
    parser.add_argument(
        "--wheel", action="store_true", help="also time this tree installed from a wheel"
    )
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    compile_bytecode()
    peers = {} if args.no_peers else {"proselint": proselint()}
    markdownlint = shutil.which("markdownlint-cli2")
    if markdownlint and not args.no_peers:
        peers["markdownlint-cli2"] = [markdownlint]
    repositories = {"1 article": repository(args.work, "one", _one_article)}
    for count in args.articles:
        repositories[f"{count:,} synthetic"] = repository(
            args.work, f"synthetic-{count}", _synthetic(count)
        )
    repositories["419 ArchWiki"] = repository(
        args.work, "archwiki", lambda content: shutil.copytree(CORPUS, content)
    )
    first = args.articles[0]
    repositories[f"{first:,} no git"] = repository(
        args.work, f"synthetic-{first}-no-git", _synthetic(first), git=False
    )
    figures: dict = {"cores": cores(), "rounds": args.rounds}
    installed = installed_venv() if args.wheel else None
    measured = measure(repositories, args.rounds, peers, not args.no_warm, installed)
    figures["repositories"], figures["cpu"] = measured["wall"], measured["cpu"]
    figures["ratios"] = {}
    for kind, found_all in measured.items():
        names = list(next(iter(found_all.values())))
        print(f"One changed file, {kind} ms, median of {args.rounds} rounds, {cores()} cores")
        print(f"  {'repository':18s} " + " ".join(f"{mode:>18s}" for mode in names))
        for name, found in found_all.items():
            print(f"  {name:18s} " + " ".join(f"{value:18.1f}" for value in found.values()))
    for kind, found_all in measured.items():
        small = found_all["1 article"]
        for name, found in found_all.items():
            modes = [mode for mode in ("cold", "warm", "wheel cold") if mode in found]
            ratios = {mode: round(found[mode] / small[mode], 2) for mode in modes}
            figures["ratios"].setdefault(kind, {})[name] = ratios
            versus = ", ".join(f"{mode} {ratio:.2f}x" for mode, ratio in ratios.items())
            peers_text = "; ".join(
                f"{mode} / {peer} {found[mode] / found[peer]:.2f}x"
                for mode in modes
                for peer in peers
            )
            print(
                f"  {kind} {name} vs 1 article: {versus}"
                + (f"; {peers_text}" if peers_text else "")
            )
    save("one_file", figures)
    return figures


if __name__ == "__main__":
    main()
