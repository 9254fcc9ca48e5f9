"""A small content repository for the engine tests: articles with findings and see-also links."""

from __future__ import annotations

from pathlib import Path


def write_repository(root: Path, count: int = 40) -> list[Path]:
    """``count`` articles; every third has a peacock term, every fifth a dangling see-also."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "editlint.yaml").write_text("select: [ALL]\n", encoding="utf-8")
    paths = []
    for number in range(count):
        praise = "a legendary " if number % 3 == 0 else "a "
        target = f"Missing {number}" if number % 5 == 0 else f"Article {(number + 1) % count}"
        text = (
            f"# Article {number}\n\nArticle {number} is {praise}topic.[^1]\n\n"
            f"## See also\n\n- [[{target}]]\n\n[^1]: A source, 2001.\n"
        )
        path = root / f"article-{number:03d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def summary(results) -> list[tuple[str, list[tuple[str, int, int, str]]]]:
    """What a run found, comparable across engines."""
    return [
        (result.path.name, [(d.code, d.start, d.end, d.message) for d in result.diagnostics])
        for result in results
    ]
