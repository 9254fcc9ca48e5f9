"""MediaWiki XML dumps (``.xml``, ``.xml.bz2``), read page by page in bounded memory.

``iterparse`` hands over each element as it closes; a page's title, namespace, redirect and
latest text are kept and the element is cleared, so memory stays flat however many pages the
dump holds. Only articles (namespace 0) are yielded. expat refuses entity expansions that
grow out of proportion (billion laughs); that, and any malformed XML, is an ``InputError``.
"""

from __future__ import annotations

import bz2
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError, iterparse

from editlint.document.errors import InputError

DUMP_SUFFIXES = (".xml", ".xml.bz2")


@dataclass(frozen=True)
class DumpPage:
    title: str
    text: str
    redirect: str | None = None  # the title a redirect page forwards to


def is_dump(path: Path) -> bool:
    return path.name.lower().endswith(DUMP_SUFFIXES)


def iter_pages(path: Path) -> Iterator[DumpPage]:
    """The article pages of a dump, in order; raises ``InputError`` for a broken dump."""
    opener = bz2.open if path.name.lower().endswith(".bz2") else open
    try:
        with opener(path, "rb") as handle:
            yield from _pages(handle)
    except (ParseError, OSError, EOFError, ValueError) as error:
        raise InputError(f"not a readable XML dump: {error}") from None


def _pages(handle) -> Iterator[DumpPage]:
    title, namespace, redirect, text = "", "0", None, ""
    events = iterparse(handle, events=("start", "end"))
    root = None
    for event, element in events:
        if root is None:
            root = element
        if event == "start":
            continue
        tag = element.tag.rpartition("}")[2]
        if tag == "title":
            title = element.text or ""
        elif tag == "ns":
            namespace = (element.text or "0").strip()
        elif tag == "redirect":
            redirect = element.get("title")
        elif tag == "text":
            text = element.text or ""
        elif tag == "page":
            if namespace == "0" and title:
                yield DumpPage(title, text, redirect)
            title, namespace, redirect, text = "", "0", None, ""
            root.clear()  # the page and everything before it
