"""Default vocabulary of the counter-perspective and sourcing rules.

Every list here is only a default: each rule takes it as an option that editlint.yaml can
replace (``rules: {BAL102: {opponents: [...]}}``). Terms are plain words or phrases;
``inflect`` in the options decides whether regular inflections ("argue" -> "argued") match.
"""

from __future__ import annotations

from editlint.rules.matching.patterns import inflections, term_pattern

#: Holders of the "for" side of a debate.
PROPONENTS = [
    "proponents",
    "proponent",
    "supporters",
    "supporter",
    "advocates",
    "advocate",
    "defenders",
    "defender",
    "backers",
    "backer",
    "champions",
    "those in favour",
    "those in favor",
]

#: Holders of the "against" side of a debate.
OPPONENTS = [
    "critics",
    "critic",
    "opponents",
    "opponent",
    "detractors",
    "detractor",
    "skeptics",
    "skeptic",
    "sceptics",
    "sceptic",
    "dissenters",
    "objectors",
    "those opposed",
]

#: Verbs that report a view: "X argued that ...", each with its regular inflections.
_REPORTING_VERBS = [
    "argue",
    "contend",
    "claim",
    "maintain",
    "assert",
    "insist",
    "warn",
    "reply",
    "respond",
    "emphasize",
    "emphasise",
    "stress",
    "declare",
    "affirm",
    "conclude",
    "acknowledge",
    "dispute",
    "deny",
    "reject",
    "criticize",
    "criticise",
    "suggest",
    "believe",
    "allege",
    "describe",
    "characterize",
    "characterise",
    "regard",
    "caution",
    "praise",
    "condemn",
    "accuse",
    "report",
    "say",
]
_NOT_REPORTING = {"sayed", "disputed", "alleged"}  # not words, or mostly adjectives
ATTRIBUTION_VERBS = [
    form
    for verb in _REPORTING_VERBS
    for form in inflections(verb)
    if not form.endswith("ing") and form not in _NOT_REPORTING
] + [
    "saying",
    "arguing",
    "claiming",
    "contending",
    "insisting",
    "stating",
    "warning that",
    "noting that",
    "said",
    "stated",
    "states that",
    "view",
    "views",
    "viewed",
    "frames",
    "framed",
    "countered",
    "counters that",
    "hold that",
    "holds that",
    "held that",
    "found that",
    "finds that",
    "point out",
    "points out",
    "pointed out",
    "noted that",
    "notes that",
    "called for",
    "calls for",
]

#: Political sides whose perspective a heading or the narrator may adopt. (Schools of thought
#: such as "realist" are left out: "from a realist perspective" usually describes a theory.)
SIDES = [
    "center-right",
    "centre-right",
    "center-left",
    "centre-left",
    "far-right",
    "far-left",
    "hard-right",
    "hard-left",
    "right-wing",
    "left-wing",
    "conservative",
    "neoconservative",
    "liberal",
    "progressive",
    "libertarian",
    "socialist",
    "communist",
    "nationalist",
    "populist",
]

#: Extra sides accepted in a heading qualifier ("Criticism (a Western view)").
HEADING_SIDES = [
    "western",
    "eastern",
    "russian",
    "chinese",
    "american",
    "european",
    "pro-western",
    "pro-russian",
    "pro-government",
    "anti-government",
    "government",
    "opposition",
]

#: Nouns for a point of view: "from a progressive perspective".
PERSPECTIVE_NOUNS = [
    "perspective",
    "view",
    "viewpoint",
    "vantage",
    "vantage point",
    "standpoint",
    "lens",
    "angle",
    "position",
    "outlook",
    "reading",
]

#: Section titles that promise a debate: a word of the title starting with one of these.
#: ("Legacy", "Arguments" and "Responses" are left out: manuals use them for other things.)
DEBATE_SECTIONS = [
    "debate",
    "controvers",
    "criticism",
    "critique",
    "reception",
    "dispute",
    "views on",
    "arguments for",
    "arguments against",
    "support and opposition",
    "opposition and support",
    "pros and cons",
]

#: Topic words that mark an article as contested when its front matter does not say so.
CONTESTED_TOPICS: list[str] = []

#: Words before "the" that are not superlatives although they end in "-est".
NOT_SUPERLATIVE = [
    "rest",
    "west",
    "interest",
    "forest",
    "test",
    "contest",
    "protest",
    "request",
    "quest",
    "conquest",
    "harvest",
    "manifest",
    "honest",
    "modest",
    "behest",
    "nest",
    "guest",
    "chest",
    "crest",
    "arrest",
    "unrest",
    "bequest",
    "inquest",
    "suggest",
    "midwest",
    "northwest",
    "southwest",
    "digest",
    "priest",
    "earnest",
]

#: Superlatives that do not end in "-est" ("first", "last" and "only" are mostly ordinals).
SUPERLATIVES = [
    "most",
    "least",
    "best",
    "worst",
    "foremost",
    "utmost",
    "single largest",
    "all-time",
]

#: Words after which a four-digit number is a year ("in 2008", "the 2014 annexation").
#: ("of", "to", "by" and "and" are left out: "a key of 2048 bits", "divided by 1024".)
YEAR_CONTEXT = [
    "in", "on", "since", "until", "till", "from", "during", "after", "before", "between", "the",
    "early", "late", "circa", "c.", "around", "year", "summer", "winter", "spring", "autumn",
]  # fmt: skip

#: Phrases that state a cause.
CAUSAL_PHRASES = [
    "led to",
    "leads to",
    "leading to",
    "caused",
    "causes",
    "causing",
    "resulted in",
    "results in",
    "resulting in",
    "because of",
    "due to",
    "as a result of",
    "as a result",
    "contributed to",
    "contributes to",
    "triggered",
    "prompted",
    "gave rise to",
    "brought about",
    "was responsible for",
    "were responsible for",
    "owing to",
    "thanks to",
]

#: Units that make a number a figure worth citing.
FIGURE_UNITS = [
    "percent",
    "per cent",
    "percentage points",
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundred thousand",
    "people",
    "inhabitants",
    "residents",
    "deaths",
    "casualties",
    "troops",
    "soldiers",
    "refugees",
    "votes",
    "members",
    "dollars",
    "euros",
    "roubles",
    "rubles",
    "tonnes",
    "tons",
    "barrels",
    "kilometres",
    "kilometers",
    "miles",
    "square",
    "hectares",
]


def alternation(terms: list[str]) -> str:
    """A regex alternation of literal terms, longest first (never matches when empty)."""
    ordered = sorted(terms, key=len, reverse=True)
    return "|".join(term_pattern(term) for term in ordered) or r"(?!)"
