"""The command line as users meet it: real subprocesses, real exit codes."""

from __future__ import annotations

import json

CLEAN = """---
title: Harbour
---

The harbour opened in 1850 [@port-history].
"""


def test_seed_article_reports_all_four_mission_categories(cli, seed_path):
    result = cli("check", "--format", "json", str(seed_path))
    assert result.returncode == 1, result.stderr
    report = json.loads(result.stdout)
    assert report["version"] == 1
    categories = {d["category"] for d in report["diagnostics"]}
    assert {"neutrality", "counter-perspective", "unsourced", "see-also"} <= categories
    first = report["diagnostics"][0]
    assert set(first) == {
        "path",
        "code",
        "category",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "fix",
    }


def test_partisan_framing_position_on_seed(cli, seed_path):
    result = cli("check", "--format", "json", "--select", "NEU501", str(seed_path))
    found = [
        (d["line"], d["column"], d["end_column"]) for d in json.loads(result.stdout)["diagnostics"]
    ]
    assert (13, 93, 120) in found


def test_clean_article_exits_zero(cli, tmp_path):
    (tmp_path / "harbour.md").write_text(CLEAN)
    result = cli("check", str(tmp_path / "harbour.md"))
    assert result.returncode == 0, result.stdout
    assert "All clear: 1 file(s) checked, no findings." in result.stdout


def test_malformed_config_exits_2_with_one_line(cli, tmp_path):
    (tmp_path / "editlint.yaml").write_text("select: [NEU]\nfail-on: sometimes\n")
    (tmp_path / "a.md").write_text(CLEAN)
    result = cli("check", str(tmp_path))
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"editlint: error: {tmp_path / 'editlint.yaml'}:2: fail-on")


def test_missing_path_is_a_usage_error(cli, tmp_path):
    result = cli("check", str(tmp_path / "nope.md"))
    assert result.returncode == 2
    assert "no such file or folder" in result.stderr


def test_unreadable_file_is_a_finding_and_others_still_checked(cli, tmp_path):
    (tmp_path / "bad.md").write_bytes(b"\xff\xfe not utf-8")
    (tmp_path / "good.md").write_text("# Good\n\nA legendary port [@x].\n")
    result = cli("check", "--format", "json", str(tmp_path))
    assert result.returncode == 1
    codes = {
        (d["path"].rsplit("/", 1)[-1], d["code"]) for d in json.loads(result.stdout)["diagnostics"]
    }
    assert ("bad.md", "INP002") in codes
    assert ("good.md", "NEU101") in codes


def test_select_ignore_and_exit_zero(cli, seed_path):
    result = cli(
        "check", "--format", "json", "--select", "SEE", "--ignore", "SEE101", str(seed_path)
    )
    codes = {d["code"] for d in json.loads(result.stdout)["diagnostics"]}
    assert codes == {"SEE102"}
    assert cli("check", "--exit-zero", str(seed_path)).returncode == 0


def test_opt_in_rule_runs_only_when_named(cli, tmp_path):
    (tmp_path / "a.md").write_text("The committee presumably accepted the plan.\n")

    def biased_sentence(*options: str) -> list[list[int]]:
        result = cli("check", "--format", "json", *options, "a.md", cwd=tmp_path)
        return [
            [d["line"], d["column"], d["end_line"], d["end_column"]]
            for d in json.loads(result.stdout)["diagnostics"]
            if d["code"] == "NEU801" or "NEU801" in d["message"]  # found, or folded into another
        ]

    assert biased_sentence() == []
    assert biased_sentence("--select", "NEU8") == []
    assert biased_sentence("--extend-select", "NEU801") == [[1, 15, 1, 25]]
    assert biased_sentence("--extend-select", "NEU801", "--ignore", "NEU801") == []
    (tmp_path / "editlint.yaml").write_text("extend-select: [NEU801]\n")
    assert biased_sentence() == [[1, 15, 1, 25]]


