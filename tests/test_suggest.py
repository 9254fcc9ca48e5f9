"""'Did you mean' over many titles agrees with difflib over all of them."""

from __future__ import annotations

import difflib
import random

from hypothesis import given, settings
from hypothesis import strategies as st

from editlint.index.suggest import CANDIDATES, TitleSuggester, closest, language_of


def test_suggestions_match_difflib_over_every_title():
    rng = random.Random(8)
    words = ["river", "stream", "nord", "baltic", "treaty", "energy", "pipeline", "gas", "sea"]
    keys = sorted({" ".join(rng.sample(words, 3)) for _ in range(400)})
    assert len(keys) > CANDIDATES
    suggester = TitleSuggester({key: key.title() for key in keys})
    names = ["nord steam gas", "rivr baltic sea", "energy pipeline treatyy", "unrelated", "gas"]
    names += [key[:5] + key[6:] for key in rng.sample(keys, 30)]
    for name in names:
        expected = difflib.get_close_matches(name, keys, n=1, cutoff=0.8)
        assert suggester.suggest(name) == (expected[0].title() if expected else None), name


words = st.text(alphabet="abcde -_#", max_size=12)


@settings(max_examples=500, deadline=None)
@given(words, st.lists(words, max_size=12), st.sampled_from([0.0, 0.5, 0.6, 0.75, 0.8, 1.0]))
def test_closest_is_difflibs_answer(word, possibilities, cutoff):
    expected = difflib.get_close_matches(word, possibilities, n=1, cutoff=cutoff)
    assert closest(word, possibilities, cutoff) == (expected[0] if expected else None)


def test_closest_keeps_difflibs_answer_on_long_strings():
    rng = random.Random(3)
    base = "".join(rng.choice("ab") for _ in range(260))  # difflib's autojunk applies
    possibilities = [base[:i] + "c" + base[i + 1 :] for i in range(0, 260, 13)] + [base[::-1]]
    for cutoff in (0.5, 0.9, 0.99):
        expected = difflib.get_close_matches(base, possibilities, n=1, cutoff=cutoff)
        assert closest(base, possibilities, cutoff) == (expected[0] if expected else None)


def test_translated_pages_are_suggested_only_for_names_in_their_language():
    titles = {"zainstal": "Zainstal", "installation guide (polski)": "Installation guide (Polski)"}
    languages = {
        "zainstal": language_of("Help:Reading_(Polski)#Instalowanie"),
        "installation guide (polski)": language_of("Installation guide (Polski)"),
    }
    suggester = TitleSuggester(titles, languages=languages)
    assert suggester.suggest("install") is None
    assert suggester.suggest("installation guide") is None
    assert suggester.suggest("instalation guide (polski)") == "Installation guide (Polski)"


def test_language_of_reads_the_language_suffix():
    assert language_of("Pacman (Русский)/Tips") == "русский"
    assert language_of("Dm-crypt_(Português)#Swap") == "português"
    assert language_of("Dell Inspiron 13 (5378)") is None
    assert language_of("Arch based distributions (inactive)") is None
