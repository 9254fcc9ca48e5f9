"""Anchors: the ids a page's headings get under a site's scheme, and link fragments compared.

- ``github``: github-slugger (lower case, punctuation dropped, each space a hyphen,
  duplicates ``-1``, ``-2``); fragments compare case-insensitively.
- ``mediawiki``: the heading text with spaces as underscores (HTML5 ids), also in the legacy
  form MediaWiki still emits (``urlencode`` with ``%`` written ``.``: ``.27`` for ``'``,
  ``.2F`` for ``/``); duplicates ``_2``, ``_3``; fragments compare case-sensitively after
  percent-decoding (``%27``).
- ``auto`` (the default): either of the two. A Markdown folder may hold pages written for
  GitHub or exported from a wiki (ArchWiki's tables of contents link ``#Package_naming``); a
  fragment is broken only when no scheme reaches a heading with it.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote, unquote

_UNDERSCORES = re.compile(r"[\s_]+")
_NOT_ASCII_SLUG = re.compile(r"[^a-z0-9 _-]")


SCHEMES = ("github", "mediawiki")


def anchor_keys(headings: list[str], ids: list[str], scheme: str) -> frozenset[str]:
    """Every fragment key that reaches a heading or an explicit id of a page (under ``auto``,
    each scheme's keys, marked with the scheme's name)."""
    if scheme == "auto":
        return frozenset(
            f"{each}:{key}" for each in SCHEMES for key in anchor_keys(headings, ids, each)
        )
    keys: set[str] = {fragment_key(explicit, scheme) for explicit in ids}
    counts: dict[str, int] = {}
    for heading in headings:
        for form in _forms(heading, scheme):
            count = counts.get(form, 0)
            counts[form] = count + 1
            keys.add(fragment_key(form, scheme))
            if count:
                suffix = f"-{count}" if scheme == "github" else f"_{count + 1}"
                keys.add(fragment_key(form + suffix, scheme))
    return frozenset(keys)


def reaches(fragment: str, keys: frozenset[str], scheme: str) -> bool:
    """Whether ``fragment`` reaches one of a page's ``anchor_keys`` under ``scheme``."""
    if scheme == "auto":
        return any(f"{each}:{fragment_key(fragment, each)}" in keys for each in SCHEMES)
    return fragment_key(fragment, scheme) in keys


def written_scheme(fragment: str) -> str:
    """The scheme a fragment looks written for: MediaWiki's keep the heading's capitals."""
    return "github" if fragment == fragment.lower() else "mediawiki"


def fragment_key(fragment: str, scheme: str) -> str:
    """The form a link fragment or heading id is compared in."""
    decoded = unquote(fragment)
    if scheme == "github":
        return decoded.strip().lower()
    return _UNDERSCORES.sub("_", decoded).strip("_")


def heading_anchor(heading: str, scheme: str) -> str:
    """The anchor a link should use for ``heading`` (for suggestions and fixes)."""
    return _forms(heading, scheme)[0]


def _forms(heading: str, scheme: str) -> tuple[str, ...]:
    if scheme == "github":
        return (github_slug(heading),)
    html5 = _UNDERSCORES.sub("_", heading).strip("_")
    legacy = quote(html5, safe="-_.:").replace("~", "%7E").replace("%", ".")
    return (html5, legacy) if legacy != html5 else (html5,)


def github_slug(heading: str) -> str:
    """github-slugger: lower case, drop punctuation and symbols, spaces to hyphens."""
    lowered = heading.strip().lower()
    if lowered.isascii():  # no combining marks; the letters and digits are [a-z0-9]
        return _NOT_ASCII_SLUG.sub("", lowered).replace(" ", "-")
    kept = (
        char
        for char in lowered
        if char in " -_" or char.isalnum() or unicodedata.category(char).startswith("M")
    )
    return "".join(kept).replace(" ", "-")
