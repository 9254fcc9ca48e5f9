"""Streamed reports: each file's findings are written when the file is done and then let go;
a dump's come in parts, and the document is the same as one rendered from the joined result."""

from __future__ import annotations

import gc
import json
import os
import stat
import weakref
from io import StringIO

import pytest

from editlint.config.model import load_config
from editlint.diagnostics import Diagnostic
from editlint.engine.batch import BatchOptions, iter_checked
from editlint.engine.dumps import BATCH_SIZE, check_dump
from editlint.engine.runner import Checker
from editlint.report import ReportStream, RunReport, render, writer

HEAD = (
    '<?xml version="1.0"?>\n'
    '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">\n'
    "<siteinfo><sitename>W</sitename></siteinfo>\n"
)
#: Pages of the dump: more than two batches, so its findings come in several parts.
PAGES = 2 * BATCH_SIZE + 10
#: The page whose text is over ``max_file_size``: an input finding (INP006) whose code sorts
#: before the rules' codes turns up after results that name those rules by index.
BIG_PAGE = 100
CONFIG = "select: [SEE101, INP]\nmax_file_size: 400\n"


def _page(number: int) -> str:
    text = f"'''Mill {number}''' grinds corn.\n== See also ==\n* [[Lost mill {number}]]\n"
    if number == BIG_PAGE:
        text += "The wheel turns. " * 40
    return (
        f"  <page>\n    <title>Mill {number}</title>\n    <ns>0</ns>\n    <revision>\n"
        f'      <text xml:space="preserve">{text}</text>\n    </revision>\n  </page>\n'
    )


@pytest.fixture
def dump(tmp_path):
    (tmp_path / "editlint.yaml").write_text(CONFIG)
    path = tmp_path / "mills.xml"
    path.write_text(HEAD + "".join(map(_page, range(PAGES))) + "</mediawiki>\n")
    return path


def _checker(folder) -> Checker:
    return Checker(load_config(folder / "editlint.yaml", folder))


@pytest.mark.parametrize(
    "name", ["json", "sarif", "junit", "github", "concise", "grouped", "full", "html"]
)
def test_a_dump_streamed_in_parts_reads_as_the_joined_result(cli, dump, name):
    checker = _checker(dump.parent)
    rules = {rule.code: rule.metadata() for rule in checker.rules}
    fail_on = checker.loaded.config.fail_on
    whole = RunReport([check_dump(checker, dump)], rules, cwd=dump.parent, fail_on=fail_on)

    done = cli("check", "--no-cache", "--format", name, dump.name, cwd=dump.parent)

    assert done.returncode == 1, done.stderr
    assert done.stdout == render(whole, name)


def test_the_streamed_sarif_of_a_dump_names_each_rule_by_its_index(cli, dump):
    done = cli("check", "--no-cache", "--format", "sarif", dump.name, cwd=dump.parent)

    run = json.loads(done.stdout)["runs"][0]
    ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    found = [(ids[result["ruleIndex"]], result["ruleId"]) for result in run["results"]]
    assert len(found) == PAGES  # one dangling see-also link a page; the big page not read
    assert all(by_index == code for by_index, code in found)
    assert ids.index("INP006") < ids.index("SEE101")
    big = [result for result in run["results"] if result["ruleId"] == "INP006"]
    assert big[0]["message"]["text"].startswith(f"[[Mill {BIG_PAGE}]] page text is")
    assert {key.split(":")[1] for key in _fingerprints(run, "SEE101")} == {
        str(n) for n in range(1, PAGES)
    }  # occurrences count on across the parts of the one file


def _fingerprints(run: dict, code: str) -> list[str]:
    return [
        result["partialFingerprints"]["editlint/v1"]
        for result in run["results"]
        if result["ruleId"] == code
    ]


def _articles(folder, count: int) -> list:
    (folder / "editlint.yaml").write_text("select: [SEE101]\n")
    paths = []
    for number in range(count):
        path = folder / f"pond-{number}.md"
        path.write_text(f"# Pond {number}\n\nA pond.\n\n## See also\n\n- [[Dry pond {number}]]\n")
        paths.append(path)
    return paths


@pytest.mark.parametrize("name", ["concise", "json", "sarif", "junit"])
def test_a_file_is_let_go_once_written(tmp_path, name):
    files = _articles(tmp_path, 3)
    checker = _checker(tmp_path)
    run = RunReport([], {rule.code: rule.metadata() for rule in checker.rules}, cwd=tmp_path)
    out = StringIO()
    stream = ReportStream(writer(name, out, run), run)
    checked = iter_checked(checker, files, BatchOptions(jobs=1))

    first, last = next(checked)
    stream.add(first, last)
    gone = weakref.ref(first)
    del first
    stream.add(*next(checked))  # the next file: the engine holds no earlier result either
    gc.collect()

    assert gone() is None
    assert _live_findings("'Dry pond 0'") == 0
    if name == "concise":
        assert out.getvalue() == (
            "pond-0.md:7:5: SEE101 [error] See-also target 'Dry pond 0' is not an article in "
            "the content repository\n"
            "pond-1.md:7:5: SEE101 [error] See-also target 'Dry pond 1' is not an article in "
            "the content repository\n"
        )
    stream.add(*next(checked))
    assert stream.close().findings == 3
    if name != "concise":
        assert "Dry pond 2" in out.getvalue()


def _live_findings(words: str) -> int:
    return sum(
        1 for item in gc.get_objects() if isinstance(item, Diagnostic) and words in item.message
    )


def test_output_file_is_the_report_on_stdout(cli, tmp_path):
    _articles(tmp_path, 2)
    (tmp_path / "report.json").write_text("old")
    os.chmod(tmp_path / "report.json", 0o640)

    shown = cli("check", "--no-cache", "--format", "json", ".", cwd=tmp_path)
    written = cli("check", "--no-cache", "--format", "json", "-o", "report.json", ".", cwd=tmp_path)

    assert written.returncode == shown.returncode == 1
    assert written.stdout == ""
    assert (tmp_path / "report.json").read_text() == shown.stdout
    assert stat.S_IMODE((tmp_path / "report.json").stat().st_mode) == 0o640
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith(".")) == []


def test_an_output_file_that_cannot_be_written_stops_the_run_before_it_starts(cli, tmp_path):
    _articles(tmp_path, 1)

    done = cli("check", "--no-cache", "--output", "missing/report.json", ".", cwd=tmp_path)

    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "editlint: error: missing/report.json: cannot write the report: No such file or directory"
    ]
    assert not (tmp_path / "missing").exists()


def test_cached_results_are_read_at_their_turn(tmp_path):
    files = _articles(tmp_path, 3)
    checker = _checker(tmp_path)
    options = BatchOptions(jobs=1, cache_dir=tmp_path / "cache")
    for _ in iter_checked(checker, files, options):  # fills the cache
        pass

    checked = iter_checked(checker, files, options)
    first, _ = next(checked)
    waiting = _live_findings("'Dry pond 2'")
    files[2].write_text("# Pond 2\n\nA pond.\n\n## See also\n\n- [[Marsh 2]]\n")
    rest = [result for result, _ in checked]

    assert first.diagnostics[0].message.startswith("See-also target 'Dry pond 0'")
    assert waiting == 0  # the third file's cached findings were not read yet
    assert [result.diagnostics[0].data["target"] for result in rest] == ["Dry pond 1", "Marsh 2"]
