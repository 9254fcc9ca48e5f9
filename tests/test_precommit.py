"""The pre-commit hooks with the real ``pre-commit`` tool, in real git repositories.

The expensive part, pre-commit building a virtualenv with editlint pip-installed from this
project, happens once per module: the hook repository and a wheelhouse of editlint's
dependencies (fetched from the registry once) are module fixtures, and every pre-commit run
shares one PRE_COMMIT_HOME. ``try-repo`` always builds its own environment (from the
wheelhouse, so it needs no registry).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from gitrepo import GitRepo, git_env
from house import HOUSE_PACK

CONFIG = (
    "content_root: content\nselect: [NEU101, SEE101, HSE101, HSE102]\nrule_paths: [house.yaml]\n"
)


def article(title: str, body: str) -> str:
    return f"---\ntitle: {title}\n---\n\n{body}\n"


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[Path, str]:
    """This project's files (as they are now, committed or not) in a git repository."""
    repo = GitRepo(tmp_path_factory.mktemp("editlint-hooks") / "repo")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file() and not name.startswith(("tests/", "content/", "bench/")):
            (repo.path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo.path / name)
    return repo.path, repo.commit("editlint as a hook repository")


def hook_config(hook_repo: tuple[Path, str]) -> str:
    path, rev = hook_repo
    return f"repos:\n  - repo: {path}\n    rev: {rev}\n    hooks:\n      - id: editlint-fix\n"


@pytest.fixture(scope="module")
def env(tmp_path_factory, hook_repo) -> dict[str, str]:
    """git and pre-commit settings shared by the module, with the hook environment built.

    pip installs editlint's dependencies from a local wheelhouse, filled from the registry once.
    """
    home = tmp_path_factory.mktemp("home")
    wheels = home / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "-w",
            str(wheels),
            str(hook_repo[0]),
            "setuptools>=68",
            "wheel",
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    env = {
        **git_env(home),
        "PRE_COMMIT_HOME": str(home / "pre-commit"),
        "PIP_FIND_LINKS": str(wheels),
        "PIP_NO_INDEX": "1",
        "VIRTUALENV_NO_PERIODIC_UPDATE": "1",
        "NO_COLOR": "1",
    }
    warm = GitRepo(home / "warm-up", env)
    warm.write(".pre-commit-config.yaml", hook_config(hook_repo))
    installed = pre_commit(warm, "install-hooks")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return env


@pytest.fixture
def wiki(tmp_path, env, hook_repo) -> GitRepo:
    """A content repository using the editlint-fix hook, with two committed articles."""
    repo = GitRepo(tmp_path / "wiki", env)
    repo.write("editlint.yaml", CONFIG)
    repo.write("house.yaml", HOUSE_PACK)
    repo.write(".pre-commit-config.yaml", hook_config(hook_repo))
    repo.write("content/harbour.md", article("Harbour", "The harbour opened in 1850 [@port]."))
    repo.write("content/lighthouse.md", article("Lighthouse", "A renowned light [@light]."))
    repo.commit("articles as they were")
    return repo


def pre_commit(repo: GitRepo, *args: str) -> subprocess.CompletedProcess:
    return repo.run(sys.executable, "-m", "pre_commit", *args, timeout=600)


def commit(repo: GitRepo, message: str) -> tuple[int, str]:
    """Commit; the exit code and what the hooks printed (git shows it on stderr)."""
    result = repo.run("git", "commit", "-m", message)
    return result.returncode, result.stdout + result.stderr


def commits(repo: GitRepo) -> int:
    return int(repo.git("rev-list", "--count", "HEAD"))


def test_try_repo_checks_staged_articles_against_the_whole_repository(wiki, hook_repo):
    path, rev = hook_repo
    wiki.write("content/quay.md", article("Quay", "See also [[Harbour]] and [[Nowhere]]."))
    wiki.git("add", "content/quay.md")
    wiki.write("content/harbour.md", article("Harbour", "A legendary harbour, not staged."))
    wiki.write("content/draft.md", article("Draft", "An iconic draft, never added."))

    result = pre_commit(wiki, "try-repo", str(path), "editlint", "--ref", rev)

    assert result.returncode == 1, result.stdout + result.stderr
    assert "content/quay.md:5:28: SEE101 [error] See-also target 'Nowhere'" in result.stdout
    assert "Found 1 finding(s) in 1 of 1 file(s)" in result.stdout
    # The unstaged change was stashed away while the hook ran, and is back.
    assert "legendary" in (wiki.path / "content" / "harbour.md").read_text()


def test_a_commit_with_a_dangling_see_also_entry_is_refused(wiki):
    assert pre_commit(wiki, "install").returncode == 0
    wiki.write("content/quay.md", article("Quay", "See also [[Harbour]] and [[Nowhere]]."))
    wiki.git("add", "content/quay.md")
    before = commits(wiki)

    status, output = commit(wiki, "add quay")

    assert status == 1
    assert "editlint (fix)" in output and "Failed" in output
    assert "content/quay.md:5:28: SEE101" in output
    assert "lighthouse" not in output  # committed findings are not the commit's business
    assert commits(wiki) == before


