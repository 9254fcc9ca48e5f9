"""Every rule's fixture cases: exact positions and exact fixed text."""

from __future__ import annotations

import pytest

from editlint.rules.registry import all_rules
from rule_fixtures import fixed_text, load_cases, positions

CASES = load_cases()


@pytest.mark.parametrize("case", [case for _, case in CASES], ids=[case_id for case_id, _ in CASES])
def test_rule_fixture(case, tmp_path):
    assert positions(case, tmp_path) == case["expect"]
    if "fixed" in case:
        assert fixed_text(case, tmp_path / "fix") == case["fixed"]


def test_every_rule_has_flagged_and_clean_cases():
    by_rule: dict[str, list[dict]] = {}
    for _, case in CASES:
        by_rule.setdefault(case["rule"], []).append(case)
    for rule in all_rules():
        cases = by_rule.get(rule.code, [])
        assert any(case["expect"] for case in cases), f"{rule.code} has no flagged case"
        assert any(not case["expect"] for case in cases), f"{rule.code} has no clean case"
        if rule.fixable:
            assert any("fixed" in case for case in cases), f"{rule.code} has no fix case"
