"""Generate a realistic synthetic content repository: articles with see-also links.

    .venv/bin/python bench/synthetic.py OUT --articles 10000 [--seed 8]

Each article has front matter (title, sometimes aliases), a lead and 3-6 sections of prose
with footnote citations, the occasional peacock term, hedge or weasel phrase, a list, a code
block, and a "See also" section of 2-5 entries linking to other articles by title (about 3%
name articles that do not exist). Sizes follow the ArchWiki corpus (1-10 KB). The same seed
gives the same repository.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

_WORDS = """river valley treaty council harbour railway province museum dynasty parliament
reform bridge station cathedral festival university college library engine canal forest
mountain island coast border empire republic kingdom language dialect trade market industry
mining shipping textile printing survey census election charter navy army fortress castle
village county district archive manuscript chronicle painting sculpture theatre opera""".split()
_VERBS = """built founded opened closed restored expanded described recorded measured
published translated governed crossed surveyed documented renamed moved""".split()
_PLACES = """Aldmoor Brisk Calder Dunhaven Elmswick Farrow Glenmouth Harrowgate Iverton
Juniper Kestrel Lowmarsh Marrowby Northfen Oakridge Pellham Quarry Ravensholt Stanmere
Thornbury Ulverby Valemount Westerleigh Yarrow Zennor""".split()
_SPICE = [
    "a legendary",
    "a renowned",
    "the iconic",
    "a world-class",
    "probably",
    "it seems that",
    "some people say that",
    "critics claim that",
    "arguably",
    "many experts believe that",
]


def title_for(number: int) -> str:
    rng = random.Random(number)
    return f"{rng.choice(_PLACES)} {rng.choice(_WORDS).title()} {number}"


def _sentence(rng: random.Random, cite: int | None) -> str:
    words = rng.sample(_WORDS, rng.randint(4, 9))
    verb = rng.choice(_VERBS)
    spice = f"{rng.choice(_SPICE)} " if rng.random() < 0.04 else ""
    year = rng.randint(1500, 2020)
    sentence = (
        f"The {words[0]} of {rng.choice(_PLACES)} was {spice}{verb} in {year} "
        f"near the {words[1]} and the {' '.join(words[2:])}"
    )
    return sentence + (f".[^{cite}]" if cite else ".")


def _paragraph(rng: random.Random, footnotes: list[str]) -> str:
    sentences = []
    for _ in range(rng.randint(2, 6)):
        cite = None
        if rng.random() < 0.85:  # a well-sourced wiki: most statements carry a footnote
            society = f"{rng.choice(_PLACES)} Historical Society"
            footnotes.append(f"{society}, {rng.randint(1900, 2020)}.")
            cite = len(footnotes)
        sentences.append(_sentence(rng, cite))
    return " ".join(sentences)


def article(number: int, total: int) -> str:
    rng = random.Random(number * 7919 + total)
    title = title_for(number)
    lines = ["---", f"title: {title}"]
    if rng.random() < 0.1:
        lines.append(f"aliases: [{title.rsplit(' ', 1)[0]} (number {number})]")
    lines += ["---", "", f"# {title}", ""]
    footnotes: list[str] = []
    lines += [_paragraph(rng, footnotes), ""]
    for _ in range(rng.randint(3, 6)):
        lines += [f"## {rng.choice(_WORDS).title()} and {rng.choice(_WORDS)}", ""]
        for _ in range(rng.randint(1, 3)):
            lines += [_paragraph(rng, footnotes), ""]
        if rng.random() < 0.3:
            lines += [f"- {rng.choice(_WORDS).title()} {rng.choice(_VERBS)}" for _ in range(3)]
            lines.append("")
        if rng.random() < 0.1:
            lines += ["```", f"survey --year {rng.randint(1800, 2000)}", "```", ""]
    lines += ["## See also", ""]
    for _ in range(rng.randint(2, 5)):
        if rng.random() < 0.03:
            lines.append(f"- [[{rng.choice(_PLACES)} Lost {rng.choice(_WORDS).title()}]]")
        else:
            lines.append(f"- [[{title_for(rng.randrange(total))}]]")
    lines.append("")
    lines += [f"[^{n}]: {note}" for n, note in enumerate(footnotes, 1)]
    return "\n".join(lines) + "\n"


def generate(out: Path, articles: int) -> list[Path]:
    """Write ``articles`` articles under ``out/content`` and an editlint.yaml; the paths."""
    content = out / "content"
    paths = []
    for number in range(articles):
        folder = content / f"{number // 1000:03d}"
        if number % 1000 == 0:
            folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"article-{number:06d}.md"
        path.write_text(article(number, articles), encoding="utf-8")
        paths.append(path)
    (out / "editlint.yaml").write_text("content_root: content\n", encoding="utf-8")
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    paths = generate(args.out, args.articles)
    print(f"{len(paths)} articles in {args.out}")


if __name__ == "__main__":
    main()
