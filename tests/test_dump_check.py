"""Checking a MediaWiki XML dump directly: each article page checked, placed in the dump."""

from __future__ import annotations

import bz2
import io
import json
from itertools import islice

import pytest

from editlint.config.model import find_config, load_config
from editlint.document.dump import CHUNK_SIZE, read_pages
from editlint.engine.dumps import _windowed, check_dump
from editlint.engine.runner import Checker

HEAD = (
    '<?xml version="1.0"?>\n'
    '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">\n'
    "<siteinfo><sitename>W</sitename></siteinfo>\n"
)


def page(title: str, text: str, ns: int = 0, redirect: str = "") -> str:
    """A page of a dump, written over several lines as MediaWiki writes them."""
    forward = f'\n    <redirect title="{redirect}" />' if redirect else ""
    return (
        f"  <page>\n    <title>{title}</title>\n    <ns>{ns}</ns>{forward}\n    <revision>\n"
        f'      <text xml:space="preserve">{text}</text>\n    </revision>\n  </page>\n'
    )


# The harbour's text starts on line 8 of the dump, the quay's on line 34.
PAGES = (
    page(
        "Harbour town",
        "'''Harbour town''' is a port.&lt;ref&gt;Port book.&lt;/ref&gt;\n"
        "== See also ==\n* [[Quay]]\n* [[Nowhere]]\n",
    )
    + page("Talk:Harbour town", "* [[Nowhere else]]", ns=1)
    + page("Harbor", "#REDIRECT [[Harbour town]]", redirect="Harbour town")
    + page(
        "Quay",
        "A quay is a wall.&lt;ref&gt;Wall book.&lt;/ref&gt; [[harbor|The harbour]] has one.\n"
        "\n== See also ==\n* [[harbour town]]\n* [[Lost page]]\n",
    )
)
SELECT = "select: [SEE101, INP]\n"


def _dump(tmp_path, pages: str = PAGES, name: str = "pages.xml", head: str = HEAD):
    (tmp_path / "editlint.yaml").write_text(SELECT)
    data = (head + pages + "</mediawiki>\n").encode()
    path = tmp_path / name
    path.write_bytes(bz2.compress(data) if name.endswith(".bz2") else data)
    return path


