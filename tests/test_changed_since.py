"""``--changed-since REF`` in a real git repository."""

from __future__ import annotations

import json

import pytest

from gitrepo import GitRepo

CONFIG = "content_root: content\nselect: [NEU101, SEE101]\n"


def article(title: str, body: str = "It opened in 1850 [@history].") -> str:
    return f"---\ntitle: {title}\n---\n\n{body}\n"


@pytest.fixture
def repo(tmp_path) -> GitRepo:
    """main: four articles; branch 'feature' off it; then main moves on."""
    repo = GitRepo(tmp_path / "wiki")
    repo.write("editlint.yaml", CONFIG)
    repo.write("content/old.md", article("Old", "A legendary old town [@old]."))
    repo.write("content/bridge.md", article("Bridge"))
    repo.write("content/quay.md", article("Quay"))
    repo.write("content/gone.md", article("Gone"))
    repo.write(".gitignore", "content/ignored.md\n")
    repo.commit("initial")
    repo.git("checkout", "-q", "-b", "feature")
    repo.write(
        "content/quay.md", article("Quay", "A renowned quay [@q].\n\n## See also\n\n- [[Bridge]]")
    )
    repo.git("rm", "-q", "content/gone.md")
    repo.commit("feature work")
    repo.git("checkout", "-q", "main")
    repo.write("content/old.md", article("Old", "A celebrated old town [@old]."))
    repo.commit("main moves on")
    repo.git("checkout", "-q", "feature")
    repo.write("content/staged.md", article("Staged", "See also [[Nowhere Street]]."))
    repo.git("add", "content/staged.md")
    repo.write("content/untracked.md", article("Untracked", "An iconic square [@s]."))
    repo.write("content/ignored.md", article("Ignored", "A legendary hall [@h]."))
    return repo


def checked(result) -> tuple[list[tuple[str, str, int, int]], int]:
    report = json.loads(result.stdout)
    found = [(d["path"], d["code"], d["line"], d["column"]) for d in report["diagnostics"]]
    return found, report["summary"]["files"]


def test_only_the_branchs_changes_and_untracked_files_are_checked(cli, repo):
    result = cli("check", "--format", "json", "--changed-since", "main", cwd=repo.path)
    assert result.returncode == 1, result.stderr
    found, files = checked(result)
    assert files == 3  # quay (committed on the branch), staged, untracked; not old, gone, ignored
    assert found == [
        ("content/quay.md", "NEU101", 5, 3),
        ("content/staged.md", "SEE101", 5, 12),
        ("content/untracked.md", "NEU101", 5, 4),
    ]


def test_see_also_targets_resolve_against_the_whole_content_repository(cli, repo):
    """quay.md lists [[Bridge]], which did not change: it still resolves (no SEE101)."""
    result = cli(
        "check", "--format", "json", "--changed-since", "main", "--select", "SEE101", cwd=repo.path
    )
    found, _ = checked(result)
    assert found == [("content/staged.md", "SEE101", 5, 12)]


def test_paths_narrow_the_changed_files(cli, repo):
    result = cli(
        "check",
        "--format",
        "json",
        "--changed-since",
        "HEAD",
        "content/untracked.md",
        cwd=repo.path,
    )
    found, files = checked(result)
    assert (found, files) == ([("content/untracked.md", "NEU101", 5, 4)], 1)


def test_nothing_changed_is_all_clear(cli, repo):
    repo.git("stash", "-q", "--include-untracked")
    result = cli("check", "--changed-since", "HEAD", cwd=repo.path)
    assert result.returncode == 0
    assert "All clear: 0 file(s) checked" in result.stdout


def test_an_unknown_ref_or_no_repository_is_a_usage_error(cli, repo, tmp_path):
    result = cli("check", "--changed-since", "no-such-branch", cwd=repo.path)
    assert (result.returncode, result.stderr) == (
        2,
        "editlint: error: --changed-since: unknown git ref 'no-such-branch'\n",
    )
    outside = tmp_path / "plain"
    outside.mkdir()
    result = cli("check", "--changed-since", "main", cwd=outside)
    assert (result.returncode, result.stderr) == (
        2,
        "editlint: error: not inside a git work tree\n",
    )


@pytest.fixture
def linked(tmp_path) -> GitRepo:
    """main: Oxford, and two articles linking to it (one by title, one by alias)."""
    repo = GitRepo(tmp_path / "linked")
    repo.write("editlint.yaml", "content_root: content\nselect: [SEE101]\n")
    repo.write(
        "content/oxford.md", "---\ntitle: Oxford\naliases: [Oxenford]\n---\n\nA city [@c].\n"
    )
    repo.write(
        "content/thames.md", article("Thames", "A river [@r].\n\n## See also\n\n- [[Oxford]]")
    )
    repo.write("content/isis.md", article("Isis", "A name [@n].\n\n## See also\n\n- [[Oxenford]]"))
    repo.write("content/cam.md", article("Cam", "Another river [@r]."))
    repo.commit("initial")
    repo.git("checkout", "-q", "-b", "change")
    return repo


def test_deleting_an_article_checks_the_articles_linking_to_it(cli, linked):
    linked.git("rm", "-q", "content/oxford.md")
    linked.commit("remove Oxford")
    result = cli("check", "--format", "json", "--changed-since", "main", cwd=linked.path)
    found, files = checked(result)
    assert files == 2  # thames and isis; not cam, which names neither
    assert found == [
        ("content/isis.md", "SEE101", 9, 5),
        ("content/thames.md", "SEE101", 9, 5),
    ]
    assert "2 article(s) link to one the change deletes" in result.stderr


def test_renaming_or_retitling_an_article_checks_its_linkers(cli, linked):
    linked.git("mv", "content/oxford.md", "content/oxon.md")
    linked.write("content/oxon.md", "---\ntitle: Oxon\naliases: [Oxenford]\n---\n\nA city [@c].\n")
    linked.commit("retitle Oxford")
    result = cli("check", "--format", "json", "--changed-since", "main", cwd=linked.path)
    found, files = checked(result)
    assert files == 2  # oxon (changed) and thames (links to the lost title); isis's alias stays
    assert found == [("content/thames.md", "SEE101", 9, 5)]


def test_staged_mode_checks_only_the_linkers_of_a_staged_deletion(cli, linked):
    linked.git("rm", "-q", "content/oxford.md")
    result = cli("check", "--format", "json", "--staged", cwd=linked.path)
    found, files = checked(result)
    assert files == 2
    assert [path for path, *_ in found] == ["content/isis.md", "content/thames.md"]
    linked.git("reset", "-q", "--hard")
    untouched = cli("check", "--format", "json", "--staged", cwd=linked.path)
    assert checked(untouched) == ([], 0)


def test_deleting_a_wikitext_page_checks_its_linkers_by_its_page_title(cli, tmp_path):
    repo = GitRepo(tmp_path / "wiki")
    repo.write("editlint.yaml", "content_root: pages\nselect: [SEE]\n")
    repo.write("pages/dump__Harbour_town.wiki", "The '''harbour town''' is old.<ref>A.</ref>\n")
    repo.write("pages/Quay.wiki", "A quay.<ref>B.</ref>\n\n== See also ==\n* [[Harbour town]]\n")
    repo.commit("initial")
    repo.git("rm", "-q", "pages/dump__Harbour_town.wiki")
    result = cli("check", "--format", "json", "--staged", cwd=repo.path)
    assert checked(result) == ([("pages/Quay.wiki", "SEE101", 4, 5)], 1)
