"""--fix, --unsafe-fixes, --diff, --fix-only, --show-fixes, --statistics on the command line."""

from __future__ import annotations

import json

from house import house_folder

ARTICLE = "# Ships\n\nThey utilise very big ships.\n\nCritics slammed the port in order to win.\n"


def test_diff_writes_nothing_and_exits_1(cli, tmp_path):
    folder = house_folder(tmp_path, {"a.md": ARTICLE})
    result = cli("check", "--diff", "--unsafe-fixes", "a.md", cwd=folder)
    assert result.returncode == 1, result.stderr
    assert result.stdout == (
        "--- a/a.md\n+++ b/a.md\n@@ -1,5 +1,5 @@\n # Ships\n \n"
        "-They utilise very big ships.\n+They use big ships.\n \n"
        "-Critics slammed the port in order to win.\n+Critics slammed the port to win.\n"
    )
    assert result.stderr == "Would fix 3 finding(s) in 1 file(s).\n"
    assert (folder / "a.md").read_text() == ARTICLE
    safe_only = cli("check", "--diff", "a.md", cwd=folder)
    assert "+They use very big ships.\n" in safe_only.stdout


def test_diff_without_changes_exits_0(cli, tmp_path):
    folder = house_folder(tmp_path, {"a.md": "Critics slammed the port.\n"})
    result = cli("check", "--diff", "a.md", cwd=folder)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "No fixes to apply.\n")


def test_fix_writes_and_reports_what_remains(cli, tmp_path):
    folder = house_folder(tmp_path, {"a.md": ARTICLE})
    result = cli("check", "--fix", "--show-fixes", "--format", "concise", ".", cwd=folder)
    assert result.returncode == 1
    assert result.stdout == (
        "a.md:3:10: HSE102 [warning] Drop the intensifier 'very'\n"
        "a.md:5:9: HSE201 [error] Loaded verb 'slammed'\n"
        "Found 2 finding(s) in 1 of 1 file(s) (1 error, 1 warning; neutrality: 2);"
        " 1 fixable with --fix --unsafe-fixes.\n"
    )
    assert result.stderr == "Fixed 2 finding(s) in 1 file(s).\na.md:\n  2 × HSE101 (plain-words)\n"
    assert (folder / "a.md").read_text() == ARTICLE.replace("utilise", "use").replace(
        "in order to", "to"
    )


def test_fix_only_reports_nothing_and_exits_0(cli, tmp_path):
    folder = house_folder(tmp_path, {"a.md": ARTICLE})
    result = cli("check", "--fix-only", "--unsafe-fixes", "a.md", cwd=folder)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "Fixed 3 finding(s) in 1 file(s).\n"
    assert "They use big ships." in (folder / "a.md").read_text()


def test_show_fixes_without_fix_shows_each_edit(cli, tmp_path):
    folder = house_folder(tmp_path, {"a.md": "They utilise ships.\n"})
    result = cli("check", "--show-fixes", "a.md", cwd=folder)
    assert result.stdout == (
        "a.md:1:6: HSE101 [warning] Use 'use' instead of 'utilise'\n"
        "  |\n1 | They utilise ships.\n  |      ^^^^^^^\n"
        "  = fix (safe): Replace with 'use'\n    - utilise\n    + use\n\n"
        "Found 1 finding(s) in 1 of 1 file(s) (1 warning; neutrality: 1); 1 fixable with --fix.\n"
    )


def test_statistics_as_text_and_json(cli, tmp_path):
    folder = house_folder(tmp_path, {"a.md": ARTICLE})
    text = cli("check", "--statistics", "a.md", cwd=folder)
    assert text.stdout == (
        "2  HSE101  [*] plain-words\n1  HSE102  [*] intensifier\n1  HSE201      loaded-verb\n\n"
        "4 finding(s) from 3 rule(s); [*] all fixable, [-] some fixable\n"
    )
    as_json = cli("check", "--statistics", "--format", "json", "a.md", cwd=folder)
    assert json.loads(as_json.stdout)[0] == {
        "code": "HSE101",
        "name": "plain-words",
        "count": 2,
        "fixable": 2,
    }


def test_output_file_gets_the_report(cli, tmp_path):
    folder = house_folder(tmp_path, {"a.md": ARTICLE})
    result = cli("check", "--format", "json", "--output", "report.json", "a.md", cwd=folder)
    assert result.stdout == ""
    assert json.loads((folder / "report.json").read_text())["summary"]["findings"] == 4


def test_rules_that_undo_each_other_stop_at_the_cap_and_say_so(cli, tmp_path):
    folder = house_folder(tmp_path, {"a.md": "They utilise ships.\n"})
    pack = folder / "house.yaml"
    pack.write_text(pack.read_text().replace("{very:", "{use: utilise, very:"))
    result = cli("check", "--fix-only", "--unsafe-fixes", "a.md", cwd=folder)
    assert result.stderr == (
        "a.md: still changing after 10 passes (rules undo each other?); stopped there\n"
        "No fixes applied.\n"  # ten passes swapped the word back and forth: nothing changed
    )
    assert (folder / "a.md").read_text() == "They utilise ships.\n"