def _findings(cli, tmp_path, name, *extra):
    done = cli("check", "--format", "json", "--no-cache", *extra, name, cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    report = json.loads(done.stdout)
    return [
        (f["path"], f["line"], f["column"], f["code"], f["message"]) for f in report["diagnostics"]
    ], report["summary"]


@pytest.mark.parametrize("name", ["pages.xml", "pages.xml.bz2"])
def test_each_page_is_an_article_placed_at_its_line_in_the_dump(cli, tmp_path, name):
    _dump(tmp_path, name=name)
    found, summary = _findings(cli, tmp_path, name)
    missing = "is not an article in the content repository"
    assert found == [
        (name, 11, 5, "SEE101", f"[[Harbour town]] See-also target 'Nowhere' {missing}"),
        (name, 38, 5, "SEE101", f"[[Quay]] See-also target 'Lost page' {missing}"),
    ]
    assert (summary["files"], summary["findings"]) == (1, 2)
    lines = (tmp_path / name).read_bytes()
    if not name.endswith(".bz2"):
        text = lines.decode().split("\n")
        assert text[10].startswith("* [[Nowhere]]") and text[37].startswith("* [[Lost page]]")


def test_a_finding_on_the_first_line_of_a_page_counts_the_columns_before_its_text(cli, tmp_path):
    _dump(tmp_path, page("Pier", "[[Nowhere]] is near.&lt;ref&gt;R.&lt;/ref&gt;"))
    (tmp_path / "editlint.yaml").write_text("select: [SEE103]\n")
    found, _ = _findings(cli, tmp_path, "pages.xml")
    # '      <text xml:space="preserve">' is 33 characters: the link's target starts in
    # column 36, after '[['.
    assert [(line, column, code) for _, line, column, code, _ in found] == [(8, 36, "SEE103")]


def test_links_between_pages_resolve_through_titles_and_redirects(tmp_path):
    """Harbour links to [[Quay]]; Quay to [[harbor|...]] (a redirect page) in prose and to
    [[harbour town]] (first letter's case free) in See also: only 'Lost page' is missing."""
    dump = _dump(tmp_path, PAGES.replace("* [[Nowhere]]\n", ""))
    (tmp_path / "editlint.yaml").write_text("select: [SEE101, SEE103]\n")
    checker = Checker(load_config(find_config(tmp_path), tmp_path))
    result = check_dump(checker, dump)
    assert [(d.code, d.message) for d in result.diagnostics] == [
        (
            "SEE101",
            "[[Quay]] See-also target 'Lost page' is not an article in the content repository",
        )
    ]


def test_only_pages_of_the_main_namespace_are_checked(tmp_path):
    dump = _dump(tmp_path)
    titles = [p.title for p in read_pages(io.BytesIO(dump.read_bytes()))]
    assert titles == ["Harbour town", "Harbor", "Quay"]


def test_pages_are_read_one_at_a_time_from_an_endless_dump():
    """A dump with no end: the first pages arrive after a few chunks, so the reader never
    holds the dump (or its pages) at once."""

    class Endless(io.RawIOBase):
        def __init__(self):
            self.served = 0
            self.numbered = (page(f"Page {n}", f"Text {n}.") for n in range(10**12))
            self.pending = HEAD.encode()

        def readable(self):
            return True

        def read(self, size=-1):
            while len(self.pending) < size:
                self.pending += next(self.numbered).encode()
            chunk, self.pending = self.pending[:size], self.pending[size:]
            self.served += len(chunk)
            return chunk

    stream = Endless()
    first = list(islice(read_pages(stream), 3))
    assert [(p.title, p.text) for p in first] == [(f"Page {n}", f"Text {n}.") for n in range(3)]
    assert stream.served == CHUNK_SIZE  # one chunk read, not the dump


def test_at_most_a_window_of_batches_is_in_flight():
    in_flight, most = [], []

    class Done:
        def __init__(self, batch):
            self.batch = batch
            in_flight.append(batch)
            most.append(len(in_flight))

        def result(self):
            in_flight.remove(self.batch)
            return [n * 2 for n in self.batch]

    batches = ([n] for n in range(100))
    results = [result for _, result in _windowed(Done, batches, 4)]
    assert results == [[n * 2] for n in range(100)] and max(most) == 4


@pytest.mark.parametrize(
    ("head", "message", "line"),
    [
        (
            '<?xml version="1.0"?>\n<!DOCTYPE mediawiki [\n<!ENTITY a "ha">\n'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n]>\n' + HEAD.split("\n", 1)[1],
            "not a readable XML dump: it declares the entity 'a' (a dump declares none)",
            3,
        ),
        (HEAD + "<page><title>Broken</page>\n", "not a readable XML dump: mismatched tag", 4),
        ('<?xml version="1.0"?>\n<urlset/>\n', "its root element is <urlset>", 2),
    ],
)
def test_a_broken_dump_is_one_input_finding_at_its_line(tmp_path, head, message, line):
    dump = _dump(tmp_path, "", head=head)
    checker = Checker(load_config(find_config(tmp_path), tmp_path))
    result = check_dump(checker, dump)
    [finding] = result.diagnostics
    assert finding.code == "INP003" and message in finding.message
    assert result.lines.position(finding.start)[0] == line


def test_an_oversized_page_is_an_input_finding_and_the_others_are_checked(tmp_path):
    big = "Filler text. " * 2000
    dump = _dump(tmp_path, page("Big", big) + PAGES)
    (tmp_path / "editlint.yaml").write_text(SELECT + "max_file_size: 20000\n")
    checker = Checker(load_config(find_config(tmp_path), tmp_path))
    result = check_dump(checker, dump)
    assert [(d.code, d.message.split(" ")[0:2]) for d in result.diagnostics] == [
        ("INP006", ["[[Big]]", "page"]),
        ("SEE101", ["[[Harbour", "town]]"]),
        ("SEE101", ["[[Quay]]", "See-also"]),
    ]


