"""What ruff and Vale users expect: --help with examples and a link, errors that say what to do."""

from __future__ import annotations

import shlex

import pytest

from editlint.cli import EXAMPLES, build_parser
from editlint.config.model import load_config
from editlint.errors import ConfigError
from editlint.project import DOCS_URL

VALE_RULE = """extends: existence
message: "'%s' is a weasel word"
ignorecase: true
level: warning
tokens:
  - very
"""


def test_help_ends_with_examples_and_the_documentation_link(cli):
    shown = cli("--help").stdout
    assert shown.endswith(f"documentation: {DOCS_URL}/README.md\n")
    assert "examples:\n  editlint check content/  " in shown
    check = cli("check", "--help").stdout
    assert "  editlint check --diff content/  " in check
    assert check.endswith(f"documentation: {DOCS_URL}/README.md\n")


@pytest.mark.parametrize(
    "example", [e for examples in EXAMPLES.values() for e, _ in examples], ids=str
)
def test_every_help_example_parses(example):
    args = build_parser().parse_args(shlex.split(example)[1:])
    assert args.command == shlex.split(example)[1]


def test_a_vale_rule_given_as_a_pack_says_what_to_change(tmp_path, cli):
    (tmp_path / "Weasel.yml").write_text(VALE_RULE)
    (tmp_path / "editlint.yaml").write_text("rule_paths: [Weasel.yml]\n")
    (tmp_path / "a.md").write_text("# A\n\nVery good.\n")
    result = cli("check", "a.md", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr == (
        f"editlint: error: {tmp_path / 'Weasel.yml'}:1: this is a Vale rule (extends: "
        "existence), not an editlint pack: start the file with 'pack: NAME' and 'rules:', and "
        "make it one rule there with 'kind: existence', a 'code' (HOUSE101), a 'name' and a "
        "'category'; rename level -> severity, ignorecase -> ignore_case, '%s' in the message "
        "-> '{match}'; see docs/writing-rule-packs.md\n"
    )


def test_a_vale_kind_editlint_lacks_is_named(tmp_path, cli):
    (tmp_path / "Repeat.yml").write_text("extends: repetition\ntokens: ['[^\\s]+']\n")
    (tmp_path / "editlint.yaml").write_text("rule_paths: [Repeat.yml]\n")
    result = cli("rules", cwd=tmp_path)
    assert result.returncode == 2
    assert "editlint has no 'repetition' kind (only existence, substitution, conditional)" in (
        result.stderr
    )


@pytest.mark.parametrize(
    ("section", "line", "message"),
    [
        ('[tool.editlint]\nselect = ["NEU"]\nbogus_key = 3\n', 6, "bogus_key: unknown key"),
        (
            '[tool.editlint]\nselect = ["NEU"]\nseverity = {NEU101 = "info", NEU = "loud"}\n',
            6,
            "severity.NEU: Input should be",
        ),
        (
            '[tool.editlint]\nselect = ["NEU"]\n\n[tool.editlint.links]\nanchors = "github"\n'
            "url_prefixes = 3\n",
            9,
            "links.url_prefixes: Input should be a valid list",
        ),
        ('[tool.editlint]\nlinks.anchors = "nope"\n', 5, "links.anchors: Input should be"),
        ('[tool.editlint]\nselect = [\n  "NEU",\n  3,\n]\n', 5, "select.1: Input should be"),
    ],
    ids=["unknown-key", "inline-table", "sub-table", "dotted-key", "array"],
)
def test_pyproject_errors_name_the_line_of_the_key(tmp_path, section, line, message):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(f'[project]\nname = "wiki"\n\n{section}', encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(pyproject, tmp_path)
    assert (raised.value.line, raised.value.message[: len(message)]) == (line, message)
