"""The content index's version stamp: one formula, whether the index is read from its store
(``index/stored.py``, the command line) or held in memory (``ContentIndex``, the daemon).

The result cache's key takes the stamp (``engine/cache.run_key``), so the same articles give
the same key either way and the daemon reuses what the command line cached, and back. The
stamp is the sum of every article's hash modulo 2**128 (the store keeps that sum up to date
as rows come and go: no article is read to know it) and the redirects file's entries.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from editlint.index.content import Article

MODULUS = 1 << 128


def article_hash(article: Article) -> int:
    """A hash of what the index knows of ``article`` as scanned (not where its headings
    start, nor the digest of its text: an edit of the body alone changes no finding of another
    file; nor the redirects file's names, which the stamp takes apart)."""
    known = (
        article.file,
        article.title,
        article.slug,
        article.aliases,
        article.redirects,
        article.redirect_to,
        article.headings,
        article.ids,
    )
    encoded = repr(known).encode("utf-8", "surrogateescape")
    return int.from_bytes(hashlib.blake2b(encoded, digest_size=16).digest(), "big")


def total_text(total: int) -> str:
    """The sum of the articles' hashes as the store keeps it in its ``stamp``."""
    return f"{total % MODULUS:032x}"


def index_stamp(total: str, redirects: dict[str, str]) -> str:
    """The stamp of an index whose articles' hashes sum to ``total`` (``total_text``), with
    the redirects file's entries ``redirects``."""
    digest = hashlib.blake2b(total.encode(), digest_size=20)
    digest.update(repr(sorted(redirects.items())).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()
