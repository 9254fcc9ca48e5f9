"""The content index: every article of the content repository by title, slug, alias and path."""

from editlint.index.build import AnyIndex, build_index
from editlint.index.content import Article, ContentIndex, Lookup, normalise_title

__all__ = ["AnyIndex", "Article", "ContentIndex", "Lookup", "build_index", "normalise_title"]
