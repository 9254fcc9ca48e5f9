"""Where editlint was installed from (pip's direct_url.json), for the snippets init prints."""

from __future__ import annotations

import json
import subprocess

from conftest import ROOT
from editlint.authoring.install_source import InstallSource, source_of

COMMIT = "0123456789abcdef0123456789abcdef01234567"


def test_a_git_install_names_its_url_and_commit():
    recorded = {"url": "https://git.example.org/editlint.git", "vcs_info": {"vcs": "git"}}
    recorded["vcs_info"]["commit_id"] = COMMIT
    assert source_of(json.dumps(recorded)) == InstallSource(
        "https://git.example.org/editlint.git", COMMIT
    )


def test_a_github_repository_can_be_used_as_an_action():
    source = InstallSource("https://github.com/someone/editlint.git", COMMIT)
    assert source.github == "someone/editlint"
    assert InstallSource("/home/me/editlint", COMMIT).github is None


def test_an_install_from_a_clone_names_the_clone_and_its_head(tmp_path):
    clone = tmp_path / "my editlint"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)
    head = subprocess.run(["git", "-C", str(clone), "rev-parse", "HEAD"], capture_output=True)
    recorded = {"url": clone.as_uri(), "dir_info": {"editable": True}}
    expected = InstallSource(str(clone), head.stdout.decode().strip())
    assert source_of(json.dumps(recorded)) == expected


def test_anything_else_shows_the_placeholders(tmp_path):
    (tmp_path / "editlint").mkdir()  # a folder, but no clone of editlint
    unknown = InstallSource("<editlint-repo>", "<editlint-commit>")
    for recorded in (
        None,
        "not json",
        json.dumps({"url": (tmp_path / "editlint").as_uri(), "dir_info": {}}),
        json.dumps({"url": "https://example.org/editlint-0.1.tar.gz", "archive_info": {}}),
        json.dumps({"url": "https://x.org/e.git", "vcs_info": {"vcs": "git", "commit_id": "main"}}),
    ):
        assert source_of(recorded) == unknown
    assert not unknown.known
