"""The result cache: reused when nothing changed, rebuilt when anything it depends on did."""

from __future__ import annotations

import json
import multiprocessing
from pathlib import Path

from editlint.config.model import find_config, load_config
from editlint.engine.batch import BatchOptions, check_files
from editlint.engine.cache import RUN_TAG, RUN_TAG_TEXT, ResultCache
from editlint.engine.runner import Checker, SelectionOverrides
from perf_corpus import summary, write_repository


def _run(root: Path, cache: Path, jobs: int = 1, overrides=None):
    checker = Checker(load_config(find_config(root), root), overrides)
    paths = sorted(root.glob("*.md"))
    return check_files(checker, paths, BatchOptions(jobs=jobs, cache_dir=cache))


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "results").rglob("*") if p.is_file() and p.name != RUN_TAG)


def test_second_run_reads_the_cache(tmp_path):
    root, cache = tmp_path / "content", tmp_path / "cache"
    write_repository(root, count=6)
    first = _run(root, cache)
    entries = _entries(cache)
    assert len(entries) == 6 and not any(p.name.startswith(".tmp") for p in entries)
    # Rewrite one entry's message: the next run must report what the cache says.
    entry_path = next(p for p in entries if json.loads(p.read_bytes())["diagnostics"])
    entry = json.loads(entry_path.read_bytes())
    entry["diagnostics"][0]["message"] = "from the cache"
    entry_path.write_text(json.dumps(entry))
    second = _run(root, cache)
    messages = [d.message for result in second for d in result.diagnostics]
    assert messages.count("from the cache") == 1
    assert [r.text for r in second] == [r.text for r in first]


def test_corrupt_or_foreign_entries_are_rebuilt(tmp_path):
    root, cache = tmp_path / "content", tmp_path / "cache"
    write_repository(root, count=4)
    expected = summary(_run(root, cache))
    entries = _entries(cache)
    entries[0].write_bytes(b"\x00not json")
    entries[1].write_text(json.dumps({**json.loads(entries[1].read_bytes()), "format": 999}))
    entries[2].write_text("[]")
    assert summary(_run(root, cache)) == expected
    assert all(json.loads(p.read_bytes())["format"] == 1 for p in entries)


def test_edits_config_and_index_changes_are_seen(tmp_path):
    root, cache = tmp_path / "content", tmp_path / "cache"
    write_repository(root, count=5)
    article = root / "article-001.md"

    def codes(**kwargs) -> dict[str, list[str]]:
        return {r.path.name: [d.code for d in r.diagnostics] for r in _run(root, cache, **kwargs)}

    assert "NEU101" not in codes()["article-001.md"]
    article.write_text(article.read_text().replace("is a topic", "is a legendary topic"))
    assert "NEU101" in codes()["article-001.md"]
    assert "NEU101" not in codes(overrides=SelectionOverrides(ignore=["NEU101"]))["article-001.md"]
    # article-000 points at "Missing 0"; creating that article resolves it without touching 000.
    assert "SEE101" in codes()["article-000.md"]
    (root / "missing-0.md").write_text("# Missing 0\n\nA page.[^1]\n\n[^1]: A source.\n")
    assert "SEE101" not in codes()["article-000.md"]


def _check_into(arguments) -> list:
    root, cache = arguments
    return summary(_run(Path(root), Path(cache), jobs=1))


def test_concurrent_runs_share_one_cache_safely(tmp_path):
    root, cache = tmp_path / "content", tmp_path / "cache"
    write_repository(root, count=30)
    with multiprocessing.get_context("spawn").Pool(3) as pool:
        outcomes = pool.map(_check_into, [(str(root), str(cache))] * 3)
    assert outcomes[0] == outcomes[1] == outcomes[2]
    entries = _entries(cache)
    assert len(entries) == 30
    assert all(json.loads(p.read_bytes())["format"] == 1 for p in entries)
    assert summary(_run(root, cache)) == outcomes[0]


