"""Validated models kept for the next run: rebuilt exactly, and no validator built for them."""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import probe_json
from editlint.config.model import Config, load_config
from editlint.config.presets import preset_path
from editlint.errors import ConfigError
from editlint.rules.packs import RulePack, builtin_pack_dir, load_pack, pack_files
from editlint.rules.registry import all_rules
from editlint.sources.reliability import SourceList, default_entries
from editlint.validated import FOLDER, Unbuildable, ValidatedStore, construct, same
from editlint.yamlsource import validate


def _load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _kept(store: ValidatedStore) -> list:
    return sorted((store.folder).glob("*.json"))


@pytest.mark.parametrize("name", ["recommended", "strict", "manual", "blp"])
def test_a_preset_is_rebuilt_equal_to_its_validation(tmp_path, name):
    store = ValidatedStore(tmp_path / "cache")
    data = _load(preset_path(name))
    validated = validate(Config, data, "preset", known=store)
    assert len(_kept(store)) == 1
    rebuilt = validate(Config, data, "preset", known=store)
    assert rebuilt is not validated
    assert same(rebuilt, validated)
    assert rebuilt.model_fields_set == validated.model_fields_set
    assert same(rebuilt.links, validated.links) and same(rebuilt.sources, validated.sources)


def test_every_shipped_pack_and_the_source_list_are_rebuilt_equal(tmp_path):
    store = ValidatedStore(tmp_path / "cache")
    for path in pack_files(builtin_pack_dir()):
        data = _load(path)
        validated = RulePack.model_validate(data)
        store.put(RulePack, data, validated)
        rebuilt = store.get(RulePack, data)
        assert same(rebuilt, validated), path.name
        assert [type(spec) for spec in rebuilt.rules] == [type(spec) for spec in validated.rules]
    assert default_entries(store) == default_entries()
    assert len(_kept(store)) == len(pack_files(builtin_pack_dir())) + 1


def test_rules_from_kept_packs_are_the_rules_from_validation(tmp_path):
    store = ValidatedStore(tmp_path / "cache")
    fresh = {rule.code: rule for rule in all_rules()}
    all_rules(known=store)
    kept = {rule.code: rule for rule in all_rules(known=store)}
    assert kept.keys() == fresh.keys()
    for code, rule in kept.items():
        if hasattr(rule, "spec"):
            assert same(rule.spec, fresh[code].spec), code
            assert rule.origin == fresh[code].origin


def test_a_value_json_cannot_carry_is_validated_every_time(tmp_path):
    store = ValidatedStore(tmp_path / "cache")
    data = {"rules": {"SRC401": {"since": __import__("datetime").date(2020, 1, 2)}}}
    validate(Config, data, "config", known=store)
    assert _kept(store) == []


def test_a_planted_or_broken_entry_is_validated_again(tmp_path):
    store = ValidatedStore(tmp_path / "cache")
    data = {"select": ["NEU"], "links": {"anchors": "github"}}
    validate(Config, data, "config", known=store)
    (entry,) = _kept(store)
    for planted in ("{not json", json.dumps({"no_such_field": 1}), json.dumps([1, 2])):
        entry.write_text(planted, encoding="utf-8")
        assert store.get(Config, data) is None
        again = validate(Config, data, "config", known=store)
        assert again.select == ["NEU"] and again.links.anchors == "github"


def test_an_invalid_config_is_the_same_error_with_a_store(tmp_path):
    config = tmp_path / "editlint.yaml"
    config.write_text("select: [NEU]\nlinks:\n  anchor: github\n", encoding="utf-8")
    messages = []
    for cache in (False, None, None):  # no store, a new store, the store again
        with pytest.raises(ConfigError) as raised:
            load_config(config, tmp_path, cache=cache)
        messages.append(raised.value.render())
    assert messages[0] == messages[1] == messages[2]
    assert "links.anchor: unknown key (did you mean 'anchors'?)" in messages[0]
    assert ":3" in messages[0]
    assert not (tmp_path / ".editlint_cache" / FOLDER).exists() or not list(
        (tmp_path / ".editlint_cache" / FOLDER).glob("*.json")
    )


def test_construct_refuses_what_it_cannot_rebuild():
    with pytest.raises(ValueError):  # not a Status
        construct(SourceList, {"sources": [{"status": "no-such-status", "domain": "a.org"}]})
    with pytest.raises(Unbuildable):
        construct(RulePack, {"rules": [{"kind": "no-such-kind"}]})


_PROBE = """
import json, sys
from editlint.cli import main
main(sys.argv[1:])
import pydantic
built = set()
seen, todo = set(), [pydantic.BaseModel]
while todo:
    for sub in todo.pop().__subclasses__():
        if sub not in seen:
            seen.add(sub)
            todo.append(sub)
            if sub.__module__.startswith("editlint") and sub.__pydantic_complete__:
                built.add(sub.__qualname__)
print(json.dumps(sorted(built)))
"""


def _built_validators(tmp_path, *args: str) -> set[str]:
    check = ("check", "--exit-zero", "--format", "concise", *args)
    return set(probe_json(_PROBE, *check, cwd=tmp_path, timeout=300))


def test_a_second_check_builds_no_validator_for_config_packs_or_options(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "editlint.yaml").write_text(
        "extends: [editlint:recommended]\nrules:\n  SRC102:\n    min_words: 30\n",
        encoding="utf-8",
    )
    article = tmp_path / "harbour.md"
    article.write_text(
        "# Harbour\n\nThe harbour is a legendary place, critics say [1].\n", encoding="utf-8"
    )
    first = _built_validators(tmp_path, "harbour.md")
    assert {"Config", "RulePack"} <= first  # validated, then kept
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    second = _built_validators(tmp_path, "harbour.md")
    # built by the classes' own bodies at import (rule examples, narrator-voice tests) only
    assert second <= {"RuleExamples", "FixExample", "VoiceSpec"}, second
    assert (tmp_path / ".editlint_cache" / FOLDER).is_dir()
    nothing = _built_validators(tmp_path, "--no-cache", "harbour.md")
    assert "Config" in nothing and "RulePack" in nothing  # --no-cache keeps nothing


def test_load_pack_with_a_store_gives_the_same_rules(tmp_path):
    store = ValidatedStore(tmp_path / "cache")
    path = pack_files(builtin_pack_dir())[0]
    load_pack(path, store)
    codes = [rule.code for rule in load_pack(path, store)]
    assert codes == [rule.code for rule in load_pack(path)]
