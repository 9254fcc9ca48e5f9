"""The Python API: check texts and paths, get typed diagnostics back.

::

    import editlint

    for d in editlint.check_text("A legendary general.", path="content/general.md"):
        line, column = editlint.line_column(text, d.start)
        print(d.code, d.severity.value, line, column, d.message)

    for result in editlint.check_paths(["content/"], config={"select": ["SEE"]}):
        print(result.path, len(result.diagnostics))

Diagnostics carry character offsets (``start``, ``end``) into the checked text, a rule ``code``,
``severity``, ``category``, ``message`` and an optional ``fix`` (edits plus how safe they are).
See ``docs/api.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeAlias

from editlint.config.model import LoadedConfig, config_from_mapping, config_near, load_config
from editlint.diagnostics import Diagnostic
from editlint.document.lines import LineIndex
from editlint.engine.runner import Checker, FileResult

ConfigLike: TypeAlias = LoadedConfig | Mapping[str, Any] | str | Path | None
"""What ``config=`` accepts: None (find ``editlint.yaml`` upward from the checked path), a
path to a config file, a mapping with the same keys as ``editlint.yaml``, or a loaded config."""


def check_text(
    text: str, path: str | Path | None = None, config: ConfigLike = None
) -> list[Diagnostic]:
    """Check ``text`` as if it were the file at ``path``; return its findings in text order.

    ``path`` need not exist: it picks the format (``.txt`` is a plain-text export, anything else
    Markdown), the config found upward from it, ``per-file-ignores``, and the article's own
    place in the content index (see-also targets resolve against the config's content root).
    Raises ``editlint.errors.UsageError`` for an invalid config; never for bad text (a text that
    cannot be parsed is an ``INP`` finding).
    """
    file_path = Path(path) if path is not None else None
    start = file_path.parent if file_path is not None else Path.cwd()
    return _checker(config, start).check_text(text, file_path).diagnostics


def check_paths(paths: Iterable[str | Path], config: ConfigLike = None) -> list[FileResult]:
    """Check files and folders (folders are walked for articles, ``.gitignore`` respected).

    Returns one ``FileResult`` per article: its ``path``, its ``text`` (None when it could not
    be read) and its ``diagnostics``; a MediaWiki XML dump named here is one result with the
    findings of all its pages (``result.lines`` places them in the dump). The content index is
    built once for all of them. Raises
    ``editlint.errors.UsageError`` for a missing path or an invalid config.
    """
    from editlint.files.discovery import collect_files
    from editlint.files.dumpnames import is_dump

    path_list = [Path(p) for p in paths]
    checker = _checker(config, path_list[0] if path_list else Path.cwd())
    from editlint.engine.gc_tuning import collecting_rarely

    files = collect_files(path_list, checker.loaded.config.exclude)
    with collecting_rarely():
        if any(is_dump(path) for path in files):
            from editlint.engine.dumps import check_dump

            return [
                check_dump(checker, path, jobs=1) if is_dump(path) else checker.check_file(path)
                for path in files
            ]
        return [checker.check_file(path) for path in files]


def line_column(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column (counted in characters) of ``offset`` in ``text``."""
    return LineIndex(text).position(offset)


def _checker(config: ConfigLike, start: Path) -> Checker:
    if isinstance(config, LoadedConfig):
        return Checker(config)
    if config is None:
        return Checker(config_near(start))
    folder = start if start.is_dir() else start.parent
    if isinstance(config, Mapping):
        return Checker(config_from_mapping(dict(config), folder))
    path = Path(config)
    return Checker(load_config(path, path.parent, named=True))
