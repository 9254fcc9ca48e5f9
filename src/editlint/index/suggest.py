""" "Did you mean": the closest title to a name, without comparing it with every title.

difflib compares a name with each title in turn, which is fine for a hundred articles and
far too slow for fifty thousand. Titles are indexed by their three-letter pieces; only the
titles sharing the most pieces with the name are compared, and answers are remembered.
``closest`` gives difflib's answer but runs difflib only on the strings that can pass.
"""

from __future__ import annotations

import difflib
from collections import Counter

#: Titles compared with difflib for one name (those sharing the most trigrams with it).
CANDIDATES = 32
#: Names shorter than this have too few trigrams: they are compared with every title.
SHORT = 6


def trigrams(text: str) -> set[str]:
    padded = f" {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class TitleSuggester:
    """Closest titles to names; ``titles`` maps normalised title -> title as written."""

    def __init__(self, titles: dict[str, str], cutoff: float = 0.8) -> None:
        self.titles = titles
        self.cutoff = cutoff
        self._keys = list(titles)
        self._postings: dict[str, list[int]] = {}
        for number, key in enumerate(self._keys):
            for piece in trigrams(key):
                self._postings.setdefault(piece, []).append(number)
        self._answers: dict[str, str | None] = {}

    def suggest(self, key: str) -> str | None:
        """The title closest to the normalised name ``key``, or None when none is close."""
        if key not in self._answers:
            close = closest(key, self._candidates(key), self.cutoff)
            self._answers[key] = self.titles[close] if close is not None else None
        return self._answers[key]

    def _candidates(self, key: str) -> list[str]:
        if len(key) < SHORT or len(self._keys) <= CANDIDATES:
            return self._keys
        shared: Counter[int] = Counter()
        for piece in trigrams(key):
            shared.update(self._postings.get(piece, ()))
        return [self._keys[number] for number, _ in shared.most_common(CANDIDATES)]


#: difflib ratios remembered (the same anchor is often misspelt the same way across pages).
RATIOS_KEPT = 50_000
_RATIOS: dict[tuple[str, str], float] = {}


def closest(word: str, possibilities: list[str], cutoff: float) -> str | None:
    """``difflib.get_close_matches(word, possibilities, n=1, cutoff=cutoff)``'s answer.

    difflib's ratio counts the characters of matching blocks, a common subsequence, so it
    never exceeds the ratio of the longest common subsequence (rapidfuzz's ``fuzz.ratio``,
    computed in C). difflib runs only on the possibilities whose bound passes the cutoff,
    best bound first, and stops when no bound left can reach the best ratio found.
    """
    from rapidfuzz import fuzz, process

    slack = 1e-6  # more than rapidfuzz's rounding of the bound
    found = process.extract(
        word,
        possibilities,
        scorer=fuzz.ratio,
        score_cutoff=max(0.0, 100 * cutoff - slack),
        limit=None,
    )
    matcher: difflib.SequenceMatcher | None = None
    best: tuple[float, str] | None = None
    for choice, bound, _ in sorted(found, key=lambda hit: -hit[1]):
        if best is not None and bound + slack < 100 * best[0]:
            break
        ratio = _RATIOS.get((choice, word))
        if ratio is None:  # difflib's quicker bounds are above the LCS bound: they pass
            if matcher is None:
                matcher = difflib.SequenceMatcher()
                matcher.set_seq2(word)
            matcher.set_seq1(choice)
            ratio = _RATIOS[choice, word] = matcher.ratio()
            if len(_RATIOS) > RATIOS_KEPT:
                _RATIOS.clear()
        if ratio >= cutoff and (best is None or (ratio, choice) > best):
            best = (ratio, choice)
    return best[1] if best is not None else None
