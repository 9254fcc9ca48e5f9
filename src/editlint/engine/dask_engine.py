"""Check articles on Dask, for corpora one machine cannot hold (``pip install editlint[dask]``).

The API::

    import dask.bag as db
    from editlint.engine.dask_engine import check_bag

    bag = db.from_sequence(paths, npartitions=64)   # paths, or (path, text) pairs
    results = check_bag(bag, checker).compute()     # FileResult per item, in order

The Checker, with its content index already built, enters the task graph as one node that
every partition depends on: Dask ships it to each worker once, not once per article. Paths
are read by the workers, so they must see the same files (a shared file system);
``(path, text)`` pairs need no shared files.

Nothing here is imported unless ``--engine dask`` or this module is used.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from editlint.engine.runner import Checker, FileResult

#: Articles per partition when the bag is made here.
PARTITION_SIZE = 64


def check_bag(bag, checker: Checker):
    """A bag of FileResults: ``checker`` mapped over a bag of paths or (path, text) pairs."""
    import dask

    if any(rule.needs_index for rule in checker.rules):
        checker.index  # noqa: B018 - built once, before the checker is shipped
    shared = dask.delayed(checker, pure=True, traverse=False)
    return bag.map_partitions(_check_partition, shared)


def check_items(
    checker: Checker,
    items: list[tuple[Path, bytes | None]],
    scheduler: str | None,
    jobs: int | None,
) -> list[FileResult]:
    """What ``editlint check --engine dask [--scheduler ADDRESS]`` runs."""
    import dask.bag as db

    # Workers get the absolute name, links not resolved: resolving would hide a link out of
    # the repository from the check that refuses it (the worker's read_bytes).
    sources = [
        (path, raw) if raw is not None else _Located(path, Path(os.path.abspath(path)))
        for path, raw in items
    ]
    partitions = max(1, min(len(sources), -(-len(sources) // PARTITION_SIZE)))
    bag = check_bag(db.from_sequence(sources, npartitions=partitions), checker)
    if scheduler is None:
        return bag.compute(scheduler="processes", num_workers=jobs or None)
    from distributed import Client

    with Client(scheduler) as client:
        return client.compute(bag).result()


class _Located(NamedTuple):
    """A file as the user named it, and where workers (whatever their folder) find it."""

    path: Path
    location: Path


def _check_partition(items: Iterable, checker: Checker) -> list[FileResult]:
    return [_check(checker, item) for item in items]


def _check(checker: Checker, item) -> FileResult:
    if isinstance(item, _Located):
        result = checker.check_file(item.location)
        result.path = item.path
        return result
    if isinstance(item, (str, Path)):
        return checker.check_file(Path(item))
    path, content = item
    path = Path(path)
    if content is None:
        return checker.check_file(path)
    if isinstance(content, bytes):
        return checker.check_bytes(path, content)
    return checker.check_text(content, path)
