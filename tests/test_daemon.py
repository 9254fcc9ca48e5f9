"""The warm process (``editlint daemon``): a real daemon process in a temporary repository.

Every check is run twice, through the daemon and in its own process (``EDITLINT_DAEMON=0``),
and the two must print the same bytes and exit with the same code; the daemon's status says
whether it served the check (a fallback would compare equal too).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, shared
from editlint.daemon.locate import cache_folder, socket_path
from gitrepo import GitRepo

ARCHWIKI = SHARED / "corpora" / "archwiki"

CONFIG = "content_root: content\n"
ARTICLES = {
    "harbour.md": (
        "---\ntitle: Harbour\n---\n# Harbour\n\nThe harbour is a legendary place that many "
        "experts believe is the finest.\n\n## See also\n\n- [[Canal]]\n- [[Lighthouse]]\n"
    ),
    "canal.md": "---\ntitle: Canal\n---\n# Canal\n\nThe canal opened in 1820.[^1]\n\n"
    "[^1]: Survey of canals, 1900.\n",
    "tower.md": "---\ntitle: Lighthouse\n---\n# Lighthouse\n\nA tower with a light.\n",
}


def editlint(*args: str, cwd: Path, daemon: str | None = None) -> subprocess.CompletedProcess:
    """Run the real command; ``daemon`` sets EDITLINT_DAEMON ("0": never use one)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    env.pop("EDITLINT_DAEMON", None)
    if daemon is not None:
        env["EDITLINT_DAEMON"] = daemon
    return subprocess.run(
        [sys.executable, "-m", "editlint", *args],
        cwd=cwd, capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip


def status(cwd: Path, *options: str) -> dict:
    run = editlint("daemon", "status", "--json", *options, cwd=cwd)
    return json.loads(run.stdout)


def served(cwd: Path, *options: str) -> int:
    return status(cwd, *options)["served"]


def same_both_ways(cwd: Path, *args: str, options: tuple[str, ...] = ()) -> str:
    """Check through the daemon and without it; assert the same output and exit code, and
    that the daemon served the first. Returns the output."""
    before = served(cwd, *options)
    warm = editlint("check", "--format", "json", *options, *args, cwd=cwd)
    assert served(cwd, *options) == before + 1, warm.stderr
    cold = editlint("check", "--format", "json", *options, *args, cwd=cwd, daemon="0")
    assert (warm.stdout, warm.stderr, warm.returncode) == (
        cold.stdout,
        cold.stderr,
        cold.returncode,
    )
    return warm.stdout


@pytest.fixture
def git_repo(tmp_path):
    repo = GitRepo(tmp_path / "repo")
    (repo.path / "editlint.yaml").write_text(CONFIG, encoding="utf-8")
    (repo.path / "content").mkdir()
    for name, text in ARTICLES.items():
        (repo.path / "content" / name).write_text(text, encoding="utf-8")
    yield repo
    _stop(repo.path)


@pytest.fixture
def repo(git_repo):
    return git_repo.path


def _stop(cwd: Path, *options: str) -> None:
    """Stop the daemon; kill it by its pid if it does not go."""
    found = status(cwd, *options)
    editlint("daemon", "stop", *options, cwd=cwd)
    if found.get("pid"):
        _wait_gone(found["pid"], 10)
        if _alive(found["pid"]):
            os.kill(found["pid"], signal.SIGKILL)


def _wait_gone(pid: int, seconds: float = 30) -> None:
    """Until ``pid`` is gone (or a zombie nobody reaps: then until ``seconds`` passed)."""
    deadline = time.monotonic() + seconds
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.05)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def _start(cwd: Path, *options: str) -> dict:
    run = editlint("daemon", "start", *options, cwd=cwd)
    assert run.returncode == 0, run.stderr
    found = status(cwd, *options)
    assert found["status"] == "running"
    return found


