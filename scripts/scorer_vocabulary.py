"""The words NEU801's scorer may weigh: wording only, by a rule, never topic or identity words.

A word is in the vocabulary when it is

- a closed-class word: its most frequent part of speech in the Brill tagger's lexicon (shipped
  with TextBlob, ``en-lexicon.txt``) is a determiner, pronoun, preposition, conjunction, modal,
  existential "there", particle, wh-word or number word, or it is a form of the auxiliaries be,
  have and do, or a quantifier ("many", "several", "various", which Brill tags as adjectives);
- an adverb, a comparative or a superlative by its most frequent part of speech ("often",
  "widely", "most", "greatest"): they say how, how sure and how much, never what about, except
  the few that name a group ("racially", "religiously"), which are left out;
- in a stance lexicon (hedges, factives, assertives, implicatives, report verbs: verbs, adverbs
  and adjectives that say how sure or whose a claim is), with its regular inflections;
- an adverb or verb of the bias lexicon (Recasens et al. 2013) by its most frequent part of
  speech: "clearly", "allegedly", "admit", "murdered";
- a subjective adjective or adverb: in the bias lexicon or in TextBlob's subjectivity lexicon
  (``en-sentiment.xml``), an adjective or adverb by its most frequent part of speech, rated at
  least ``SUBJECTIVE`` on average over its senses there ("notorious" is not rated, "brilliant"
  1.0), and no sense of it describes a group of people or an allegiance (a gloss naming a race,
  religion, nation, sex, sexuality, politics or doctrine: "leftist", "believing in or supporting
  tenets of the political left", is out).

Nouns never qualify, so no topic ("abortion", "regime"), no group of people ("immigrant") and no
name; proper adjectives are capitalised in the Brill lexicon and so never lower-case entries.
Needs TextBlob (the ``dev`` extra) at training time only; the shipped weights carry the result.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache
from pathlib import Path

from editlint.rules.builtin.scoring import inflections

CLOSED_TAGS = frozenset("DT PDT PRP PRP$ WDT WP WP$ WRB IN CC MD TO EX RP CD".split())
QUANTIFIERS = frozenset(
    "many much few fewer fewest several most more less least enough various numerous other "
    "others certain own such same".split()
)
DEGREE_TAGS = frozenset({"RB", "RBR", "RBS", "JJR", "JJS"})
PLAIN_WORD = re.compile(r"[a-z]+(?:['-][a-z]+)*")
AUXILIARIES = frozenset(
    "be am is are was were been being have has had having do does did done doing "
    "isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't".split()
)
MODIFIER_TAGS = frozenset({"JJ", "JJR", "JJS", "RB", "RBR", "RBS"})
ADVERB_TAGS = frozenset({"RB", "RBR", "RBS"})
VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})
STANCE_LEXICONS = ("hedge", "factive", "assertive", "implicative", "report")
SUBJECTIVE = 0.6  # mean subjectivity over a word's senses in TextBlob's lexicon
GROUP_SENSE = re.compile(
    r"\b(?:rac(?:e|es|ial)|ethnic|religio\w*|nation\w*|tribe\w*|sex\w*|homosexual\w*|"
    r"gender\w*|women|men|people of|jews?|christians?|muslims?|politic\w*|tenets?|doctrines?|"
    r"ideolog\w*|part(?:y|ies)|faith|church\w*|god\w*)\b",
    re.I,
)


def _textblob_data() -> Path:
    import textblob

    return Path(textblob.__file__).with_name("en")


@cache
def brill_tags() -> dict[str, str]:
    """Each lower-case word of the Brill lexicon -> its most frequent tag."""
    tags = {}
    text = (_textblob_data() / "en-lexicon.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith(";;;"):
            continue
        parts = line.split()
        if len(parts) >= 2 and parts[0].islower():
            tags.setdefault(parts[0], parts[1])
    return tags


@cache
def subjectivity() -> dict[str, tuple[float, bool]]:
    """Each word of TextBlob's sentiment lexicon -> (mean subjectivity, names a group)."""
    senses: dict[str, list[tuple[float, str]]] = defaultdict(list)
    text = (_textblob_data() / "en-sentiment.xml").read_text(encoding="utf-8")
    for match in re.finditer(r"<word\b[^>]*/>", text):
        attributes = dict(re.findall(r'(\w+)="([^"]*)"', match.group()))
        if "form" in attributes and "subjectivity" in attributes:
            senses[attributes["form"].lower()].append(
                (float(attributes["subjectivity"]), attributes.get("sense", ""))
            )
    return {
        word: (
            sum(score for score, _ in found) / len(found),
            any(GROUP_SENSE.search(gloss) for _, gloss in found),
        )
        for word, found in senses.items()
    }


def closed_class_words() -> set[str]:
    found = {w for w, tag in brill_tags().items() if tag in CLOSED_TAGS}
    return {w for w in found if PLAIN_WORD.fullmatch(w)} | AUXILIARIES | QUANTIFIERS


def degree_words() -> set[str]:
    """Adverbs, comparatives and superlatives that name no group of people."""
    return {
        word
        for word, tag in brill_tags().items()
        if tag in DEGREE_TAGS and PLAIN_WORD.fullmatch(word) and not GROUP_SENSE.search(word)
    }


def subjective_modifier(word: str) -> bool:
    """An adjective or adverb rated subjective that names no group of people."""
    if brill_tags().get(word) not in MODIFIER_TAGS:
        return False
    score, group = subjectivity().get(word, (0.0, False))
    return score >= SUBJECTIVE and not group


def allowed_lemmas(lexicons: dict[str, list[str]]) -> set[str]:
    """The lexicon lemmas (single words) the rule admits, before inflection."""
    tags = brill_tags()
    allowed = set()
    for name in STANCE_LEXICONS:
        allowed |= {lemma for lemma in lexicons.get(name, ()) if " " not in lemma}
    for lemma in lexicons.get("bias", ()):
        tag = tags.get(lemma)
        if tag in ADVERB_TAGS or tag in VERB_TAGS or subjective_modifier(lemma):
            allowed.add(lemma)
    allowed |= {word for word in subjectivity() if subjective_modifier(word)}
    return allowed


def wording_vocabulary(lexicons: dict[str, list[str]]) -> set[str]:
    """Every token the scorer may weigh: closed-class words and admitted lexicon words."""
    words = closed_class_words() | degree_words()
    for lemma in allowed_lemmas(lexicons):
        words |= inflections(lemma)
    return words


def filtered_lexicons(lexicons: dict[str, list[str]]) -> dict[str, list[str]]:
    """The lexicons cut to the admitted lemmas, so no word-list feature fires on a topic word."""
    allowed = allowed_lemmas(lexicons)
    return {name: [w for w in words if w in allowed] for name, words in lexicons.items()}


def subjective_words() -> list[str]:
    """TextBlob's subjective adjectives and adverbs that name no group: the ``subjective`` list."""
    return sorted(word for word in subjectivity() if subjective_modifier(word))
