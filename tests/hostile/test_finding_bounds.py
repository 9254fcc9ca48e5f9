"""A file with a flood of findings keeps the first thousand and one summary finding, and no
rule is asked for more: memory stays bounded whatever an article holds (#21 item 13)."""

from __future__ import annotations

import json

from editlint.engine.runner import MAX_FINDINGS_PER_FILE, TOO_MANY_CODE
from house import house_checker, house_folder

FLOOD = "# Flood\n\n" + "We utilise cranes [@s].\n" * (MAX_FINDINGS_PER_FILE + 2_000)


def test_findings_per_file_are_bounded_with_a_summary_finding(tmp_path):
    folder = house_folder(tmp_path, {"flood.md": FLOOD, "calm.md": "We utilise it [@s].\n"})
    (folder / "editlint.yaml").write_text("select: [HSE101]\nrule_paths: [house.yaml]\n")
    checker = house_checker(folder)
    found = checker.check_file(folder / "flood.md").diagnostics
    assert len(found) == MAX_FINDINGS_PER_FILE + 1
    summary = found[-1]
    assert summary.code == TOO_MANY_CODE and summary.category.value == "internal"
    assert "more findings in this file not shown" in summary.message
    assert all(d.code != TOO_MANY_CODE for d in found[:-1])
    assert found[0].start < found[-2].start  # the first ones, in order
    assert [d.code for d in checker.check_file(folder / "calm.md").diagnostics] == ["HSE101"]


def test_a_rule_is_not_asked_for_more_than_the_bound(tmp_path):
    folder = house_folder(tmp_path, {"flood.md": FLOOD})
    (folder / "editlint.yaml").write_text("select: [HSE101]\nrule_paths: [house.yaml]\n")
    checker = house_checker(folder)
    asked = []
    rule = next(rule for rule in checker.rules if rule.code == "HSE101")
    original = rule.check

    def counting(document, context):
        for diagnostic in original(document, context):
            asked.append(diagnostic)
            yield diagnostic

    rule.check = counting
    checker.check_file(folder / "flood.md")
    assert len(asked) == MAX_FINDINGS_PER_FILE + 1  # 12,000 are there to find


def test_the_summary_finding_reaches_reports_and_the_cache(tmp_path, cli):
    folder = house_folder(tmp_path, {"flood.md": FLOOD})
    (folder / "editlint.yaml").write_text("select: [HSE101]\nrule_paths: [house.yaml]\n")
    for _ in range(2):  # the second run reads the cache
        result = cli("check", "--format", "json", ".", cwd=folder)
        report = json.loads(result.stdout)
        codes = [d["code"] for d in report["diagnostics"]]
        assert len(codes) == MAX_FINDINGS_PER_FILE + 1 and codes.count(TOO_MANY_CODE) == 1


def test_duplicate_links_are_one_finding_per_target_naming_the_count(tmp_path, cli):
    """10,000 see-also entries and 10,000 body links, nearly all to two missing targets."""
    entries = "".join(f"- [[{'Gone' if n % 2 else 'gone'}]]\n" for n in range(10_000))
    links = " ".join("[[Lost]]" for _ in range(10_000))
    (tmp_path / "pier.md").write_text("# Pier\n\nText [@s].\n")
    (tmp_path / "flood.md").write_text(
        f"# Flood\n\nThe [[Pier]] and {links} [@s].\n\n## See also\n\n{entries}"
    )
    result = cli("check", "--no-cache", "--format", "json", "--select", "SEE", ".", cwd=tmp_path)
    found = [(d["code"], d["line"], d["message"]) for d in json.loads(result.stdout)["diagnostics"]]
    assert found == [
        (
            "SEE103",
            3,
            "Link target 'Lost' is not an article in the content repository; 10000 links use it",
        ),
        (
            "SEE101",
            7,
            "See-also target 'gone' is not an article in the content repository; "
            "10000 entries name it",
        ),
        (
            "SEE106",
            8,
            "See-also entry 'Gone' repeats an earlier entry of the same list; "
            "9999 entries repeat it",
        ),
    ]
