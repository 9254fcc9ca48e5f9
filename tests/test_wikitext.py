"""MediaWiki wikitext: the document model at exact offsets, links, citations, see-also, fixes,
the content index, the real articles of the shared corpus, and hostile pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import editlint
from conftest import SHARED, shared
from editlint.document import (
    BlockKind,
    CitationKind,
    InputError,
    LinkKind,
    parse_document,
)
from editlint.document.wikiguard import check_wikitext
from editlint.document.wikinames import is_article_link, title_from_path
from editlint.rules.builtin.unsourced_claim import wikitext_marker

CORPUS = SHARED / "corpora" / "wikipedia"

ARTICLE = """{{Short description|A town}}
{{Infobox settlement|name=Harbourton|population=4,200<ref>Census.</ref>}}
'''Harbourton''' is a small port.<ref name="guide">A guide. <!-- checked --> Page 4.</ref>

== History ==
{{Main|History of the coast}}
The quay opened in 1850.{{cn|date=May 2021}} See [[Lighthouse#Lamp|the lamp]].
* Fishing [http://example.org/boats boats]
** Ferries to [[Isle of Gulls]].<ref name="guide" />

=== Trade ===
Trade grew.{{sfn|Smith|2001|p=3}}
<blockquote>We sailed at dawn.</blockquote>
[[File:Quay.jpg|thumb|The [[Quay]] at noon]]

== See also ==
{{Portal|Ports}}
{{div col}}
* [[Lighthouse]]
* [[fishing fleet]]
{{div col end}}

[[Category:Ports]]
[[fr:Harbourton]]
"""


def spans(document, items):
    return [document.text[item.start : item.end] for item in items]


@pytest.fixture
def article():
    return parse_document(ARTICLE, Path("wiki__Harbourton.wiki"))


def test_title_from_the_file_name():
    assert title_from_path(Path("gensim__River_Thames.wiki")) == "River Thames"
    assert title_from_path(Path("River_Thames.wikitext")) == "River Thames"
    assert title_from_path(Path("a_b.mediawiki")) == "a b"


def test_blocks_at_exact_offsets(article):
    found = [(block.kind, article.text[block.start : block.end]) for block in article.blocks]
    assert found == [
        (
            BlockKind.PARAGRAPH,
            "'''Harbourton''' is a small port."
            '<ref name="guide">A guide. <!-- checked --> Page 4.</ref>',
        ),
        (BlockKind.HEADING, "History"),
        (
            BlockKind.PARAGRAPH,
            "The quay opened in 1850.{{cn|date=May 2021}} See [[Lighthouse#Lamp|the lamp]].",
        ),
        (BlockKind.LIST_ITEM, "Fishing [http://example.org/boats boats]"),
        (BlockKind.LIST_ITEM, 'Ferries to [[Isle of Gulls]].<ref name="guide" />'),
        (BlockKind.HEADING, "Trade"),
        (BlockKind.PARAGRAPH, "Trade grew.{{sfn|Smith|2001|p=3}}"),
        (BlockKind.PARAGRAPH, "We sailed at dawn."),
        (BlockKind.HEADING, "See also"),
        (BlockKind.LIST_ITEM, "[[Lighthouse]]"),
        (BlockKind.LIST_ITEM, "[[fishing fleet]]"),
    ]
    assert [block.list_depth for block in article.blocks if block.kind is BlockKind.LIST_ITEM] == [
        1,
        2,
        1,
        1,
    ]
    assert [block.in_blockquote for block in article.blocks].count(True) == 1
    assert article.blocks[7].start == ARTICLE.index("We sailed")


def test_a_citation_alone_on_the_next_line_ends_the_paragraph_it_follows():
    # one newline does not end a MediaWiki paragraph: the <ref> cites the lines above it
    text = (
        "The survey counted 24 parishes.\nMost were rural.\n<ref>Census, 2011.</ref>\n\n"
        "* A list item.\n<ref>Not the item's.</ref>\n"
    )
    document = parse_document(text, path=Path("article.wiki"))
    found = [(block.kind, text[block.start : block.end]) for block in document.blocks]
    assert found == [
        (
            BlockKind.PARAGRAPH,
            "The survey counted 24 parishes.\nMost were rural.\n<ref>Census, 2011.</ref>",
        ),
        (BlockKind.LIST_ITEM, "A list item."),
    ]
    long_paragraph = "The quay was built of granite and oak in the years after the flood. " * 4
    uncited = editlint.check_text(
        f"Intro.<ref>A.</ref>\n\n== History ==\n{long_paragraph}\n<ref>Roe 1999.</ref>\n",
        path="article.wiki",
    )
    assert [d.code for d in uncited if d.category.value == "unsourced"] == []


def test_sections_and_levels(article):
    assert [(s.title, s.level) for s in article.sections] == [
        ("", 1),
        ("History", 2),
        ("Trade", 3),
        ("See also", 2),
    ]
    assert article.sections[1].start == ARTICLE.index("History ==")  # as Markdown: the title
    assert article.sections[2].parent == 1
    assert article.see_also_sections == [3]


def test_citations(article):
    found = [(c.kind, c.key, article.text[c.start : c.end]) for c in article.citations]
    assert found == [
        (CitationKind.REF_TAG, "", "<ref>Census.</ref>"),
        (
            CitationKind.REF_TAG,
            "guide",
            '<ref name="guide">A guide. <!-- checked --> Page 4.</ref>',
        ),
        (CitationKind.NEEDED, "", "{{cn|date=May 2021}}"),
        (CitationKind.URL, "http://example.org/boats", "[http://example.org/boats boats]"),
        (CitationKind.REF_TAG, "guide", '<ref name="guide" />'),
        (CitationKind.CITE_TEMPLATE, "sfn", "{{sfn|Smith|2001|p=3}}"),
    ]


def test_links_hatnotes_and_what_is_not_an_article(article):
    found = [
        (link.kind, link.target, link.label, article.text[link.target_start : link.target_end])
        for link in article.links
    ]
    assert found == [
        (LinkKind.WIKI, "History of the coast", "History of the coast", "History of the coast"),
        (LinkKind.WIKI, "Lighthouse#Lamp", "the lamp", "Lighthouse#Lamp"),
        (LinkKind.INLINE, "http://example.org/boats", "boats", "http://example.org/boats"),
        (LinkKind.WIKI, "Isle of Gulls", "Isle of Gulls", "Isle of Gulls"),
        (LinkKind.WIKI, "Lighthouse", "Lighthouse", "Lighthouse"),
        (LinkKind.WIKI, "fishing fleet", "fishing fleet", "fishing fleet"),
    ]
    for name in ("File:A.jpg", "Image:A.png", "Category:Ports", ":Category:Ports", "de:Hafen"):
        assert not is_article_link(name), name
    for name in ("wikt:port", "Wikipedia:Manual of Style", "Talk:Port", "zh-yue:港"):
        assert not is_article_link(name), name
    for name in ("Port", ":Port", "Star Wars: A New Hope", "Ulm#History"):
        assert is_article_link(name), name


def test_see_also_entries(article):
    entries = [(entry.target, article.text[entry.start : entry.end]) for entry in article.see_also]
    assert entries == [("Lighthouse", "[[Lighthouse]]"), ("fishing fleet", "[[fishing fleet]]")]


def test_masks_leave_prose_only(article):
    masked = article.masked
    assert len(masked) == len(ARTICLE)
    for gone in ("'''", "{{", "<ref", "[[", "]]", "Quay", "Category", "checked", "Infobox"):
        assert gone not in masked, gone
    lead = article.blocks[0]
    assert masked[lead.start : lead.end].split() == ["Harbourton", "is", "a", "small", "port."]
    assert "the lamp" in masked and "boats" in masked
    assert article.quotations == [(ARTICLE.index("We sailed"), ARTICLE.index("</blockquote>"))]


def test_cleanup_tags_and_quote_templates():
    text = "Many say so.{{who|date=May 2021}} He said {{quote|text=Go now.|author=A}}\n"
    document = parse_document(text, Path("a.wiki"))
    assert [(name, text[a:b]) for name, a, b in document.cleanup_tags] == [
        ("who", "{{who|date=May 2021}}")
    ]
    assert [text[a:b] for a, b in document.quotations] == ["Go now."]
    assert document.masked.split() == ["Many", "say", "so.", "He", "said", "Go", "now."]


def test_columns_list_and_preformatted_text():
    text = "== See also ==\n{{columns-list|colwidth=20em|\n* [[Alpha]]\n* [[Beta]]\n}}\n\n x = 1\n"
    document = parse_document(text, Path("a.wiki"))
    assert [e.target for e in document.see_also] == ["Alpha", "Beta"]
    assert document.blocks[-1].kind is BlockKind.CODE
    assert document.masked.split() == ["See", "also", "Alpha", "Beta"]


def test_redirect_pages_and_titles_in_the_index(tmp_path):
    from editlint.index.build import build_index

    (tmp_path / "src__Harbour_town.wiki").write_text(
        "Lead.\n== Quay history ==\n{{anchor|Docks|Old quay}}Text.\n<!-- == Not one == -->\n"
    )
    (tmp_path / "Harbor.wiki").write_text("#REDIRECT [[Harbour town]]\n")
    index = build_index(tmp_path)
    found = index.lookup("harbour town", mediawiki=True)
    assert found is not None and found.article.headings == ["Quay history"]
    assert found.article.ids == ["Docks", "Old quay"]
    assert index.lookup("Harbor").article.redirect_to == "Harbour town"


def test_links_to_articles_of_the_same_folder_resolve(tmp_path):
    (tmp_path / "editlint.yaml").write_text("select: [SEE101, SEE103, SEE104]\n")
    (tmp_path / "x__Quay_history.wiki").write_text("Lead.\n\n== Cranes and (tools)/rigs ==\n")
    text = (
        "Lead [[quay_history#Cranes and (tools)/rigs|cranes]] and [[Quay history#Cranes_and_"
        ".28tools.29.2Frigs]], not [[Quay History]].\n\n"
        "== See also ==\n* [[Quay history]]\n* [[Missing page]]\n"
    )
    (tmp_path / "Port.wiki").write_text(text)
    results = editlint.check_paths([tmp_path])
    found = [(d.code, text[d.start : d.end]) for r in results for d in r.diagnostics]
    # "Quay History" would be a redirect on a wiki; a folder of pages has none
    assert found == [("SEE101", "Missing page")]


def test_citation_needed_fix_writes_the_template():
    # The article cites (an article citing nothing is SRC101's one finding).
    text = "Lead.<ref>Annals.</ref>\n\n== History ==\nThe war began in 2008. It ended.\n"
    found = editlint.check_text(text, "a.wiki", config={"select": ["SRC103"]})
    assert [d.code for d in found] == ["SRC103"]
    edit = found[0].fix.edits[0]
    marker = wikitext_marker(date.today())
    assert marker.startswith("{{citation needed|date=") and str(date.today().year) in marker
    at = text.index("2008.") + len("2008.")
    assert (edit.start, edit.end, edit.replacement) == (at, at, marker)
    fixed = text[: edit.start] + edit.replacement + text[edit.end :]
    assert editlint.check_text(fixed, "a.wiki", config={"select": ["SRC103"]}) == []


MARKDOWN_TWIN = """---
title: Harbourton
---

Harbourton is the best port in the region. Critics argue it is overrated.

## History

The quay opened in 1850 and was the largest in the county. The pier is said to be
world-class.[^1]

## See also

- [[Lighthouse]]
- [[Foghorn]]

[^1]: A guide.
"""
WIKITEXT_TWIN = """'''Harbourton''' is the best port in the region. Critics argue it is overrated.

== History ==
The quay opened in 1850 and was the largest in the county. The pier is said to be
world-class.<ref>A guide.</ref>

== See also ==
* [[Lighthouse]]
* [[Foghorn]]
"""


def test_the_same_findings_for_markdown_and_wikitext(tmp_path):
    (tmp_path / "editlint.yaml").write_text("select: [NEU, SRC, SEE]\n")
    lighthouse = "---\ntitle: Lighthouse\n---\n\nA light.[^1]\n\n[^1]: A.\n"
    (tmp_path / "Lighthouse.md").write_text(lighthouse)
    found = {}
    for name, text in (("Harbourton.md", MARKDOWN_TWIN), ("Harbourton.wiki", WIKITEXT_TWIN)):
        diagnostics = editlint.check_text(text, tmp_path / name)
        found[name] = [(d.code, " ".join(text[d.start : d.end].split())) for d in diagnostics]
    assert found["Harbourton.md"], "the twin articles should have findings to compare"
    assert found["Harbourton.md"] == found["Harbourton.wiki"]


@pytest.mark.parametrize(
    "text",
    [
        "{{a|\n" * 100_000 + "x" + "}}\n" * 100_000,
        "Text {{cite web|title=x\n" * 5_000,
        "A claim.<ref>Source\n" * 5_000,
        "x [[a|b\n" * 20_000,
        "<!--\n" * 20_000,
        "{| \n| a\n" * 5_000,
        # a "<!--" never closed is read as text: what follows it still costs its re-reads
        "A note <!-- never closed.\n" + "It opened.<ref> See [[Harbour and more prose.\n" * 1_000,
    ],
    ids=[
        "nested",
        "unclosed-templates",
        "unclosed-refs",
        "unclosed-links",
        "comments",
        "tables",
        "after-a-comment-never-closed",
    ],
)
def test_hostile_pages_are_an_input_finding(text):
    with pytest.raises(InputError):
        check_wikitext(text)
    found = editlint.check_text(text, "hostile.wiki")
    assert [d.code for d in found] == ["INP003"]


def test_a_few_unclosed_constructs_still_parse():
    text = "Lead {{unclosed template and a [[link\n\n== Later ==\nProse.<ref>open\n"
    document = parse_document(text, Path("a.wiki"))
    assert [s.title for s in document.sections] == ["", "Later"]


def test_a_page_over_the_size_limit_is_an_input_finding(tmp_path):
    page = tmp_path / "huge.wiki"
    with open(page, "w") as handle:
        handle.write(("Prose [[link]] and {{cite web|url=x}}.\n" * 1_000).ljust(50 << 20, "x"))
    (result,) = editlint.check_paths([page])
    assert [d.code for d in result.diagnostics] == ["INP006"]


def _corpus() -> list[Path]:
    return sorted(shared(CORPUS).glob("*.wiki"))


def test_every_corpus_article_reads_and_links_within_the_folder_resolve():
    files = _corpus()
    titles = {title_from_path(path).casefold() for path in files}
    results = editlint.check_paths(files, config={"select": ["INP", "INT", "SEE101", "SEE103"]})
    assert len(results) == len(files) == 117
    linked_within = 0
    for result in results:
        document = parse_document(result.text, result.path)
        linked_within += sum(
            link.target.partition("#")[0].strip().casefold() in titles for link in document.links
        )
        for diagnostic in result.diagnostics:
            assert not diagnostic.code.startswith(("INP", "INT")), (result.path, diagnostic)
            target = diagnostic.data["target"].casefold()
            assert target not in titles, (result.path.name, diagnostic.message)
    assert linked_within > 0


def test_a_sentence_already_tagged_is_not_flagged_again():
    text = (
        "Lead.\n\n== Reception ==\nIt is the best port.{{peacock inline|date=May 2021}} "
        "It is the best ferry.\n"
    )
    found = editlint.check_text(text, "a.wiki", config={"select": ["NEU102"]})
    assert [text[d.start : d.end] for d in found] == ["the best"]
    assert found[0].start > text.index("ferry") - 12


def test_unsupported_formats_are_named_not_misread(tmp_path, cli):
    (tmp_path / "a.rst").write_text("Title\n=====\n\nText.\n")
    (tmp_path / "b.rst").write_text("Other\n=====\n")
    (tmp_path / "c.wiki").write_text("Lead.<ref>A.</ref>\n")
    walked = cli("check", str(tmp_path), cwd=tmp_path)
    assert "skipped: .rst x2 (unsupported format)" in walked.stderr
    assert "1 file" in walked.stdout or "All clear" in walked.stdout
    named = editlint.check_text("Title\n=====\n", tmp_path / "a.rst")
    assert [d.code for d in named] == ["INP003"]


def test_import_writes_markdown_with_footnotes_and_a_short_name(tmp_path, cli):
    page = tmp_path / ("dump__" + "Very_long_title_" * 12 + ".wiki")
    page.write_text(
        "{{Infobox|a=b}}\n'''Port''' opened in 1850.<ref name=a>Town records.</ref> "
        "See [[Quay|the quay]] and [http://example.org a site].{{cn}}\n\n"
        "== History ==\n* Trade grew.<ref name=a /><ref>{{cite book|title=Ports}}</ref>\n"
    )
    done = cli("import", str(page), "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    (written,) = (tmp_path / "out").iterdir()
    assert len(written.name) <= 83 and written.name.startswith("very-long-title-")
    assert written.read_text() == (
        "---\ntitle: " + "Very long title " * 11 + "Very long title\n"
        "slug: " + written.stem + "\n---\n\n"
        "**Port** opened in 1850.[^1] See [[Quay|the quay]] and [a site](http://example.org)."
        "[citation needed]\n\n## History\n\n- Trade grew.[^1][^2]\n\n"
        "[^1]: Town records.\n[^2]: {{cite book|title=Ports}}\n"
    )
    assert editlint.check_text(written.read_text(), written, config={"select": ["SRC104"]}) == []


def test_hugo_toml_front_matter_gives_the_title_and_see_also(tmp_path):
    (tmp_path / "editlint.yaml").write_text("select: [SEE101, SEE103, INP]\n")
    (tmp_path / "thames.md").write_text(
        '+++\ntitle = "River Thames"\ndraft = false\n+++\n\nA river.\n'
    )
    text = (
        '+++\ntitle = "London"\nsee_also = ["River Thames", \'Nowhere\']\n+++\n\n'
        "[[River Thames]].\n"
    )
    (tmp_path / "london.md").write_text(text)
    found = editlint.check_text(text, tmp_path / "london.md")
    assert [(d.code, text[d.start : d.end]) for d in found] == [("SEE101", "'Nowhere'")]
    assert found[0].fix is None or found[0].fix.edits == ()  # no YAML edit on TOML
    broken = "+++\ntitle = \n+++\n\nText.\n"
    assert [d.code for d in editlint.check_text(broken, tmp_path / "b.md")] == ["INP003"]


def _dump(pages: str, doctype: str = "") -> str:
    return (
        f'<?xml version="1.0"?>{doctype}\n'
        '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">\n'
        f"<siteinfo><sitename>W</sitename></siteinfo>\n{pages}</mediawiki>\n"
    )


def _page(title: str, text: str, ns: int = 0, redirect: str = "") -> str:
    forward = f'<redirect title="{redirect}" />' if redirect else ""
    return (
        f"<page><title>{title}</title><ns>{ns}</ns><id>1</id>{forward}<revision><id>2</id>"
        f'<text xml:space="preserve">{text}</text></revision></page>\n'
    )


def test_import_streams_a_dump_page_by_page(tmp_path, cli):
    import bz2

    pages = (
        _page(
            "Harbour town",
            "'''Harbour''' grew.&lt;ref&gt;A.&lt;/ref&gt;\n== See also ==\n* [[Quay]]\n",
        )
        + _page("Talk:Harbour town", "Chatter.", ns=1)
        + _page("Harbor town", "#REDIRECT [[Harbour town]]", redirect="Harbour town")
        + _page("Quay", "A quay.&lt;ref&gt;B.&lt;/ref&gt;")
    )
    dump = tmp_path / "pages.xml.bz2"
    dump.write_bytes(bz2.compress(_dump(pages).encode()))
    done = cli("import", str(dump), "-o", str(tmp_path / "out"))
    assert done.returncode == 0, done.stderr
    assert "wrote 2 article(s) and 1 redirect(s)" in done.stdout
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["harbor-town.md", "harbour-town.md", "quay.md"]
    assert (out / "harbor-town.md").read_text() == (
        "---\ntitle: Harbor town\nredirect_to: Harbour town\n---\n"
    )
    found = editlint.check_paths([out], config={"select": ["INP", "SEE", "SRC104"]})
    assert [d.code for r in found for d in r.diagnostics] == []


def test_a_billion_laughs_dump_is_refused(tmp_path, cli):
    entities = '<!ENTITY a "ha">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    dump = tmp_path / "laughs.xml"
    dump.write_text(_dump(_page("Laughs", "&j;"), f"<!DOCTYPE mediawiki [{entities}]>"))
    done = cli("import", str(dump), "-o", str(tmp_path / "out"))
    assert done.returncode == 2 and "not a readable XML dump" in done.stderr
    named = editlint.check_text(dump.read_text(), dump)
    assert [d.code for d in named] == ["INP003"]


def test_refs_defined_in_tables_captions_and_footnotes_are_definitions():
    text = (
        "A claim.<ref name=t /> Another.<ref name=c /> Third.<ref name=e />\n"
        '{| class="wikitable"\n| Cell<ref name=t>Table source.</ref>\n|}\n'
        "[[File:A.jpg|thumb|A caption.<ref name=c>Caption source.</ref>]]\n"
        "Noted.{{efn|A note.<ref name=e>Note source.</ref>}}\n"
    )
    document = parse_document(text, Path("a.wiki"))
    defined = [
        text[c.start : c.end]
        for c in document.citations
        if c.kind is CitationKind.REF_TAG and "</ref>" in text[c.start : c.end]
    ]
    assert defined == [
        "<ref name=t>Table source.</ref>",
        "<ref name=c>Caption source.</ref>",
        "<ref name=e>Note source.</ref>",
    ]


def test_a_marker_named_in_the_config_is_written_as_named_in_wikitext():
    text = "Lead.<ref>Annals.</ref>\n\n== History ==\nThe war began in 2008. It ended.\n"
    config = {"select": ["SRC103"], "rules": {"SRC103": {"marker": "[citation needed]"}}}
    (found,) = editlint.check_text(text, "a.wiki", config=config)
    at = text.index("2008.") + len("2008.")
    edit = found.fix.edits[0]
    assert (edit.start, edit.end, edit.replacement) == (at, at, "[citation needed]")
