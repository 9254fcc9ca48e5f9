"""Hostile config files and rule packs: exit 2, one line naming file, line and key; loading a
pack never runs code, and a pattern that can backtrack for ever is refused at load time."""

from __future__ import annotations

import pytest
from hostile_cases import TAGS

from editlint.cli import main
from editlint.config.model import LoadedConfig
from editlint.diagnostics import Category, Severity
from editlint.engine.runner import Checker
from editlint.rules.base import Rule
from editlint.rules.matching import patterns

ARTICLE = "The harbour opened in 1850 [@port].\n"

BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(6)
)

CONFIGS = [
    ("bad-yaml", "select: [NEU\n", 2, "invalid YAML"),
    ("not-mapping", "- select\n- ignore\n", 1, "must be a mapping"),
    ("duplicate", "select: [NEU]\nselect: [SRC]\n", 2, "duplicate key"),
    ("unknown-key", "selct: [NEU]\n", 1, "selct: unknown key (did you mean 'select'?)"),
    ("bad-size", "max_file_size: -1\n", 1, "max_file_size"),
    ("bad-line-length", "max_line_length: lots\n", 1, "max_line_length"),
    ("bomb", BOMB, 1, "alias bomb"),
    ("recursive", "select: &s [*s]\n", 1, "nested more than"),
    *[(f"tag-{i}", f"select: {tag}\n", 1, "YAML tag") for i, tag in enumerate(TAGS)],
]


def _pack(pattern: str, key: str = "patterns", kind: str = "existence") -> str:
    extra = {
        "existence": f"    {key}:\n      - fine\n      - '{pattern}'\n",
        "conditional": f"    first: [claim]\n    second:\n      - ok\n      - '{pattern}'\n",
        "substitution": f"    regex: true\n    swap:\n      'fine': good\n      '{pattern}': x\n",
    }[kind]
    return (
        "pack: evil\nrules:\n  - code: EVL101\n    name: evil\n"
        f"    kind: {kind}\n    category: neutrality\n    message: m\n{extra}"
    )


CATASTROPHIC = ["(a+)+$", "(a*)*b", "(?:x|y+)*z", "((ab)*c+)+", "(\\w+\\s?)+$", "(?:a+){2,}"]

PACKS = [
    *[(f"nested-{i}", _pack(p), 10, "repeats a repeat") for i, p in enumerate(CATASTROPHIC)],
    ("exceptions", _pack("(a+)+", key="exceptions"), 10, "repeats a repeat"),
    ("conditional", _pack("(a+)+", kind="conditional"), 11, "repeats a repeat"),
    ("substitution", _pack("(a+)+", kind="substitution"), 9, "repeats a repeat"),
    ("bad-regex", _pack("(unclosed"), 3, "EVL101"),
    ("bomb", "pack: evil\n" + BOMB, 2, "alias bomb"),
    *[(f"tag-{i}", f"pack: evil\ndescription: {t}\n", 2, "YAML tag") for i, t in enumerate(TAGS)],
    ("not-mapping", "- pack\n", 1, "(top level)"),
    ("unknown-kind", _pack("x").replace("existence", "python"), 3, "'python'"),
]


def _check_exits_2_with_one_line(tmp_path, capsys, monkeypatch, path, line, words) -> None:
    (tmp_path / "a.md").write_text(ARTICLE)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "a.md"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"editlint: error: {path}:{line}: "), lines[0]
    assert words in lines[0]
    assert not (tmp_path / "PWNED").exists()


@pytest.mark.parametrize("name,text,line,words", CONFIGS, ids=[c[0] for c in CONFIGS])
def test_bad_config_exits_2_with_one_line(tmp_path, capsys, monkeypatch, name, text, line, words):
    (tmp_path / "editlint.yaml").write_text(text)
    path = tmp_path / "editlint.yaml"
    _check_exits_2_with_one_line(tmp_path, capsys, monkeypatch, path, line, words)


@pytest.mark.parametrize("name,text,line,words", PACKS, ids=[p[0] for p in PACKS])
def test_bad_rule_pack_exits_2_with_one_line(
    tmp_path, capsys, monkeypatch, name, text, line, words
):
    (tmp_path / "editlint.yaml").write_text("rule_paths: [pack.yaml]\n")
    (tmp_path / "pack.yaml").write_text(text)
    path = tmp_path / "pack.yaml"
    _check_exits_2_with_one_line(tmp_path, capsys, monkeypatch, path, line, words)


def test_no_traceback_without_debug_and_one_with_it(tmp_path, cli):
    (tmp_path / "editlint.yaml").write_text("rule_paths: [pack.yaml]\n")
    (tmp_path / "pack.yaml").write_text(_pack("(a+)+$"))
    (tmp_path / "a.md").write_text(ARTICLE)
    plain = cli("check", "a.md", cwd=tmp_path)
    assert plain.returncode == 2 and len(plain.stderr.splitlines()) == 1
    assert "Traceback" not in plain.stderr
    debug = cli("--debug", "check", "a.md", cwd=tmp_path)
    assert "Traceback (most recent call last)" in debug.stderr