def test_daemon_output_is_the_commands_own(repo):
    assert editlint("daemon", "status", cwd=repo).returncode == 1
    found = _start(repo)
    assert found["config"] == str(repo / "editlint.yaml")
    assert os.path.exists(socket_path(repo / ".editlint_cache"))
    output = same_both_ways(repo, "content/harbour.md")
    codes = [finding["code"] for finding in json.loads(output)["diagnostics"]]
    assert codes  # the peacock and weasel wording, the uncited paragraph
    same_both_ways(repo, "content/harbour.md", "content/canal.md", "--select", "SEE,NEU")
    same_both_ways(repo, "--format", "concise", "content/")  # three files: served warm
    same_both_ways(repo, "no-such-file.md")  # a usage error: exit 2, one line
    same_both_ways(repo, "content/canal.md", options=("--config", "editlint.yaml"))
    (repo / "sub").mkdir()
    same_both_ways(repo / "sub", "../content/canal.md")  # another working folder
    editlint("daemon", "stop", cwd=repo)
    assert editlint("daemon", "status", cwd=repo).returncode == 1
    assert not os.path.exists(socket_path(repo / ".editlint_cache"))


def test_config_change_rebuilds_the_daemon(repo):
    pid = _start(repo)["pid"]
    first = same_both_ways(repo, "content/harbour.md")
    (repo / "editlint.yaml").write_text(CONFIG + "ignore: [NEU]\n", encoding="utf-8")
    second = same_both_ways(repo, "content/harbour.md")
    assert '"NEU' in first and '"NEU' not in second
    assert status(repo)["pid"] == pid  # rebuilt in place, not restarted


def test_index_follows_the_articles(repo):
    """Another article retitled, deleted, added, or its body edited: the daemon's content
    index follows (the see-also entry [[Lighthouse]] resolves, then not, then again)."""
    _start(repo)
    harbour = "content/harbour.md"
    lighthouse = repo / "content" / "tower.md"  # titled Lighthouse
    resolved = same_both_ways(repo, harbour)
    lighthouse.write_text(ARTICLES["tower.md"] + "\nMore text.\n", encoding="utf-8")
    assert same_both_ways(repo, harbour) == resolved
    lighthouse.write_text(ARTICLES["tower.md"].replace("Lighthouse", "Beacon"), "utf-8")
    broken = same_both_ways(repo, harbour)
    assert "Lighthouse" in broken and broken != resolved
    lighthouse.unlink()
    assert same_both_ways(repo, harbour) == broken
    (repo / "content" / "sub").mkdir()
    (repo / "content" / "sub" / "tower.md").write_text(ARTICLES["tower.md"], "utf-8")
    assert same_both_ways(repo, harbour) == resolved


def test_the_hooks_staged_check(git_repo):
    """``check --staged`` (the pre-commit hook's command) runs git in the client's folder and
    environment: a staged retitling also checks the article linking to the old title."""
    repo = git_repo.path
    git_repo.commit("articles")
    _start(repo)
    tower = repo / "content" / "tower.md"
    tower.write_text(ARTICLES["tower.md"].replace("Lighthouse", "Beacon"), encoding="utf-8")
    git_repo.git("add", "content/tower.md")
    output = same_both_ways(repo, "--staged", "content/tower.md")
    assert "harbour.md" in output  # the dependent article, checked too


def test_dead_socket_falls_back(repo):
    """A socket nobody listens on (a killed daemon's) costs nothing: the command runs in its
    own process with the same output; ``daemon start`` then replaces it."""
    where = Path(socket_path(repo / ".editlint_cache"))  # in it, or in /tmp/editlint-UID
    where.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(where))
    dead.close()  # the file stays, nothing listens
    warm = editlint("check", "--format", "json", "content/harbour.md", cwd=repo)
    cold = editlint("check", "--format", "json", "content/harbour.md", cwd=repo, daemon="0")
    assert (warm.stdout, warm.stderr, warm.returncode) == (cold.stdout, cold.stderr, 1)
    pid = _start(repo)["pid"]
    os.kill(pid, signal.SIGKILL)
    _wait_gone(pid)
    again = editlint("check", "--format", "json", "content/harbour.md", cwd=repo)
    assert (again.stdout, again.returncode) == (cold.stdout, 1)
    pid = _start(repo)["pid"]
    same_both_ways(repo, "content/harbour.md")
    os.kill(pid, signal.SIGTERM)  # stops like `daemon stop`: no socket left behind
    _wait_gone(pid)
    assert not where.exists()


