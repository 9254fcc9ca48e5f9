"""Baselines on a legacy content repository: known findings pass, new ones fail."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CONFIG = "content_root: content\nselect: [NEU101, SEE101]\n"

HARBOUR = """---
title: Harbour
---

The harbour opened in 1850 [@port-history].

The legendary harbour master kept the lights lit [@keeper].

## See also

- [[Lighthouse]]
"""

LIGHTHOUSE = """---
title: Lighthouse
---

The lighthouse is renowned along the coast [@coast].

## See also

- [[Old Pier]]
"""

MARKET = """---
title: Market
---

Stalls sold fish [@market-rolls].

- A renowned stall.
- A renowned stall.
"""


@pytest.fixture
def legacy(tmp_path: Path) -> Path:
    (tmp_path / "editlint.yaml").write_text(CONFIG)
    content = tmp_path / "content"
    content.mkdir()
    (content / "harbour.md").write_text(HARBOUR)
    (content / "lighthouse.md").write_text(LIGHTHOUSE)
    (content / "market.md").write_text(MARKET)
    return tmp_path


def findings(result) -> list[tuple[str, str, int, int]]:
    report = json.loads(result.stdout)
    return [(d["path"], d["code"], d["line"], d["column"]) for d in report["diagnostics"]]


def check_with_baseline(cli, legacy):
    return cli("check", "--format", "json", "content", "--baseline", "baseline.json", cwd=legacy)


def test_legacy_repository_passes_with_its_baseline_and_new_problems_fail(cli, legacy):
    assert cli("check", "content", cwd=legacy).returncode == 1

    written = cli("check", "content", "--write-baseline", "baseline.json", cwd=legacy)
    assert written.returncode == 0, written.stderr
    assert written.stdout == "Wrote 5 finding(s) from 3 file(s) to baseline.json.\n"
    entries = json.loads((legacy / "baseline.json").read_text())["findings"]
    assert [(e["path"], e["code"], e["text"], e["count"]) for e in entries] == [
        ("content/harbour.md", "NEU101", "legendary", 1),
        ("content/lighthouse.md", "NEU101", "renowned", 1),
        ("content/lighthouse.md", "SEE101", "Old Pier", 1),
        ("content/market.md", "NEU101", "renowned", 2),
    ]

    clean = check_with_baseline(cli, legacy)
    assert clean.returncode == 0, clean.stdout
    assert findings(clean) == []
    assert "5 known finding(s) in baseline.json not shown" in clean.stderr

    harbour = legacy / "content" / "harbour.md"
    harbour.write_text(
        HARBOUR.replace("Harbour\n---\n", "Harbour\n---\n\nA new lead [@lead].\n\n" * 3)
    )
    moved = cli("check", "content", "--baseline", "baseline.json", cwd=legacy)
    assert moved.returncode == 0, moved.stdout

    harbour.write_text(harbour.read_text() + "- [[Customs House]]\n")
    new = check_with_baseline(cli, legacy)
    assert new.returncode == 1
    assert findings(new) == [("content/harbour.md", "SEE101", 25, 5)]


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        # A phrase recorded twice with the same context: the third occurrence is new.
        ("market.md", MARKET + "- A renowned stall.\n", ("content/market.md", "NEU101", 9, 5)),
        # Rewording the flagged phrase itself makes it new.
        (
            "lighthouse.md",
            LIGHTHOUSE.replace("renowned", "acclaimed"),
            ("content/lighthouse.md", "NEU101", 5, 19),
        ),
    ],
    ids=["duplicate-beyond-count", "edited-finding"],
)
def test_what_counts_as_new(cli, legacy, name, text, expected):
    cli("check", "content", "--write-baseline", "baseline.json", cwd=legacy)
    (legacy / "content" / name).write_text(text)
    result = check_with_baseline(cli, legacy)
    assert result.returncode == 1
    assert findings(result) == [expected]


def test_baseline_paths_do_not_depend_on_the_working_folder(cli, legacy):
    cli("check", "content", "--write-baseline", "baseline.json", cwd=legacy)
    result = cli("check", ".", "--baseline", "../baseline.json", cwd=legacy / "content")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "baseline.json:1: baseline is not valid JSON"),
        ('{"version": 7, "findings": []}', "baseline.json: not an editlint baseline"),
        ('{"version": 1, "findings": [{"count": 1}]}', "baseline.json: baseline entry without"),
    ],
)
def test_a_broken_baseline_is_a_one_line_usage_error(cli, legacy, text, message):
    (legacy / "baseline.json").write_text(text)
    result = cli("check", "content", "--baseline", "baseline.json", cwd=legacy)
    assert result.returncode == 2
    assert result.stderr.startswith(f"editlint: error: {message}")
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_missing_baseline_is_a_usage_error(cli, legacy):
    result = cli("check", "content", "--baseline", "nope.json", cwd=legacy)
    assert result.returncode == 2
    assert result.stderr == "editlint: error: nope.json: no such baseline file\n"


def test_fail_on_decides_the_exit_code_not_what_is_shown(cli, legacy):
    (legacy / "editlint.yaml").write_text(CONFIG + "severity: {NEU101: info, SEE101: warning}\n")
    shown = cli("check", "--format", "json", "--fail-on", "error", "content", cwd=legacy)
    assert shown.returncode == 0
    assert len(findings(shown)) == 5
    by_info = cli("check", "--format", "json", "--select", "NEU101", "content", cwd=legacy)
    assert by_info.returncode == 0
    assert {d["severity"] for d in json.loads(by_info.stdout)["diagnostics"]} == {"info"}
    assert (
        cli("check", "--fail-on", "info", "--select", "NEU101", "content", cwd=legacy).returncode
        == 1
    )


def test_a_renamed_article_keeps_its_known_findings(cli, legacy):
    cli("check", "content", "--write-baseline", "baseline.json", cwd=legacy)
    (legacy / "content" / "lighthouse.md").rename(legacy / "content" / "beacon.md")
    assert check_with_baseline(cli, legacy).returncode == 0
    # A copy beside the original is new: only the entries of files that are gone move.
    (legacy / "content" / "market-copy.md").write_text(MARKET)
    result = check_with_baseline(cli, legacy)
    assert findings(result) == [
        ("content/market-copy.md", "NEU101", 7, 5),
        ("content/market-copy.md", "NEU101", 8, 5),
    ]
