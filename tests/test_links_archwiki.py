"""Links in a real MediaWiki export: a small repository of ArchWiki articles, some deleted.

The articles are copied from ../shared/corpora/archwiki at test time (never committed). The
expected findings come from a plain scan of the raw text, independent of editlint's parser.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest

from conftest import SHARED, shared

ARCHWIKI = SHARED / "corpora" / "archwiki"
ARTICLES = [
    "Dm-crypt-Encrypting an entire system",
    "GRUB",
    "File systems",
    "Persistent block device naming",
    "Snapper",
    "LightDM",
    "Display manager",
    "Xinitrc",
    "Start X at login",
    "LXQt",
]
DELETED = ["GRUB", "Xinitrc"]
CONFIG = 'links: {url_prefixes: ["/index.php/"], anchors: mediawiki, missing_targets: always}\n'
_WIKI_LINK = re.compile(r"\]\((/index\.php/([^\s)#\"]+)(#[^\s)\"]*)?)")


def _title(page: str) -> str:
    name = unquote(page).replace("_", " ").strip()
    return name[:1].upper() + name[1:]


def _links(root: Path) -> list[tuple[str, int, int, str, str | None]]:
    """(file, line, column, target title, fragment) of every /index.php/ link, by plain scan."""
    found = []
    for path in sorted(root.glob("*.md")):
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            for match in _WIKI_LINK.finditer(line):
                fragment = match.group(3)[1:] if match.group(3) else None
                title = _title(match.group(2))
                found.append((path.name, number, match.start(1) + 1, title, fragment))
    return found


def _findings(cli, root: Path) -> set[tuple[str, str, int, int]]:
    result = cli("check", "--format", "json", "--select", "SEE101,SEE103,SEE104", str(root))
    assert result.returncode in (0, 1), result.stderr
    return {
        (d["code"], Path(d["path"]).name, d["line"], d["column"])
        for d in json.loads(result.stdout)["diagnostics"]
    }


@pytest.fixture
def wiki(tmp_path: Path) -> Path:
    shared(ARCHWIKI)
    for name in ARTICLES:
        shutil.copy(ARCHWIKI / f"{name}.md", tmp_path / f"{name}.md")
    (tmp_path / "editlint.yaml").write_text(CONFIG, encoding="utf-8")
    return tmp_path


def test_exactly_the_links_to_deleted_articles_are_reported(cli, wiki):
    links = _links(wiki)
    before = _findings(cli, wiki)
    present = set(ARTICLES)
    # Links to the articles present are never reported, nor are their anchors.
    to_present = {(f, line, column) for f, line, column, title, _ in links if title in present}
    assert to_present, "the chosen articles link to one another"
    assert not {(f, line, col) for _, f, line, col in before} & to_present
    anchored = [link for link in links if link[3] in present and link[4]]
    assert len(anchored) >= 10, "anchors into present articles are exercised"

    for name in DELETED:
        (wiki / f"{name}.md").unlink()
    after = _findings(cli, wiki)
    to_deleted = {
        (file, line, column): title
        for file, line, column, title, _ in links
        if title in DELETED and file[:-3] not in DELETED
    }
    assert to_deleted, "the remaining articles link to the deleted ones"
    new = {(f, line, col) for code, f, line, col in after - before if code in ("SEE101", "SEE103")}
    # Every new finding is on a link to a deleted article, and every file linking to one has a
    # finding for it: one per target and file (and rule: a see-also entry is SEE101), at its
    # first link, which names the count.
    assert new <= set(to_deleted)
    linking = {(place[0], title) for place, title in to_deleted.items()}
    assert {(place[0], to_deleted[place]) for place in new} == linking
    assert len(new) < len(to_deleted)
    kept = {item for item in before if item[1][:-3] not in DELETED}
    removed = kept - after
    # Only anchor findings can go: an anchor into a deleted article is now a dangling link.
    assert all(code == "SEE104" for code, *_ in removed)


def test_every_dangling_finding_names_an_absent_article(cli, wiki):
    result = cli("check", "--format", "json", "--select", "SEE101,SEE103", str(wiki))
    names = {path.stem for path in wiki.glob("*.md")}
    dangling = [
        re.search(r"'(.+?)' is not", d["message"]).group(1)
        for d in json.loads(result.stdout)["diagnostics"]
    ]
    assert dangling
    for name in dangling:
        title = _title(name)
        assert title not in names and title.replace("/", "-") not in names, name