def test_auto_start_and_what_the_daemon_declines(repo):
    (repo / "editlint.yaml").write_text(CONFIG + "daemon: auto\n", encoding="utf-8")
    first = editlint("check", "--format", "json", "content/harbour.md", cwd=repo)
    deadline = time.monotonic() + 60
    while status(repo)["status"] != "running" and time.monotonic() < deadline:
        time.sleep(0.1)
    assert same_both_ways(repo, "content/harbour.md") == first.stdout
    before = served(repo)
    diff = editlint("check", "--diff", "content/harbour.md", cwd=repo)  # fixes: declined
    assert diff.returncode in (0, 1) and served(repo) == before
    text = ARTICLES["harbour.md"]
    run = subprocess.run(
        [sys.executable, "-m", "editlint", "check", "--format", "json", "-"],
        cwd=repo, input=text, capture_output=True, text=True, timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"},
    )  # fmt: skip
    assert run.returncode == 1 and served(repo) == before  # stdin: declined


def test_daemon_on_the_demo_and_corpus_articles(tmp_path):
    """The demo content and ArchWiki articles: the daemon's JSON is the command's own."""
    options = ("--cache-dir", str(tmp_path / "c"))
    _start(ROOT, *options)
    try:
        demo = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "content").glob("*.md"))
        same_both_ways(ROOT, *demo, options=options)
    finally:
        _stop(ROOT, *options)
    wiki = GitRepo(tmp_path / "wiki").path
    shutil.copytree(shared(ARCHWIKI), wiki / "content")
    (wiki / "editlint.yaml").write_text(CONFIG, encoding="utf-8")
    _start(wiki)
    try:
        sample = sorted(os.listdir(wiki / "content"))[::40]  # 11 of the 419
        same_both_ways(wiki, *[f"content/{name}" for name in sample])
    finally:
        _stop(wiki)


def test_the_clients_guess_of_the_cache_folder(tmp_path, monkeypatch):
    """Which socket a check would ask, from its words alone (the daemon checks the guess)."""
    (tmp_path / "repo" / "content").mkdir(parents=True)
    (tmp_path / "repo" / "editlint.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "repo" / "content" / "a.md").write_text("# A\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    cache = str(tmp_path / "repo" / ".editlint_cache")
    assert cache_folder(["--format", "json", "repo/content/a.md"]) == cache
    assert cache_folder(["--config", "repo/editlint.yaml", "elsewhere.md"]) == cache
    assert cache_folder(["--config=repo/editlint.yaml"]) == cache
    assert cache_folder(["--cache-dir", "c", "repo/content/a.md"]) == str(tmp_path / "c")
    assert cache_folder(["--no-cache", "repo/content/a.md"]) is None
    assert cache_folder(["-", "--stdin-filename", "repo/content/a.md"]) is None
    assert cache_folder(["a.md"]) is None  # no config above the working folder
    assert socket_path("/srv/wiki/.editlint_cache") == "/srv/wiki/.editlint_cache/daemon.sock"
    deep = socket_path("/" + "x" * 100)  # too long to bind: in this user's folder of sockets
    assert deep.startswith(f"/tmp/editlint-{os.getuid()}/") and deep.endswith(".sock")
    assert deep != socket_path("/" + "y" * 100)


def test_a_deep_cache_folder(repo):
    """A cache folder whose socket path would be too long for a Unix socket: the socket lives
    in /tmp/editlint-UID under a hashed name, and checks are served all the same."""
    deep = repo / ("d" * 60) / ("e" * 60)
    options = ("--cache-dir", str(deep))
    _start(repo, *options)
    try:
        assert not (deep / "daemon.sock").exists()
        same_both_ways(repo, "content/harbour.md", options=options)
    finally:
        _stop(repo, *options)
