"""Whether a path names a MediaWiki XML dump: asked of every checked file, so it lives apart
from the dump reader (``document/dump.py``, expat and bz2), which a dump alone needs."""

from __future__ import annotations

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from pathlib import Path

DUMP_SUFFIXES = (".xml", ".xml.bz2")


def is_dump(path: Path) -> bool:
    return path.name.lower().endswith(DUMP_SUFFIXES)
