"""``editlint eval``: confusion counts, the summary line, per-rule figures, bad input."""

from __future__ import annotations

import json

import pytest

from editlint.authoring.evaluation import Scores, as_paragraph

ROWS = """text,label,pool
"He was a legendary negotiator.",1,biased
"Many historians argue that the treaty failed.",1,biased
"The treaty was signed in 1990.",1,biased
"The terrorist cell was broken up in 1990.",0,featured
"The harbour opened in 1850.",0,featured
"""


def test_scores_from_a_known_confusion_matrix():
    scores = Scores(tp=6, fp=2, tn=10, fn=2)
    assert scores.n == 20
    assert scores.precision == 0.75
    assert scores.recall == 0.75
    assert scores.f1 == 0.75
    assert scores.fpr == pytest.approx(2 / 12)
    assert scores.mcc == pytest.approx((60 - 4) / (8 * 8 * 12 * 12) ** 0.5)
    assert scores.summary_line() == "MCC=0.583 P=0.750 R=0.750 F1=0.750 FPR=0.167 N=20"


def test_empty_margins_give_zero_not_an_error():
    assert Scores(tn=5).summary_line() == "MCC=0.000 P=0.000 R=0.000 F1=0.000 FPR=0.000 N=5"


def test_a_row_is_one_paragraph():
    assert as_paragraph("# Not a heading\nbut one line") == "# Not a heading but one line\n"


def test_eval_prints_the_summary_line_last(cli, tmp_path):
    data = tmp_path / "set.csv"
    data.write_text(ROWS, encoding="utf-8")
    result = cli("eval", str(data))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    # flagged: legendary (NEU101), many historians (NEU201), terrorist (NEU401, a false positive)
    assert "TP=2 FP=1 TN=1 FN=1" in lines
    assert lines[-1] == "MCC=0.167 P=0.667 R=0.667 F1=0.667 FPR=0.500 N=5"


def test_per_rule_breakdown_and_json(cli, tmp_path):
    data = tmp_path / "set.csv"
    data.write_text(ROWS, encoding="utf-8")
    text = cli("eval", "--per-rule", str(data)).stdout
    rows = {line.split()[0]: line.split() for line in text.splitlines() if line.startswith("NEU")}
    assert rows["NEU101"][2:4] == ["1", "0"]
    assert rows["NEU401"][2:4] == ["0", "1"]
    report = json.loads(cli("eval", "--format", "json", str(data)).stdout)
    assert (report["tp"], report["fp"], report["tn"], report["fn"], report["n"]) == (2, 1, 1, 1, 5)
    assert report["mcc"] == 0.167
    by_code = {rule["code"]: rule for rule in report["rules"]}
    assert by_code["NEU101"]["only_tp"] == 1
    assert by_code["NEU401"]["only_fp"] == 1


def test_category_and_ignore_narrow_what_counts(cli, tmp_path):
    data = tmp_path / "set.csv"
    data.write_text(ROWS, encoding="utf-8")
    result = cli("eval", "--ignore", "NEU4", str(data))
    assert result.stdout.splitlines()[-1] == "MCC=0.667 P=1.000 R=0.667 F1=0.800 FPR=0.000 N=5"
    result = cli("eval", "--category", "see-also", str(data))
    assert result.stdout.splitlines()[-1].startswith("MCC=0.000 P=0.000 R=0.000")


def test_extend_select_counts_an_opt_in_rule(cli, tmp_path):
    data = tmp_path / "set.csv"
    data.write_text(
        'text,label\n"The notorious terrorists murdered the villagers.",1\n'
        '"The committee presumably accepted the plan.",1\n'
    )

    def flagged_by(*options: str) -> dict[str, int]:
        report = json.loads(cli("eval", "--format", "json", *options, str(data)).stdout)
        return {rule["code"]: rule["tp"] for rule in report["rules"]}

    assert flagged_by() == {"NEU101": 1, "NEU401": 1}
    assert flagged_by("--extend-select", "NEU801") == {"NEU101": 1, "NEU401": 1, "NEU801": 1}
    assert flagged_by("--extend-select", "NEU402") == {"NEU101": 1, "NEU401": 1, "NEU402": 1}


def test_missing_label_column_is_a_usage_error(cli, tmp_path):
    data = tmp_path / "bad.csv"
    data.write_text("sentence,label\nabc,1\n", encoding="utf-8")
    result = cli("eval", str(data))
    assert result.returncode == 2
    assert f"{data}:1:" in result.stderr and "'text'" in result.stderr


def test_bad_label_names_the_line(cli, tmp_path):
    data = tmp_path / "bad.csv"
    data.write_text("text,label\nabc,1\ndef,maybe\n", encoding="utf-8")
    result = cli("eval", str(data))
    assert result.returncode == 2
    assert f"{data}:3: label must be 1 or 0, not 'maybe'" in result.stderr
