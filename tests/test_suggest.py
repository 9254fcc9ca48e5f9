"""'Did you mean' over many titles agrees with difflib over all of them."""

from __future__ import annotations

import difflib
import random

from editlint.index.suggest import CANDIDATES, TitleSuggester


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
