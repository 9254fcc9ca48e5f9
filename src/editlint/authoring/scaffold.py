"""``editlint init``: look at a content repository and write a commented starting config."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from editlint.authoring.install_source import REPO_PLACEHOLDER, InstallSource
from editlint.document import format_of
from editlint.files.discovery import collect_files
from editlint.project import DOCS_URL, PROJECT_URL

# The schema and the configuration reference, for the config's first lines.
SCHEMA_URL = f"{PROJECT_URL}/raw/main/src/editlint/config.schema.json"
CONFIG_DOCS_URL = f"{DOCS_URL}/configuration.md"
# Files at the top of a repository that describe it rather than being articles.
NOT_ARTICLES = frozenset({"readme", "changelog", "changes", "license", "contributing", "authors"})
SAMPLE_LIMIT = 500
HUGO_CONFIGS = ("hugo.toml", "hugo.yaml", "hugo.json", "config.toml")
_LINK_TARGET = re.compile(
    r"\]\(\s*<?([^)\s>]+)|^[ \t]*\[[^\]\n]+\]:[ \t]*<?(\S+?)>?[ \t]*$", re.MULTILINE
)
_WIKI_LINK = re.compile(r"\[\[[^\[\]\n]+\]\]")
# MediaWiki article URLs: /index.php/Title, /w/index.php/Title, /wiki/Title.
_MEDIAWIKI_PREFIX = re.compile(r"^((?:/[\w.~-]+)*/index\.php/|/wiki/)")


@dataclass
class Survey:
    """What ``init`` found: where the articles are and how they link to each other."""

    articles: int = 0
    content_root: str = "."
    url_prefixes: dict[str, int] = field(default_factory=dict)  # prefix -> links using it
    wiki_links: int = 0
    exclude: list[str] = field(default_factory=list)
    formats: dict[str, int] = field(default_factory=dict)  # "wikitext" -> articles
    site: str = ""  # the static site generator whose repository this is ("Hugo"), if any

    @property
    def anchors(self) -> str:
        return "mediawiki" if self.url_prefixes or self.wiki_links else "github"


def survey(root: Path) -> Survey:
    """Count the articles under ``root``, pick their folder, and guess the link URL scheme."""
    files = collect_files([root])
    articles = [path for path in files if not _describes_repository(path, root)]
    result = Survey(articles=len(articles))
    result.exclude = sorted(
        path.relative_to(root).as_posix() for path in files if _describes_repository(path, root)
    )
    result.formats = dict(Counter(FORMAT_NAMES[format_of(path)] for path in articles).most_common())
    result.site = "Hugo" if any((root / name).is_file() for name in HUGO_CONFIGS) else ""
    if not articles:
        return result
    folders = Counter(_top_folder(path, root) for path in articles)
    result.content_root = folders.most_common(1)[0][0]
    if result.site == "Hugo" and (root / "content").is_dir():
        result.content_root = "content"  # Hugo's articles, not its archetypes or themes
    prefixes: Counter[str] = Counter()
    for path in articles[:SAMPLE_LIMIT]:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        result.wiki_links += len(_WIKI_LINK.findall(text))
        for match in _LINK_TARGET.finditer(text):
            prefix = _MEDIAWIKI_PREFIX.match(match.group(1) or match.group(2))
            if prefix:
                prefixes[prefix.group(1)] += 1
    result.url_prefixes = dict(prefixes.most_common())
    return result


#: How init names each format in the config's comment.
FORMAT_NAMES = {
    "wikitext": "wikitext",
    "plaintext": "plain-text export",
    "markdown": "Markdown",
    "mdx": "MDX",
}


def _describes_repository(path: Path, root: Path) -> bool:
    return path.parent.resolve() == root.resolve() and path.stem.lower() in NOT_ARTICLES


def _top_folder(path: Path, root: Path) -> str:
    parts = path.relative_to(root).parts
    return parts[0] if len(parts) > 1 else "."


def render_config(found: Survey, schema_url: str = SCHEMA_URL) -> str:
    """The commented ``editlint.yaml`` for what was found."""
    lines = [
        f"# yaml-language-server: $schema={schema_url}",
        f"# editlint configuration; every key is described in {CONFIG_DOCS_URL}",
        "",
        f"# Where see-also targets and internal links resolve ({found.articles} articles found:"
        f" {_formats(found)}).",
        f"content_root: {found.content_root}",
        "",
        "# The defaults: every rule of the packs shipped with editlint (see `editlint rules`),",
        "# and findings at warning or above fail the run. editlint:strict fails on info too.",
        "extends: [editlint:recommended]",
        "# ignore: [NEU101]                    # turn off codes or prefixes",
        "# severity: {NEU: info}               # re-grade findings by code or prefix",
        '# per-file-ignores: {"drafts/*.md": [SRC]}',
        "# rule_paths: [house-style.yaml]      # your own packs; test them: editlint test-rules",
    ]
    if found.exclude:
        lines += ["", "# Not articles.", f"exclude: [{', '.join(found.exclude)}]"]
    else:
        lines += ["", '# exclude: ["drafts/*"]                # globs of files not to check']
    lines += ["", *_links_section(found)]
    return "\n".join(lines) + "\n"


def _formats(found: Survey) -> str:
    counted = ", ".join(f"{count} {name}" for name, count in found.formats.items()) or "none"
    return f"{counted}; a {found.site} site" if found.site else counted


def _links_section(found: Survey) -> list[str]:
    if found.url_prefixes:
        counts = ", ".join(
            f"{count} like '{prefix}Title'" for prefix, count in found.url_prefixes.items()
        )
        prefixes = ", ".join(f'"{prefix}"' for prefix in found.url_prefixes)
        return [
            f"# Links: the articles link to each other by MediaWiki URLs ({counts}).",
            "links:",
            f"  url_prefixes: [{prefixes}]",
            "  anchors: mediawiki",
        ]
    if found.wiki_links:
        return [
            f"# Links: the articles use [[wiki links]] ({found.wiki_links} found).",
            "links:",
            "  anchors: mediawiki",
        ]
    return [
        "# Links: relative Markdown links; '#section' anchors as GitHub makes them.",
        "links:",
        "  anchors: github",
        '  # url_prefixes: ["/wiki/"]          # site URLs that name an article',
    ]


def precommit_snippet(source: InstallSource) -> str:
    """The hook for ``.pre-commit-config.yaml``, naming the repository and commit editlint was
    installed from, or the placeholders docs/ci.md explains."""
    comments = ("", "")
    if not source.known:
        comments = (
            "  # the path or git URL of the editlint repository",
            f"  # a commit of it: git -C {REPO_PLACEHOLDER} rev-parse HEAD",
        )
    return "\n".join(
        [
            "repos:",
            f"  - repo: {source.repo}{comments[0]}",
            f"    rev: {source.rev}{comments[1]}",
            "    hooks:",
            "      - id: editlint",
            "",
        ]
    )


def workflow_snippet(found: Survey, source: InstallSource) -> str:
    """A GitHub Actions workflow: the action when editlint's repository is on GitHub, else
    the pre-commit hooks (whose repository CI must be able to clone)."""
    head = [
        "name: editlint",
        "on: [push, pull_request]",
        "jobs:",
        "  editlint:",
        "    runs-on: ubuntu-latest",
        "    steps:",
        "      - uses: actions/checkout@v4",
    ]
    if source.github:
        steps = [
            f"      - uses: {source.github}@{source.rev}",
            "        with:",
            f"          paths: {found.content_root}",
        ]
    else:
        steps = [
            "      - uses: actions/setup-python@v5",
            "        with:",
            '          python-version: "3.12"',
            "      - run: pip install pre-commit",
            "      - run: pre-commit run --all-files --show-diff-on-failure",
        ]
    return "\n".join([*head, *steps, ""])
