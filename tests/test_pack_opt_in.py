"""A pack rule declared ``opt_in: true`` runs only when its full code is selected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from editlint.authoring.docgen import rule_reference
from editlint.rules.packs import load_pack

PACK = """\
pack: house
rules:
  - code: HSE101
    name: loaded-verb
    kind: existence
    category: neutrality
    message: "Loaded verb '{match}'"
    summary: Verbs that take a side.
    tokens: [slammed]
    examples: {flag: ["She slammed the plan."], pass: ["She criticised the plan."]}
  - code: HSE901
    name: house-jargon
    kind: existence
    category: neutrality
    severity: info
    opt_in: true
    message: "House jargon '{match}'"
    summary: Jargon some house styles avoid.
    tokens: [synergy]
    examples: {flag: ["They found synergy."], pass: ["They worked together."]}
"""

ARTICLE = "# Plan\n\nShe slammed the synergy plan.\n"


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / "house.yaml").write_text(PACK)
    (tmp_path / "editlint.yaml").write_text("builtin_packs: false\nrule_paths: [house.yaml]\n")
    (tmp_path / "a.md").write_text(ARTICLE)
    return tmp_path


def _codes(cli, repo: Path, *args: str) -> list[tuple[str, int, int]]:
    """The pack's findings (the Python built-ins run too, but are not what is tested)."""
    result = cli("check", "--format", "json", *args, "a.md", cwd=repo)
    assert result.returncode in (0, 1), result.stderr
    diagnostics = json.loads(result.stdout)["diagnostics"]
    return [(d["code"], d["line"], d["column"]) for d in diagnostics if d["code"][:3] == "HSE"]


def test_an_opt_in_pack_rule_runs_only_when_its_full_code_is_selected(cli, repo):
    assert _codes(cli, repo) == [("HSE101", 3, 5)]
    assert _codes(cli, repo, "--select", "ALL") == [("HSE101", 3, 5)]
    assert _codes(cli, repo, "--select", "HSE") == [("HSE101", 3, 5)]
    assert _codes(cli, repo, "--select", "HSE9") == []
    assert _codes(cli, repo, "--select", "HSE901") == [("HSE901", 3, 17)]
    assert _codes(cli, repo, "--extend-select", "HSE901") == [("HSE101", 3, 5), ("HSE901", 3, 17)]
    assert _codes(cli, repo, "--extend-select", "HSE901", "--ignore", "HSE901") == [
        ("HSE101", 3, 5)
    ]
    (repo / "editlint.yaml").write_text(
        "builtin_packs: false\nrule_paths: [house.yaml]\nextend-select: [HSE901]\n"
    )
    assert _codes(cli, repo) == [("HSE101", 3, 5), ("HSE901", 3, 17)]


def test_rules_listing_explain_and_test_rules_show_the_opt_in_pack_rule(cli, repo):
    listing = json.loads(cli("rules", "--format", "json", cwd=repo).stdout)
    assert {rule["code"]: rule["opt_in"] for rule in listing if rule["code"][:3] == "HSE"} == {
        "HSE101": False,
        "HSE901": True,
    }
    text = cli("rules", cwd=repo).stdout.splitlines()
    opt_in = [line.split()[0] for line in text if "(opt-in)" in line]
    assert opt_in == ["HSE901", "NEU801", "NEU901"]
    explained = cli("explain", "HSE901", cwd=repo).stdout
    assert (
        "Opt-in: off unless named in full: `extend-select: [HSE901]` in editlint.yaml, or "
        "`--extend-select HSE901`." in explained
    )
    elsewhere = cli("explain", "HSE901", "--config", str(repo / "editlint.yaml"))
    assert elsewhere.stdout == explained
    tested = cli("test-rules", "house.yaml", cwd=repo)
    assert tested.returncode == 0, tested.stdout + tested.stderr


def test_the_rule_reference_marks_the_opt_in_pack_rule(repo):
    reference = rule_reference(load_pack(repo / "house.yaml")).splitlines()
    assert [line for line in reference if "house-jargon" in line] == [
        "| [HSE901](#hse901) | house-jargon | neutrality | info |  | Opt-in (enable with "
        "`extend-select: [HSE901]`). Jargon some house styles avoid. |",
        "`house-jargon`: neutrality, info; pack house (house.yaml); opt-in: enable with "
        "`extend-select: [HSE901]`.",
    ]
    assert [line for line in reference if line.startswith("`loaded-verb`")] == [
        "`loaded-verb`: neutrality, warning; pack house (house.yaml).",
    ]


def test_opt_in_must_be_a_boolean(cli, repo):
    (repo / "house.yaml").write_text(PACK.replace("opt_in: true", "opt_in: sometimes"))
    result = cli("check", "a.md", cwd=repo)
    assert result.returncode == 2
    assert result.stderr == (
        f"editlint: error: {repo / 'house.yaml'}:16: rules.1.existence.opt_in: "
        "Input should be a valid boolean, unable to interpret input\n"
    )
