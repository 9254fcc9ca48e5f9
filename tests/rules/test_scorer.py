"""NEU801's scorer: features, score and drivers; wording only; the script reproduces the weights."""

from __future__ import annotations

import importlib
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
    assert toy_scorer().tokens("So-called regime’s 1990 plan") == [
        "so-called",
        "regime's",
        "0000",
        "plan",
    ]


def test_a_capitalised_word_after_the_first_is_a_name_not_its_lower_case_twin():
    assert toy_scorer().tokens("Polish troops and I met the Polish REGIME") == [
        "polish",
        "troops",
        "and",
        "i",
        "met",
        "the",
        "<name>",
        "<name>",
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
    # "so" and "called" raise the score only through their pair: no weight of their own, not named
    assert toy_scorer().drivers("so called") == []
    assert toy_scorer().drivers("The Regime") == []  # a name is never a driver


def test_shipped_weights_are_small_and_cover_the_word_lists():
    assert WEIGHTS.stat().st_size < 200_000
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert 0 < data["threshold"] < 1
    assert set(data["lexicons"]) <= {
        "bias",
        "factive",
        "assertive",
        "hedge",
        "implicative",
        "report",
        "subjective",
    }
    assert "scripts/train_scorer.py" in data["provenance"]


# Identity and topic words: groups of people, beliefs, allegiances, nations and contested
# subjects. A finding must never rest on one, so none may carry a weight or sit in a word list.
IDENTITY_AND_TOPIC_WORDS = """
gay lesbian bisexual transgender homosexual homosexuality heterosexual queer
black white blacks whites negro colored african asian hispanic latino arab arabs
jewish jew jews judaism zionist zionism israeli israel palestinian palestine
muslim muslims islam islamic islamist christian christians christianity catholic catholics
protestant protestants hindu hindus sikh buddhist atheist atheists mormon evangelical
american americans british english french german russian chinese irish mexican
women woman men man female male feminist feminism girls boys
immigrant immigrants migrant refugee refugees native natives indigenous tribal ethnic racial race
religion religious church bible god jesus allah mosque temple cult sect
liberal liberals conservative conservatives communist communists socialist socialists fascist
fascists nationalist nationalists leftist rightist left-wing right-wing far-right far-left
democrat democrats republican republicans libertarian marxist anarchist
police army military soldiers government regime terrorist terrorists terrorism militant
abortion unborn pro-life pro-choice same-sex marriage sex sexual gun guns
war genocide holocaust slavery racism racist disabled elderly
""".split()


def _words_of(feature: str) -> list[str]:
    kind, _, body = feature.partition(":")
    return [] if kind == "l" else body.split(" ")


def test_no_identity_or_topic_word_carries_a_weight():
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    named = {word for feature in data["weights"] for word in _words_of(feature)}
    listed = {form for form in word_lists(data["lexicons"])}
    for word in IDENTITY_AND_TOPIC_WORDS:
        assert word not in named, word
        assert word not in listed, word


@pytest.mark.parametrize("word", IDENTITY_AND_TOPIC_WORDS)
def test_an_identity_or_topic_word_leaves_the_score_as_it_was(word):
    scorer = Scorer(json.loads(WEIGHTS.read_text(encoding="utf-8")))
    for frame in ("the {} group held a meeting in the town", "{} residents voted on the plan"):
        # equal but for float rounding (the features are summed in set order); a weight is >= 1e-4
        expected = scorer.margin(frame.format("qzx"))
        assert scorer.margin(frame.format(word)) == pytest.approx(expected, abs=1e-9)
        assert word not in {driver.word.lower() for driver in scorer.drivers(frame.format(word))}


def test_the_vocabulary_rule_admits_wording_and_no_identity_or_topic_word(monkeypatch):
    pytest.importorskip("textblob")
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    vocabulary = importlib.import_module("scorer_vocabulary")
    script = _training_script(monkeypatch)
    lexicons = script.load_corpus(shared(SHARED / "corpora")).lexicons
    words = vocabulary.wording_vocabulary(lexicons)
    assert not words & set(IDENTITY_AND_TOPIC_WORDS)
    # closed-class words, quantifiers, hedges, stance verbs, degree adverbs, subjective adjectives
    assert {"the", "of", "many", "several", "probably", "claimed", "arguably", "brilliant"} <= words
    assert not {"abortion", "regime", "bishop", "mosque", "immigrant"} & words  # nouns never
    assert "leftist" not in vocabulary.subjective_words()  # a sense naming a political allegiance


def _training_script(monkeypatch):
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    spec = importlib.util.spec_from_file_location(
        "train_scorer", ROOT / "scripts" / "train_scorer.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(spec.name, module)
    spec.loader.exec_module(module)
    return module


def test_shipped_weights_are_what_the_training_script_writes(monkeypatch):
    pytest.importorskip("sklearn")
    pytest.importorskip("textblob")
    script = _training_script(monkeypatch)
    shipped = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    model = script.train(script.load_corpus(shared(SHARED / "corpora")), shipped["threshold"])
    # Exact on this machine; the tolerance only absorbs last-digit drift between solver builds.
    assert model["lexicons"] == shipped["lexicons"]
    assert model["provenance"] == shipped["provenance"]
    assert model["bias"] == pytest.approx(shipped["bias"], abs=1e-3)
    features = set(model["weights"]) | set(shipped["weights"])
    drift = max(
        abs(model["weights"].get(name, 0.0) - shipped["weights"].get(name, 0.0))
        for name in features
    )
    assert drift <= 1e-3, "re-run scripts/train_scorer.py"


def test_stratified_folds_are_fixed_by_row_order(monkeypatch):
    pytest.importorskip("textblob")
    script = _training_script(monkeypatch)
    rows = [script.Example(str(i), i % 3 == 0, i) for i in range(9)]
    assert script.folds(rows, 2) == [0, 0, 1, 1, 0, 1, 0, 0, 1]


def test_narrator_scores_read_a_document_outside_a_checker():
    """The training script scores parsed sentences with no Checker around them: the sentence
    in the narrator's voice gets its score, the one reporting what she said none."""
    from editlint.document import parse_document
    from editlint.rules.builtin.biased_sentence import BiasedSentence

    rule = BiasedSentence()
    document = parse_document('The plan failed. She said "the plan was a disgrace".\n')
    assert rule.narrator_scores(document) == [rule.scorer.probability("The plan failed. ")]
