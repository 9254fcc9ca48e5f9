"""How far the content index reaches without a config: a loose file is not a repository."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from editlint.config.model import config_near
from editlint.engine.runner import Checker

ARTICLE = """# Harbour

The harbour opened in 1850.

## See also

- [[Beside]]
- [[Deep Article]]
"""


@pytest.fixture
def loose(tmp_path: Path) -> Path:
    """A folder of notes, no config and no git: an article, one beside it, one in a subfolder."""
    folder = tmp_path / "notes"
    (folder / "sub").mkdir(parents=True)
    (folder / "harbour.md").write_text(ARTICLE)
    (folder / "beside.md").write_text("# Beside\n\nText.\n")
    (folder / "sub" / "deep.md").write_text("# Deep Article\n\nText.\n")
    return folder


def indexed(start: Path) -> list[str]:
    index = Checker(config_near(start)).index
    return sorted(Path(a.file).relative_to(index.root).as_posix() for a in index.articles)


def unresolved(cli, folder: Path, target: str) -> list[str]:
    result = cli("check", "--format", "json", "--select", "SEE101", target, cwd=folder)
    assert result.returncode in (0, 1), result.stderr
    return [d["message"] for d in json.loads(result.stdout)["diagnostics"]]


def test_one_loose_file_indexes_only_its_own_folder(cli, loose):
    assert indexed(loose / "harbour.md") == ["beside.md", "harbour.md"]
    assert unresolved(cli, loose, "harbour.md") == [
        "See-also target 'Deep Article' is not an article in the content repository"
    ]


def test_a_checked_folder_is_indexed_with_its_subfolders(cli, loose):
    assert indexed(loose) == ["beside.md", "harbour.md", "sub/deep.md"]
    assert unresolved(cli, loose, ".") == []


def test_a_file_in_a_git_work_tree_is_indexed_with_subfolders(cli, loose):
    subprocess.run(["git", "init", "-q", str(loose)], check=True)
    assert indexed(loose / "harbour.md") == ["beside.md", "harbour.md", "sub/deep.md"]
    assert unresolved(cli, loose, "harbour.md") == []


def test_a_config_sets_the_content_root_whatever_is_checked(cli, loose):
    (loose / "editlint.yaml").write_text("select: [SEE101]\n")
    assert indexed(loose / "harbour.md") == ["beside.md", "harbour.md", "sub/deep.md"]
    assert unresolved(cli, loose, "harbour.md") == []
