"""Folder walks over hostile trees: link loops end, links out of the repository are not
followed, and files that cannot be read are findings, both with and without git."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from editlint.files.discovery import collect_files

ARTICLE = "The harbour opened in 1850 [@port].\n"
SECRET = "SECRET-TOKEN-4711: we utilise it in order to log in, prior to lunch.\n"


def _tree(root, outside):
    """A repository with every kind of hostile link, and a secret outside it."""
    (outside / "secret.md").write_text(SECRET)
    (outside / "folder").mkdir()
    (outside / "folder" / "inner.md").write_text(SECRET)
    (root / "editlint.yaml").write_text("select: [SRC101]\n")
    (root / "a.md").write_text(ARTICLE)
    (root / "sub").mkdir()
    (root / "sub" / "b.md").write_text(ARTICLE)
    os.symlink(root, root / "sub" / "loop-up")  # a folder link back up: a loop
    os.symlink("self.md", root / "self.md")  # a file link to itself
    os.symlink("ping.md", root / "pong.md")
    os.symlink("pong.md", root / "ping.md")
    os.symlink(outside / "secret.md", root / "secret.md")  # out of the repository
    os.symlink(outside / "folder", root / "outside-folder")
    os.symlink("/dev/zero", root / "zero.md")
    os.symlink(root / "nowhere.md", root / "dangling.md")
    os.symlink("a.md", root / "inside-link.md")  # stays inside: fine
    os.mkfifo(root / "fifo.md")


@pytest.fixture(params=["plain", "git"])
def repo(request, tmp_path):
    root, outside = tmp_path / "repo", tmp_path / "outside"
    root.mkdir()
    outside.mkdir()
    _tree(root, outside)
    if request.param == "git":
        subprocess.run(["git", "init", "-q", str(root)], check=True)
        subprocess.run(["git", "-C", str(root), "add", "-A"], check=True)
    return root


def test_walk_ends_and_keeps_only_what_is_inside(repo):
    found = {path.relative_to(repo).as_posix() for path in collect_files([repo])}
    assert {"a.md", "sub/b.md", "inside-link.md"} <= found
    assert not found & {"secret.md", "zero.md", "outside-folder/inner.md"}
    assert not any("loop-up" in name for name in found)


def test_check_reports_unreadable_files_and_never_reads_outside(repo, cli):
    result = cli("check", "--format", "json", ".", cwd=repo)
    assert result.returncode == 1, result.stderr
    assert "SECRET" not in result.stdout + result.stderr
    codes = {d["path"]: d["code"] for d in json.loads(result.stdout)["diagnostics"]}
    assert "a.md" not in codes and "sub/b.md" not in codes  # checked, clean
    assert set(codes.values()) == {"INP001"}
    assert {"secret.md", "zero.md"}.isdisjoint(codes)  # never listed: not followed


def test_files_named_directly_are_refused_not_followed(repo, cli):
    names = ["secret.md", "zero.md", "fifo.md", "self.md", "ping.md", "dangling.md", "a.md"]
    result = cli("check", "--format", "concise", *names, cwd=repo)
    assert result.returncode == 1, result.stderr
    assert "SECRET" not in result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert lines[:-1] == [
        "secret.md:1:1: INP001 [error] not followed: a symbolic link out of the repository",
        "zero.md:1:1: INP001 [error] not followed: a symbolic link out of the repository",
        "fifo.md:1:1: INP001 [error] cannot read file: not a regular file",
        "self.md:1:1: INP001 [error] cannot read file: Too many levels of symbolic links",
        "ping.md:1:1: INP001 [error] cannot read file: Too many levels of symbolic links",
        "dangling.md:1:1: INP001 [error] cannot read file: No such file or directory",
    ]


def test_fix_never_opens_or_writes_through_hostile_links(repo, tmp_path, cli):
    names = ["secret.md", "zero.md", "fifo.md", "self.md", "dangling.md"]
    result = cli("check", "--fix", "--unsafe-fixes", "--select", "ALL", *names, cwd=repo)
    assert result.returncode == 1, result.stderr
    assert "SECRET" not in result.stdout + result.stderr
    assert (tmp_path / "outside" / "secret.md").read_text() == SECRET


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_a_file_without_read_permission_is_a_finding(tmp_path, cli):
    (tmp_path / "a.md").write_text(ARTICLE)
    (tmp_path / "locked.md").write_text(ARTICLE)
    (tmp_path / "locked.md").chmod(0)
    result = cli("check", "--format", "concise", ".", cwd=tmp_path)
    assert result.stdout.startswith(
        "locked.md:1:1: INP001 [error] cannot read file: Permission denied"
    )


def test_files_behind_a_linked_folder_are_refused_however_named(repo, cli):
    # Only the parts of a path below the repository are looked at for links; a linked folder
    # on the way, or a '..' after one, still leads out.
    names = ["outside-folder/inner.md", "sub/loop-up/../outside/secret.md"]
    result = cli("check", "--format", "concise", *names, cwd=repo)
    assert "SECRET" not in result.stdout + result.stderr
    assert result.stdout.splitlines()[:-1] == [
        "outside-folder/inner.md:1:1: INP001 [error] not followed: a symbolic link out of the "
        "repository",
        # shown by its name with '..' folded away, as every path is (abspath, not resolve)
        "sub/outside/secret.md:1:1: INP001 [error] not followed: a symbolic link out of the "
        "repository",
    ]
