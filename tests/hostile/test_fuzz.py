"""Fuzzing: random Markdown with random front matter. Whatever the text, no rule crashes, every
finding lies inside the document, and fixing is idempotent (fixing the fixed text changes
nothing)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import ROOT
from editlint.config.model import Config, LoadedConfig
from editlint.diagnostics import Applicability
from editlint.engine.runner import Checker
from editlint.fixes.apply import fix_text

MARKUP = list("#*_`[]()<>!|-+=:;.,?\"'“”‘’\\{}@^~&/\t\n ") + ["\r\n", "\u00a0", "\u200b", "\ufeff"]
PIECES = [
    "very",
    "utilise",
    "in order to",
    "legendary",
    "critics say",
    "some say",
    "clearly",
    "[[NATO]]",
    "[[",
    "]]",
    "[a](b)",
    "[a](http://x.org)",
    "[^1]",
    "[^1]: note",
    "[@key]",
    "<ref>x</ref>",
    "{{cite web}}",
    "[citation needed]",
    "<!-- editlint-disable -->",
    "<!-- editlint-disable-next-line NEU -->",
    "See also",
    "## See also",
    "# Title",
    "- ",
    "> ",
    "1. ",
    "```",
    "    ",
    "|a|b|\n|-|-|",
    "***",
    "---",
    "\u0301",
    "Ünïcode",
    "e.g.",
    "U.S.",
]
FRONT = [
    "title: Port\n",
    "see_also: [NATO, Nowhere]\n",
    "aliases: [P]\n",
    "editlint: {ignore: [NEU]}\n",
    "editlint: {severity: {SRC: info}}\n",
    "title: [x\n",
    "- a\n",
    "a: &a [1]\nb: *a\n",
    "title: !tag x\n",
    "title: a\ntitle: b\n",
    "'': ''\n",
    "see_also: x\n",
    "editlint: 3\n",
]

text = st.lists(
    st.one_of(st.sampled_from(MARKUP), st.sampled_from(PIECES), st.text(max_size=4)),
    max_size=60,
).map("".join)
front_matter = st.one_of(
    st.just(""),
    st.lists(st.sampled_from(FRONT), max_size=3).map(lambda ls: "---\n" + "".join(ls) + "---\n"),
    st.sampled_from(["---\n", "---\ntitle: x\n", "---\n---", "\ufeff---\ntitle: x\n---\n"]),
)
document = st.tuples(front_matter, text).map("".join)


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(LoadedConfig(Config(), None, ROOT / "content"))


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))


@FUZZ
@given(source=document)
def test_no_crash_findings_inside_fixes_idempotent(checker, source):
    result = checker.check_text(source)
    assert [d.message for d in result.diagnostics if d.code == "INT001"] == []
    for diagnostic in result.diagnostics:
        assert 0 <= diagnostic.start <= diagnostic.end <= len(source), diagnostic
        if diagnostic.fix is not None:
            for edit in diagnostic.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(source), diagnostic

    def check(current: str):
        return checker.check_text(current).diagnostics

    fixed = fix_text(source, check, Applicability.UNSAFE)
    if fixed.hit_cap:
        return  # still changing after the cap: not a fixed point to test
    again = fix_text(fixed.text, check, Applicability.UNSAFE)
    assert again.text == fixed.text
