"""Validated models kept for the next run: rebuilt exactly, without importing pydantic."""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import probe_json
from editlint.config.model import Config, load_config
from editlint.config.presets import preset_path
from editlint.errors import ConfigError
from editlint.models import given, validator
from editlint.rules.packs import RulePack, builtin_pack_dir, load_pack, pack_files
from editlint.rules.registry import all_rules
from editlint.sources.reliability import SourceList, default_entries
from editlint.validated import FOLDER, Unbuildable, ValidatedStore, construct, same
from editlint.yamlsource import validate
from house import one_word_pack


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
    assert given(rebuilt) == given(validated)  # the same fields left at their defaults
    assert same(rebuilt.links, validated.links) and same(rebuilt.sources, validated.sources)


def test_every_shipped_pack_and_the_source_list_are_rebuilt_equal(tmp_path):
    store = ValidatedStore(tmp_path / "cache")
    for path in pack_files(builtin_pack_dir()):
        data = _load(path)
        validated = validator(RulePack).validate_python(data)
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
print(json.dumps(sorted(name for name in sys.modules if name.startswith("pydantic"))))
"""


def _pydantic_modules(tmp_path, *args: str) -> set[str]:
    check = ("check", "--exit-zero", "--format", "concise", *args)
    return set(probe_json(_PROBE, *check, cwd=tmp_path, timeout=300))


def test_a_second_check_imports_no_pydantic(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "editlint.yaml").write_text(
        "extends: [editlint:recommended]\nrules:\n  SRC102:\n    min_words: 30\n"
        "  SRC103:\n    marker: '[source?]'\nsources:\n  self: wiki.example.org\n",
        encoding="utf-8",
    )
    article = tmp_path / "harbour.md"
    article.write_text(
        "# Harbour\n\nThe harbour is a legendary place, critics say [1].\n", encoding="utf-8"
    )
    first = _pydantic_modules(tmp_path, "harbour.md")
    assert {"pydantic", "pydantic_core"} <= first  # validated, then kept
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    assert _pydantic_modules(tmp_path, "harbour.md") == set()
    assert (tmp_path / ".editlint_cache" / FOLDER).is_dir()
    nothing = _pydantic_modules(tmp_path, "--no-cache", "harbour.md")
    assert "pydantic" in nothing  # --no-cache keeps nothing: validated again


def test_a_changed_config_is_validated_again_with_its_error(tmp_path):
    (tmp_path / ".git").mkdir()
    config = tmp_path / "editlint.yaml"
    config.write_text("select: [NEU]\n", encoding="utf-8")
    (tmp_path / "harbour.md").write_text("# Harbour\n\nA quiet place.\n", encoding="utf-8")
    assert "pydantic" in _pydantic_modules(tmp_path, "harbour.md")
    assert _pydantic_modules(tmp_path, "harbour.md") == set()
    config.write_text("select: [NEU]\nfail_on: loud\n", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(config, tmp_path, cache=None)
    assert raised.value.render().startswith(f"{config}:2: fail_on: Input should be")


def test_load_pack_with_a_store_gives_the_same_rules(tmp_path):
    store = ValidatedStore(tmp_path / "cache")
    path = pack_files(builtin_pack_dir())[0]
    load_pack(path, store)
    codes = [rule.code for rule in load_pack(path, store)]
    assert codes == [rule.code for rule in load_pack(path)]


def test_options_rebuilt_keep_whether_the_marker_was_named(tmp_path):
    from editlint.rules.builtin.unsourced_claim import DEFAULT_MARKER, UnsourcedClaimOptions

    store = ValidatedStore(tmp_path / "cache")
    for data, named in (({"reach": 3}, False), ({"marker": "[citation needed]"}, True)):
        validated = validate(UnsourcedClaimOptions, data, "config", known=store)
        rebuilt = validate(UnsourcedClaimOptions, data, "config", known=store)
        assert rebuilt is not validated and same(rebuilt, validated)
        assert (rebuilt.marker is DEFAULT_MARKER) is (validated.marker is DEFAULT_MARKER)
        assert (validated.marker is DEFAULT_MARKER) is not named
    assert len(_kept(store)) == 2


def test_a_pydantic_options_model_is_validated_every_time_with_its_hint(tmp_path):
    from pydantic import BaseModel, ConfigDict

    class HouseOptions(BaseModel):  # a Python rule's options, written with pydantic
        model_config = ConfigDict(extra="forbid")

        allow: list[str] = []

    store = ValidatedStore(tmp_path / "cache")
    for _ in range(2):
        options = validate(HouseOptions, {"allow": ["Harbour"]}, "config", known=store)
        assert isinstance(options, HouseOptions) and options.allow == ["Harbour"]
    assert _kept(store) == []
    with pytest.raises(ConfigError) as raised:
        validate(HouseOptions, {"alow": []}, "editlint.yaml", known=store)
    assert str(raised.value) == "editlint.yaml:1: alow: unknown key (did you mean 'allow'?)"


_YAML_PROBE = """
import json, sys
from editlint.cli import main
main(sys.argv[1:])
print(json.dumps(sorted(n for n in sys.modules if n.split(".")[0] in ("yaml", "ruamel"))))
"""


def _yaml_modules(tmp_path) -> set[str]:
    check = ("check", "--exit-zero", "--format", "json", "harbour.md")
    return set(probe_json(_YAML_PROBE, *check, cwd=tmp_path, timeout=300))


def _findings(tmp_path) -> list[tuple[str, int, int]]:
    from conftest import run_cli

    result = run_cli("check", "--exit-zero", "--format", "json", "harbour.md", cwd=tmp_path)
    found = json.loads(result.stdout)["diagnostics"]
    return [(d["code"], d["line"], d["column"]) for d in found]


def test_packs_read_before_are_not_read_again_and_an_edited_one_is(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / "editlint.yaml").write_text(
        "rule_paths: [house]\nselect: [HSE101, NEU101]\n", encoding="utf-8"
    )
    (tmp_path / "house").mkdir()
    pack = tmp_path / "house" / "house.yaml"
    pack.write_text(one_word_pack("harbour"), encoding="utf-8")
    (tmp_path / "harbour.md").write_text(
        "# Quay\n\nThe harbour is a legendary pier.\n", encoding="utf-8"
    )
    assert "ruamel.yaml" in _yaml_modules(tmp_path)  # read, then kept
    assert _yaml_modules(tmp_path) == set()  # no YAML read: own packs and house
    assert _findings(tmp_path) == [("HSE101", 3, 5), ("NEU101", 3, 18)]
    pack.write_text(one_word_pack("pier"), encoding="utf-8")
    assert "ruamel.yaml" in _yaml_modules(tmp_path)  # other bytes: read again
    assert _findings(tmp_path) == [("NEU101", 3, 18), ("HSE101", 3, 28)]


def test_the_shipped_seed_is_what_validation_gives_today():
    from editlint.authoring.validated_seed import seed_path, seed_text

    assert seed_path().read_text(encoding="utf-8") == seed_text(), (
        "stale rules/validated.json: run python scripts/gen_pack_analysis.py"
    )


def test_a_check_without_caches_or_config_imports_no_pydantic_nor_yaml(tmp_path):
    """The shipped packs and the built-in rules' default options come from the shipped
    seed: a first check on a fresh machine (or ``--no-cache``) validates nothing."""
    (tmp_path / "harbour.md").write_text("# Harbour\n\nA legendary place.\n", encoding="utf-8")
    probe = _YAML_PROBE.replace('("yaml", "ruamel")', '("yaml", "ruamel", "pydantic")')
    check = ("check", "--exit-zero", "--no-cache", "--format", "json", "harbour.md")
    assert set(probe_json(probe, *check, cwd=tmp_path, timeout=300)) == set()


def test_rules_from_the_seed_are_the_rules_from_validation():
    fresh = {rule.code: rule for rule in all_rules()}
    shipped = {rule.code: rule for rule in all_rules(known=ValidatedStore.in_cache(None))}
    assert shipped.keys() == fresh.keys()
    for code, rule in shipped.items():
        if hasattr(rule, "spec"):
            assert same(rule.spec, fresh[code].spec), code


def test_only_values_json_carries_exactly_are_kept(tmp_path):
    store = ValidatedStore(tmp_path / "cache")
    store.keep(["plain"], {"rules": [{"code": "HSE101", "tokens": ["pier"]}]})
    store.keep(["number key"], {1: "one"})  # JSON would give it back as "1"
    store.keep(["date"], {"since": __import__("datetime").date(2020, 1, 2)})
    assert store.recall(["plain"]) == {"rules": [{"code": "HSE101", "tokens": ["pier"]}]}
    assert store.recall(["number key"]) is None
    assert store.recall(["date"]) is None
