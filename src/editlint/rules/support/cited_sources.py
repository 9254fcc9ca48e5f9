"""What the source rules share: a document's cited sources, found once, and the fields naming
a work or publisher."""

from __future__ import annotations

from typing import TYPE_CHECKING

from editlint.document import Document
from editlint.rules.support.workspace import remember

if TYPE_CHECKING:
    from editlint.sources.cited import CitedSource


#: Fields naming the work or publisher, by citation template (``cite web`` and the rest).
WORK_FIELDS = (
    "website",
    "work",
    "newspaper",
    "journal",
    "magazine",
    "periodical",
    "publisher",
    "via",
    "agency",
    "encyclopedia",
    "series",
)


def sources_of(document: Document) -> list[CitedSource]:
    """The document's cited sources, found once for the source rules (the wikitext parser they
    need is imported only then: a check that meets no citation never loads it)."""
    from editlint.sources.cited import cited_sources

    return remember(document, sources_of, cited_sources)
