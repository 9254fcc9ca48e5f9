""" "Did you mean": the closest title to a name, without comparing it with every title.

difflib compares a name with each title in turn, which is fine for a hundred articles and
far too slow for fifty thousand. Titles are indexed by their three-letter pieces; only the
titles sharing the most pieces with the name are compared, and answers are remembered.
``closest`` gives difflib's answer but runs difflib only on the strings that can pass.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from urllib.parse import unquote

#: Titles compared with difflib for one name (those sharing the most trigrams with it).
CANDIDATES = 32
#: Names shorter than this have too few trigrams: they are compared with every title.
SHORT = 6


#: The language names (as wikis write them, in their own language) that end translated page
#: titles: "Installation guide (Polski)", "Pacman (Русский)/Tips", "Help:Reading_(Polski)#...".
LANGUAGES = frozenset(
    name.casefold()
    for name in (
        "العربية|Български|Bosanski|Català|Čeština|Česky|Dansk|Deutsch|Ελληνικά|Español|"
        "Esperanto|Suomi|Français|עברית|Hrvatski|Magyar|Indonesia|Italiano|日本語|한국어|Lietuvių|"
        "Norsk Bokmål|Nederlands|Polski|Português|Română|Русский|Slovenčina|Slovenský|Српски|"
        "Svenska|ไทย|Türkçe|Українська|Tiếng Việt|简体中文|正體中文|"
        "中文（简体）|中文（繁體）|فارسی|Eesti|Latviešu|Srpski|Қазақша"
    ).split("|")
)
_SUFFIX = re.compile(r"\(([^()]+)\)")


def language_of(title: str) -> str | None:
    """The language a translated page's title names in parentheses ("Foo (Polski)",
    "Foo_(Polski)#Bar", "Foo (Polski)/Sub"), or None for a page in the wiki's own language."""
    for match in _SUFFIX.finditer(unquote(title).replace("_", " ")):
        name = match.group(1).strip().casefold()
        if name in LANGUAGES:
            return name
    return None


def trigrams(text: str) -> set[str]:
    padded = f" {text} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


class TitleSuggester:
    """Closest titles to names; ``titles`` maps normalised title -> title as written."""

    def __init__(
        self,
        titles: dict[str, str],
        cutoff: float = 0.8,
        languages: dict[str, str | None] | None = None,
    ) -> None:
        """``languages``: the language of a translated page (or of the page a redirect leads
        to), by normalised title; such pages are suggested only for names in that language."""
        self.titles = titles
        self.cutoff = cutoff
        self.languages = {key: lang for key, lang in (languages or {}).items() if lang}
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
            found = self._keys
        else:
            shared: Counter[int] = Counter()
            for piece in trigrams(key):
                shared.update(self._postings.get(piece, ()))
            found = [self._keys[number] for number, _ in shared.most_common(CANDIDATES)]
        if not self.languages:
            return found
        wanted = language_of(key)  # "Install" is never answered with a Polish page
        return [title for title in found if self.languages.get(title) == wanted]


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
