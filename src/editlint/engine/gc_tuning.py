"""The cycle collector during a long check: kept off what lives for the whole run, run rarely.

Checking a file allocates many short-lived objects (tokens, blocks, sentences) that form
almost no reference cycles: on the 419 ArchWiki articles the collector ran about 440 times in
each worker, for 0.04-0.08 s, and found about 500 objects in all. With a first-generation
threshold of 10,000 instead of 700 it runs about 50 times for 0.01 s.

The engine applies it around a batch (``collecting_rarely``: ``batch.check_files``,
``api.check_paths``, fixing) and restores the collector's settings afterwards, so a program
that calls the API keeps its own; a worker process settles for its whole life.

The ``editlint check`` command starts with the collector off (``starting_up``, called by
``editlint.launch``) and turns it on once its rules are built (``started``, in
``commands/check.py``): the imports and the rules are objects that live for the whole run,
which the collector otherwise scans 90 times over (14 ms of a one-file check; a threshold of
10,000 instead of 700 saved 4 of them). Nothing that start-up allocates is cyclic garbage worth
collecting.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: Allocations (less deallocations) between two collections of the youngest generation.
YOUNG_THRESHOLD = 10_000


def settle() -> None:
    """Keep the collector off every object alive now, and collect young objects less often."""
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, middle, old)


def starting_up() -> None:
    """The collector off while a check command imports and builds its rules
    (``editlint.launch``; never the API)."""
    gc.disable()


def started() -> None:
    """Once the rules are built (``commands/check.py``): the collector on again, if
    ``starting_up`` paused it, with what start-up built frozen out of its scans (else its
    first collection would scan all of it)."""
    if gc.isenabled():
        return
    gc.freeze()
    gc.enable()


@contextmanager
def collecting_rarely() -> Iterator[None]:
    """``settle()`` for the duration of a batch, then the collector as it was."""
    threshold = gc.get_threshold()
    settle()
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()