def test_rules_and_explain_mark_an_opt_in_rule(cli):
    listing = {rule["code"]: rule for rule in json.loads(cli("rules", "--format", "json").stdout)}
    assert listing["NEU801"]["opt_in"] is True
    assert listing["NEU101"]["opt_in"] is False
    text = cli("rules").stdout.splitlines()
    opt_in = {code for code, rule in listing.items() if rule["opt_in"]}
    assert {"NEU801", "NEU202", "NEU402"} <= opt_in
    assert [line for line in text if "(opt-in)" in line] == [
        line for line in text if line.split(" ", 1)[0] in opt_in
    ]
    explained = cli("explain", "NEU801").stdout
    assert (
        "Opt-in: off unless named in full: `extend-select: [NEU801]` in editlint.yaml, or "
        "`--extend-select NEU801`." in explained
    )


def test_fail_on_error_ignores_warnings(cli, tmp_path):
    (tmp_path / "a.md").write_text("# A\n\nA legendary port [@x].\n")
    assert cli("check", str(tmp_path / "a.md")).returncode == 1
    assert cli("check", "--fail-on", "error", str(tmp_path / "a.md")).returncode == 0


def test_full_output_underlines_the_span(cli, tmp_path):
    (tmp_path / "a.md").write_text("# A\n\nA legendary port [@x].\n")
    result = cli("check", str(tmp_path / "a.md"), cwd=tmp_path)
    assert "a.md:3:3: NEU101 [warning]" in result.stdout
    assert "3 | A legendary port [@x].\n  |   ^^^^^^^^^\n" in result.stdout


def test_rules_and_explain(cli):
    listing = cli("rules", "--format", "json")
    codes = [rule["code"] for rule in json.loads(listing.stdout)]
    assert "NEU101" in codes and "SEE101" in codes
    explained = cli("explain", "BAL101")
    assert explained.returncode == 0
    assert "from a center-right perspective" in explained.stdout
    assert cli("explain", "XYZ999").returncode == 2


def test_import_converts_the_seed(cli, seed_path, tmp_path):
    result = cli("import", str(seed_path), "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    markdown = (tmp_path / "foreign-relations-of-russia.md").read_text()
    assert markdown.startswith(
        "---\ntitle: Foreign Relations Of Russia\nslug: foreign-relations-of-russia\n---\n"
    )
    assert "## Debates and controversies (from a center-right perspective)\n" in markdown
    assert "- NATO expansion and security architecture:" in markdown
    assert "See also [[Belarus]] and [[Shanghai Cooperation Organisation]]." in markdown
    assert markdown.endswith("## See also\n")
    assert cli("import", str(seed_path), "-o", str(tmp_path)).returncode == 2  # no overwrite


def test_full_output_keeps_long_spans_inside_the_excerpt_window(cli, tmp_path):
    sentence = "The port opened in 1850 and " + "handled cargo and passengers " * 12 + "daily."
    (tmp_path / "a.md").write_text(f"# A\n\n## History\n\nSome text [@x]. {sentence}\n")
    result = cli("check", "--select", "SRC103", str(tmp_path / "a.md"), cwd=tmp_path)
    source_line, caret_line = result.stdout.splitlines()[2:4]
    assert source_line.endswith("…")
    assert set(caret_line.split("|", 1)[1].strip()) == {"^"}
    assert len(caret_line) == len(source_line) - 1  # underlined up to the ellipsis, not beyond


def test_a_selector_that_names_no_rule_is_a_usage_error(cli, tmp_path):
    (tmp_path / "a.md").write_text("A legendary hero.\n")
    typo = cli("check", "--select", "peacock-terms", "a.md", cwd=tmp_path)
    assert typo.returncode == 2
    assert typo.stderr == (
        "editlint: error: unknown rule code or prefix 'peacock-terms' in --select; "
        "did you mean 'peacock-term'?\n"
    )
    (tmp_path / "editlint.yaml").write_text("select:\n  - NEU1\nseverity:\n  NEU999: error\n")
    configured = cli("check", "a.md", cwd=tmp_path)
    assert configured.returncode == 2
    assert configured.stderr.startswith(f"editlint: error: {tmp_path / 'editlint.yaml'}:4: ")
    assert "'NEU999' in 'severity'" in configured.stderr


def test_selectors_accept_any_case_and_rule_names(cli, tmp_path):
    (tmp_path / "a.md").write_text("A legendary hero.\n")

    def codes(*options: str) -> list[str]:
        result = cli("check", "--format", "json", *options, "a.md", cwd=tmp_path)
        return [d["code"] for d in json.loads(result.stdout)["diagnostics"]]

    assert codes("--select", "neu101") == ["NEU101"]
    assert codes("--select", "peacock-term") == ["NEU101"]
    assert codes("--select", "NEU1", "--ignore", "peacock-term") == []
    assert cli("explain", "peacock-term").stdout.startswith("NEU101 peacock-term ")


def test_a_run_that_checks_nothing_fails_unless_allowed(cli, tmp_path):
    (tmp_path / "notes.rst").write_text("Text.\n")
    empty = cli("check", ".", cwd=tmp_path)
    assert (empty.returncode, empty.stdout) == (2, "")
    skipped, error = empty.stderr.split("\n", 1)
    assert skipped == "skipped: .rst x1 (unsupported format)"
    assert error.startswith("editlint: error: no article to check in . (articles are ")
    allowed = cli("check", "--allow-empty", ".", cwd=tmp_path)
    assert allowed.returncode == 0
    assert allowed.stdout == "All clear: 0 file(s) checked, no findings.\n"


def test_with_no_path_only_the_content_root_is_checked(cli, tmp_path):
    (tmp_path / "editlint.yaml").write_text("content_root: articles\nselect: [NEU101]\n")
    (tmp_path / "README.md").write_text("A legendary readme.\n")
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "hero.md").write_text("A legendary hero.\n")
    result = cli("check", "--format", "json", cwd=tmp_path)
    paths = [d["path"] for d in json.loads(result.stdout)["diagnostics"]]
    assert paths == ["articles/hero.md"]
    everything = cli("check", "--format", "json", ".", cwd=tmp_path)
    assert len(json.loads(everything.stdout)["diagnostics"]) == 2


