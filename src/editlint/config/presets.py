"""Named presets usable as ``extends: [editlint:strict]``."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def preset_path(name: str) -> Path | None:
    candidate = Path(str(resources.files("editlint.presets") / f"{name}.yaml"))
    return candidate if candidate.is_file() else None
