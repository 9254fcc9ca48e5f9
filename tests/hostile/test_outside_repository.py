"""A repository that points out of itself: nothing outside it is read through its config
(content_root, extends, rule_paths, links.redirects_file, the cache folder), links included,
unless the user names it on the command line (#21 item 4); and the Dask engine refuses a link
out of the repository as the local engine does (#21 item 3)."""

from __future__ import annotations

import json
import os

import pytest

SECRET_TITLE = "SECRET-TITLE-Quarterly-Payroll"
SECRET = f"---\ntitle: {SECRET_TITLE}\n---\n\nSECRET-TEXT: the best payroll in the world.\n"
ARTICLE = (
    "The harbour opened in 1850 [@port].\n\n## See also\n\n- [[SECRET-TITLE-Quarterly-Payrol]]\n"
)


@pytest.fixture
def places(tmp_path):
    repo, outside = tmp_path / "repo", tmp_path / "outside"
    repo.mkdir()
    outside.mkdir()
    (outside / "payroll.md").write_text(SECRET)
    (outside / "base.yaml").write_text("select: [SEE]\n")
    (outside / "pack.yaml").write_text(f"pack: {SECRET_TITLE}\n")
    (outside / "redirects.yaml").write_text(f"Payroll: {SECRET_TITLE}\n")
    (repo / "a.md").write_text(ARTICLE)
    return repo, outside


def _leaks(result) -> bool:
    return "SECRET" in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("config", "key"),
    [
        ("content_root: ../outside\n", "content_root"),
        ("content_root: /\n", "content_root"),
        ("content_root: linked\n", "content_root"),  # a link inside that leads out
        ("extends: [../outside/base.yaml]\n", "extends"),
        ("extends: [linked/base.yaml]\n", "extends"),
        ("rule_paths: [../outside/pack.yaml]\n", "rule_paths"),
        ("rule_paths: [linked]\n", "rule_paths"),
        ("rule_paths: [packs]\n", "rule_paths"),  # a folder in the repository, a pack linked
        ("links: {redirects_file: ../outside/redirects.yaml}\n", "links.redirects_file"),
        ("sources: {lists: [../outside/redirects.yaml]}\n", "sources.lists"),
    ],
    ids=lambda value: value.split(":")[0] if value.endswith("\n") else None,
)
def test_a_config_naming_a_path_out_of_the_repository_is_refused(places, cli, config, key):
    repo, outside = places
    os.symlink(outside, repo / "linked")
    (repo / "packs").mkdir()
    os.symlink(outside / "pack.yaml", repo / "packs" / "pack.yaml")
    (repo / "editlint.yaml").write_text(config)
    result = cli("check", "a.md", cwd=repo)
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    assert f"{key}: " in result.stderr and "leads out of the repository" in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert not _leaks(result)


def test_paths_inside_the_repository_and_inside_its_git_work_tree_still_work(places, cli):
    repo, _ = places
    (repo / ".git").mkdir()  # the work tree: a config in a subfolder may name its siblings
    (repo / "docs").mkdir()
    (repo / "content").mkdir()
    (repo / "content" / "harbour.md").write_text(ARTICLE)
    (repo / "base.yaml").write_text("select: [SEE]\n")
    (repo / "docs" / "editlint.yaml").write_text(
        "extends: [../base.yaml]\ncontent_root: ../content\n"
    )
    result = cli("check", "--config", "docs/editlint.yaml", "content", cwd=repo)
    assert result.returncode == 1, result.stderr
    assert "SEE101" in result.stdout


def test_a_config_file_linked_out_of_the_repository_is_read_only_when_named(places, cli):
    repo, outside = places
    (outside / "editlint.yaml").write_text(f"content_root: {outside}\n")
    os.symlink(outside / "editlint.yaml", repo / "editlint.yaml")
    found = cli("check", "a.md", cwd=repo)
    assert found.returncode == 2 and "link out of the repository" in found.stderr
    assert not _leaks(found)
    # The user names it: its own folder is then its repository, and the secret is indexed.
    named = cli("check", "--config", str(outside / "editlint.yaml"), "a.md", cwd=repo)
    assert named.returncode == 1, named.stderr
    assert SECRET_TITLE in named.stdout  # "did you mean" names the title: the user's choice


def test_a_cache_folder_planted_as_a_link_out_of_the_repository_is_not_used(places, cli):
    repo, outside = places
    (repo / "editlint.yaml").write_text("select: [SRC101]\n")
    victim = outside / "victim"
    victim.mkdir()
    os.symlink(victim, repo / ".editlint_cache")
    result = cli("check", "a.md", cwd=repo)
    assert result.returncode == 0, result.stderr
    assert list(victim.iterdir()) == []
    # --cache-dir on the command line is the user's choice, wherever it leads.
    named = cli("check", "--cache-dir", str(victim), "a.md", cwd=repo)
    assert named.returncode == 0, named.stderr
    assert (victim / "results").is_dir()


def test_dask_refuses_a_link_out_of_the_repository_like_the_local_engine(places, cli):
    pytest.importorskip("dask")
    repo, outside = places
    (repo / "editlint.yaml").write_text("select: [NEU, SRC101]\n")
    os.symlink(outside / "payroll.md", repo / "leak.md")
    reports = {}
    for engine in ("local", "dask"):
        result = cli(
            "check",
            "--engine",
            engine,
            "--jobs",
            "1",
            "--no-cache",
            "--format",
            "json",
            "leak.md",
            "a.md",
            cwd=repo,
        )
        assert not _leaks(result), engine
        reports[engine] = json.loads(result.stdout)["diagnostics"]
    assert reports["dask"] == reports["local"]
    assert [(d["path"], d["code"]) for d in reports["dask"]] == [("leak.md", "INP001")]
