"""Where a config file is: found by name, searching upward; nothing is parsed or validated.

Kept apart from ``engine.config`` (typed models) so that finding the config costs no import of
its models: the command line looks for a running daemon (``editlint.daemon``) with this alone.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

if TYPE_CHECKING:
    from pathlib import Path

CACHE_DIR_NAME = ".editlint_cache"
CONFIG_NAMES = ("editlint.yaml", ".editlint.yaml", "editlint.yml", ".editlint.yml")


def find_config(start: Path) -> Path | None:
    """The nearest config file in ``start`` or a parent folder, by name: a file reached through
    a linked folder belongs to the repository that holds the link (which refuses it when the
    link leads out), not to wherever the link points."""
    from pathlib import Path

    found = config_file_near(os.fspath(start))
    return Path(found) if found is not None else None


def config_file_near(start: str) -> str | None:
    """``find_config`` on path strings (no pathlib: the daemon client imports this)."""
    start = os.path.abspath(start)
    folder = start if os.path.isdir(start) else os.path.dirname(start)
    while True:
        for name in CONFIG_NAMES:
            if os.path.isfile(candidate := os.path.join(folder, name)):
                return candidate
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and _has_tool_section(pyproject):
            return pyproject
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _has_tool_section(pyproject: str) -> bool:
    import tomllib

    try:
        with open(pyproject, encoding="utf-8") as handle:
            return "editlint" in tomllib.loads(handle.read()).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
