"""SARIF against the official 2.1.0 schema, GitHub workflow-command escaping, JUnit XML."""

from __future__ import annotations

import json
from pathlib import Path
from xml.etree import ElementTree

import jsonschema

from conftest import SHARED, shared
from editlint.diagnostics import Category, Diagnostic, Fix, Severity
from editlint.engine.runner import FileResult
from editlint.report import RunReport, render

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"


def _validate_sarif(text: str) -> dict:
    document = json.loads(text)
    schema = json.loads(shared(SARIF_SCHEMA).read_text(encoding="utf-8"))
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:5]]
    return document


def test_sarif_of_the_seed_with_every_rule_is_valid(cli, seed_path):
    result = cli("check", "--format", "sarif", str(seed_path))
    document = _validate_sarif(result.stdout)
    run = document["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert len(run["results"]) > 0
    for item in run["results"]:
        assert rule_ids[item["ruleIndex"]] == item["ruleId"]
        location = item["locations"][0]["physicalLocation"]["artifactLocation"]
        assert location == {"uri": seed_path.absolute().as_uri()}


def test_sarif_rules_link_to_their_documentation(cli, tmp_path):
    (tmp_path / "a.md").write_text("# A\n\nThe legendary quay.\n\n\x00\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# B\n\nThe legendary quay.\n", encoding="utf-8")
    result = cli("check", "--format", "sarif", "--select", "NEU101", "a.md", "b.md", cwd=tmp_path)
    driver = _validate_sarif(result.stdout)["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == "https://github.com/editlint/editlint"
    docs = "https://github.com/editlint/editlint/blob/main/docs"
    assert {rule["id"]: rule.get("helpUri") for rule in driver["rules"]} == {
        "INP005": f"{docs}/output-formats.md#input-and-internal-findings",
        "NEU101": f"{docs}/rules.md#neu101",
    }


def test_sarif_with_fixes_and_odd_paths_is_valid(tmp_path):
    text = "Line one.\nSecond line utilise.\n"
    diagnostic = Diagnostic(
        "HSE101",
        "Use 'use'",
        22,
        29,
        Severity.WARNING,
        Category.NEUTRALITY,
        Fix.replace(22, 29, "use", description="Replace with 'use'"),
        "plain-words",
    )
    path = tmp_path / "a folder" / "x#1.md"
    report = RunReport([FileResult(path, text, [diagnostic])], cwd=tmp_path)
    document = _validate_sarif(render(report, "sarif"))
    result = document["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (
        "a%20folder/x%231.md"
    )
    assert result["fixes"][0]["artifactChanges"][0]["replacements"] == [
        {
            "deletedRegion": {"startLine": 2, "startColumn": 13, "endLine": 2, "endColumn": 20},
            "insertedContent": {"text": "use"},
        }
    ]


def test_github_commands_escape_data_and_properties(tmp_path):
    diagnostic = Diagnostic(
        "NEU101",
        "100% sure:\r\nsee, here",
        0,
        3,
        Severity.INFO,
        Category.NEUTRALITY,
        rule_name="peacock-term",
    )
    path = tmp_path / "a,b:c.md"
    report = RunReport([FileResult(path, "abc\n", [diagnostic])], cwd=tmp_path)
    assert render(report, "github") == (
        "::notice file=a%2Cb%3Ac.md,line=1,col=1,endLine=1,endColumn=4,"
        "title=NEU101 (peacock-term)::100%25 sure:%0D%0Asee, here\n"
    )


def test_junit_is_well_formed_even_with_control_characters(tmp_path):
    diagnostic = Diagnostic(
        "NEU101", 'bad \x1b[31m <tag> & "q"', 0, 1, Severity.ERROR, Category.NEUTRALITY
    )
    report = RunReport(
        [FileResult(tmp_path / "a.md", "x\n", [diagnostic]), FileResult(Path("b.md"), "y\n")],
        cwd=tmp_path,
    )
    root = ElementTree.fromstring(render(report, "junit").encode("utf-8"))
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    failure = root.find("testsuite/testcase/failure")
    assert failure.get("message") == 'bad \ufffd[31m <tag> & "q"'
    assert [suite.get("name") for suite in root] == ["a.md", "b.md"]


def test_junit_fails_only_what_fails_the_run(cli, tmp_path):
    (tmp_path / "a.md").write_text("A legendary hero was recently crowned.\n")

    def outcomes(*options: str) -> tuple[int, list[tuple[str, str]]]:
        result = cli(
            "check",
            "--format",
            "junit",
            "--select",
            "NEU101,NEU701",
            *options,
            "a.md",
            cwd=tmp_path,
        )
        root = ElementTree.fromstring(result.stdout.encode("utf-8"))
        cases = root.findall("testsuite/testcase")
        return result.returncode, [(case.get("name")[:6], case[0].tag) for case in cases]

    assert outcomes() == (1, [("NEU101", "failure"), ("NEU701", "system-out")])
    assert outcomes("--fail-on", "error") == (
        0,
        [("NEU101", "system-out"), ("NEU701", "system-out")],
    )
    assert outcomes("--fail-on", "info") == (1, [("NEU101", "failure"), ("NEU701", "failure")])
    assert outcomes("--exit-zero")[1][0] == ("NEU101", "system-out")


SARIF_ARTICLE = """---
title: Harbour
---

The legendary harbour master kept the lights lit [@keeper].

- A renowned stall.
- A renowned stall.
"""


def _sarif_findings(cli, folder: Path) -> list[tuple[str, int, str]]:
    result = cli("check", "--format", "sarif", "a.md", cwd=folder)
    assert result.returncode == 1, result.stderr
    return [
        (
            item["message"]["text"].split("'")[1],
            item["locations"][0]["physicalLocation"]["region"]["startLine"],
            item["partialFingerprints"]["editlint/v1"],
        )
        for item in _validate_sarif(result.stdout)["runs"][0]["results"]
    ]


def test_sarif_fingerprints_follow_findings_when_lines_move_and_change_with_their_words(
    cli, tmp_path
):
    (tmp_path / "editlint.yaml").write_text("select: [NEU101]\n")
    article = tmp_path / "a.md"
    article.write_text(SARIF_ARTICLE)
    before = _sarif_findings(cli, tmp_path)
    assert [(word, line) for word, line, _ in before] == [
        ("legendary", 5),
        ("renowned", 7),
        ("renowned", 8),
    ]
    keys = [key for _, _, key in before]
    # the repeated phrase shares a fingerprint and is told apart by its occurrence
    assert keys[1].split(":")[0] == keys[2].split(":")[0]
    assert [key.split(":")[1] for key in keys] == ["1", "1", "2"]
    assert len(set(keys)) == 3

    article.write_text(SARIF_ARTICLE.replace("---\n\n", "---\n\nA new opening.\n\nMore.\n\n"))
    moved = _sarif_findings(cli, tmp_path)
    assert [(word, line) for word, line, _ in moved] == [
        ("legendary", 9),
        ("renowned", 11),
        ("renowned", 12),
    ]
    assert [key for _, _, key in moved] == keys

    article.write_text(SARIF_ARTICLE.replace("legendary harbour", "iconic harbour"))
    reworded = _sarif_findings(cli, tmp_path)
    assert [(word, line) for word, line, _ in reworded] == [
        ("iconic", 5),
        ("renowned", 7),
        ("renowned", 8),
    ]
    assert reworded[0][2] != keys[0]
    assert [key for _, _, key in reworded[1:]] == keys[1:]