@pytest.mark.parametrize(
    "pattern", ["(a++)+$", "(?>a+)+$", "(?:ab){0,3}c", "a+b+c*", "\\p{L}+(?:-\\p{L}+)?"]
)
def test_safe_patterns_are_accepted(pattern):
    assert patterns.check_backtracking(pattern) == pattern


class _SlowRule(Rule):
    """A pattern the static check cannot see through: exponential on 'aaaa…a!'."""

    code = "EVL201"
    name = "slow"
    category = Category.NEUTRALITY
    severity = Severity.WARNING
    message = "m"

    def check(self, document, context):
        pattern = patterns.compile_pattern(r"(?:a|aa|aaa)*(?:b|c)")
        for block in document.blocks:
            for match in patterns.finditer(pattern, document.masked, block.start, block.end):
                yield self.diagnostic(match.start(), match.end())


class _CrashingRule(Rule):
    code = "EVL202"
    name = "crash"
    category = Category.NEUTRALITY
    message = "m"

    def check(self, document, context):
        if "crash" in document.text:
            raise KeyError("boom")
        return []


def _checker(tmp_path, rules):
    from editlint.config.model import Config

    return Checker(LoadedConfig(Config(), None, tmp_path), rules=rules)


def test_a_pattern_that_runs_out_of_time_is_an_internal_finding_for_that_file(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(patterns, "MATCH_TIMEOUT_SECONDS", 0.05)
    monkeypatch.setattr(
        patterns.match_time_limit, "__defaults__", (patterns.MATCH_TIMEOUT_SECONDS,)
    )
    checker = _checker(tmp_path, [_SlowRule()])
    slow = checker.check_text("a" * 60 + "!\n\n" + "a" * 60 + "!\n")
    assert [(d.code, d.category.value) for d in slow.diagnostics] == [("INT001", "internal")]
    assert "EVL201 gave up" in slow.diagnostics[0].message
    assert [d.code for d in checker.check_text("aab\n").diagnostics] == ["EVL201"]


def test_a_rule_that_raises_is_an_internal_finding_for_that_file_only(tmp_path):
    for name, text in (("a.md", "fine\n"), ("b.md", "crash\n"), ("c.md", "fine\n")):
        (tmp_path / name).write_text(text)
    checker = _checker(tmp_path, [_CrashingRule()])
    found = {p.name: checker.check_file(p).diagnostics for p in sorted(tmp_path.iterdir())}
    assert {name: [d.code for d in ds] for name, ds in found.items()} == {
        "a.md": [],
        "b.md": ["INT001"],
        "c.md": [],
    }
    assert found["b.md"][0].message.startswith("rule EVL202 failed: KeyError: 'boom' at ")


class _CrashingPrefilter(_CrashingRule):
    code = "EVL203"

    def relevant(self, document):
        raise RuntimeError("prefilter broke")


def test_a_rule_whose_prefilter_raises_is_an_internal_finding_and_others_still_run(tmp_path):
    checker = _checker(tmp_path, [_CrashingPrefilter(), _SlowRule()])
    found = checker.check_text("aab\n").diagnostics
    assert [d.code for d in found] == ["INT001", "EVL201"]
    assert found[0].message.startswith("rule EVL203 failed: RuntimeError: prefilter broke at ")


@pytest.mark.parametrize(
    ("text", "plain"),
    [
        ("title: Harbour\naliases: [Port (old), Dock]\n", True),
        ("x: " + "[" * 62 + "]" * 62 + "\n", True),  # one indicator short of the depth limit
        ("x: " + "[" * 70 + "]" * 70 + "\n", False),
        ("x: " + "{a: " * 70 + "1" + "}" * 70 + "\n", False),
        (BOMB, False),
        ("a: &a [*a]\n", False),
        (f"title: {TAGS[0]}\n", False),
        ("list:\n" + "".join("  " * depth + "- x\n" for depth in range(1, 70)), False),
    ],
    ids=["plain", "deep-62", "deep-70", "deep-maps", "bomb", "recursive", "tag", "indented"],
)
def test_plain_yaml_is_not_composed_twice(text, plain):
    """The shortcut for YAML without tags, aliases or deep nesting finds what a walk finds."""
    from ruamel.yaml import YAML

    from editlint import yamlguard

    assert yamlguard._plainly_safe(text) is plain
    try:
        walked = yamlguard._walk(YAML(typ="rt", pure=True).compose(text))
    except RecursionError:
        assert "nested" in yamlguard.find_problem(text).message
    else:
        assert yamlguard.find_problem(text) == walked
