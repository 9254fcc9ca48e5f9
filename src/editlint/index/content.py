"""Build the content index from a content root, reading only titles and front matter."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from editlint.document import SUPPORTED_SUFFIXES, InputError
from editlint.document.frontmatter import parse_front_matter
from editlint.document.plaintext import strip_scraped_edit

_SPACES = re.compile(r"[\s_]+")
_H1 = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.MULTILINE)


def normalise_title(name: str) -> str:
    """The form titles are compared in: case-folded, '_' as space, spaces collapsed."""
    return _SPACES.sub(" ", name).strip().casefold()


@dataclass
class Article:
    title: str
    path: Path
    slug: str
    aliases: list[str] = field(default_factory=list)
    redirects: list[str] = field(default_factory=list)


@dataclass
class ContentIndex:
    """Articles of a content root, looked up by any of their names."""

    root: Path
    articles: list[Article] = field(default_factory=list)
    _by_name: dict[str, Article] = field(default_factory=dict)
    _by_path: dict[Path, Article] = field(default_factory=dict)

    def add(self, article: Article) -> None:
        self.articles.append(article)
        self._by_path[article.path.resolve()] = article
        for name in (article.title, article.slug, article.path.stem):
            self._by_name.setdefault(normalise_title(name), article)
        for name in (*article.aliases, *article.redirects):
            self._by_name.setdefault(normalise_title(name), article)

    def resolve(self, name: str) -> Article | None:
        """The article a title, slug, alias or redirect names, or None."""
        return self._by_name.get(normalise_title(name))

    def by_path(self, path: Path) -> Article | None:
        return self._by_path.get(path.resolve())

    def is_canonical(self, name: str, article: Article) -> bool:
        """True when ``name`` is the article's own title or slug, not an alias or redirect."""
        key = normalise_title(name)
        return key in (
            normalise_title(article.title),
            normalise_title(article.slug),
            normalise_title(article.path.stem),
        )

    def names(self) -> list[str]:
        return [article.title for article in self.articles]


def build_index(root: Path) -> ContentIndex:
    """Index every article under ``root`` (hidden folders skipped)."""
    index = ContentIndex(root=root)
    if not root.is_dir():
        return index
    for path in sorted(root.rglob("*")):
        if path.suffix.lower() not in SUPPORTED_SUFFIXES or not path.is_file():
            continue
        if any(part.startswith(".") for part in path.relative_to(root).parts):
            continue
        article = read_article(path)
        if article is not None:
            index.add(article)
    return index


def read_article(path: Path) -> Article | None:
    """Title, slug and aliases of one file, or None when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    if path.suffix.lower() == ".txt":
        first_line = text.strip().split("\n", 1)[0] if text.strip() else path.stem
        return Article(strip_scraped_edit(first_line), path, path.stem)
    try:
        front_matter = parse_front_matter(text)
    except InputError:
        front_matter = None
    meta = front_matter.data if front_matter else {}
    title = meta.get("title") if isinstance(meta.get("title"), str) else None
    if not title:
        heading = _H1.search(text, front_matter.body_start if front_matter else 0)
        title = heading.group(1) if heading else path.stem.replace("_", " ")
    slug = meta.get("slug") if isinstance(meta.get("slug"), str) else path.stem
    return Article(
        title=title.strip(),
        path=path,
        slug=slug,
        aliases=_strings(meta.get("aliases")),
        redirects=_strings(meta.get("redirect_from")),
    )


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(item) for item in value if item is not None]
    return []
