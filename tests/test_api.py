"""The Python API: editlint.check_text, editlint.check_paths, editlint.line_column."""

from __future__ import annotations

import pytest

import editlint
from editlint.errors import ConfigError

ARTICLE = (
    "---\ntitle: Quay\n---\n\nA legendary quay [@q].\n\n"
    "## See also\n\n- [[Harbour]]\n- [[Nowhere]]\n"
)


@pytest.fixture
def wiki(tmp_path):
    (tmp_path / "editlint.yaml").write_text("content_root: content\nselect: [NEU101, SEE101]\n")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "harbour.md").write_text("---\ntitle: Harbour\n---\n\nDocks [@d].\n")
    return tmp_path


def test_check_text_finds_the_config_from_the_path_and_returns_typed_diagnostics(wiki):
    found = editlint.check_text(ARTICLE, path=wiki / "content" / "quay.md")
    assert [(d.code, d.start, d.end) for d in found] == [("NEU101", 23, 32), ("SEE101", 76, 83)]
    first = found[0]
    assert isinstance(first, editlint.Diagnostic)
    assert (first.severity, first.category) == (
        editlint.Severity.WARNING,
        editlint.Category.NEUTRALITY,
    )
    assert ARTICLE[first.start : first.end] == "legendary"
    assert editlint.line_column(ARTICLE, first.start) == (5, 3)
    assert editlint.line_column(ARTICLE, found[1].start) == (10, 5)


def test_a_mapping_config_replaces_discovery(wiki):
    found = editlint.check_text(
        ARTICLE, path=wiki / "content" / "quay.md", config={"select": ["SEE101"]}
    )
    # Without content_root the index is the article's own folder: only Harbour there too.
    assert [d.code for d in found] == ["SEE101"]
    with pytest.raises(ConfigError, match=r"^config:1: fail-on"):
        editlint.check_text(ARTICLE, config={"fail-on": "sometimes"})


MANUAL_PAGE = (
    "# Fingerprint readers\n\nUnfortunately, the reader needs a patched kernel, which adds "
    "two seconds to every boot of the laptop.\n"
)


def test_a_mapping_config_extends_a_preset(tmp_path):
    page = tmp_path / "fingerprint.md"
    default = editlint.check_text(MANUAL_PAGE, path=page, config={})
    manual = editlint.check_text(MANUAL_PAGE, path=page, config={"extends": ["editlint:manual"]})
    assert sorted({d.code for d in default}) == ["NEU301", "SRC101"]
    # the manual preset: a how-to page's tone and its lack of citations are not findings
    assert [d.code for d in manual] == []
    with pytest.raises(ConfigError, match=r"unknown preset 'editlint:handbook'"):
        editlint.check_text(MANUAL_PAGE, path=page, config={"extends": ["editlint:handbook"]})


def test_check_paths_returns_one_result_per_article(wiki):
    (wiki / "content" / "quay.md").write_text(ARTICLE)
    results = editlint.check_paths([wiki / "content"])
    assert all(isinstance(result, editlint.FileResult) for result in results)
    summary = {result.path.name: [d.code for d in result.diagnostics] for result in results}
    assert summary == {"harbour.md": [], "quay.md": ["NEU101", "SEE101"]}
    text = next(result.text for result in results if result.path.name == "quay.md")
    assert text == ARTICLE


def test_a_config_file_path(wiki, tmp_path):
    other = tmp_path / "other.yaml"
    other.write_text("select: [NEU101]\n")
    found = editlint.check_text(ARTICLE, path=wiki / "content" / "quay.md", config=other)
    assert [d.code for d in found] == ["NEU101"]


def test_the_collector_is_settled_for_a_batch_and_restored_after_it(wiki):
    import gc

    from editlint.engine.gc_tuning import YOUNG_THRESHOLD, collecting_rarely

    before = gc.get_threshold()
    with collecting_rarely():
        assert gc.get_threshold()[0] == YOUNG_THRESHOLD
        assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == before
    assert gc.get_freeze_count() == 0
    gc.set_threshold(500, 9, 9)  # a host program's own setting survives a check
    try:
        assert editlint.check_paths([wiki])
        assert gc.get_threshold() == (500, 9, 9)
    finally:
        gc.set_threshold(*before)
