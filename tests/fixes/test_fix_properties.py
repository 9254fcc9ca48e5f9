"""Property tests over generated articles: fixes never overlap, fixing is idempotent, and text
outside the edited spans is byte-identical. They run every rule there is (built-in packs, Python
rules and the house pack), so they keep covering fixable rules as they are added.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editlint.config.model import load_config
from editlint.diagnostics import Applicability, Edit, Fix
from editlint.engine.runner import Checker
from editlint.fixes.apply import apply_once, choose, fix_text
from editlint.fixes.regions import Regions
from editlint.fixes.session import fix_file
from house import house_folder

WORDS = [
    "the",
    "port",
    "treaty",
    "Moscow",
    "very",
    "utilise",
    "in order to",
    "prior to",
    "extremely",
    "truly",
    "legendary",
    "renowned",
    "slammed",
    "critics",
    "said",
    "argued",
    "some say",
    "it is widely believed",
    "clearly",
    "obviously",
    "notably",
    "however",
    "of course",
    "From a center-right vantage,",
    "[[NATO]]",
    "[[Nowhere]]",
    "[link](nato.md)",
    "[@src]",
    '"a legendary deal"',
    "`very`",
    "*very*",
    "**utilise**",
    "1990",
    "—",
    "é",
    "Ünïcode",
]
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(
    lambda words: " ".join(words).capitalize() + "."
)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
block = st.one_of(
    paragraph,
    paragraph.map(lambda p: "- " + p),
    st.sampled_from(["## History", "## Criticism", "## See also", "## Debate", "- [[NATO]]"]),
    st.sampled_from(["> A very legendary quote.", "```\nvery utilise\n```"]),
)
article = st.tuples(
    st.booleans(),  # front matter
    st.lists(block, min_size=1, max_size=8),
    st.sampled_from(["\n", "\r\n"]),
    st.booleans(),  # final newline
).map(
    lambda parts: (
        parts[2].join(
            (["---", "title: Port", "---", ""] if parts[0] else [])
            + ["# Port", ""]
            + [piece for b in parts[1] for piece in (b, "")][:-1]
        )
        + (parts[2] if parts[3] else "")
    )
)


@pytest.fixture(scope="module")
def checker(tmp_path_factory) -> Checker:
    folder = house_folder(tmp_path_factory.mktemp("repo"), {"nato.md": "# NATO\n"})
    (folder / "editlint.yaml").write_text("rule_paths: [house.yaml]\n")
    return Checker(load_config(folder / "editlint.yaml", folder))


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(text=article)
def test_chosen_fixes_never_overlap(checker, text):
    fixes = [d.fix for d in checker.check_text(text).diagnostics if d.fix is not None]
    edits = sorted(
        (edit for index in choose(fixes, len(text)) for edit in fixes[index].edits),
        key=lambda e: (e.start, e.end),
    )
    for before, after in zip(edits, edits[1:], strict=False):
        assert before.end <= after.start
        assert not (before.start == before.end == after.start == after.end)


@PROPERTY
@given(text=article)
def test_fixing_is_idempotent_and_keeps_the_text_outside_the_edits(checker, text):
    def check(current):
        return checker.check_text(current).diagnostics

    outcome = fix_text(text, check, Applicability.UNSAFE)
    assert not outcome.hit_cap
    for original, current in outcome.regions.unchanged(len(text), len(outcome.text)):
        assert text[original] == outcome.text[current]
    again = fix_text(outcome.text, check, Applicability.UNSAFE)
    assert (again.text, again.applied) == (outcome.text, 0)


@PROPERTY
@given(text=article)
def test_fixed_files_keep_their_bytes_outside_the_edits(checker, tmp_path_factory, text):
    path = tmp_path_factory.mktemp("fix") / "article.md"
    original = text.encode("utf-8")
    path.write_bytes(original)
    result = fix_file(checker, path, Applicability.UNSAFE)
    written = path.read_bytes()
    assert written == result.fixed.encode("utf-8")
    for before, after in result.regions.unchanged(len(text), len(result.fixed)):
        assert text[before] == result.fixed[after]
    assert fix_file(checker, path, Applicability.UNSAFE).changed is False
    assert path.read_bytes() == written


@st.composite
def text_and_fixes(draw):
    text = draw(st.text(alphabet="ab\r\n é", max_size=30))
    span = st.integers(0, len(text))
    fixes = []
    for _ in range(draw(st.integers(0, 8))):
        edits = []
        for _ in range(draw(st.integers(1, 2))):
            start, end = sorted((draw(span), draw(span)))
            edits.append(Edit(start, end, draw(st.text(alphabet="xy\n", max_size=3))))
        fixes.append(Fix(tuple(edits)))
    return text, fixes


@settings(max_examples=300, deadline=None)
@given(case=text_and_fixes())
def test_arbitrary_fixes_apply_without_overlap_and_touch_only_their_spans(case):
    text, fixes = case
    chosen = [fixes[i] for i in choose(fixes, len(text))]
    spans = sorted((e.start, e.end) for fix in chosen for e in fix.edits)
    for before, after in zip(spans, spans[1:], strict=False):
        assert before[1] <= after[0] and not (before[0] == before[1] == after[0] == after[1])
    fixed, count = apply_once(text, fixes)
    assert count == len(chosen)
    cursor, rebuilt = 0, []
    edits = sorted((e for fix in chosen for e in fix.edits), key=lambda e: (e.start, e.end))
    for fix_edit in edits:
        rebuilt += [text[cursor : fix_edit.start], fix_edit.replacement]
        cursor = fix_edit.end
    assert fixed == "".join(rebuilt) + text[cursor:]
    regions = Regions()
    regions.record([e for fix in chosen for e in fix.edits])
    for before, after in regions.unchanged(len(text), len(fixed)):
        assert text[before] == fixed[after]
