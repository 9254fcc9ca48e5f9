"""Biographies of living persons: SRC501 takes SRC103's finding into it, and the editlint:blp
preset makes the sourcing rules errors."""

from __future__ import annotations

import json

BIOGRAPHY = (
    "---\nliving_person: true\n---\n"
    "Jane Roe is a harbour pilot.[^1]\n\n"
    "## Career\n\n"
    "Roe joined the port in 1990.[^1] She was sued in 2015. The port grew.[^1]\n\n"
    "She divorced in 2015. She won the harbour prize in 2001.\n\n"
    "[^1]: Port News, 2016.\n"
)


def _findings(cli, folder, *options):
    result = cli("check", "--format", "json", "--no-cache", *options, ".", cwd=folder)
    return result.returncode, [
        (d["code"], d["line"], d["column"], d["severity"])
        for d in json.loads(result.stdout)["diagnostics"]
    ]


def test_an_unsourced_contentious_claim_is_one_error(cli, tmp_path):
    (tmp_path / "editlint.yaml").write_text("select: [SRC103, SRC501]\n")
    (tmp_path / "jane.md").write_text(BIOGRAPHY)
    code, found = _findings(cli, tmp_path)
    # "She divorced in 2015" is SRC103's unsourced claim too: one finding, the error;
    # "She was sued" is covered by the citation closing its paragraph.
    assert found == [("SRC501", 10, 5, "error"), ("SRC103", 10, 23, "warning")]
    result = cli("check", "--format", "json", "--no-cache", ".", cwd=tmp_path)
    first = json.loads(result.stdout)["diagnostics"][0]
    assert first["message"].endswith("(WP:BLP) (also SRC103)")


def test_the_blp_preset_makes_sourcing_findings_errors(cli, tmp_path):
    (tmp_path / "editlint.yaml").write_text("extends: [editlint:blp]\nselect: [SRC103, SRC501]\n")
    (tmp_path / "jane.md").write_text(BIOGRAPHY)
    code, found = _findings(cli, tmp_path)
    assert code == 1
    # A citation covers its own sentence only: "She was sued" needs one too.
    assert found == [
        ("SRC501", 8, 42, "error"),
        ("SRC501", 10, 5, "error"),
        ("SRC103", 10, 23, "error"),
    ]
