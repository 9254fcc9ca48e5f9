"""Linear time, shown by doubling: one long paragraph per size, checked by one rule at a time.

    .venv/bin/python bench/doubling.py [--sizes 12 24 48 96] [--repeat 3] [--limit SECONDS]

For each case (a rule, or the parser alone) and each size in KB, builds one paragraph of that
size from a few synthetic sentences (attributions, replies, narrative, unclosed ``<ref>`` and
``<!--``), checks it in this process, and prints the best time of ``--repeat`` runs and the ratio
to the size before: about 2 when the time is linear in the paragraph, 4 when it is quadratic.
``--limit`` sets the clock limits (``engine/clock.py``) of the parser and of the rules to SECONDS,
to show a case that outgrows them turn into a finding at a bounded time. Figures for
docs/performance.md; never a test.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from editlint.config.model import load_config
from editlint.engine.runner import Checker, SelectionOverrides

SENTENCES = [
    "Many historians argue that the harbour was rebuilt.",
    "Critics say the plan failed.",
    "However, supporters claim the quay was a success.",
    "The quay was built in 1850 by the city.",
    "Some people believe the tide moved it.",
    "The port grew quickly after the war, but trade fell.",
]
#: Markup that an inline scanner must not rescan to the paragraph's end at every occurrence.
UNCLOSED = ["It opened.<ref>", "A note <!-- never closed", "See [[Harbour"]
#: A user pattern judged linear (no pattern time limit) that is quadratic in a paragraph with
#: no full stop: every "said" reads to the paragraph's end (#21 item 9).
PACK = (
    "pack: said\nrules:\n  - code: SAY101\n    name: said-clause\n    kind: existence\n"
    "    category: neutrality\n    message: m\n    patterns: ['said[^.]*\\.']\n"
)
NO_STOP = ["he said so", "they said it", "and the quay", "as critics said", "over the years"]
CASES = {
    "NEU201": (["NEU201"], ".md", SENTENCES),
    "BAL102": (["BAL102"], ".md", SENTENCES),
    "parse, unclosed markup (.wiki)": ([], ".wiki", SENTENCES + UNCLOSED),  # no rule: INP only
    "parse, unclosed markup (.md)": ([], ".md", SENTENCES + UNCLOSED),
    "pack pattern said[^.]*\\. (no full stop)": (["SAY101"], ".md", NO_STOP),
}


def paragraph(kilobytes: int, sentences: list[str]) -> str:
    chosen = random.Random(kilobytes)
    words: list[str] = []
    size = 0
    while size < kilobytes * 1024:
        words.append(chosen.choice(sentences))
        size += len(words[-1]) + 1
    if sentences is NO_STOP:  # lines of a few words: no line limit, one paragraph still
        words = [f"{word}\n" if number % 8 == 7 else word for number, word in enumerate(words)]
    return "# Harbour\n\n== Debate ==\n\n" + " ".join(words) + "\n"


def best_seconds(checker: Checker, path: Path, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = checker.check_file(path)
        times.append(time.perf_counter() - started)
        gave_up = [d for d in result.diagnostics if d.code.startswith(("INT", "INP"))]
        if gave_up:
            print(f"    ({gave_up[0].code}: {gave_up[0].message[:70]})")
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[12, 24, 48, 96])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--limit", type=float, help="clock limit of parser and rules, seconds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, (codes, suffix, sentences) in CASES.items():
            if codes == ["SAY101"]:
                (root / "pack.yaml").write_text(PACK, encoding="utf-8")
                config = root / "editlint.yaml"
                config.write_text("rule_paths: [pack.yaml]\n", encoding="utf-8")
                loaded = load_config(config, root)
            else:
                loaded = load_config(None, root)
            loaded.cache_override = False
            checker = Checker(loaded, SelectionOverrides(select=codes or ["INP001"]))
            if args.limit:
                checker.parse_seconds = checker.rules_seconds = args.limit
            print(f"{name}:")
            before = None
            for size in args.sizes:
                path = root / f"p{size}{suffix}"
                path.write_text(paragraph(size, sentences), encoding="utf-8")
                seconds = best_seconds(checker, path, args.repeat)
                ratio = f"  x{seconds / before:.1f}" if before else ""
                print(f"  {size:4d} KB  {seconds:7.3f} s{ratio}", flush=True)
                before = seconds


if __name__ == "__main__":
    main()