def test_stdin_is_checked_as_the_named_file(cli, tmp_path):
    (tmp_path / "editlint.yaml").write_text("select: [NEU101, SEE]\n")
    text = "A legendary hero.\n\n## See also\n\n- [[Villain]]\n"
    result = cli(
        "check", "--format", "json", "-", "--stdin-filename", "hero.md", cwd=tmp_path, input=text
    )
    found = [
        (d["path"], d["code"], d["line"], d["column"])
        for d in json.loads(result.stdout)["diagnostics"]
    ]
    assert found == [("hero.md", "NEU101", 1, 3), ("hero.md", "SEE101", 5, 5)]
    assert result.returncode == 1
    refused = cli("check", "--fix", "-", cwd=tmp_path, input=text)
    assert refused.returncode == 2 and "stdin" in refused.stderr


def test_color_follows_the_flag_and_force_color(cli, tmp_path, monkeypatch):
    (tmp_path / "a.md").write_text("A legendary hero.\n")
    plain = cli("check", "--select", "NEU101", "a.md", cwd=tmp_path)
    coloured = cli("check", "--select", "NEU101", "--color", "always", "a.md", cwd=tmp_path)
    assert "\x1b[" not in plain.stdout and "\x1b[" in coloured.stdout
    monkeypatch.setenv("FORCE_COLOR", "1")
    forced = cli("check", "--select", "NEU101", "a.md", cwd=tmp_path)
    assert "\x1b[" in forced.stdout


def test_quiet_prints_the_findings_only(cli, tmp_path):
    (tmp_path / "a.md").write_text("A legendary hero.\n")
    (tmp_path / "b.md").write_text("A hero.\n")
    quiet = cli("check", "-q", "--format", "concise", "--select", "NEU101", ".", cwd=tmp_path)
    assert quiet.stdout == (
        "a.md:1:3: NEU101 [warning] Peacock term 'legendary': it praises the subject without "
        "saying why; state the fact that earns it, attributed and cited\n"
    )
    clean = cli("check", "-q", "--select", "NEU101", "b.md", cwd=tmp_path)
    assert (clean.returncode, clean.stdout) == (0, "")


def test_show_settings_prints_the_resolved_configuration(cli, tmp_path):
    (tmp_path / "editlint.yaml").write_text("content_root: articles\nselect: [neu1]\n")
    (tmp_path / "articles").mkdir()
    result = cli("check", "--show-settings", cwd=tmp_path)
    shown = json.loads(result.stdout)
    assert result.returncode == 0
    assert shown["config"] == str(tmp_path / "editlint.yaml")
    assert shown["content_root"] == str((tmp_path / "articles").resolve())
    assert shown["settings"]["select"] == ["NEU1"]
    assert shown["rules"] == ["NEU101", "NEU103"]
