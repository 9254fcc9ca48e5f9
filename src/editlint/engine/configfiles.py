"""Where a config file is: found by name, searching upward; nothing is parsed or validated.

Kept apart from ``engine.config`` (typed models) so that finding the config costs no import of
its models: the command line looks for a running daemon (``editlint.daemon``) with this alone.
"""

from __future__ import annotations

import os
from pathlib import Path

CACHE_DIR_NAME = ".editlint_cache"
CONFIG_NAMES = ("editlint.yaml", ".editlint.yaml", "editlint.yml", ".editlint.yml")


def find_config(start: Path) -> Path | None:
    """The nearest config file in ``start`` or a parent folder, by name: a file reached through
    a linked folder belongs to the repository that holds the link (which refuses it when the
    link leads out), not to wherever the link points."""
    start = Path(os.path.abspath(start))
    folder = start if start.is_dir() else start.parent
    for candidate in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            if (candidate / name).is_file():
                return candidate / name
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _has_tool_section(pyproject):
            return pyproject
    return None


def _has_tool_section(pyproject: Path) -> bool:
    import tomllib

    try:
        return "editlint" in tomllib.loads(pyproject.read_text("utf-8")).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
