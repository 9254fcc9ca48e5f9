"""What MediaWiki names mean to editlint: templates that cite, tag, quote or point, links
that are not articles, and an article's title from its file name.

Names compare the way MediaWiki compares them: ``_`` is a space, runs of spaces are one,
and the first letter's case does not matter (here: the whole name is case-folded).
"""

from __future__ import annotations

import re
from pathlib import Path

_SPACES = re.compile(r"[\s_]+")

#: Templates that are a citation in the text (the footnote they make counts as a source).
CITATION_TEMPLATES = frozenset(
    {
        "citation",
        "sfn",
        "sfnp",
        "sfnm",
        "harv",
        "harvnb",
        "harvp",
        "harvtxt",
        "harvcoltxt",
        "efn",
        "efn-ua",
        "efn-lr",
        "efn-la",
        "refn",
        "r",
        "note",
        "bibleverse",
    }
)
#: ``{{citation needed}}`` and its redirects: a claim already marked as unsourced.
NEEDED_TEMPLATES = frozenset(
    {"citation needed", "cn", "fact", "cite needed", "citation required", "needs citation"}
)
#: Inline cleanup tags: an editor has already flagged the sentence before them.
CLEANUP_TEMPLATES = frozenset(
    {
        "who",
        "whom",
        "who?",
        "by whom",
        "according to whom",
        "weasel inline",
        "weasel-inline",
        "peacock inline",
        "peacock term",
        "weasel word",
        "vague",
        "dubious",
        "clarify",
        "which",
        "which?",
        "when",
        "where",
        "specify",
        "neutrality inline",
        "pov inline",
        "pov-inline",
        "npov inline",
        "opinion",
        "examples",
        "buzzword inline",
        "lopsided",
        "attribution needed",
        "says who",
        "verification needed",
        "failed verification",
        "better source needed",
        "relevance inline",
    }
)
#: Hatnotes whose unnamed parameters are article titles.
HATNOTE_TEMPLATES = frozenset(
    {"main", "main article", "see also", "further", "further information", "details", "see"}
)
#: Templates whose text (``text=``, ``quote=`` or the first unnamed parameter) is a quotation.
QUOTE_TEMPLATES = frozenset(
    {"quote", "blockquote", "quotation", "cquote", "quote box", "quote frame", "pull quote"}
)
#: Templates wrapping a list in their last unnamed parameter (see-also columns).
LIST_WRAPPERS = frozenset({"columns-list", "div col", "colbegin", "col-begin", "refbegin", "cols"})

#: Tags whose contents are not prose: masked whole.
OPAQUE_TAGS = frozenset(
    {
        "references",
        "math",
        "chem",
        "ce",
        "code",
        "pre",
        "syntaxhighlight",
        "source",
        "nowiki",
        "gallery",
        "timeline",
        "score",
        "graph",
        "imagemap",
        "templatedata",
        "mapframe",
        "maplink",
        "table",
        "tt",
        "kbd",
        "samp",
        "var",
        "hiero",
        "categorytree",
        "inputbox",
        "includeonly",
        "noinclude",
        "onlyinclude",
        "br",
        "hr",
        "wbr",
        "img",
    }
)

#: Namespaces and interwiki prefixes of links that are not articles of the content repository.
_NOT_ARTICLES = frozenset(
    {
        "file",
        "image",
        "media",
        "category",
        "template",
        "portal",
        "wikipedia",
        "wp",
        "help",
        "user",
        "talk",
        "special",
        "draft",
        "module",
        "mediawiki",
        "book",
        "timedtext",
        "wikt",
        "wiktionary",
        "w",
        "commons",
        "c",
        "wikisource",
        "s",
        "wikiquote",
        "q",
        "wikibooks",
        "b",
        "wikinews",
        "n",
        "wikiversity",
        "v",
        "wikispecies",
        "species",
        "wikivoyage",
        "voy",
        "meta",
        "m",
        "mw",
        "d",
        "wikidata",
        "foundation",
        "wmf",
        "phab",
        "simple",
        "iarchive",
        "doi",
        "arxiv",
    }
)
# A language link: [[de:Titel]], [[zh-yue:...]], [[simple:...]].
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[a-z]{1,8})*")


def template_key(name: str) -> str:
    """A template's name as compared: case-folded, '_' as space, no 'Template:' prefix."""
    key = _SPACES.sub(" ", name).strip().casefold()
    return key[len("template:") :].strip() if key.startswith("template:") else key


def is_citation_template(key: str) -> bool:
    return key in CITATION_TEMPLATES or key.startswith("cite ") or key == "cite"


def is_article_link(title: str) -> bool:
    """Whether ``[[title]]`` links to an article: not a file, category, other namespace,
    interwiki or language link (a leading colon makes none of these one either)."""
    name = title.strip()
    if name.startswith(":"):
        name = name[1:].lstrip()
        if ":" not in name:
            return True
    prefix, colon, _ = name.partition(":")
    if not colon:
        return True
    prefix = _SPACES.sub(" ", prefix).strip().casefold()
    return not (prefix in _NOT_ARTICLES or " talk" in prefix or _LANGUAGE.fullmatch(prefix))


def title_from_path(path: Path) -> str:
    """The title a wikitext file names: its stem with '_' as space; a ``source__`` prefix
    (dumps saved as ``source__Title.wiki``) dropped."""
    stem = path.stem
    if "__" in stem:
        stem = stem.split("__", 1)[1] or stem
    return _SPACES.sub(" ", stem).strip()
