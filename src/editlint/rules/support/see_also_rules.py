"""What the see-also rules share: the entries that name an article and what they resolve to,
fixes that remove or rename entries, and the example articles."""

from __future__ import annotations

from editlint.diagnostics import Applicability, Edit, Fix
from editlint.document import Document, SeeAlsoEntry, SeeAlsoSource
from editlint.index import Article, normalise_title
from editlint.index.resolve import LinkResolver, Resolution
from editlint.rules.support.see_also_fixes import remove_entry

LISTED = (SeeAlsoSource.SECTION, SeeAlsoSource.FRONT_MATTER)
# Examples run on one article alone: the entries that resolve name the article itself.
HARBOUR = "---\ntitle: Harbour\n---\n\nThe harbour opened in 1850.\n\n"
ALIASED = "---\ntitle: Harbour\naliases: [Port of Brest]\n---\n\nThe harbour opened.\n\n"
MAX_TITLE_WORDS = 8


def resolved_entries(
    document: Document, resolver: LinkResolver
) -> list[tuple[SeeAlsoEntry, Resolution]]:
    """Each entry that names an article, with what it resolves to."""
    pairs = []
    for entry in document.see_also:
        if entry.link is None and not _names_an_article(entry):
            continue
        if entry.link is not None:
            pairs.append((entry, resolver.resolve_link(entry.link)))
        else:
            pairs.append((entry, resolver.resolve_name(entry.target)))
    return pairs


def _names_an_article(entry: SeeAlsoEntry) -> bool:
    """An unlinked section item is a title, not a sentence or a piece of HTML."""
    if entry.source is not SeeAlsoSource.SECTION:
        return True
    name = entry.target.strip().strip("*_").strip()
    return (
        bool(name)
        and "<" not in name
        and not name.endswith((".", ":"))
        and (len(name.split()) <= MAX_TITLE_WORDS)
    )


def removal(
    document: Document, entry: SeeAlsoEntry, applicability: Applicability, description: str
) -> Fix | None:
    """A fix removing ``entry`` from its list, or None where it cannot be removed alone."""
    edit = remove_entry(document, entry)
    return Fix((edit,), applicability, description) if edit is not None else None


def removal_of_all(
    document: Document, entries: list[SeeAlsoEntry], applicability: Applicability, description: str
) -> Fix | None:
    """One fix removing every entry of ``entries``; where they cannot be removed together (front
    matter items, each a rewrite of the whole front matter), the first alone."""
    return joined([remove_entry(document, entry) for entry in entries], applicability, description)


def joined(edits: list[Edit | None], applicability: Applicability, description: str) -> Fix | None:
    """The edits as one fix; only the first when they are not all there or overlap."""
    whole = [edit for edit in edits if edit is not None]
    spans = sorted((edit.start, edit.end) for edit in whole)
    apart = all(a[1] <= b[0] and a[0] < a[1] for a, b in zip(spans, spans[1:], strict=False))
    if len(whole) != len(edits) or not apart:
        whole = whole[:1] if edits and edits[0] is not None else []
    return Fix(tuple(whole), applicability, description) if whole else None


def times(count: int, what: str) -> str:
    """'; 3 entries name it' for a finding that stands for ``count`` places, else ''."""
    return f"; {count} {what}" if count > 1 else ""


def entry_span(entry: SeeAlsoEntry) -> tuple[int, int]:
    if entry.link is not None:
        return entry.link.target_start, entry.link.target_end
    return entry.start, entry.end


def own_article(document: Document, resolver: LinkResolver) -> Article | None:
    if document.path is not None:
        article = resolver.index.by_path(document.path)
        if article is not None:
            return article
    return None


def is_self(document: Document, resolver: LinkResolver, resolution: Resolution) -> bool:
    if resolution.article is None:
        return False
    own = own_article(document, resolver)
    if own is not None:
        return resolution.article is own
    return normalise_title(resolution.article.title) == normalise_title(document.title)
