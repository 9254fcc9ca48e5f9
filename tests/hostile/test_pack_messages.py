"""Rule packs meet hostile articles: a message pastes the article's text in and never runs it
as a format string (#21 item 2); a regex swap table writes the replacement of the key that
matched, whatever capture groups the keys hold (#21 item 7)."""

from __future__ import annotations

from editlint.config.model import Config, LoadedConfig
from editlint.engine.runner import Checker
from editlint.rules.packs import load_pack


def _rules(tmp_path, body: str):
    pack = tmp_path / "pack.yaml"
    pack.write_text("pack: evil\nrules:\n  - code: EVL101\n    name: evil\n" + body)
    return load_pack(pack)


def _check(tmp_path, body: str, text: str):
    checker = Checker(LoadedConfig(Config(), None, tmp_path), rules=_rules(tmp_path, body))
    return checker.check_text(text).diagnostics


EXISTENCE = (
    "    kind: existence\n    category: neutrality\n"
    "    message: \"'{match}' found; {{literal}} {unknown}\"\n"
    "    patterns: ['\\{[^}]*\\}', 'brace\\{', 'close\\}']\n"
)


def test_article_text_in_a_message_is_pasted_in_not_formatted(tmp_path):
    text = (
        "Lead {match.__class__.__mro__} here [@a].\n\n"
        "A width {match:>999999999} spec [@b].\n\n"
        "A lone brace{ and close} here [@c].\n"
    )
    found = _check(tmp_path, EXISTENCE, text)
    assert [d.code for d in found] == ["EVL101"] * 4, [d.message for d in found]
    messages = [d.message for d in found]
    assert messages == [
        "'{match.__class__.__mro__}' found; {literal} {unknown}",
        "'{match:>999999999}' found; {literal} {unknown}",
        "'brace{' found; {literal} {unknown}",
        "'close}' found; {literal} {unknown}",
    ]
    assert all(len(message) < 100 for message in messages)


SWAP = (
    "    kind: substitution\n    category: neutrality\n"
    "    message: \"write '{replacement}' for '{match}'\"\n"
    "    applicability: safe\n    regex: true\n    swap:\n"
    "      '(very|really) good': good\n"
    "      'in order to': to\n"
    "      '(?:prior) to': before\n"
    "      '(a)(b)(c)(d)(e)': five\n"
)


def test_a_regex_swap_writes_the_replacement_of_the_key_that_matched(tmp_path):
    text = "It was very good. We came in order to see. It ended prior to noon. abcde [@a].\n"
    found = _check(tmp_path, SWAP, text)
    fixes = {text[d.start : d.end]: d.fix.edits[0].replacement for d in found}
    assert fixes == {
        "very good": "good",
        "in order to": "to",
        "prior to": "before",
        "abcde": "five",
    }
    assert [d.code for d in found] == ["EVL101"] * 4
