"""Writes that must not land: --fix leaves a read-only file alone (#21 item 17); import
never overwrites within one run on a slug collision nor writes through a link, dangling or
not, even with --force (#21 items 7 and 17)."""

from __future__ import annotations

import os

import pytest

from house import house_folder

BEFORE = "We utilise cranes in order to lift hulls [@s].\n"
AFTER = "We use cranes to lift hulls [@s].\n"


def test_fix_leaves_a_read_only_file_alone_and_says_so(tmp_path, cli):
    folder = house_folder(tmp_path / "repo", {"locked.md": BEFORE, "open.md": BEFORE})
    locked = folder / "locked.md"
    locked.chmod(0o444)
    inode = locked.stat().st_ino
    result = cli("check", "--fix", ".", cwd=folder)
    assert (folder / "open.md").read_text() == AFTER
    assert locked.read_text() == BEFORE
    assert locked.stat().st_ino == inode and oct(locked.stat().st_mode & 0o777) == "0o444"
    assert "locked.md" in result.stderr and "read-only" in result.stderr
    assert result.returncode == 1  # the locked file's findings remain


def test_fix_of_a_read_only_hard_linked_file_writes_nothing(tmp_path, cli):
    folder = house_folder(tmp_path / "repo", {"a.md": BEFORE})
    os.link(folder / "a.md", folder / "b.md")
    (folder / "a.md").chmod(0o444)
    cli("check", "--fix", "a.md", cwd=folder)
    assert (folder / "b.md").read_text() == BEFORE


EXPORT = "Harbour\n\nThe harbour opened in 1850.\n"


def test_import_refuses_two_exports_with_one_slug(tmp_path, cli):
    (tmp_path / "a.txt").write_text(EXPORT)
    (tmp_path / "b.txt").write_text("HARBOUR!\n\nA different article, lost on main.\n")
    result = cli("import", "a.txt", "b.txt", "-o", "out", "--force", cwd=tmp_path)
    assert result.returncode == 2
    assert "a.txt and b.txt" in result.stderr and "harbour.md" in result.stderr
    assert not (tmp_path / "out" / "harbour.md").exists()


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("dangling", [False, True])
def test_import_never_writes_through_a_link(tmp_path, cli, force, dangling):
    out, outside = tmp_path / "repo" / "content", tmp_path / "outside"
    out.mkdir(parents=True)
    outside.mkdir()
    victim = outside / ".bashrc"
    if not dangling:
        victim.write_text("alias ls='ls --color'\n")
    os.symlink(victim, out / "harbour.md")
    (tmp_path / "a.txt").write_text(EXPORT)
    result = cli("import", "a.txt", "-o", str(out), *(["--force"] if force else []), cwd=tmp_path)
    assert result.returncode == 2
    assert "symbolic link" in result.stderr
    if dangling:
        assert not victim.exists()
    else:
        assert victim.read_text() == "alias ls='ls --color'\n"
    assert os.path.islink(out / "harbour.md")


def test_import_with_force_still_overwrites_a_plain_file(tmp_path, cli):
    out = tmp_path / "out"
    out.mkdir()
    (out / "harbour.md").write_text("old\n")
    (tmp_path / "a.txt").write_text(EXPORT)
    assert cli("import", "a.txt", "-o", "out", cwd=tmp_path).returncode == 2
    assert cli("import", "a.txt", "-o", "out", "--force", cwd=tmp_path).returncode == 0
    assert (out / "harbour.md").read_text().startswith("---\ntitle: Harbour\n")
    assert oct((out / "harbour.md").stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
