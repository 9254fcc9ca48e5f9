"""The shipped packs' precomputed pattern analysis (rules/analysis.json): fresh, and trusted
only for the shipped pack files whose bytes it was made from."""

from __future__ import annotations

import json
import shutil
import sys

from editlint.authoring.pack_analysis import analysis_table, table_path
from editlint.rules.matching.facts import PatternFacts, analyse, shipped_facts
from editlint.rules.matching.patterns import Alternation
from editlint.rules.packs import builtin_pack_dir, load_pack, pack_files, pack_rule


def _singles(rules) -> list:
    found = []
    for rule in rules:
        for search in rule.searches:
            pattern = search.pattern
            found.extend(pattern.patterns if isinstance(pattern, Alternation) else [pattern])
    return found


def test_the_shipped_table_matches_the_packs():
    shipped = json.loads(table_path().read_text(encoding="utf-8"))
    fresh = json.loads(analysis_table())
    if shipped["python"] == "{}.{}".format(*sys.version_info[:2]):
        assert shipped == fresh, "run: python scripts/gen_pack_analysis.py"
    else:  # another Python's parse trees: the table is unused here, but must name these packs
        hashes = {name: entry["sha256"] for name, entry in fresh["packs"].items()}
        assert {n: e["sha256"] for n, e in shipped["packs"].items()} == hashes


def test_shipped_packs_use_the_table_and_agree_with_the_analysis():
    patterns = [p for path in pack_files(builtin_pack_dir()) for p in _singles(load_pack(path))]
    assert len(patterns) == 49  # the searched ones; exceptions and replacements too
    assert all(pattern.facts == analyse(pattern.pattern) for pattern in patterns)
    assert all(pattern.facts is not None for pattern in patterns)


def test_a_rule_built_alone_uses_the_table():
    rule = pack_rule(builtin_pack_dir() / "weasel.yaml", "NEU201")
    patterns = _singles([rule])
    assert patterns and all(pattern.facts is not None for pattern in patterns)


def test_a_changed_pack_is_analysed_afresh():
    path = builtin_pack_dir() / "weasel.yaml"
    text = path.read_text(encoding="utf-8")
    assert shipped_facts(path, text) is not None
    assert shipped_facts(path, text + "\n") is None


def test_a_pack_outside_the_shipped_folder_is_analysed_even_with_a_planted_table(tmp_path):
    shutil.copy(builtin_pack_dir() / "weasel.yaml", tmp_path / "weasel.yaml")
    planted = json.loads(table_path().read_text(encoding="utf-8"))
    for facts in planted["packs"]["weasel.yaml"]["patterns"].values():
        facts[1] = True  # every pattern "linear"
    (tmp_path / "analysis.json").write_text(json.dumps(planted), encoding="utf-8")
    patterns = _singles(load_pack(tmp_path / "weasel.yaml"))
    assert patterns and all(pattern.facts is None for pattern in patterns)
    assert all(
        rule.facts is None for rule in _singles([pack_rule(tmp_path / "weasel.yaml", "NEU201")])
    )
    text = (tmp_path / "weasel.yaml").read_text(encoding="utf-8")
    assert shipped_facts(tmp_path / "weasel.yaml", text) is None
    assert [p.linear() for p in patterns] == [analyse(p.pattern).linear for p in patterns]


def test_facts_of_a_pattern_only_the_regex_module_parses_are_none():
    assert analyse(r"\p{L}+") is None
    assert analyse(r"it\s+seems") == PatternFacts(frozenset({"it seems", "it  "}), True)


def test_escaped_terms_skip_the_syntax_check_and_match_literally():
    from editlint.rules.matching.patterns import compile_terms, finditer
    from editlint.rules.matching.regex_tree import parsed

    misses = parsed.cache_info().misses
    pattern = compile_terms(["C++ (beta)", "a|b", "it's"], [], False, True)
    assert parsed.cache_info().misses == misses  # no pattern parsed
    raw = compile_terms([], [r"C\+\+ \(gamma\)"], False, True)
    assert parsed.cache_info().misses == misses + 1  # a raw pattern's syntax is checked
    assert raw.search("C++ (gamma)") is not None
    text = "Use C++ (beta), not a|b or ab; it’s fine."
    assert [m.group(0) for m in finditer(pattern, text, 0, len(text))] == [
        "C++ (beta)",
        "a|b",
        "it’s",
    ]
