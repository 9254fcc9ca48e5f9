"""Config loading stays linear (#21 item 15): an ``extends`` fan-out reads each file once, a
chain too deep is an error naming a file (not a RecursionError), and a large YAML text
without aliases is not taken for an alias bomb."""

from __future__ import annotations

import pytest

from editlint import yamlguard
from editlint.config import model as config_module
from editlint.config.model import MAX_EXTENDS_DEPTH, load_config
from editlint.errors import ConfigError

LEVELS = 12


def test_an_extends_fan_out_reads_each_file_once(tmp_path, monkeypatch):
    """Every level's two files extend both files of the next level: 2^12 paths, 25 files."""
    for level in range(LEVELS):
        for side in "ab":
            following = f"[a{level + 1}.yaml, b{level + 1}.yaml]" if level + 1 < LEVELS else "[]"
            (tmp_path / f"{side}{level}.yaml").write_text(
                f"extends: {following}\nseverity: {{NEU10{level % 10}: info}}\n"
            )
    (tmp_path / "editlint.yaml").write_text("extends: [a0.yaml, b0.yaml]\nselect: [NEU]\n")
    reads = []
    real_read = config_module._read

    def counting(path, texts):
        reads.append(path)
        return real_read(path, texts)

    monkeypatch.setattr(config_module, "_read", counting)
    loaded = load_config(tmp_path / "editlint.yaml", tmp_path)
    assert loaded.config.select == ["NEU"]
    assert loaded.config.severity["NEU101"].value == "info"
    assert len(reads) == 2 * LEVELS + 1  # each file once; 2^13 reads before


def test_a_chain_too_deep_is_an_error_naming_a_file(tmp_path):
    count = 2_000
    for number in range(count):
        following = f"extends: [c{number + 1}.yaml]\n" if number + 1 < count else ""
        (tmp_path / f"c{number}.yaml").write_text(following)
    (tmp_path / "editlint.yaml").write_text("extends: [c0.yaml]\n")
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path / "editlint.yaml", tmp_path)
    assert f"more than {MAX_EXTENDS_DEPTH} files deep" in raised.value.message
    assert str(raised.value.path).endswith(".yaml")


def test_a_large_yaml_text_without_aliases_is_not_an_alias_bomb(monkeypatch):
    """The limit lowered to 1,000 values, so that the text stays small: one value over it."""
    monkeypatch.setattr(yamlguard, "MAX_VALUES", 1_000)
    words = [f"w{number}" for number in range(yamlguard.MAX_VALUES + 1)]
    assert yamlguard.find_problem("tokens:\n" + "".join(f"  - {w}\n" for w in words)) is None
    rules = "rules:\n" + "".join(f"  - {{code: R{n}, tokens: [a, b]}}\n" for n in range(400))
    assert yamlguard.find_problem(rules) is None  # 2,000 values, no alias
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(3)
    )
    assert "alias bomb" in yamlguard.find_problem(bomb).message
    one_alias = "a: &a [x]\nb: *a\n" + "".join(f"w{n}: v\n" for n in range(1_500))
    assert yamlguard.find_problem(one_alias) is None
