"""A linear sentence scorer for one-sided wording: features, weights, score and explanation.

Pure Python at run time: a sentence is lower-cased and split into word tokens once, a capitalised
word after the first standing as ``<name>`` (a name is never the narrator's wording, and its
lower-case twin must not fire: "Polish" is not "polish"); its features are the tokens (``w:``),
adjacent token pairs (``b:``) and the word lists each token belongs to (``l:``, for example the
hedges or the subjective words); the score is the logistic function of the summed weights. The
weights file is written by ``scripts/train_scorer.py`` from wording only (closed-class words and
lexicon words, never topic or identity words) and read lazily, on the first sentence scored. A
word's share of the score (its unigram and word-list weights, and half of each pair it is in)
names the words that drive a finding.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

WEIGHTS = Path(__file__).with_name("npov_scorer.json")
TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_DIGIT = re.compile(r"\d")
MIN_SHARE = 0.2  # a word must add this much to the log-odds to be named as a driver
NAME = "<name>"


@dataclass(frozen=True, slots=True)
class Driver:
    """A word of the sentence and its share of the score."""

    word: str
    start: int
    end: int
    weight: float


def normal(text: str) -> str:
    """Text as features see it: lower case, curly apostrophes straightened, digits as 0.

    Nearly every character maps to one character, so offsets usually carry over to ``text``.
    """
    return _DIGIT.sub("0", text.lower().replace("’", "'"))


def inflections(lemma: str) -> set[str]:
    """``lemma`` and its regular inflections (-s, -es, -ed, -ing, -ly, y to -ies/-ied)."""
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "ly"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing", lemma[:-1] + "ly"}
    if lemma.endswith("y"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma[:-1] + "ily"}
    return forms


def word_lists(lexicons: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    """Each inflected single word of every lexicon -> the ``l:`` features it fires."""
    member: dict[str, list[str]] = {}
    for name in sorted(lexicons):
        for lemma in lexicons[name]:
            if " " in lemma:
                continue
            for form in inflections(lemma):
                names = member.setdefault(form, [])
                if "l:" + name not in names:
                    names.append("l:" + name)
    return {form: tuple(names) for form, names in member.items()}


def features(tokens: list[str], lists: dict[str, tuple[str, ...]]) -> list[str]:
    """The features of a token sequence (with repeats; the model counts each once)."""
    found = []
    previous = "<s>"
    for token in tokens:
        found.append("w:" + token)
        found.append("b:" + previous + " " + token)
        found.extend(lists.get(token, ()))
        previous = token
    return found


class Scorer:
    """A trained model: feature weights, bias, decision threshold and word lists."""

    def __init__(self, data: dict) -> None:
        self.weights: dict[str, float] = data["weights"]
        self.bias: float = data["bias"]
        self.threshold: float = data["threshold"]
        self.lists = word_lists(data.get("lexicons", {}))

    @classmethod
    def load(cls, path: Path) -> Scorer:
        return cls(json.loads(path.read_text(encoding="utf-8")))

    def tokens(self, text: str) -> list[str]:
        return [token for token, _ in self.spans(text)]

    def spans(self, text: str) -> list[tuple[str, re.Match]]:
        """Each token of ``text`` as features see it, with its match in ``text``."""
        folded = normal(text)
        if len(folded) == len(text):
            pairs = [(m.group(), m) for m in TOKEN.finditer(folded)]
        else:  # a character whose lower case is longer ("İ"): normalise token by token
            pairs = [(normal(m.group()), m) for m in TOKEN.finditer(text)]
        found = []
        for index, (token, match) in enumerate(pairs):
            first = text[match.start()]
            if index and first.isupper() and text[match.start() : match.end()] != "I":
                token = NAME
            found.append((token, match))
        return found

    def margin(self, text: str) -> float:
        """The log-odds that ``text`` reads as one-sided."""
        weights = self.weights
        total = self.bias
        for feature in set(features(self.tokens(text), self.lists)):
            total += weights.get(feature, 0.0)
        return total

    def probability(self, text: str) -> float:
        return 1.0 / (1.0 + math.exp(-self.margin(text)))

    def drivers(self, text: str) -> list[Driver]:
        """The words of ``text`` that add at least ``MIN_SHARE`` to the score, strongest first.

        A word is named only when its own weight (word and word lists) raises the score: "the"
        in "the worst" shares the pair's weight but is not what takes a side.
        """
        weights = self.weights
        spans = self.spans(text)
        tokens = [token for token, _ in spans]
        matches = [match for _, match in spans]
        shares, own = [], []
        for index, token in enumerate(tokens):
            share = weights.get("w:" + token, 0.0)
            share += sum(weights.get(name, 0.0) for name in self.lists.get(token, ()))
            own.append(share)
            previous = tokens[index - 1] if index else "<s>"
            share += weights.get("b:" + previous + " " + token, 0.0) / 2
            if index + 1 < len(tokens):
                share += weights.get("b:" + token + " " + tokens[index + 1], 0.0) / 2
            shares.append(share)
        seen: set[str] = set()
        found = []
        for index in sorted(range(len(tokens)), key=lambda i: (-shares[i], i)):
            if shares[index] < MIN_SHARE or own[index] <= 0 or tokens[index] in seen | {NAME}:
                continue
            seen.add(tokens[index])
            match = matches[index]
            start, end = match.span()
            found.append(Driver(text[start:end], start, end, shares[index]))
        return found


@cache
def default_scorer() -> Scorer:
    """The shipped model, read once."""
    return Scorer.load(WEIGHTS)
