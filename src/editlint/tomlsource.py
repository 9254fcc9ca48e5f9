"""Read ``[tool.editlint]`` of a pyproject.toml with the line of every key, as YAML configs are.

tomllib parses and gives no positions; the lines come from one pass over the text that reads
table headers (``[tool.editlint.severity]``) and keys (``select =``, ``links.anchors =``, the
keys of an inline table on the key's line). The data is returned as ruamel's positioned
containers, so ``yamlsource.line_of`` names the line of a bad key in either format.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from editlint.errors import ConfigError

SECTION = ("tool", "editlint")
_PART = r'(?:[A-Za-z0-9_-]+|"[^"\n]*"|\'[^\'\n]*\')'
_DOTTED = rf"{_PART}(?:[ \t]*\.[ \t]*{_PART})*"
_HEADER = re.compile(rf"^[ \t]*\[\[?[ \t]*({_DOTTED})[ \t]*\]\]?")
_KEY = re.compile(rf"^[ \t]*({_DOTTED})[ \t]*=")
_INLINE_KEY = re.compile(rf"[{{,][ \t]*({_DOTTED})[ \t]*=")
_SPLIT = re.compile(_PART)


def load_tool_section(text: str, path: Path | str) -> Any:
    """``[tool.editlint]`` of ``text`` as positioned mappings; a ConfigError if not TOML."""
    import tomllib  # deferred, as ruamel is: imported with the config code, used for TOML alone

    try:
        data = tomllib.loads(text).get("tool", {}).get("editlint", {})
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"invalid TOML: {error}", path) from None
    return _positioned(data, (), key_lines(text), 0)


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """The 0-based line of every key under ``[tool.editlint]``, by its path below it."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines()):
        header = _HEADER.match(line)
        if header:
            table = _parts(header.group(1))
            if table[:2] == SECTION:
                lines.setdefault(table[2:], number)
            continue
        key = _KEY.match(line)
        if not key or table[:2] != SECTION:
            continue
        path = table[2:] + _parts(key.group(1))
        lines.setdefault(path, number)
        for inline in _INLINE_KEY.finditer(line, key.end()):
            lines.setdefault(path + _parts(inline.group(1)), number)
    return lines


def _parts(dotted: str) -> tuple[str, ...]:
    return tuple(part.strip("\"'") for part in _SPLIT.findall(dotted))


def _positioned(value: Any, path: tuple, lines: dict[tuple[str, ...], int], line: int) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq  # a TOML config only

    if isinstance(value, dict):
        mapping = CommentedMap()
        mapping._yaml_set_line_col(line, 0)
        for key, item in value.items():
            own = lines.get((*path, key), line)
            mapping[key] = _positioned(item, (*path, key), lines, own)
            mapping.lc.add_kv_line_col(key, [own, 0, own, 0])
        return mapping
    if isinstance(value, list):
        sequence = CommentedSeq(_positioned(item, path, lines, line) for item in value)
        for index in range(len(value)):
            sequence.lc.add_kv_line_col(index, [line, 0, line, 0])
        return sequence
    return value
