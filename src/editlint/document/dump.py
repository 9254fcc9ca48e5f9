"""MediaWiki XML dumps (``.xml``, ``.xml.bz2``), read page by page in bounded memory.

expat is fed the dump in chunks; each page's title, namespace, redirect and latest text are
kept until the page closes, then handed over and forgotten, so memory stays flat however many
pages the dump holds (one page at a time, and a page's text only up to ``max_text`` bytes).
Only articles (namespace 0) are yielded, each with the line and column in the dump where its
text begins. A dump that declares entities (real dumps never do; billion laughs does) and any
malformed XML is an ``InputError``, raised where the reader got to.
"""

from __future__ import annotations

import bz2
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.parsers import expat

from editlint.document.errors import InputError
from editlint.files.dumpnames import DUMP_SUFFIXES, is_dump

__all__ = ["DUMP_SUFFIXES", "is_dump"]  # re-exported from files/dumpnames.py
#: Bytes read from the (decompressed) dump per parser step.
CHUNK_SIZE = 1 << 16
#: Longer titles are no MediaWiki page's (its limit is 255 bytes): the dump is refused.
MAX_TITLE = 4096
#: A page's text is kept up to this many bytes (UTF-8); past it only its size is counted.
DEFAULT_MAX_TEXT = 10 * 1024 * 1024


@dataclass(frozen=True)
class DumpPage:
    title: str
    text: str
    redirect: str | None = None  # the title a redirect page forwards to
    line: int = 1  # where the page's text begins in the dump (1-based line and column)
    column: int = 1
    #: The text's size in bytes when it is over the reader's ``max_text`` (``text`` is empty).
    oversize: int = 0


def iter_pages(path: Path, max_text: int = DEFAULT_MAX_TEXT) -> Iterator[DumpPage]:
    """The article pages of a dump, in order; raises ``InputError`` for a broken dump."""
    opener = bz2.open if path.name.lower().endswith(".bz2") else open
    try:
        with opener(path, "rb") as handle:
            yield from read_pages(handle, max_text)
    except (OSError, EOFError, ValueError) as error:
        raise DumpError(str(error), 1, 1) from None


def read_pages(handle, max_text: int = DEFAULT_MAX_TEXT) -> Iterator[DumpPage]:
    """The article pages of the dump read from the binary file ``handle``."""
    reader = _PageReader(max_text)
    parser = reader.parser
    while True:
        chunk = handle.read(CHUNK_SIZE)
        try:
            parser.Parse(chunk, not chunk)
        except expat.ExpatError as error:
            reason = expat.errors.messages[error.code]
            broken = DumpError(reason, error.lineno, error.offset + 1)
        except _Refused as refusal:
            broken = DumpError(refusal.reason, refusal.line, refusal.column)
        else:
            broken = None
        if broken is not None:
            yield from reader.pages  # the pages that closed before the break
            raise broken
        if reader.pages:
            yield from reader.pages
            reader.pages.clear()
        if not chunk:
            return


class _Refused(Exception):
    """XML that is no dump (an entity declaration, another root), where the parser met it."""

    def __init__(self, reason: str, parser) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line, self.column = parser.CurrentLineNumber, parser.CurrentColumnNumber + 1


class DumpError(InputError):
    """A dump that cannot be read further, at ``line`` and ``column`` of the dump."""

    def __init__(self, reason: str, line: int, column: int) -> None:
        super().__init__(f"not a readable XML dump: {reason}")
        self.line, self.column = line, column


class _PageReader:
    """expat handlers collecting one page at a time into ``pages``."""

    def __init__(self, max_text: int) -> None:
        self.max_text = max_text
        self.pages: list[DumpPage] = []
        parser = self.parser = expat.ParserCreate()
        parser.buffer_text = False  # positions are those of each piece of text
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._data
        parser.EntityDeclHandler = self._entity
        self._reset()
        self._field: str | None = None
        self._ns_text = ""
        self._rooted = False

    def _reset(self) -> None:
        self.title, self.namespace, self.redirect = "", "0", None
        self.text: list[str] = []
        self.size = 0
        self.line = self.column = 1

    def _entity(self, name, *_) -> None:
        raise _Refused(f"it declares the entity {name!r} (a dump declares none)", self.parser)

    def _start(self, name: str, attributes: dict) -> None:
        tag = name.rpartition(":")[2]
        if not self._rooted:
            if tag != "mediawiki":
                raise _Refused(f"its root element is <{name}>, not <mediawiki>", self.parser)
            self._rooted = True
        if tag == "page":
            self._reset()
        elif tag == "redirect":
            self.redirect = attributes.get("title")
        elif tag == "text":
            self.text, self.size = [], 0  # the latest revision's text wins
            self.line, self.column = 0, 0  # set by the first character of the text
        elif tag == "title":
            self.title = ""
        elif tag == "ns":
            self._ns_text = ""
        if tag in ("title", "ns", "text"):
            self._field = tag

    def _data(self, data: str) -> None:
        field = self._field
        if field == "text":
            if not self.line:
                self.line = self.parser.CurrentLineNumber
                self.column = self.parser.CurrentColumnNumber + 1
            self.size += len(data.encode("utf-8", "surrogatepass"))
            if self.size <= self.max_text:
                self.text.append(data)
            else:
                self.text.clear()
        elif field == "title":
            self.title += data
            if len(self.title) > MAX_TITLE:
                raise _Refused(f"a <title> over {MAX_TITLE:,} characters", self.parser)
        elif field == "ns":
            self._ns_text += data
            if len(self._ns_text) > MAX_TITLE:
                raise _Refused(f"an <ns> over {MAX_TITLE:,} characters", self.parser)

    def _end(self, name: str) -> None:
        tag = name.rpartition(":")[2]
        if tag == "ns":
            self.namespace = self._ns_text.strip() or "0"
        if tag in ("title", "ns", "text"):
            self._field = None
            if tag == "text" and not self.line:  # an empty text
                self.line = self.parser.CurrentLineNumber
                self.column = self.parser.CurrentColumnNumber + 1
        elif tag == "page":
            if self.namespace == "0" and self.title:
                oversize = self.size if self.size > self.max_text else 0
                text = "" if oversize else "".join(self.text)
                self.pages.append(
                    DumpPage(self.title, text, self.redirect, self.line, self.column, oversize)
                )
            self._reset()
