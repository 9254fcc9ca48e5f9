"""Reading front matter YAML: editlint's one reader (libyaml, YAML 1.2's core schema) against
ruamel's round-trip loader (the document's reader before) and PyYAML's pure loader, in one run.

    .venv/bin/python bench/front_matter_yaml.py [--articles 10000]

Reads the front matter of the demo, the shared ArchWiki corpus and a synthetic repository
(``bench/synthetic.py``, written to a temporary folder) and prints the best of three passes.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import yaml
from measure import ROOT
from ruamel.yaml import YAML
from synthetic import generate

from editlint.document.frontmatter import SPANNED_LIST_KEYS, split_front_matter
from editlint.document.yaml_front_matter import read_yaml_front_matter

CORPORA = ROOT.parent / "shared" / "corpora"


def front_matters(folders: list[Path]) -> tuple[int, list[str]]:
    """How many articles the folders hold, and the YAML of those with front matter."""
    articles, sources = 0, []
    for folder in folders:
        for path in sorted(folder.rglob("*.md")):
            articles += 1
            text = path.read_text(encoding="utf-8")
            bounds = split_front_matter(text)
            if bounds is not None:
                sources.append(text[bounds[0] : bounds[1]])
    return articles, sources


def best_of_three(read, sources: list[str]) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        for source in sources:
            read(source)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        generate(Path(folder), args.articles)
        articles, sources = front_matters(
            [ROOT / "content", CORPORA / "archwiki", Path(folder) / "content"]
        )
    print(f"{articles} articles, {len(sources)} with YAML front matter")
    round_trip = YAML(typ="rt", pure=True)
    round_trip.allow_duplicate_keys = False
    readers = {
        "editlint (libyaml, YAML 1.2)": lambda s: read_yaml_front_matter(s, SPANNED_LIST_KEYS),
        "ruamel round trip (pure)": round_trip.load,
        "PyYAML SafeLoader (pure)": lambda s: yaml.load(s, Loader=yaml.SafeLoader),
    }
    times = {name: best_of_three(read, sources) for name, read in readers.items()}
    ours = times["editlint (libyaml, YAML 1.2)"]
    for name, seconds in times.items():
        each = seconds / max(1, len(sources)) * 1e6
        print(f"{name:30} {seconds:6.3f} s  {each:5.0f} us each  x{seconds / ours:.1f}")


if __name__ == "__main__":
    main()
