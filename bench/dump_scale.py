"""Checking MediaWiki XML dumps of 10,000 and 100,000 generated pages, each in one run.

    .venv/bin/python bench/dump_scale.py [--sizes 10000 100000] [--formats json sarif]
        [--jobs 1] [--dask] [--select CODES] [--work DIR]

For each size a dump is generated (``.xml.bz2``: pages of a lead with a ref, two sections,
links to other pages and redirects, a see-also list, 1 in 50 links dangling, every 20th page
a redirect, every 10th a talk page) and checked by ``editlint check --format F --output
report.F`` in a subprocess, with the default rules, for each format F; its peak resident size
(``getrusage`` of the child, ``bench/measure.py``) and pages per second and per CPU second are
printed, with the ratio of the largest size's peak to the smallest's for each format (flat:
close to 1). ``--dask`` checks the smallest dump once more, in the first format, on a Dask
LocalCluster; ``--select SEE104,SRC104`` runs rules that need the content index but find next
to nothing here. Figures go to bench/results/dump_scale[-SELECT].json.
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
    parser.add_argument("--formats", nargs="+", default=["json", "sarif"])
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
        for name in args.formats:
            for size in args.sizes:
                dump = work / f"dump-{size}.xml.bz2"
                if not dump.exists():
                    generate(dump, size)
                done = run([*_check(args, name, size), "--jobs", str(args.jobs)], cwd=work)
                rows.append(_row("local", name, size, dump, done, work))
                print(_line(rows[-1]), flush=True)
        if args.dask:
            size, name = min(args.sizes), args.formats[0]
            command = [*_check(args, name, size), "--engine", "dask", "--jobs", "2"]
            dump = work / f"dump-{size}.xml.bz2"
            rows.append(_row("dask", name, size, dump, run(command, work), work))
            print(_line(rows[-1]), "(peak of the client only; workers are separate)")
    ratios = {}
    for name in args.formats:
        local = [row for row in rows if row["engine"] == "local" and row["format"] == name]
        ratios[name] = round(local[-1]["peak_mb"] / local[0]["peak_mb"], 3)
        print(
            f"{name}: peak RSS {local[-1]['pages']:,} / {local[0]['pages']:,} pages: "
            f"{ratios[name]:.2f}x"
        )
    result = "dump_scale" + (f"-{args.select.replace(',', '-')}" if args.select else "")
    save(result, {"select": args.select, "rows": rows, "peak_ratios": ratios})


def _check(args: argparse.Namespace, name: str, size: int) -> list[str]:
    check = editlint("check", "--no-cache", "-q", "--format", name)
    check += ["--output", f"report-{size}.{name}"]
    if args.select:
        check += ["--select", args.select]
    return [*check, f"dump-{size}.xml.bz2"]


def _row(engine: str, name: str, size: int, dump: Path, done, work: Path) -> dict:
    return {
        "engine": engine,
        "format": name,
        "pages": size,
        "report_mb": round((work / f"report-{size}.{name}").stat().st_size / 2**20, 2),
        "dump_mb": round(dump.stat().st_size / 2**20, 2),
        "seconds": round(done.seconds, 1),
        "cpu_seconds": round(done.cpu_seconds, 1),
        "pages_per_second": round(size / done.seconds),
        "pages_per_cpu_second": round(size / done.cpu_seconds),
        "peak_mb": round(done.peak_mb, 1),
    }


def _line(row: dict) -> str:
    return (
        f"{row['engine']:5} {row['format']:5} {row['pages']:>7,} pages ({row['dump_mb']} MB bz2, "
        f"report {row['report_mb']} MB): {row['seconds']} s, {row['pages_per_second']:,} pages/s, "
        f"{row['pages_per_cpu_second']:,} pages per CPU s, peak {row['peak_mb']} MB"
    )


if __name__ == "__main__":
    main()