def test_old_run_folders_are_pruned(tmp_path):
    for number in range(8):
        (tmp_path / "results" / f"run{number}").mkdir(parents=True)
        (tmp_path / "results" / f"run{number}" / RUN_TAG).write_bytes(RUN_TAG_TEXT)
    cache = ResultCache(tmp_path, "current" + "0" * 40)
    cache.folder.mkdir(parents=True)
    cache.prune()
    assert len(list((tmp_path / "results").iterdir())) == 5


def test_cli_uses_the_cache_beside_the_config(cli, tmp_path):
    write_repository(tmp_path, count=3)
    first = cli("check", "--format", "json", ".", cwd=tmp_path)
    assert len(_entries(tmp_path / ".editlint_cache")) == 3
    second = cli("check", "--format", "json", ".", cwd=tmp_path)
    assert first.stdout == second.stdout and first.returncode == second.returncode == 1
    other = tmp_path / "other"
    write_repository(other, count=2)
    cli("check", "--no-cache", ".", cwd=other)
    assert not (other / ".editlint_cache").exists()


def test_two_names_of_one_file_are_two_entries(tmp_path):
    # Findings depend on the name a file is checked under (its title may come from it), so a
    # link and its target never share an entry; the same name, relative or absolute, does.
    (tmp_path / "real.md").write_text("Text.\n")
    (tmp_path / "alias.md").symlink_to("real.md")
    cache = ResultCache(tmp_path, "current" + "0" * 40)
    raw = b"Text.\n"
    real = cache.key(tmp_path / "real.md", raw)
    assert cache.key(tmp_path / "alias.md", raw) != real
    assert cache.key(tmp_path / "sub" / ".." / "real.md", raw) == real


def _mark_cached_messages(cache: Path) -> int:
    """Rewrite every cached finding's message; return how many there were."""
    marked = 0
    for path in _entries(cache):
        entry = json.loads(path.read_bytes())
        for item in entry["diagnostics"]:
            item["message"] = "from the cache"
            marked += 1
        path.write_text(json.dumps(entry))
    return marked


def _messages(result) -> list[str]:
    assert result.returncode == 1, result.stderr
    return [d["message"] for d in json.loads(result.stdout)["diagnostics"]]


def test_a_plain_folder_without_config_or_git_is_cached_in_the_working_folder(cli, tmp_path):
    write_repository(tmp_path, count=3)
    (tmp_path / "editlint.yaml").unlink()
    cold = cli("check", "--format", "json", ".", cwd=tmp_path)
    cache = tmp_path / ".editlint_cache"
    assert (cache / ".gitignore").read_text() == (
        "# Made by editlint: a cache, safe to delete; git ignores all of it.\n*\n"
    )
    assert len(_entries(cache)) == 3
    marked = _mark_cached_messages(cache)
    warm = cli("check", "--format", "json", ".", cwd=tmp_path)
    assert marked == len(_messages(cold)) > 0
    assert _messages(warm) == ["from the cache"] * marked


def test_without_config_a_git_work_tree_caches_at_its_top_and_git_ignores_it(cli, tmp_path):
    import subprocess

    write_repository(tmp_path / "articles", count=2)
    (tmp_path / "articles" / "editlint.yaml").unlink()
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    cli("check", "--format", "json", ".", cwd=tmp_path / "articles")
    assert len(_entries(tmp_path / ".editlint_cache")) == 2
    assert not (tmp_path / "articles" / ".editlint_cache").exists()
    status = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=all"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert status.splitlines() and ".editlint_cache" not in status


def test_an_existing_cache_dir_named_on_the_command_line_is_not_given_a_gitignore(cli, tmp_path):
    write_repository(tmp_path / "wiki", count=1)
    mine = tmp_path / "mine"
    mine.mkdir()
    cli("check", "--cache-dir", str(mine), ".", cwd=tmp_path / "wiki")
    assert (mine / "results").is_dir() and not (mine / ".gitignore").exists()
