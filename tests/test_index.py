"""The content index: the fast scan, anchors, the store on disk, redirects, pickling."""

from __future__ import annotations

import os
import pickle
import string
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editlint.config.model import Config, LoadedConfig
from editlint.document import parse_document
from editlint.engine.runner import Checker
from editlint.errors import ConfigError
from editlint.index import build_index
from editlint.index.anchors import anchor_keys, fragment_key, github_slug
from editlint.index.scan import _front_matter, plain_heading, scan_text


def test_scan_skips_code_and_reads_front_matter_and_setext_headings():
    text = (
        "---\ntitle: Pacman\naliases: [pacman(8)]\nredirect_from: Package manager\n---\n\n"
        "Lead.\n\n## Usage\n\n```\n# pacman -S foo\n```\n\n    # indented code\n\n"
        "Tips and tricks\n---------------\n\n### The `pkgver()` *function* {#pkgver}\n"
    )
    scanned = scan_text(text, "pacman")
    assert scanned.title == "Pacman"
    assert scanned.aliases == ["pacman(8)"]
    assert scanned.redirect_from == ["Package manager"]
    assert scanned.headings == ["Usage", "Tips and tricks", "The pkgver() function"]
    assert scanned.ids == ["pkgver"]


def test_scan_title_from_leading_h1_or_stem_and_redirect_pages():
    assert scan_text("# NATO\n\nText.\n", "nato").title == "NATO"
    assert scan_text("Text first.\n\n# Not a title\n", "file-name").title == "file-name"
    page = scan_text('Redirect to:\n\n*   [Fstab](/index.php/Fstab "Fstab")\n', "-etc-fstab")
    assert page.redirect_to == "/index.php/Fstab"
    assert scan_text("#REDIRECT [[Main page#Intro]]\n", "old").redirect_to == "Main page#Intro"
    assert scan_text("NATOEdit\n\nText.\n", "nato", plaintext=True).title == "NATO"


def test_plain_heading_keeps_text_that_is_not_markup():
    assert plain_heading('[luna](/index.php/Luna "Luna") and [[Wiki|shown]]') == "luna and shown"
    assert plain_heading("PHP: *<module>*: unable") == "PHP: <module>: unable"
    assert plain_heading('A <span id="x">b</span> \\*c\\* &amp; d_e_f') == "A b *c* & d_e_f"


def test_mediawiki_anchors_accept_html5_legacy_and_percent_forms():
    keys = anchor_keys(["TLS/SSL", "Why 'this'", "Notes", "Notes", "H.264 (GMA)"], [], "mediawiki")
    for fragment in (
        "TLS/SSL",
        "TLS.2FSSL",
        "Why_'this'",
        "Why_%27this%27",
        "Why_.27this.27",
        "Notes",
        "Notes_2",
        "H.264_(GMA)",
        "H.264_.28GMA.29",
    ):
        assert fragment_key(fragment, "mediawiki") in keys, fragment
    for fragment in ("notes", "Notes_3", "TLS%2FSSL_x"):
        assert fragment_key(fragment, "mediawiki") not in keys, fragment


def test_github_anchors_are_slugs_with_numbered_duplicates():
    slug = github_slug("Package naming: the `pkgname` (rules)!")
    assert slug == "package-naming-the-pkgname-rules"
    keys = anchor_keys(["Usage", "Usage", "Über uns"], ["custom-id"], "github")
    assert {"usage", "usage-1", "über-uns", "custom-id"} <= keys
    assert fragment_key("Usage", "github") in keys
    assert "usage-2" not in keys


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=string.printable + "Üéß\u0301ǅ", max_size=30))
def test_github_slugs_keep_letters_digits_marks_spaces_hyphens_underscores(heading):
    kept = (
        char
        for char in heading.strip().lower()
        if char in " -_" or char.isalnum() or unicodedata.category(char).startswith("M")
    )
    assert github_slug(heading) == "".join(kept).replace(" ", "-")


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_store_is_keyed_by_mtime_and_size(tmp_path):
    root, cache = tmp_path / "content", tmp_path / "cache"
    _write(root / "alliance.md", "# NATO\n\n## History\n")
    long_ago = (root / "alliance.md").stat().st_mtime_ns - 60 * 10**9
    os.utime(root / "alliance.md", ns=(long_ago, long_ago))
    assert build_index(root, cache).lookup("NATO") is not None
    assert len(list(cache.glob("index-*.sqlite"))) == 1
    # Same size and mtime, well before it was read: the stored scan is reused (the new
    # title is not seen).
    _write(root / "alliance.md", "# OTAN\n\n## History\n")
    os.utime(root / "alliance.md", ns=(long_ago, long_ago))
    assert build_index(root, cache).lookup("OTAN") is None
    # A new mtime invalidates the entry; new and deleted files are seen too.
    os.utime(root / "alliance.md", ns=(long_ago, long_ago + 10**9))
    _write(root / "eu.md", "# European Union\n")
    index = build_index(root, cache)
    assert index.lookup("OTAN") is not None and index.lookup("NATO") is None
    (root / "eu.md").unlink()
    assert build_index(root, cache).lookup("European Union") is None


