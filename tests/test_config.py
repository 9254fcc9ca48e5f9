"""Config loading: discovery, validation errors with file and line, selection."""

from __future__ import annotations

from pathlib import Path

import pytest

from editlint.config.model import find_config, load_config
from editlint.config.selection import is_selected, severity_for
from editlint.diagnostics import Severity
from editlint.errors import ConfigError


def test_unknown_key_names_file_line_and_suggestion(tmp_path):
    config = tmp_path / "editlint.yaml"
    config.write_text("select: [NEU]\nignor: [SEE]\n")
    with pytest.raises(ConfigError) as raised:
        load_config(config, tmp_path)
    assert str(raised.value) == f"{config}:2: ignor: unknown key (did you mean 'ignore'?)"


def test_bad_value_names_nested_key_line(tmp_path):
    config = tmp_path / "editlint.yaml"
    config.write_text("links:\n  anchors: wiki\n")
    with pytest.raises(ConfigError) as raised:
        load_config(config, tmp_path)
    assert str(raised.value).startswith(
        f"{config}:2: links.anchors: Input should be 'auto', 'github' or"
    )


@pytest.mark.parametrize("value", ["3", "{a: b}", "[base.yaml, 4]"])
def test_extends_that_names_no_file_is_an_error_at_its_line(tmp_path, value):
    config = tmp_path / "editlint.yaml"
    config.write_text(f"select: [NEU]\nextends: {value}\n")
    with pytest.raises(ConfigError) as raised:
        load_config(config, tmp_path)
    assert str(raised.value) == (
        f"{config}:2: extends: expected a preset or file name, or a list of them"
    )


def test_yaml_syntax_error_names_line(tmp_path):
    config = tmp_path / "editlint.yaml"
    config.write_text("select: [NEU\nignore: []\n")
    with pytest.raises(ConfigError) as raised:
        load_config(config, tmp_path)
    assert str(raised.value).startswith(f"{config}:")
    assert "invalid YAML" in str(raised.value)


def test_discovery_searches_upward_and_reads_pyproject(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.editlint]\nignore = ["SEE"]\n')
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    found = find_config(nested)
    assert found == tmp_path / "pyproject.toml"
    assert load_config(found, tmp_path).config.ignore == ["SEE"]


def test_extends_preset_and_file(tmp_path):
    (tmp_path / "base.yaml").write_text("ignore: [SEE]\nseverity: {NEU: info}\n")
    config = tmp_path / "editlint.yaml"
    config.write_text("extends: [editlint:strict, base.yaml]\nseverity: {NEU101: error}\n")
    loaded = load_config(config, tmp_path).config
    assert loaded.fail_on is Severity.INFO
    assert loaded.ignore == ["SEE"]
    assert loaded.severity == {"NEU": Severity.INFO, "NEU101": Severity.ERROR}


def test_a_config_read_before_is_read_again_when_a_file_it_extends_changes(tmp_path):
    cache = tmp_path / "cache"
    (tmp_path / "base.yaml").write_text("ignore: [SEE]\n")
    config = tmp_path / "editlint.yaml"
    config.write_text("extends: [base.yaml]\nselect: [NEU]\n")
    assert load_config(config, tmp_path, cache=cache).config.ignore == ["SEE"]
    assert load_config(config, tmp_path, cache=cache).config.ignore == ["SEE"]  # recalled
    (tmp_path / "base.yaml").write_text("ignore: [SRC]\n")
    assert load_config(config, tmp_path, cache=cache).config.ignore == ["SRC"]
    (tmp_path / "base.yaml").write_text("ignore: [SRC]\nfail_on: never\n")
    with pytest.raises(ConfigError) as raised:
        load_config(config, tmp_path, cache=cache)
    assert str(raised.value) == f"{config}:1: fail_on: Input should be 'info', 'warning' or 'error'"


def test_content_root_is_relative_to_the_config(tmp_path):
    config = tmp_path / "editlint.yaml"
    config.write_text("content-root: articles\n")
    assert load_config(config, Path("/elsewhere")).content_root == (tmp_path / "articles").resolve()


@pytest.mark.parametrize(
    "code, select, ignore, expected",
    [
        ("NEU101", ["ALL"], [], True),
        ("NEU101", ["ALL"], ["NEU"], False),
        ("NEU101", ["NEU101"], ["NEU"], True),
        ("NEU102", ["NEU101"], ["NEU"], False),
        ("SEE101", ["NEU"], [], False),
    ],
)
def test_longest_prefix_wins(code, select, ignore, expected):
    assert is_selected(code, select, ignore) is expected


@pytest.mark.parametrize(
    "select, ignore, expected",
    [
        (["ALL"], [], False),
        (["NEU"], [], False),
        (["NEU8"], [], False),
        (["NEU801"], [], True),
        (["ALL", "NEU801"], [], True),  # select plus extend-select, as the checker joins them
        (["ALL", "NEU801"], ["NEU801"], False),
        (["ALL", "NEU801"], ["NEU8"], True),  # the full code is the longer entry, as for any rule
    ],
)
def test_an_opt_in_rule_is_selected_only_by_its_full_code(select, ignore, expected):
    assert is_selected("NEU801", select, ignore, opt_in=True) is expected


def test_severity_override_longest_prefix():
    overrides = {"NEU": Severity.INFO, "NEU1": Severity.ERROR}
    assert severity_for("NEU101", Severity.WARNING, overrides) is Severity.ERROR
    assert severity_for("NEU201", Severity.WARNING, overrides) is Severity.INFO
    assert severity_for("SEE101", Severity.WARNING, overrides) is Severity.WARNING