def test_the_fix_hook_applies_safe_fixes_only(wiki):
    assert pre_commit(wiki, "install").returncode == 0
    quay = wiki.write("content/quay.md", article("Quay", "Ships utilise the quay [@quay]."))
    pier = wiki.write("content/pier.md", article("Pier", "Built in order to land fish [@pier]."))
    wiki.git("add", "content")
    before = commits(wiki)

    status, output = commit(wiki, "add quay and pier")

    assert status == 1
    assert "files were modified by this hook" in output
    assert quay.read_text() == article("Quay", "Ships use the quay [@quay].")
    assert pier.read_text() == article("Pier", "Built in order to land fish [@pier].")
    assert "content/pier.md:5:7: HSE102" in output
    assert commits(wiki) == before

    wiki.write("content/pier.md", article("Pier", "Built to land fish [@pier]."))
    wiki.git("add", "content")
    status, output = commit(wiki, "add quay and pier, fixed")
    assert status == 0, output
    assert commits(wiki) == before + 1


def test_a_clean_commit_passes(wiki):
    assert pre_commit(wiki, "install").returncode == 0
    wiki.write("content/quay.md", article("Quay", "See also [[Harbour]]. Built in 1901 [@quay]."))
    wiki.git("add", "content/quay.md")

    status, output = commit(wiki, "add quay")

    assert status == 0, output
    assert "editlint (fix)" in output and "Passed" in output
    assert wiki.git("show", "--name-only", "--format=", "HEAD").split() == ["content/quay.md"]


def test_deleting_an_article_checks_the_articles_that_link_to_it(wiki):
    assert pre_commit(wiki, "install").returncode == 0
    wiki.write(
        "content/quay.md", article("Quay", "Built in 1901 [@quay].\n\n## See also\n\n- [[Harbour]]")
    )
    wiki.git("add", "content/quay.md")
    assert commit(wiki, "add quay")[0] == 0
    wiki.git("rm", "-q", "content/harbour.md")
    before = commits(wiki)

    status, output = commit(wiki, "remove harbour")

    assert status == 1, output
    assert "content/quay.md:9:5: SEE101 [error] See-also target 'Harbour'" in output
    assert "lighthouse" not in output
    assert commits(wiki) == before


# --- the install snippets, as the documentation and `editlint init` print them -----------------

DOCUMENTED_HOOK = re.search(
    r"## pre-commit\n.*?```yaml\n(.*?)```", (ROOT / "docs" / "ci.md").read_text(), re.DOTALL
)


@pytest.fixture(scope="module")
def editlint_clone(tmp_path_factory, env) -> tuple[Path, str]:
    """A real git clone of this repository (its committed state) and its commit."""
    clone = tmp_path_factory.mktemp("clone") / "editlint"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, env=env)
    head = subprocess.run(
        ["git", "-C", str(clone), "rev-parse", "HEAD"], capture_output=True, text=True, env=env
    )
    return clone, head.stdout.strip()


def a_content_repository(path: Path, env: dict[str, str]) -> GitRepo:
    """A wiki with one finding the fix hook fixes and one it cannot."""
    repo = GitRepo(path, env)
    repo.write("editlint.yaml", "content_root: content\nselect: [SEE101, NEU101]\n")
    repo.write("content/harbour.md", article("Harbour", "The harbour opened in 1850 [@port]."))
    repo.write("content/quay.md", article("Quay", "A legendary quay.\n\n## See also\n\n- [[Pier]]"))
    return repo


def test_the_documented_hook_works_as_written_against_a_clone(tmp_path, env, editlint_clone):
    clone, commit = editlint_clone
    snippet = DOCUMENTED_HOOK.group(1)
    assert "<editlint-repo>" in snippet and "<editlint-commit>" in snippet
    repo = a_content_repository(tmp_path / "wiki", env)
    # The two placeholders docs/ci.md defines, replaced as it says; nothing else changed.
    repo.write(
        ".pre-commit-config.yaml",
        snippet.replace("<editlint-repo>", str(clone)).replace("<editlint-commit>", commit),
    )
    repo.commit("a wiki with editlint's hook")

    result = pre_commit(repo, "run", "--all-files")

    assert result.returncode == 1, result.stdout + result.stderr
    assert "editlint (fix)" in result.stdout and "Failed" in result.stdout
    assert "content/quay.md:5:3: NEU101" in result.stdout
    assert "content/quay.md:9:5: SEE101 [error] See-also target 'Pier'" in result.stdout


def test_the_hook_init_prints_works_as_printed(tmp_path, env, cli):
    repo = a_content_repository(tmp_path / "wiki", env)
    (repo.path / "editlint.yaml").unlink()
    printed = cli("init", cwd=repo.path)
    assert printed.returncode == 0, printed.stderr
    lines = printed.stdout.split("Add to .pre-commit-config.yaml:\n\n")[1].splitlines()
    snippet = "\n".join(line[4:] for line in lines[: lines.index("")]) + "\n"
    head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True)
    assert snippet == (
        f"repos:\n  - repo: {ROOT}\n    rev: {head.stdout.decode().strip()}\n"
        "    hooks:\n      - id: editlint\n"
    )
    repo.write(".pre-commit-config.yaml", snippet)
    repo.commit("a wiki with the hook init printed")

    result = pre_commit(repo, "run", "--all-files")

    assert result.returncode == 1, result.stdout + result.stderr
    assert "content/quay.md:9:5: SEE101 [error] See-also target 'Pier'" in result.stdout
