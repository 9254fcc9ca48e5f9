"""Where this editlint was installed from: the repository and commit ``editlint init`` names.

editlint has no release tag and no public URL, so an install snippet can only work if it names
the repository and commit the user really has. pip records them (``direct_url.json``, PEP 610):
a ``git+URL@commit`` install gives both; an install from a local folder (editable or not)
gives the folder, whose commit git tells when the folder is a clone of editlint; so does
running from a clone's ``src`` folder. Anything else is unknown, and the snippets show
placeholders that the documentation explains.
"""

from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path
from urllib.parse import unquote, urlparse

#: What the snippets show when the source is unknown (docs/ci.md says what to put there).
REPO_PLACEHOLDER = "<editlint-repo>"
COMMIT_PLACEHOLDER = "<editlint-commit>"
_COMMIT = re.compile(r"^[0-9a-f]{40}$")
_GITHUB = re.compile(r"^(?:https://github\.com/|git@github\.com:)([\w.-]+/[\w.-]+?)(?:\.git)?/?$")


@dataclass(frozen=True)
class InstallSource:
    """A git repository (a path or URL that pre-commit and pip can clone) and a commit in it."""

    repo: str = REPO_PLACEHOLDER
    rev: str = COMMIT_PLACEHOLDER

    @property
    def known(self) -> bool:
        return self.repo != REPO_PLACEHOLDER

    @property
    def github(self) -> str | None:
        """``owner/name`` when the repository is on GitHub (a GitHub Action can use it)."""
        found = _GITHUB.match(self.repo)
        return found.group(1) if found else None


def install_source() -> InstallSource:
    """Where the running editlint came from: the clone it runs from (an editable install, or
    ``PYTHONPATH=src``), else what pip recorded, else placeholders."""
    checkout = clone_at(Path(__file__).resolve().parents[3])
    if checkout.known:
        return checkout
    try:
        recorded = distribution("editlint").read_text("direct_url.json")
    except PackageNotFoundError:
        return InstallSource()
    return source_of(recorded)


def source_of(direct_url: str | None) -> InstallSource:
    """The source a ``direct_url.json`` text names (PEP 610)."""
    try:
        data = json.loads(direct_url or "")
        url = str(data["url"])
    except (ValueError, KeyError, TypeError):
        return InstallSource()
    vcs = data.get("vcs_info") or {}
    if vcs.get("vcs") == "git" and _COMMIT.match(str(vcs.get("commit_id", ""))):
        return InstallSource(url, vcs["commit_id"])
    parsed = urlparse(url)
    if parsed.scheme != "file":
        return InstallSource()
    return clone_at(Path(unquote(parsed.path)))


def clone_at(folder: Path) -> InstallSource:
    """``folder`` and its commit when it is a git clone of editlint (it has the hooks file)."""
    commit = _head(folder) if (folder / ".pre-commit-hooks.yaml").is_file() else None
    return InstallSource(str(folder), commit) if commit else InstallSource()


def _head(folder: Path) -> str | None:
    try:
        result = subprocess.run(
            ["git", "-C", str(folder), "rev-parse", "--verify", "HEAD"],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    commit = result.stdout.strip()
    return commit if result.returncode == 0 and _COMMIT.match(commit) else None
