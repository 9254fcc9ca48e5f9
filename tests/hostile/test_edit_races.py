"""An edit by another process landing just before a fix is swapped in is not lost (#21 item 6).

The fix used to check the file one last time and then rename over it: an edit landing between
the two was replaced. Now the fixed file is exchanged with the original atomically and the file
swapped out is checked: these tests make the edit land after every earlier check (right before
the swap) and look at what the file holds afterwards.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from editlint.fixes.exchange import exchange
from editlint.fixes.write import ChangedOnDisk, _swap_into_place, read_source, write_source

ORIGINAL = "We utilise the quay [@a].\n"
FIXED = "We use the quay [@a].\n"
THEIRS = "We utilise the quay, rebuilt in 1901 [@a].\n"


def _temporary_with(folder: Path, text: str) -> str:
    handle, name = tempfile.mkstemp(dir=folder, prefix=".a.md.", suffix=".editlint-tmp")
    with os.fdopen(handle, "w") as file:
        file.write(text)
    return name


def _overwrite(path: Path, text: str) -> None:
    path.write_text(text)  # an editor writing into the file


def _rename_over(path: Path, text: str) -> None:
    other = path.with_name("their-save.tmp")  # an editor saving by rename
    other.write_text(text)
    os.replace(other, path)


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "a.md"
    path.write_text(ORIGINAL)
    if not exchange(_temporary_with(tmp_path, "probe"), path):
        pytest.skip("no atomic exchange on this system or file system")
    path.write_text(ORIGINAL)
    for leftover in tmp_path.glob(".a.md.*"):
        leftover.unlink()
    return path


@pytest.mark.parametrize("edit", [_overwrite, _rename_over], ids=["in-place", "by-rename"])
def test_an_edit_landing_just_before_the_swap_is_kept(article, edit):
    source = read_source(article)
    temporary = _temporary_with(article.parent, FIXED)
    edit(article, THEIRS)  # after every check write_source makes before the swap
    with pytest.raises(ChangedOnDisk):
        _swap_into_place(temporary, article, source)
    assert article.read_text() == THEIRS
    assert Path(temporary).read_text() == FIXED  # the fix, left for the caller to remove


def test_with_no_edit_the_fix_is_swapped_in_and_the_original_removed(article):
    source = read_source(article)
    temporary = _temporary_with(article.parent, FIXED)
    _swap_into_place(temporary, article, source)
    assert article.read_text() == FIXED
    assert not Path(temporary).exists()


def test_write_source_leaves_no_temporary_file_either_way(article):
    source = read_source(article)
    write_source(source, FIXED)
    assert article.read_text() == FIXED
    assert sorted(p.name for p in article.parent.iterdir()) == ["a.md"]
