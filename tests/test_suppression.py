"""Inline suppression comments and front-matter ignores."""

from __future__ import annotations

from editlint.engine.config import Config, LoadedConfig
from editlint.engine.runner import Checker, SelectionOverrides


def codes_at(text: str, tmp_path) -> list[tuple[str, int]]:
    checker = Checker(LoadedConfig(Config(), None, tmp_path), SelectionOverrides(select=["NEU101"]))
    result = checker.check_text(text)
    return [(d.code, text[: d.start].count("\n") + 1) for d in result.diagnostics]


def test_disable_next_line(tmp_path):
    text = (
        "A legendary x.\n<!-- editlint-disable-next-line NEU101 -->\n"
        "A legendary y.\nA legendary z.\n"
    )
    assert codes_at(text, tmp_path) == [("NEU101", 1), ("NEU101", 4)]


def test_disable_enable_range_by_prefix(tmp_path):
    text = (
        "<!-- editlint-disable NEU -->\n\nA legendary x.\n\n"
        "<!-- editlint-enable NEU -->\n\nA legendary y.\n"
    )
    assert codes_at(text, tmp_path) == [("NEU101", 7)]


def test_disable_without_codes_disables_all(tmp_path):
    text = "<!-- editlint-disable -->\n\nA legendary x.\n"
    assert codes_at(text, tmp_path) == []


def test_front_matter_ignore(tmp_path):
    text = "---\neditlint:\n  ignore: [NEU101]\n---\n\nA legendary x.\n"
    assert codes_at(text, tmp_path) == []


def test_other_codes_are_not_suppressed(tmp_path):
    text = "<!-- editlint-disable-next-line SEE101 -->\nA legendary x.\n"
    assert codes_at(text, tmp_path) == [("NEU101", 2)]
