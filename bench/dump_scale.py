"""Checking MediaWiki XML dumps of 10,000 and 100,000 generated pages, each in one run.

    .venv/bin/python bench/dump_scale.py [--sizes 10000 100000] [--jobs 1] [--dask] [--work DIR]

For each size a dump is generated (``.xml.bz2``: pages of a lead with a ref, two sections,
links to other pages and redirects, a see-also list, 1 in 50 links dangling, every 20th page
a redirect, every 10th a talk page) and checked by ``editlint check`` in a subprocess; its
peak resident size (``getrusage`` of the child, ``bench/measure.py``) and pages per second are
printed, with the ratio of the largest size's peak to the smallest's (flat: close to 1).
``--dask`` checks the smallest dump once more on a Dask LocalCluster; ``--select SEE104,SRC104``
runs rules that need the content index but find next to nothing here (memory without findings
to keep). Figures go to bench/results/dump_scale[-SELECT].json.
"""

from __future__ import annotations

import argparse
import bz2
import random
import tempfile
from pathlib import Path

from measure import editlint, run, save

_WORDS = (
    "harbour quay river trade ship market bridge tower wall road mill church school "
    "council railway canal dock warehouse fishing ferry"
).split()


def _page(title: str, text: str, ns: int = 0, redirect: str | None = None) -> str:
    forward = f'\n    <redirect title="{redirect}" />' if redirect else ""
    return (
        f"  <page>\n    <title>{title}</title>\n    <ns>{ns}</ns>{forward}\n    <revision>\n"
        f'      <text xml:space="preserve">{text}</text>\n    </revision>\n  </page>\n'
    )


def _sentence(rng: random.Random) -> str:
    words = rng.sample(_WORDS, 8)
    return f"The {words[0]} of the {words[1]} {words[2]} was built near the {words[3]}."


def _article(number: int, size: int, rng: random.Random) -> str:
    def link() -> str:  # to an article or a redirect page (never a talk page), or dangling
        other = rng.randrange(size)
        other -= other % 20 == 9
        return f"[[Town {other}]]" if rng.random() > 0.02 else f"[[Lost {number}]]"

    lead = f"'''Town {number}''' is a town. {_sentence(rng)}&lt;ref&gt;Book {number}.&lt;/ref&gt;"
    sections = "".join(
        f"\n\n== {heading} ==\n{_sentence(rng)} {link()} {_sentence(rng)}"
        f"&lt;ref name=s{number}&gt;Survey.&lt;/ref&gt;\n"
        f"{_sentence(rng)}&lt;ref name=s{number} /&gt;"
        for heading in ("History", "Economy")
    )
    see_also = "\n\n== See also ==\n" + "".join(f"* {link()}\n" for _ in range(2))
    return lead + sections + see_also


def generate(path: Path, size: int) -> None:
    """A dump of ``size`` pages (articles, redirects, talk pages), compressed as it is written."""
    rng = random.Random(size)
    with bz2.open(path, "wt", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0"?>\n<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/"'
            ' version="0.10">\n<siteinfo><sitename>Bench</sitename></siteinfo>\n'
        )
        for number in range(size):
            if number % 20 == 19:
                target = f"Town {number - 1}"
                out.write(_page(f"Town {number}", f"#REDIRECT [[{target}]]", redirect=target))
            elif number % 10 == 9:
                out.write(_page(f"Talk:Town {number}", _sentence(rng), ns=1))
            else:
                out.write(_page(f"Town {number}", _article(number, size, rng)))
        out.write("</mediawiki>\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--jobs", type=int, default=1, help="--jobs of the checks (default 1)")
    parser.add_argument("--dask", action="store_true", help="the smallest dump on Dask too")
    parser.add_argument(
        "--select", help="rules to run (e.g. SEE104,SRC104: the index is built, few findings)"
    )
    parser.add_argument("--work", type=Path, help="where the dumps go (default: a temp folder)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = args.work or Path(temporary)
        work.mkdir(parents=True, exist_ok=True)
        (work / "editlint.yaml").write_text("# dump_scale.py\n")
        rows = []
        for size in args.sizes:
            dump = work / f"dump-{size}.xml.bz2"
            if not dump.exists():
                generate(dump, size)
            check = editlint("check", "--no-cache", "-q", "--format", "concise")
            if args.select:
                check += ["--select", args.select]
            done = run([*check, "--jobs", str(args.jobs), dump.name], cwd=work)
            rows.append(_row("local", size, dump, done))
            print(_line(rows[-1]), flush=True)
        if args.dask:
            size = min(args.sizes)
            command = [*check, "--engine", "dask", "--jobs", "2", f"dump-{size}.xml.bz2"]
            rows.append(_row("dask", size, work / f"dump-{size}.xml.bz2", run(command, work)))
            print(_line(rows[-1]), "(peak of the client only; workers are separate)")
    local = [row for row in rows if row["engine"] == "local"]
    ratio = local[-1]["peak_mb"] / local[0]["peak_mb"]
    print(f"peak RSS {local[-1]['pages']:,} / {local[0]['pages']:,} pages: {ratio:.2f}x")
    name = "dump_scale" + (f"-{args.select.replace(',', '-')}" if args.select else "")
    save(name, {"select": args.select, "rows": rows, "peak_ratio": round(ratio, 3)})


def _row(engine: str, size: int, dump: Path, done) -> dict:
    return {
        "engine": engine,
        "pages": size,
        "dump_mb": round(dump.stat().st_size / 2**20, 2),
        "seconds": round(done.seconds, 1),
        "cpu_seconds": round(done.cpu_seconds, 1),
        "pages_per_second": round(size / done.seconds),
        "pages_per_cpu_second": round(size / done.cpu_seconds),
        "peak_mb": round(done.peak_mb, 1),
    }


def _line(row: dict) -> str:
    return (
        f"{row['engine']:5} {row['pages']:>7,} pages ({row['dump_mb']} MB bz2): "
        f"{row['seconds']} s, {row['pages_per_second']:,} pages/s, peak {row['peak_mb']} MB"
    )


if __name__ == "__main__":
    main()
