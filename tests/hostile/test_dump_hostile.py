"""Hostile MediaWiki dumps checked directly: an input finding where the harm is, never a hang,
a traceback or the whole dump in memory; the pages around a hostile page are still checked."""

from __future__ import annotations

import bz2
import json

import pytest

from editlint.config.model import find_config, load_config
from editlint.engine.dumps import check_dump
from editlint.engine.runner import Checker

HEAD = (
    '<?xml version="1.0"?>\n'
    '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/" version="0.10">\n'
)
TAIL = "</mediawiki>\n"


def _page(title: str, text: str) -> str:
    return (
        f"<page><title>{title}</title><ns>0</ns><revision>\n<text>{text}</text></revision></page>\n"
    )


# A page with a finding after the hostile one shows the run went on past it.
AFTER = _page("Quay", "A quay.&lt;ref&gt;R.&lt;/ref&gt;\n== See also ==\n* [[Nowhere]]\n")


def _check(tmp_path, body: str, name="d.xml", tail=TAIL):
    (tmp_path / "editlint.yaml").write_text("select: [SEE101, INP]\n")
    dump = tmp_path / name
    data = (HEAD + body + tail).encode()
    dump.write_bytes(bz2.compress(data) if name.endswith(".bz2") else data)
    checker = Checker(load_config(find_config(tmp_path), tmp_path))
    result = check_dump(checker, dump)
    return [
        (d.code, result.lines.position(d.start)[0], d.message.split(" ", 1)[0])
        if d.code != "INP003" or d.message.startswith("[[")
        else (d.code, result.lines.position(d.start)[0], d.message)
        for d in result.diagnostics
    ]


@pytest.mark.parametrize(
    "text",
    [
        "{{a|\n" * 100_000 + "x" + "}}\n" * 100_000,
        "Text {{cite web|title=x\n" * 5_000,
        "A claim.&lt;ref&gt;Source\n" * 5_000,
    ],
    ids=["nested-templates", "unclosed-templates", "unclosed-refs"],
)
def test_a_hostile_page_is_an_input_finding_and_the_next_page_is_checked(tmp_path, text):
    found = _check(tmp_path, _page("Hostile", text) + AFTER)
    assert [code for code, _, _ in found] == ["INP003", "SEE101"]
    assert found[0][2] == "[[Hostile]]" and found[1][2] == "[[Quay]]"


def test_a_50_mb_page_is_an_input_finding_without_being_kept(tmp_path):
    big = "Prose [[link]] and {{cite web|url=x}}.\n" * (50 * 2**20 // 40)
    found = _check(tmp_path, _page("Big", big) + AFTER, name="d.xml.bz2")
    # Big's text starts on line 4; Quay's see-also entry is 4 lines after Big's last line.
    assert found == [("INP006", 4, "[[Big]]"), ("SEE101", 4 + big.count("\n") + 4, "[[Quay]]")]


def test_billion_laughs_is_refused_at_its_first_entity(tmp_path):
    entities = '<!ENTITY a "ha">\n' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">\n' for i in range(9)
    )
    head = f'<?xml version="1.0"?>\n<!DOCTYPE mediawiki [\n{entities}]>\n'
    (tmp_path / "editlint.yaml").write_text("select: [INP]\n")
    dump = tmp_path / "laughs.xml"
    dump.write_text(head + HEAD.split("\n", 1)[1] + _page("Laughs", "&j;") + TAIL)
    checker = Checker(load_config(find_config(tmp_path), tmp_path))
    result = check_dump(checker, dump)
    [finding] = result.diagnostics
    assert finding.code == "INP003" and "declares the entity 'a'" in finding.message
    assert result.lines.position(finding.start)[0] == 3


@pytest.mark.parametrize(
    ("body", "words", "line"),
    [
        (_page("Cut", "Text").rsplit("</text>", 1)[0], "no element found", 9),
        ("<page><title>" + "T" * 5_000 + "</title></page>\n", "a <title> over 4,096", 8),
        ("<page>" * 100_000 + "\n", "no element found", 9),
    ],
    ids=["truncated", "huge-title", "deep-elements"],
)
def test_broken_xml_is_one_input_finding_after_the_pages_before_it(tmp_path, body, words, line):
    found = _check(tmp_path, AFTER + body, tail="")
    assert [(code, at) for code, at, _ in found] == [("SEE101", 6), ("INP003", line)]
    assert found[0][2] == "[[Quay]]" and words in found[1][2]


def test_the_cli_reports_a_broken_dump_with_exit_1_and_no_traceback(tmp_path, cli):
    (tmp_path / "editlint.yaml").write_text("select: [INP]\n")
    (tmp_path / "d.xml").write_text(HEAD + "<page><title>x</title>")
    done = cli("check", "--format", "json", "d.xml", cwd=tmp_path)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    [finding] = json.loads(done.stdout)["diagnostics"]
    assert (finding["code"], finding["line"]) == ("INP003", 3)


def test_a_page_that_fails_to_be_checked_costs_that_page_only(tmp_path):
    class Faulty(Checker):
        def check_text(self, text, path=None, title=None):
            if title == "Broken":
                raise ValueError("injected")
            return super().check_text(text, path, title)

    (tmp_path / "editlint.yaml").write_text("select: [SEE101]\n")
    dump = tmp_path / "d.xml"
    dump.write_text(HEAD + _page("Broken", "Text.") + AFTER + TAIL)
    result = check_dump(Faulty(load_config(find_config(tmp_path), tmp_path)), dump)
    assert [(d.code, d.message) for d in result.diagnostics] == [
        ("INT001", "[[Broken]] the page could not be checked: ValueError: injected"),
        (
            "SEE101",
            "[[Quay]] See-also target 'Nowhere' is not an article in the content repository",
        ),
    ]
