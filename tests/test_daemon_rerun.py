"""Whole-folder re-runs served by a real daemon from the result cache (``daemon/rerun.py``).

A run of more than 32 files is answered by the daemon when at most 32 of them are missing
from the result cache, and declined otherwise; the daemon's status counts the files it took
from the cache (and of those, from memory) and the files it checked, so each test knows which
path answered. Every answer is compared byte for byte with the command's own run without a
daemon and without a cache.
"""

from __future__ import annotations

import time

import pytest

from gitrepo import GitRepo
from test_daemon import _start, _stop, editlint, status

COUNT = 40  # more than the daemon's 32 files
CONFIG = "content_root: content\nlinks:\n  redirects_file: redirects.yaml\n"


def _article(number: int, extra: str = "") -> str:
    return (
        f"---\ntitle: Place {number}\naliases: [Spot {number}]\n---\n# Place {number}\n\n"
        f"Place {number} is a legendary town that many experts believe is the finest.{extra}\n\n"
        f"## See also\n\n- [[Place {number + 1}]]\n- [[Spot {number + 2}]]\n- [[Harbor]]\n"
        f"- [[Nowhere {number}]]\n"
    )


@pytest.fixture
def wiki(tmp_path):
    repo = GitRepo(tmp_path / "wiki")
    (repo.path / "editlint.yaml").write_text(CONFIG, encoding="utf-8")
    (repo.path / "redirects.yaml").write_text("Harbor: Place 3\n", encoding="utf-8")
    (repo.path / "content").mkdir()
    for number in range(COUNT):
        (repo.path / "content" / f"place-{number:02}.md").write_text(_article(number), "utf-8")
    repo.commit("places")
    yield repo.path
    _stop(repo.path)


def _settle() -> None:
    """Files changed less than 2 s before a run are not kept in memory (a racy edit could
    leave them looking the same): wait until they are old enough to be."""
    time.sleep(2.1)


def _counts(repo) -> tuple[int, int, int, int]:
    found = status(repo)
    return found["served"], found["from_cache"], found["from_memory"], found["checked_for_cache"]


def _cold(repo, *args: str):
    """The command's own run: no daemon, no cache."""
    return editlint("check", "--no-cache", *args, "content/", cwd=repo, daemon="0")


def _through_daemon(repo, *args: str):
    return editlint("check", *args, "content/", cwd=repo)


def _same(first, second) -> None:
    assert (first.stdout, first.stderr, first.returncode) == (
        second.stdout,
        second.stderr,
        second.returncode,
    )


def test_a_rerun_is_answered_from_the_command_lines_cache_entries(wiki):
    """The command line fills the cache; the daemon answers the next run of the 40 files from
    those very entries (its content index's stamp is the store's), then from memory, with the
    command's own bytes in every format."""
    json_output = ("--format", "json")
    cold = _cold(wiki, *json_output)
    assert cold.returncode == 1 and '"SEE' in cold.stdout and '"NEU' in cold.stdout
    warm = editlint("check", *json_output, "content/", cwd=wiki, daemon="0")  # fills the cache
    _same(warm, cold)
    _start(wiki)
    _settle()  # so that this first run through the daemon keeps every file in memory
    _same(_through_daemon(wiki, *json_output), cold)
    assert _counts(wiki) == (1, COUNT, 0, 0)  # every entry the command line wrote: used
    for options in (json_output, ("--format", "full", "--color", "never"), ("--format", "sarif")):
        before = _counts(wiki)
        _same(_through_daemon(wiki, *options), _cold(wiki, *options))
        served, from_cache, from_memory, checked = _counts(wiki)
        assert served == before[0] + 1 and checked == 0
        assert from_cache == before[1] + COUNT
        # json was the last run's format: all 40 held in memory since (full, sarif too)
        assert from_memory == before[2] + COUNT


def test_a_changed_file_is_checked_afresh_and_many_misses_are_declined(wiki):
    json_output = ("--format", "json")
    _start(wiki)
    first = _through_daemon(wiki, *json_output)  # 40 misses: the command line checks them
    _same(first, _cold(wiki, *json_output))
    assert _counts(wiki) == (0, 0, 0, 0)
    _settle()
    _through_daemon(wiki, *json_output)
    assert _counts(wiki) == (1, COUNT, 0, 0)
    changed = wiki / "content" / "place-07.md"
    changed.write_text(_article(7, " It is arguably the most iconic town."), "utf-8")
    fresh = _through_daemon(wiki, *json_output)
    _same(fresh, _cold(wiki, *json_output))
    assert fresh.stdout != first.stdout and "iconic" in fresh.stdout
    assert _counts(wiki) == (2, 2 * COUNT - 1, COUNT - 1, 1)  # the changed file checked here
    # A retitled article changes what the content index knows: every entry's key changes,
    # 40 misses are more than the daemon takes, and the command line answers the same.
    retitled = wiki / "content" / "place-04.md"
    retitled.write_text(_article(4).replace("title: Place 4", "title: Square 4"), "utf-8")
    declined = _through_daemon(wiki, *json_output)
    _same(declined, _cold(wiki, *json_output))
    assert "Place 4" in declined.stdout  # Place 3's see-also entry dangles now
    assert _counts(wiki)[0] == 2  # not served
    again = _through_daemon(wiki, *json_output)  # the command line stored them: served
    _same(again, declined)
    assert _counts(wiki) == (3, 3 * COUNT - 1, COUNT - 1, 1)
