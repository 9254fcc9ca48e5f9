"""Where a rule comes from, and its message templates, as data every face reads alike."""

from __future__ import annotations

import json

from editlint.rules.base import RuleOrigin
from editlint.rules.builtin.perspective_heading import PerspectiveHeading
from editlint.rules.packs import builtin_pack_dir, load_pack

LEAD_IN = (
    "The section's lead-in declares one side's perspective: the section will present one view only"
)


def test_a_pack_rule_knows_its_pack_and_file_and_a_python_rule_knows_it_is_python():
    path = builtin_pack_dir() / "neutrality.yaml"
    rule = load_pack(path)[0]
    assert rule.origin == RuleOrigin("neutrality", path)
    assert str(rule.origin) == "neutrality (neutrality.yaml)"
    assert PerspectiveHeading.origin == RuleOrigin()
    assert PerspectiveHeading().metadata()["origin"] == "builtin"


def test_rule_examples_name_the_pack_from_the_origin(cli, tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text(
        "pack: house-style\nrules:\n  - code: HSE101\n    name: no-very\n    kind: existence\n"
        "    category: neutrality\n    message: \"Avoid '{match}'\"\n    tokens: [very]\n"
        "    examples:\n      flag: [It is very big.]\n      pass: [It is big.]\n",
        encoding="utf-8",
    )
    done = cli("test-rules", "--verbose", str(pack))
    assert done.returncode == 0, done.stderr
    assert f"PASSED {pack.as_posix()}::house-style::HSE101::flag[0]" in done.stdout.splitlines()


def test_extra_templates_reach_metadata_explain_and_sarif(cli, tmp_path):
    meta = PerspectiveHeading().metadata()
    assert meta["messages"] == {"default": PerspectiveHeading.message, "lead_in": LEAD_IN}
    explained = cli("explain", "BAL101").stdout
    assert f"Messages:\n    {PerspectiveHeading.message}\n    {LEAD_IN}\n" in explained
    article = tmp_path / "a.md"
    article.write_text(
        "# A\n\n## Criticism\n\nThis section presents the criticism from a progressive "
        "perspective.\n",
        encoding="utf-8",
    )
    sarif = json.loads(
        cli("check", "--select", "BAL101", "--format", "sarif", str(article), cwd=tmp_path).stdout
    )
    run = sarif["runs"][0]
    (rule,) = run["tool"]["driver"]["rules"]
    assert rule["messageStrings"] == {
        "default": {"text": PerspectiveHeading.message},
        "lead_in": {"text": LEAD_IN},
    }
    assert [result["message"]["text"] for result in run["results"]] == [LEAD_IN]
