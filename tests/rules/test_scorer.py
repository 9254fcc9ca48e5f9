"""NEU801's scorer: features, score and drivers; the script reproduces the shipped weights."""

from __future__ import annotations

import importlib.util
import json
import math
import sys

import pytest

from conftest import ROOT, SHARED, shared
from editlint.rules.builtin.scoring import WEIGHTS, Scorer, features, inflections, word_lists


def toy_scorer() -> Scorer:
    return Scorer(
        {
            "bias": -1.0,
            "threshold": 0.5,
            "lexicons": {"bias": ["notorious", "murder"]},
            "weights": {"w:regime": 1.5, "l:bias": 0.75, "b:so called": 1.0, "w:the": -0.25},
        }
    )


def test_inflections_of_a_lemma():
    assert inflections("murder") >= {"murder", "murders", "murdered", "murdering"}
    assert {"claimed", "claiming"} <= inflections("claim")
    assert {"allied", "allies"} <= inflections("ally")
    assert "noted" in inflections("note") and "noting" in inflections("note")


def test_features_are_words_pairs_and_word_lists():
    lists = word_lists({"bias": ["murder"], "report": ["say"]})
    assert features(["they", "murdered", "him"], lists) == [
        "w:they",
        "b:<s> they",
        "w:murdered",
        "b:they murdered",
        "l:bias",
        "w:him",
        "b:murdered him",
    ]


def test_tokens_fold_case_apostrophes_and_digits():
    assert toy_scorer().tokens("The So-called REGIME’s 1990 plan") == [
        "the",
        "so-called",
        "regime's",
        "0000",
        "plan",
    ]


def test_margin_sums_each_feature_once():
    scorer = toy_scorer()
    # bias -1 + regime 1.5 + the -0.25 (once, though twice in the text) + notorious (l:bias) 0.75
    assert scorer.margin("The notorious regime and the army") == pytest.approx(1.0)
    assert scorer.probability("The notorious regime") == pytest.approx(1 / (1 + math.exp(-1.0)))
    assert scorer.margin("so called") == pytest.approx(0.0)


def test_drivers_name_the_words_that_raise_the_score_with_their_offsets():
    drivers = toy_scorer().drivers("The notorious regime murdered them")
    assert [(d.word, d.start, d.end, d.weight) for d in drivers] == [
        ("regime", 14, 20, 1.5),
        ("notorious", 4, 13, 0.75),
        ("murdered", 21, 29, 0.75),
    ]
    assert toy_scorer().drivers("so called")[0].word == "so"  # half of the pair's weight


def test_shipped_weights_are_small_and_cover_the_word_lists():
    assert WEIGHTS.stat().st_size < 300_000
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert 0 < data["threshold"] < 1
    assert set(data["lexicons"]) <= {
        "bias",
        "factive",
        "assertive",
        "hedge",
        "implicative",
        "report",
    }


def _training_script():
    spec = importlib.util.spec_from_file_location(
        "train_scorer", ROOT / "scripts" / "train_scorer.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_shipped_weights_are_what_the_training_script_writes():
    pytest.importorskip("sklearn")
    script = _training_script()
    shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    model = script.train(script.load_corpus(shared(SHARED / "corpora")), shipped["threshold"])
    # Exact on this machine; the tolerance only absorbs last-digit drift between solver builds.
    assert model["lexicons"] == shipped["lexicons"]
    assert model["bias"] == pytest.approx(shipped["bias"], abs=1e-3)
    features = set(model["weights"]) | set(shipped["weights"])
    drift = max(
        abs(model["weights"].get(name, 0.0) - shipped["weights"].get(name, 0.0))
        for name in features
    )
    assert drift <= 1e-3, "re-run scripts/train_scorer.py"


def test_stratified_folds_are_fixed_by_row_order():
    script = _training_script()
    rows = [script.Example(str(i), i % 3 == 0, i) for i in range(9)]
    assert script.folds(rows, 2) == [0, 0, 1, 1, 0, 1, 0, 0, 1]
