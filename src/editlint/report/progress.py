"""A progress bar on stderr while many files are checked, only when a person is watching."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

MANY_FILES = 20


def wanted(count: int) -> bool:
    """Show progress for ``count`` files: stderr is a terminal and there are enough of them."""
    return count >= MANY_FILES and sys.stderr.isatty() and os.environ.get("TERM") != "dumb"


def track(items: Sequence[T], label: str = "Checking") -> Iterator[T]:
    """Yield ``items``, drawing a transient rich progress bar on stderr when ``wanted``."""
    if not wanted(len(items)):
        yield from items
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True)
    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task(label, total=len(items))
        for item in items:
            yield item
            progress.advance(task)
