"""The URLs an article cites and links, each with the archived copy its citation names."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from editlint.document import Document
from editlint.rules.support.workspace import remember

#: Hosts of web archives' snapshots: a URL there is the archived copy of the citation's other
#: URL (archive.org itself also hosts books and papers cited as sources: those are checked).
ARCHIVE_HOSTS = (
    "web.archive.org",
    "wayback.archive-it.org",
    "archive.today",
    "archive.ph",
    "archive.is",
    "archive.li",
    "archive.md",
    "webcitation.org",
)
#: ``url-status`` values (and the older ``deadurl``'s) that mark the URL dead or unfit.
DEAD_VALUES = ("dead", "yes", "unfit", "usurped")


@dataclass(frozen=True, slots=True)
class LinkedUrl:
    """A URL at ``[start, end)``; ``archive`` is the archived copy its citation names, and
    ``marked_dead`` says the citation already marks it dead (``url-status=dead``)."""

    url: str
    start: int
    end: int
    archive: str = ""
    marked_dead: bool = False
    template_span: tuple[int, int] = (0, 0)  # the {{cite ...}} holding it, if any
    status_field: tuple[int, int] | None = None  # the url-status value's span, if any
    dead_value: str = "dead"  # what marks it dead there: 'dead' (url-status), 'yes' (deadurl)


def checkable(url: str) -> str | None:
    """``url`` as it is requested (``//host`` as https), or None when it is no web address."""
    if url.startswith("//"):
        url = "https:" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def is_archive(url: str) -> bool:
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return False
    return any(host == name or host.endswith("." + name) for name in ARCHIVE_HOSTS)


def linked_urls(document: Document) -> list[LinkedUrl]:
    """Every web address the document cites (citations first) or links, once per span, but
    archived copies (web.archive.org ...: snapshots do not die, and the archives ask bots to
    spare them); worked out once per document."""
    return remember(document, linked_urls, _linked_urls)


def _linked_urls(document: Document) -> list[LinkedUrl]:
    from editlint.rules.support.cited_sources import sources_of

    found: dict[int, LinkedUrl] = {}
    for source in sources_of(document):
        archive_field = source.fields.get("archive-url") or source.fields.get("archiveurl")
        archives = [u.value for u in source.urls if is_archive(u.value)]
        archive = archive_field.value if archive_field else (archives[0] if archives else "")
        status_name = next((n for n in ("url-status", "deadurl") if n in source.fields), "")
        status = source.fields.get(status_name)
        dead = status is not None and status.value.strip().lower() in DEAD_VALUES
        for url in source.urls:
            if checkable(url.value) is None or url.start in found or is_archive(url.value):
                continue
            if archive_field is not None and url.start == archive_field.start:
                continue  # the archived copy, wherever it is kept
            found[url.start] = LinkedUrl(
                url.value,
                url.start,
                url.end,
                archive,
                dead and bool(source.template),
                source.template_span if source.template else (0, 0),
                (status.start, status.end) if status is not None else None,
                "yes" if status_name == "deadurl" else "dead",
            )
    for link in document.links:
        if (
            link.is_external
            and link.target_start not in found
            and checkable(link.target)
            and not is_archive(link.target)
        ):
            found[link.target_start] = LinkedUrl(link.target, link.target_start, link.target_end)
    return sorted(found.values(), key=lambda linked: linked.start)
