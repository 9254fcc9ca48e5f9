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


def test_the_action_runs_a_valid_editlint_command_with_its_inputs():
    action = yaml.safe_load((ROOT / "action.yml").read_text())
    assert action["runs"]["using"] == "composite"
    inputs = {name: spec["default"] for name, spec in action["inputs"].items()}
    (step,) = [step for step in action["runs"]["steps"] if "editlint check" in step.get("run", "")]
    env = {
        name: value.replace("${{ inputs.", "").rstrip(" }") for name, value in step["env"].items()
    }
    command = step["run"]
    for name, input_name in env.items():
        command = command.replace(f"${name}", inputs[input_name])
    args = build_parser().parse_args(shlex.split(command)[1:])
    assert (args.command, args.format, [str(p) for p in args.paths]) == ("check", "github", ["."])
    usage = next(block for block in YAML_BLOCKS if "uses: editlint/editlint@" in block)
    docs_usage = yaml.safe_load(usage)["jobs"]["editlint"]["steps"][1]
    assert docs_usage["uses"].startswith("editlint/editlint@")
    assert set(docs_usage["with"]) <= set(inputs)


def test_the_hook_ids_in_the_doc_are_published():
    published = {
        hook["id"] for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    }
    assert published == {"editlint", "editlint-fix"}
    mentioned = set(re.findall(r"id: (editlint[a-z-]*)", DOC))
    assert mentioned == published
