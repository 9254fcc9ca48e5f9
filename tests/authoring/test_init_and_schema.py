"""`editlint init` in a fresh repository, and the shipped JSON Schema of the config."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import jsonschema
import pytest
import yaml

from conftest import ROOT, SHARED, shared
from editlint.authoring.schema import render_schema, shipped_schema_text
from editlint.config.model import Config
from editlint.models import validator

ARCHWIKI = SHARED / "corpora" / "archwiki"
SCHEMA = json.loads(shipped_schema_text())


def git_repo(path):
    subprocess.run(["git", "init", "-q", str(path)], check=True)
    return path


def test_shipped_schema_is_up_to_date():
    assert shipped_schema_text() == render_schema(), "run: python scripts/gen_docs.py"


def test_init_then_check_in_a_fresh_mediawiki_repository(cli, tmp_path):
    repo = git_repo(tmp_path / "wiki")
    (repo / "articles").mkdir()
    for name in ("AppArmor.md", "AMule.md", "Asterisk.md"):
        shutil.copy(shared(ARCHWIKI) / name, repo / "articles" / name)
    (repo / "README.md").write_text("# Our wiki\n")

    result = cli("init", cwd=repo)

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("wrote editlint.yaml (3 articles in articles)\n")
    assert "      - id: editlint\n" in result.stdout
    assert f"      - repo: {ROOT}\n" in result.stdout  # where this editlint was installed from
    assert "      - run: pre-commit run --all-files --show-diff-on-failure\n" in result.stdout
    text = (repo / "editlint.yaml").read_text()
    assert text.splitlines()[0].startswith("# yaml-language-server: $schema=https://")
    config = yaml.safe_load(text)
    jsonschema.validate(config, SCHEMA)
    assert config == {
        "content_root": "articles",
        "extends": ["editlint:recommended"],
        "exclude": ["README.md"],
        "links": {"url_prefixes": ["/index.php/"], "anchors": "mediawiki"},
    }
    checked = cli("check", "--format", "json", cwd=repo)
    assert checked.returncode in (0, 1), checked.stderr
    assert checked.stderr == ""
    report = json.loads(checked.stdout)
    assert report["summary"]["files"] == 3
    assert {d["path"].split("/")[0] for d in report["diagnostics"]} <= {"articles"}


@pytest.mark.parametrize(
    ("article", "links"),
    [
        ("See [[Harbour]] and [[Lighthouse#History]].\n", {"anchors": "mediawiki"}),
        ("See [the harbour](harbour.md#history).\n", {"anchors": "github"}),
        ("See [it](/wiki/Harbour).\n", {"url_prefixes": ["/wiki/"], "anchors": "mediawiki"}),
    ],
)
def test_init_guesses_the_link_scheme(cli, tmp_path, article, links):
    (tmp_path / "port.md").write_text(f"# Port\n\n{article}")
    assert cli("init", str(tmp_path)).returncode == 0
    config = yaml.safe_load((tmp_path / "editlint.yaml").read_text())
    jsonschema.validate(config, SCHEMA)
    assert config["links"] == links
    assert config["content_root"] == "."


@pytest.mark.parametrize("name", ["editlint.yaml", ".editlint.yaml", "pyproject.toml"])
def test_init_never_overwrites_a_config(cli, tmp_path, name):
    toml = name == "pyproject.toml"
    existing = "[tool.editlint]\nselect = ['NEU']\n" if toml else "select: [NEU]\n"
    (tmp_path / name).write_text(existing)
    result = cli("init", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.endswith(f"{name} exists; editlint init never overwrites a config\n")
    assert (tmp_path / name).read_text() == existing
    assert not (name != "editlint.yaml" and (tmp_path / "editlint.yaml").exists())


def test_schema_command_prints_the_shipped_schema(cli, tmp_path):
    printed = cli("schema")
    assert printed.returncode == 0
    assert printed.stdout == shipped_schema_text()
    assert cli("schema", "-o", str(tmp_path / "s.json")).returncode == 0
    assert (tmp_path / "s.json").read_text() == printed.stdout


ACCEPTED = [
    {"fail-on": "info", "per-file-ignores": {"drafts/*.md": ["SRC"]}, "extend-select": ["NEU"]},
    {"fail_on": "error", "links": {"url-prefixes": ["/w/"], "redirects_file": "r.yaml"}},
    {"links": {"external_links_are_citations": False}, "builtin-packs": False},
    {"extends": ["editlint:strict"], "severity": {"NEU": "info"}, "rules": {"NEU101": {}}},
]
REJECTED = [
    {"fail-on": "sometimes"},
    {"selct": ["NEU"]},
    {"links": {"anchors": "gitlab"}},
    {"severity": {"NEU": "loud"}},
]


@pytest.mark.parametrize("data", ACCEPTED)
def test_schema_accepts_what_the_loader_accepts(data):
    validator(Config).validate_python(data)
    jsonschema.validate(data, SCHEMA)


@pytest.mark.parametrize("data", REJECTED)
def test_schema_rejects_what_the_loader_rejects(data):
    with pytest.raises(ValueError):
        validator(Config).validate_python(data)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)


def test_the_projects_own_config_validates():
    jsonschema.validate(yaml.safe_load((ROOT / "editlint.yaml").read_text()), SCHEMA)


def test_schema_is_the_same_whatever_the_hash_seed():
    """Defaults built from sets would reorder between runs and make the shipped file flap."""
    script = "from editlint.authoring.schema import render_schema; print(render_schema())"
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(outputs) == 1, "a default's order depends on hashing: build it from a sorted list"


def test_init_names_a_wikitext_repository_and_a_hugo_site(cli, tmp_path):
    wiki = git_repo(tmp_path / "wiki")
    (wiki / "pages").mkdir()
    (wiki / "pages" / "Harbour.wiki").write_text("'''Harbour''' is a [[Town]].\n")
    (wiki / "pages" / "Town.wiki").write_text("A [[Harbour]].\n")
    assert cli("init", cwd=wiki).returncode == 0
    config = (wiki / "editlint.yaml").read_text()
    assert "(2 articles found: 2 wikitext).\ncontent_root: pages\n" in config
    assert "  anchors: mediawiki\n" in config

    site = git_repo(tmp_path / "site")
    (site / "hugo.toml").write_text('baseURL = "https://example.org/"\n')
    for name in ("a", "b", "c"):
        (site / "themes" / "plain").mkdir(parents=True, exist_ok=True)
        (site / "themes" / "plain" / f"{name}.md").write_text(f"# {name}\n")
    (site / "content" / "posts").mkdir(parents=True)
    (site / "content" / "posts" / "harbour.md").write_text('+++\ntitle = "Harbour"\n+++\nText.\n')
    assert cli("init", cwd=site).returncode == 0
    config = (site / "editlint.yaml").read_text()
    assert "(4 articles found: 4 Markdown; a Hugo site).\ncontent_root: content\n" in config
