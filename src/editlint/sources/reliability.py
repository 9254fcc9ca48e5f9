"""Source reliability lists: which domains and publishers a team does not want cited, and why.

A list is YAML, ``sources:`` followed by entries; the default list ships with editlint
(``default-list.yaml``, its provenance in its header), and ``editlint.yaml`` extends or overrides
it (``sources: {lists: [...], entries: [...], builtin: false}``). A later entry for the same
domain or name replaces an earlier one, so a team can also lift a status (``status: ok``).
"""

from __future__ import annotations

import re
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from editlint.diagnostics import Severity
from editlint.models import model, option

if TYPE_CHECKING:
    from editlint.validated import ValidatedStore


class Status(str, Enum):
    DEPRECATED = "deprecated"
    GENERALLY_UNRELIABLE = "generally-unreliable"
    SELF_PUBLISHED = "self-published"
    USER_GENERATED = "user-generated"
    CIRCULAR = "circular"
    OK = "ok"  # lifts a status set by an earlier list

    @property
    def severity(self) -> Severity:
        return Severity.ERROR if self is Status.DEPRECATED else Severity.WARNING

    @property
    def described(self) -> str:
        return {
            Status.DEPRECATED: "a deprecated source",
            Status.GENERALLY_UNRELIABLE: "a generally unreliable source",
            Status.SELF_PUBLISHED: "self-published",
            Status.USER_GENERATED: "user-generated content",
            Status.CIRCULAR: "circular sourcing",
            Status.OK: "accepted",
        }[self]


@model
class SourceEntry:
    """One source: a domain (subdomains included) and/or a publisher name, and its status."""

    domain: str | None = option(None, description="e.g. example.com (matches www.example.com)")
    name: str | None = option(None, description="The publisher or work as cited, e.g. 'Daily Mail'")
    status: Status
    reason: str = option("", description="Why, in a few words")
    discussion: str = option("", description="Where the status was decided")
    replacement: str = option("", description="What to cite instead")

    def __post_init__(self) -> None:
        if not self.domain and not self.name:
            raise ValueError("an entry needs a 'domain' or a 'name'")
        if self.domain:
            self.domain = self.domain.strip().lower().removeprefix("www.")


@model
class SourceList:
    sources: list[SourceEntry] = option(factory=list)


#: The reason given for a citation of the content repository's own site.
OWN_SITE_REASON = "the content repository's own published site"


def own_site_entry(site: str) -> tuple[str, SourceEntry]:
    """A ``sources.self`` value ('wiki.example.org', 'https://example.org/wiki/') as the URL
    prefix it matches (no scheme, no 'www.', host lower-cased) and its circular entry."""
    prefix = _bare(site)
    host = prefix.partition("/")[0]
    entry = SourceEntry(
        domain=host, status=Status.CIRCULAR, reason=OWN_SITE_REASON, discussion="WP:CIRCULAR"
    )
    return prefix, entry


def _bare(url: str) -> str:
    """``url`` without its scheme and 'www.', its host lower-cased."""
    rest = url.strip().split("//", 1)[-1] if "//" in url else url.strip()
    host, slash, path = rest.partition("/")
    return host.lower().removeprefix("www.") + slash + path


class Reliability:
    """Looks up a URL's host or a publisher's name in the merged lists, and the content
    repository's own site (``own_site``: URL prefixes, checked first)."""

    def __init__(self, entries: list[SourceEntry], own_site: list[str] = ()) -> None:
        self._own = [own_site_entry(site) for site in own_site if site.strip()]
        self._domains: dict[str, SourceEntry] = {}
        self._names: dict[str, SourceEntry] = {}
        for entry in entries:
            if entry.domain:
                self._domains[entry.domain] = entry
            if entry.name:
                self._names[entry.name.casefold()] = entry
        names = sorted(self._names, key=len, reverse=True)
        self._name_pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, names)) + r")(?!\w)", re.I)
            if names
            else None
        )

    def for_url(self, url: str) -> SourceEntry | None:
        if self._own:
            bare = _bare(url)
            for prefix, entry in self._own:
                if bare.startswith(prefix) and (
                    len(bare) == len(prefix) or prefix.endswith("/") or bare[len(prefix)] in "/?#:"
                ):
                    return entry
        try:
            host = (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()
        except ValueError:
            return None
        while host:
            entry = self._domains.get(host)
            if entry is not None:
                return None if entry.status is Status.OK else entry
            host = host.partition(".")[2]
        return None

    def names_in(self, text: str):
        """(entry, start, end) for each listed name in ``text``."""
        if self._name_pattern is None:
            return
        for match in self._name_pattern.finditer(text):
            entry = self._names[match.group(0).casefold()]
            if entry.status is not Status.OK:
                yield entry, match.start(), match.end()


def default_entries(known: ValidatedStore | None = None) -> tuple[SourceEntry, ...]:
    """The shipped list; ``known`` keeps it validated for the next run."""
    import yaml

    from editlint.yamlsource import validate

    text = resources.files("editlint.sources").joinpath("default-list.yaml").read_text("utf-8")
    try:  # editlint's own list: libyaml reads it far faster than the position-keeping parser
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        return tuple(validate(SourceList, data, "default-list.yaml", known=known).sources)
    except Exception:
        pass  # the careful path below names the line of the problem
    return tuple(parse_list(text, "default-list.yaml").sources)


def parse_list(text: str, where: str | Path) -> SourceList:
    """A list file's entries; a ConfigError naming the file and line when it is invalid."""
    from editlint.yamlsource import load_yaml, validate

    return validate(SourceList, load_yaml(text, where), where)
