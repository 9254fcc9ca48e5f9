"""The content index: every article of the content repository by title, slug, alias and path."""

from editlint.index.content import Article, ContentIndex, build_index, normalise_title

__all__ = ["Article", "ContentIndex", "build_index", "normalise_title"]
