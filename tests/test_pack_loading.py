"""editlint's own packs load through libyaml; a broken one still gets a line-numbered error."""

from __future__ import annotations

import pytest

from editlint.errors import ConfigError
from editlint.rules import packs

PACK = """\
pack: demo
rules:
  - code: DEM101
    name: demo
    kind: existence
    category: neutrality
    message: "m"
    tokens: [legendary]
"""


def test_a_shipped_pack_loads_on_the_fast_path(tmp_path, monkeypatch):
    monkeypatch.setattr(packs, "builtin_pack_dir", lambda: tmp_path)
    monkeypatch.setattr(packs, "load_yaml", _must_not_run)
    (tmp_path / "demo.yaml").write_text(PACK)
    assert [rule.code for rule in packs.load_pack(tmp_path / "demo.yaml")] == ["DEM101"]


def test_a_broken_shipped_pack_is_reported_with_its_line(tmp_path, monkeypatch):
    monkeypatch.setattr(packs, "builtin_pack_dir", lambda: tmp_path)
    (tmp_path / "demo.yaml").write_text(PACK.replace("    tokens:", "    tokenz:"))
    with pytest.raises(ConfigError) as raised:
        packs.load_pack(tmp_path / "demo.yaml")
    assert raised.value.line == 8
    assert "tokenz" in str(raised.value)


def _must_not_run(*args):
    raise AssertionError("the careful YAML parser ran for a valid shipped pack")


@pytest.mark.parametrize("scope", ["code", "front_matter", "quotation", "lead"])
def test_a_scope_that_matches_nothing_is_refused_with_its_line(tmp_path, scope):
    pack = tmp_path / "house.yaml"
    pack.write_text(PACK + f"    scope: [paragraph, {scope}]\n")
    with pytest.raises(ConfigError) as raised:
        packs.load_pack(pack)
    assert raised.value.line == 9
    assert f"scope '{scope}' matches nothing" in str(raised.value)


def test_options_of_a_rule_not_selected_are_still_validated(tmp_path):
    from editlint.config.model import load_config
    from editlint.engine.runner import Checker

    (tmp_path / "editlint.yaml").write_text(
        "ignore: [SRC103]\nrules:\n  SRC103:\n    check_leed: true\n"
    )
    with pytest.raises(ConfigError) as raised:
        Checker(load_config(tmp_path / "editlint.yaml", tmp_path))
    assert "check_leed: unknown key (did you mean 'check_lead'?)" in str(raised.value)


def test_swap_keys_are_told_apart_without_compiling_each_literal_key():
    import regex

    from editlint.rules.kinds.substitution import SubstitutionRule
    from editlint.rules.matching.patterns import term_pattern
    from editlint.rules.registry import all_rules

    rules = [rule for rule in all_rules() if isinstance(rule, SubstitutionRule)]
    assert rules
    for rule in rules:
        spec = rule.spec
        sources = [key if spec.regex else term_pattern(key) for key in spec.swap]
        expected, number = [], 1
        for source in sources:
            expected.append(number)
            number += 1 + regex.compile(source).groups
        assert rule.key_groups == expected, rule.code
    assert regex.compile(term_pattern("in order (to)")).groups == 0
    assert regex.compile(term_pattern("it's [a] {b}")).groups == 0