def test_an_edit_within_the_same_timestamp_as_the_read_is_seen(tmp_path):
    """A file read within RACY_NS of its mtime is read again, even with the same stat."""
    root, cache = tmp_path / "content", tmp_path / "cache"
    _write(root / "alliance.md", "# NATO\n")
    stat = (root / "alliance.md").stat()
    assert build_index(root, cache).lookup("NATO") is not None
    _write(root / "alliance.md", "# OTAN\n")
    os.utime(root / "alliance.md", ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert build_index(root, cache).lookup("OTAN") is not None


def test_a_corrupt_store_is_ignored_and_rebuilt(tmp_path):
    import sqlite3

    root, cache = tmp_path / "content", tmp_path / "cache"
    _write(root / "china.md", "# China\n")
    build_index(root, cache)
    store = next(cache.glob("index-*.sqlite"))
    store.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    assert build_index(root, cache).lookup("China") is not None
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT title FROM articles").fetchall() == [("China",)]


def test_hidden_folders_and_other_files_are_not_articles(tmp_path):
    _write(tmp_path / ".editlint_cache" / "x.md", "# Hidden\n")
    _write(tmp_path / "notes.json", "{}")
    _write(tmp_path / "sub" / "india.md", "# India\n")
    index = build_index(tmp_path)
    assert [article.title for article in index.articles] == ["India"]


def test_a_dot_named_article_is_an_article(tmp_path, cli):
    _write(tmp_path / ".NET Core.md", "Text.\n")
    _write(tmp_path / ".github" / "PULL_REQUEST_TEMPLATE.md", "# Template\n")
    _write(tmp_path / "runtime.md", "See [[.NET Core]].\n")
    assert [a.title for a in build_index(tmp_path).articles] == [".NET Core", "runtime"]
    result = cli("check", "--select", "SEE", ".", cwd=tmp_path)
    assert (result.returncode, result.stdout.splitlines()[-1]) == (
        0,
        "All clear: 2 file(s) checked, no findings.",
    )


def test_index_pickles_with_its_lookups(tmp_path):
    text = "---\ntitle: NATO\naliases: [Atlantic alliance]\n---\n## History\n"
    _write(tmp_path / "nato.md", text)
    index = build_index(tmp_path)
    index.anchor_keys(index.articles[0], "github")
    copy = pickle.loads(pickle.dumps(index))
    found = copy.lookup("atlantic alliance")
    assert found.article.title == "NATO" and found.via == "alias"
    assert copy.anchor_keys(copy.articles[0], "github") == frozenset({"history"})


def test_redirects_file(tmp_path):
    _write(tmp_path / "china.md", "# China\n")
    _write(tmp_path / "redirects.yaml", "PRC: China\nNowhere: Missing article\n")
    index = build_index(tmp_path, redirects_file=tmp_path / "redirects.yaml")
    assert index.lookup("PRC").via == "redirect"
    assert index.lookup("Nowhere") is None
    _write(tmp_path / "bad.yaml", "- a list\n")
    with pytest.raises(ConfigError, match="bad.yaml:1: links.redirects_file"):
        build_index(tmp_path, redirects_file=tmp_path / "bad.yaml")


def test_checker_caches_the_index_beside_its_config(tmp_path):
    _write(tmp_path / "editlint.yaml", "content_root: content\n")
    _write(tmp_path / "content" / "nato.md", "# NATO\n")
    loaded = LoadedConfig(Config(content_root="content"), tmp_path / "editlint.yaml", tmp_path)
    assert Checker(loaded).index.lookup("NATO") is not None
    assert list((tmp_path / ".editlint_cache").glob("index-*.sqlite"))
    without_config = LoadedConfig(Config(), None, tmp_path / "content")
    assert Checker(without_config).index.lookup("NATO") is not None
    assert not (tmp_path / "content" / ".editlint_cache").exists()


def test_a_document_reuses_the_index_headings_of_its_own_unchanged_file(tmp_path):
    from editlint.document import parse_document
    from editlint.index.resolve import LinkResolver
    from editlint.index.scan import scan_headings

    text = "---\ntitle: Harbour\n---\n\n# Harbour\n\n## History {#past}\n\nSee [it](#past).\n"
    path = tmp_path / "harbour.md"
    path.write_text(text, encoding="utf-8")
    index = build_index(tmp_path)
    article = index.by_path(path)
    document = parse_document(text, path)
    same = LinkResolver(index, document).own_headings()
    assert same == (article.headings, article.ids) == scan_headings(text, document.body_start)[:2]
    assert same[0] is article.headings  # taken from the index, not scanned again
    edited = text.replace("## History", "## Early history")
    headings, ids = LinkResolver(index, parse_document(edited, path)).own_headings()
    assert headings == ["Harbour", "Early history"] and ids == ["past"]
    assert "digest" not in repr(article)  # the result cache's index fingerprint ignores it


def test_a_redirect_page_keeps_parentheses_in_its_target():
    text = (
        "Redirect to:\n\n*   [Help:Reading (Polski)#Instalowanie](/index.php/"
        'Help:Reading_(Polski)#Instalowanie "Help:Reading (Polski)")\n'
    )
    assert (
        scan_text(text, "Zainstal").redirect_to == "/index.php/Help:Reading_(Polski)#Instalowanie"
    )


YAML_SCALARS = [
    "Off",
    "Yes",
    "no",
    "ON",
    "y",
    "0755",
    "1:20",
    "0o17",
    "0x1F",
    "true",
    "False",
    "~",
    "null",
    "2020-01-02",
    "1e3",
    ".inf",
    "-.5",
    "12",
    "'quoted'",
    '"Off"',
    "River Thames",
    "+1",
]


@given(title=st.sampled_from(YAML_SCALARS), aliases=st.lists(st.sampled_from(YAML_SCALARS)))
def test_index_and_document_read_front_matter_alike(title, aliases):
    text = f"---\ntitle: {title}\naliases: [{', '.join(aliases)}]\n---\nText.\n"
    document = parse_document(text)
    scanned = scan_text(text, "stem")
    assert _front_matter(text)[0] == document.meta
    if isinstance(document.meta["title"], str) and document.meta["title"].strip():
        assert scanned.title == document.title
