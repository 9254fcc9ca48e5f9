"""The Python API: check texts and paths, get typed diagnostics back."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from editlint.diagnostics import Diagnostic
from editlint.engine.config import LoadedConfig, find_config, load_config
from editlint.engine.runner import Checker, FileResult


def _checker(config: LoadedConfig | str | Path | None, start: Path) -> Checker:
    if isinstance(config, LoadedConfig):
        return Checker(config)
    if config is None:
        return Checker(load_config(find_config(start), start if start.is_dir() else start.parent))
    path = Path(config)
    return Checker(load_config(path, path.parent))


def check_text(
    text: str, path: str | Path | None = None, config: LoadedConfig | str | Path | None = None
) -> list[Diagnostic]:
    """Check ``text`` as if it were the file at ``path`` (which need not exist)."""
    file_path = Path(path) if path is not None else None
    start = file_path.parent if file_path is not None else Path.cwd()
    return _checker(config, start).check_text(text, file_path).diagnostics


def check_paths(
    paths: Iterable[str | Path], config: LoadedConfig | str | Path | None = None
) -> list[FileResult]:
    """Check files and folders; one FileResult per article found."""
    from editlint.engine.files import collect_files

    path_list = [Path(p) for p in paths]
    checker = _checker(config, path_list[0] if path_list else Path.cwd())
    return [checker.check_file(path) for path in collect_files(path_list, checker.loaded.config.exclude)]
