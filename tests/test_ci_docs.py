"""docs/ci.md: its YAML is valid, its editlint commands parse, its hooks exist."""

from __future__ import annotations

import re
import shlex

import pytest
import yaml

from conftest import ROOT
from editlint.cli import build_parser

DOC = (ROOT / "docs" / "ci.md").read_text()
YAML_BLOCKS = re.findall(r"```yaml\n(.*?)```", DOC, re.DOTALL)


def editlint_commands(node) -> list[str]:
    """Every 'editlint check ...' command in the strings of a parsed YAML document."""
    if isinstance(node, dict):
        return [c for value in node.values() for c in editlint_commands(value)]
    if isinstance(node, list):
        return [c for value in node for c in editlint_commands(value)]
    if isinstance(node, str):
        return re.findall(r"editlint check[^\n;]*", node)
    return []


def test_the_doc_has_github_and_gitlab_workflows():
    assert len(YAML_BLOCKS) == 7


@pytest.mark.parametrize("block", YAML_BLOCKS)
def test_every_yaml_block_parses(block):
    assert yaml.safe_load(block) is not None


def test_every_editlint_command_in_the_workflows_parses():
    commands = [c for block in YAML_BLOCKS for c in editlint_commands(yaml.safe_load(block))]
    assert len(commands) == 5
    parser = build_parser()
    for command in commands:
        command = re.sub(r"\$\{\{[^}]*\}\}", "REF", command)
        command = re.sub(r"\$[A-Z_]+", "", command)
        args = parser.parse_args(shlex.split(command)[1:])
        assert args.command == "check"


def test_the_documented_action_usage_matches_the_action():
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    usage = next(block for block in YAML_BLOCKS if "uses: <owner>/<name>@" in block)
    step = yaml.safe_load(usage)["jobs"]["editlint"]["steps"][1]
    assert set(step["with"]) <= set(action["inputs"])


def test_the_hook_ids_in_the_doc_are_published():
    published = {
        hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    }
    assert published == {"editlint", "editlint-fix"}
    mentioned = set(re.findall(r"id: (editlint[a-z-]*)", DOC))
    assert mentioned == published