def test_fixes_are_refused_on_a_dump(cli, tmp_path):
    dump = _dump(tmp_path)
    before = dump.read_bytes()
    done = cli("check", "--fix", "pages.xml", cwd=tmp_path)
    assert done.returncode == 2 and "a MediaWiki dump is not fixed in place" in done.stderr
    assert dump.read_bytes() == before


def test_a_process_pool_gives_the_same_findings(tmp_path):
    many = "".join(
        page(
            f"Town {n}",
            f"Town {n} grew.&lt;ref&gt;R.&lt;/ref&gt;\n== See also ==\n* [[Town {n + 1}]]\n",
        )
        for n in range(300)
    )
    dump = _dump(tmp_path, many)
    checker = Checker(load_config(find_config(tmp_path), tmp_path))
    alone, pooled = check_dump(checker, dump, jobs=1), check_dump(checker, dump, jobs=2)
    assert [d.message for d in alone.diagnostics] == [
        "[[Town 299]] See-also target 'Town 300' is not an article in the content repository"
    ]
    assert [d.message for d in pooled.diagnostics] == [d.message for d in alone.diagnostics]
    assert alone.lines.position(alone.diagnostics[0].start) == pooled.lines.position(
        pooled.diagnostics[0].start
    )


def test_dask_on_a_local_cluster_gives_the_same_findings(cli, tmp_path):
    distributed = pytest.importorskip("distributed")
    _dump(tmp_path, name="pages.xml.bz2")
    local, _ = _findings(cli, tmp_path, "pages.xml.bz2")
    with distributed.LocalCluster(
        n_workers=1,
        threads_per_worker=1,
        processes=False,
        protocol="tcp",
        host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        on_dask, _ = _findings(
            cli,
            tmp_path,
            "pages.xml.bz2",
            "--engine",
            "dask",
            "--scheduler",
            cluster.scheduler_address,
        )
    assert on_dask == local and len(local) == 2


def test_the_pages_index_finds_a_page_itself_and_travels_to_workers(tmp_path):
    import pickle

    dump = _dump(tmp_path, PAGES.replace("* [[Quay]]", "* [[Harbour town]]"))
    (tmp_path / "editlint.yaml").write_text("select: [SEE105]\n")
    checker = Checker(load_config(find_config(tmp_path), tmp_path))
    result = check_dump(checker, dump)
    assert [(d.code, result.lines.position(d.start)) for d in result.diagnostics] == [
        ("SEE105", (10, 5))
    ]
    from editlint.engine.dumps import dump_index, page_path

    index = dump_index(checker.index, dump, 10**6, tmp_path / "pages.sqlite")
    travelled = pickle.loads(pickle.dumps(index))
    (tmp_path / "pages.sqlite").unlink()  # the copy holds the pages itself
    for found in (index.lookup("harbor", mediawiki=True), travelled.lookup("Harbor", True)):
        assert (found.article.title, found.article.redirect_to) == ("Harbor", "Harbour town")
    assert index.lookup("hARBOR") is not None and index.lookup("hARBOR", True) is None
    own = travelled.by_path(page_path(dump, "Quay"))
    assert own is travelled.lookup("quay").article and own.headings == ["See also"]


def test_the_api_checks_a_dump_named_among_paths(tmp_path):
    import editlint

    dump = _dump(tmp_path)
    (tmp_path / "Pier.wiki").write_text("A pier.<ref>R.</ref>\n== See also ==\n* [[Gone]]\n")
    pier, checked = editlint.check_paths([tmp_path / "Pier.wiki", dump])
    assert [editlint.line_column(pier.text, d.start)[0] for d in pier.diagnostics] == [3]
    assert checked.text is None and checked.path == dump
    assert [checked.lines.position(d.start)[0] for d in checked.diagnostics] == [11, 38]
