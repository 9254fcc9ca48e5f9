"""SRC401 dates a relative time by the file's last commit when nothing else dates it: a real
git repository in a temporary folder, one article committed long ago and one today."""

from __future__ import annotations

import json
from datetime import date

from gitrepo import GitRepo

STATEMENT = "The line currently employs 40 people.\n"


def test_the_last_commit_dates_a_relative_time(cli, tmp_path):
    repo = GitRepo(tmp_path / "content")
    repo.write("editlint.yaml", "select: [SRC401, NEU701]\n")
    repo.write("old.md", STATEMENT)
    long_ago = "2015-03-01T12:00:00"
    repo.env = {**repo.env, "GIT_COMMITTER_DATE": long_ago, "GIT_AUTHOR_DATE": long_ago}
    repo.commit("old article", "old.md", "editlint.yaml")
    repo.env = {k: v for k, v in repo.env.items() if not k.endswith("_DATE")}
    repo.write("new.md", STATEMENT)
    repo.commit("new article", "new.md")
    repo.write("draft.md", STATEMENT)  # never committed: no date, NEU701's finding only
    result = cli("check", "--format", "json", "--no-cache", ".", cwd=repo.path)
    found = sorted(
        (d["path"], d["code"], d["column"], d["message"])
        for d in json.loads(result.stdout)["diagnostics"]
    )
    age = int((date.today() - date(2015, 3, 1)).days / 365.25)
    relative = (
        "'currently' goes stale as time passes; give the date ('as of 2024', 'in March 2023')"
    )
    assert found == [
        ("draft.md", "NEU701", 10, relative),
        ("new.md", "NEU701", 10, relative),
        (
            "old.md",
            "SRC401",
            10,
            "'currently' in a statement dated 2015 (the file's last commit), "
            f"{age} years ago: check it still holds and give its date ('as of 2015') "
            "(also NEU701)",
        ),
    ]


def test_git_is_asked_only_where_a_repository_can_be_found(tmp_path, monkeypatch):
    from editlint.gitcommand import may_be_in_work_tree

    monkeypatch.delenv("GIT_DIR", raising=False)
    outside = tmp_path / "plain" / "articles"
    outside.mkdir(parents=True)
    assert not may_be_in_work_tree(outside)
    repo = GitRepo(tmp_path / "content")
    # ".." leaves the repository: its folder is not an ancestor of the articles
    assert not may_be_in_work_tree(repo.path / ".." / "plain" / "articles")
    (repo.path / "deep" / "folder").mkdir(parents=True)
    assert may_be_in_work_tree(repo.path / "deep" / "folder")
    assert may_be_in_work_tree(repo.path)
    monkeypatch.setenv("GIT_DIR", str(repo.path / ".git"))
    assert may_be_in_work_tree(outside)
