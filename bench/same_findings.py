"""Findings byte for byte: capture every report of a refactor's corpora, then compare.

    .venv/bin/python bench/same_findings.py capture DIR   # on the commit before (e.g. main)
    .venv/bin/python bench/same_findings.py compare DIR   # on the commit after: exit 1 on a change

Checks the demo (``content/``, every report format), the shared ArchWiki and Wikipedia corpora
(every format but HTML), a synthetic repository of 400 articles (``bench/synthetic.py``) and a
generated MediaWiki dump of 2,000 pages (``bench/dump_scale.py``; every format but HTML), both
written into DIR on capture, with ``--no-cache``, and compares the outputs byte for byte.

``compare --store DIR`` runs each check with a cache folder instead (``DIR/store-cache``,
emptied first) and ``--jobs 1``, twice: the content index from its SQLite store looked up name
by name, then from the store and result cache warm (``index/store.py``).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from dump_scale import generate
from measure import EDITLINT, ROOT

CORPORA = ROOT.parent / "shared" / "corpora"
DEMO_FORMATS = ("json", "html", "sarif", "full", "concise", "grouped", "github", "junit")
CORPUS_FORMATS = tuple(name for name in DEMO_FORMATS if name != "html")
DUMP_PAGES = 2_000


def _runs(folder: Path) -> dict[str, tuple[list[str], Path]]:
    """Each output's name, with the arguments of ``editlint check`` and the folder it runs in."""
    runs = {
        f"demo.{name}": (["--format", name, "--color", "never", "content/"], ROOT)
        for name in DEMO_FORMATS
    }
    for corpus in ("archwiki", "wikipedia"):
        for name in CORPUS_FORMATS:
            arguments = ["--format", name, "--color", "never", str(CORPORA / corpus)]
            runs[f"{corpus}.{name}"] = (arguments, ROOT)
    for name in CORPUS_FORMATS:
        runs[f"dump.{name}"] = (["--format", name, "--color", "never", "dump.xml.bz2"], folder)
    runs["synthetic.json"] = (["--format", "json", "content/"], folder / "synthetic")
    return runs


def _output(arguments: list[str], cwd: Path, cache: Path | None = None) -> bytes:
    caching = ["--no-cache"] if cache is None else ["--cache-dir", str(cache), "--jobs", "1"]
    done = subprocess.run(
        [*EDITLINT, "check", *caching, *arguments], cwd=cwd, capture_output=True, check=False
    )
    if done.returncode not in (0, 1):
        raise SystemExit(f"editlint check {' '.join(arguments)} exited {done.returncode}")
    return done.stdout


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=["capture", "compare"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--store", action="store_true", help="compare with the index's store")
    args = parser.parse_args()
    folder = args.folder.resolve()
    cache = folder / "store-cache" if args.store else None
    if cache is not None:
        shutil.rmtree(cache, ignore_errors=True)
    if args.mode == "capture":
        folder.mkdir(parents=True, exist_ok=True)
        synthetic = [sys.executable, str(ROOT / "bench" / "synthetic.py")]
        subprocess.run(
            [*synthetic, str(folder / "synthetic"), "--articles", "400"],
            check=True,
            capture_output=True,
        )
        generate(folder / "dump.xml.bz2", DUMP_PAGES)
        (folder / "editlint.yaml").write_text("# same_findings.py\n")
    changed = 0
    for round_name in ("cold store", "warm store") if cache is not None else ("",):
        for name, (arguments, cwd) in _runs(folder).items():
            output = _output(arguments, cwd, cache)
            label = f"{name} ({round_name})" if round_name else name
            if args.mode == "capture":
                (folder / name).write_bytes(output)
                print(f"{name}: {len(output):,} bytes captured")
            elif output == (folder / name).read_bytes():
                print(f"{label}: same ({len(output):,} bytes)")
            else:
                changed += 1
                print(f"{label}: CHANGED")
    return 1 if changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
