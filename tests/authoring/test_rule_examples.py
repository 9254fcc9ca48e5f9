"""Rule examples: every shipped rule carries them and they hold; `test-rules` reports failures."""

from __future__ import annotations

import textwrap

from conftest import ROOT
from editlint.authoring.examples import run_all
from editlint.rules.registry import all_rules

HOUSE_PACK = textwrap.dedent(
    """\
    pack: house-style
    rules:
      - code: HOUSE101
        name: utilize
        kind: substitution
        category: neutrality
        message: "Write '{replacement}', not '{match}'"
        swap: {utilize: use}
        examples:
          flag: ["We utilize ships."]
          pass: ["We use ships."]
          fix: [{text: "We utilize ships.", fixed: "We use ships."}]
      - code: HOUSE102
        name: very
        kind: existence
        category: neutrality
        message: "'{match}' adds nothing"
        tokens: [very]
        examples:
          flag: ["A big port."]
          pass: ["A very big port."]
      - code: HOUSE103
        name: utilise
        kind: substitution
        category: neutrality
        message: "Write '{replacement}', not '{match}'"
        swap: {utilise: use}
        examples:
          flag: ["We utilise ships."]
          pass: ["We use ships."]
          fix: [{text: "We utilise ships.", fixed: "We employ ships."}]
      - code: HOUSE104
        name: no-examples
        kind: existence
        category: neutrality
        message: "'{match}'"
        tokens: [whilst]
    """
)


def test_every_installed_rule_carries_examples_that_hold():
    failures = [r for r in run_all((rule, None) for rule in all_rules()) if not r.passed]
    report = "\n".join(f"{r.node_id} {r.text!r}: {r.problem}" for r in failures)
    assert not failures, (
        "Every rule must carry examples (flag, pass, and fix for fixing rules) that hold; "
        "see docs/writing-rule-packs.md and docs/python-rules.md. "
        f"Run `editlint test-rules -v` to see them all:\n{report}"
    )


def test_test_rules_passes_on_the_shipped_packs(cli):
    result = cli("test-rules", "rules/", cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "failed" not in result.stdout


def test_test_rules_names_pack_rule_and_example_of_each_failure(cli, tmp_path):
    (tmp_path / "house.yaml").write_text(HOUSE_PACK)
    result = cli("test-rules", "house.yaml", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "FAILED house.yaml::house-style::HOUSE102::flag[0] 'A big port.': "
        "expected a finding of HOUSE102, got none",
        "FAILED house.yaml::house-style::HOUSE102::pass[0] 'A very big port.': "
        "expected no finding of HOUSE102, got 1: 'very'",
        "FAILED house.yaml::house-style::HOUSE103::fix[0] 'We utilise ships.': "
        "fixed text differs: expected 'We employ ships.', got 'We use ships.'",
        "FAILED house.yaml::house-style::HOUSE104::examples: "
        "has no 'flag' example (add examples: {flag: [...], pass: [...]})",
        "4 failed, 5 passed (4 rules)",
    ]


def test_test_rules_verbose_lists_passing_examples_and_builtin_adds_python_rules(cli, tmp_path):
    pack = HOUSE_PACK.split("  - code: HOUSE102")[0]
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "house.yaml").write_text(pack)
    result = cli("test-rules", "-v", "packs", cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines() == [
        "PASSED packs/house.yaml::house-style::HOUSE101::flag[0]",
        "PASSED packs/house.yaml::house-style::HOUSE101::pass[0]",
        "PASSED packs/house.yaml::house-style::HOUSE101::fix[0]",
        "3 passed (1 rules)",
    ]
    with_builtin = cli("test-rules", "-v", "--builtin", "packs", cwd=tmp_path)
    assert "PASSED builtin::SEE101::flag[0]" in with_builtin.stdout


def test_test_rules_usage_errors(cli, tmp_path):
    missing = cli("test-rules", "nope.yaml", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr == "editlint: error: no such file or folder: nope.yaml\n"
    (tmp_path / "bad.yaml").write_text("pack: bad\nrules:\n  - code: X1\n")
    invalid = cli("test-rules", "bad.yaml", cwd=tmp_path)
    assert invalid.returncode == 2
    assert invalid.stderr.startswith("editlint: error: bad.yaml:3: rules.0")


def test_explain_underlines_flagged_examples(cli):
    explained = cli("explain", "NEU101")
    assert explained.returncode == 0
    flagged = "Flagged:\n    He was a legendary negotiator.\n             ^^^^^^^^^\n"
    assert flagged in explained.stdout
    assert "Not flagged:\n    He negotiated the 1990 treaty.\n" in explained.stdout
