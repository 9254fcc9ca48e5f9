"""Front matter, YAML (``---``), TOML (``+++``) or JSON (a leading ``{...}`` object, as Hugo
reads it): find it, parse it safely, remember where list items sit."""

from __future__ import annotations

import json
import re

from editlint.document.errors import InputError
from editlint.document.model import FrontMatter

_OPENING = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)

_TOML_OPENING = re.compile(r"\A(?:\ufeff)?\+\+\+[ \t]*\r?\n")
_TOML_CLOSING = re.compile(r"^\+\+\+[ \t]*(?:\r?\n|\Z)", re.MULTILINE)
#: JSON front matter: an object opening the file, its first key or its end right after '{'.
_JSON_OPENING = re.compile(r"\A(?:\ufeff)?\{(?=\s*[\"}])")
_JSON_STRING = re.compile(r"\"(?:[^\"\\\n]|\\.)*+\"?|\]")
_TOML_STRING = re.compile(r"\"(?:[^\"\\\n]|\\.)*+\"?|'[^'\n]*+'?|\]")  # unclosed too: linear

#: Keys whose list items get source spans (for see-also checks and fixes).
SPANNED_LIST_KEYS = ("see_also", "aliases", "redirect_from")


def split_front_matter(text: str) -> tuple[int, int, int] | None:
    """Return (yaml_start, yaml_end, body_start) offsets, or None when there is none.

    Raises InputError for an opening delimiter that is never closed.
    """
    return _split(text, _OPENING, _CLOSING, "---")


def split_toml_front_matter(text: str) -> tuple[int, int, int] | None:
    """Like ``split_front_matter``, for TOML front matter between ``+++`` lines."""
    return _split(text, _TOML_OPENING, _TOML_CLOSING, "+++")


def _split(
    text: str, opening_line: re.Pattern, closing_line: re.Pattern, fence: str
) -> tuple[int, int, int] | None:
    """(start, end, body start) of the front matter between ``fence`` lines, or None."""
    opening = opening_line.match(text)
    if not opening:
        return None
    closing = closing_line.search(text, opening.end())
    if not closing:
        raise InputError(f"front matter opened with '{fence}' is never closed", 0)
    return opening.end(), closing.start(), closing.end()


def parse_toml_front_matter(text: str) -> FrontMatter | None:
    """Parse TOML front matter (Hugo's ``+++``) into plain data with list item spans."""
    bounds = split_toml_front_matter(text)
    if bounds is None:
        return None
    toml_start, toml_end, body_start = bounds
    source = text[toml_start:toml_end]
    import tomllib  # deferred: most articles have no TOML front matter

    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise InputError(f"invalid TOML in front matter: {error}", toml_start) from None
    except RecursionError:
        raise InputError("front matter refused: nesting too deep", toml_start) from None
    spans = {
        key: _toml_item_spans(source, key, toml_start)
        for key in SPANNED_LIST_KEYS
        if isinstance(data.get(key), list)
    }
    return FrontMatter(
        data=plain_data(data), start=0, end=body_start, body_start=body_start, item_spans=spans
    )


def _toml_item_spans(source: str, key: str, base: int) -> list[tuple[int, int]]:
    """Spans of the strings of an inline array ``key = ["a", 'b']``."""
    opener = re.compile(rf"^[ \t]*{re.escape(key)}[ \t]*=[ \t]*\[", re.MULTILINE)
    return _array_item_spans(source, opener, _TOML_STRING, base)


def _array_item_spans(
    source: str, opener: re.Pattern, strings: re.Pattern, base: int
) -> list[tuple[int, int]]:
    """Spans (offset by ``base``) of the ``strings`` after the first ``opener`` of an array,
    up to its closing bracket."""
    found = opener.search(source)
    if not found:
        return []
    spans = []
    for match in strings.finditer(source, found.end()):
        if match.group(0) == "]":
            break
        spans.append((base + match.start(), base + match.end()))
    return spans


def has_json_front_matter(text: str) -> bool:
    return _JSON_OPENING.match(text) is not None


def parse_json_front_matter(text: str) -> FrontMatter | None:
    """Parse JSON front matter (an object opening the text; the body starts on the line
    after its closing brace) into plain data with list item spans."""
    opening = _JSON_OPENING.match(text)
    if opening is None:
        return None
    start = opening.start() + (1 if text.startswith("\ufeff") else 0)
    try:
        data, end = json.JSONDecoder(object_pairs_hook=_unique_keys).raw_decode(text, start)
    except json.JSONDecodeError as error:
        raise InputError(f"invalid JSON in front matter: {error.msg}", error.pos) from None
    except RecursionError:
        raise InputError("front matter refused: nesting too deep", start) from None
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    if text[end:line_end].strip():
        raise InputError("JSON front matter: text after its closing brace on the line", end)
    body_start = min(len(text), line_end + 1)
    source = text[start:end]
    spans = {
        key: _json_item_spans(source, key, start)
        for key in SPANNED_LIST_KEYS
        if isinstance(data.get(key), list)
    }
    return FrontMatter(
        data=plain_data(data), start=0, end=body_start, body_start=body_start, item_spans=spans
    )


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    found: dict = {}
    for key, value in pairs:
        if key in found:
            raise InputError(f"invalid JSON in front matter: duplicate key {key!r}", 0)
        found[key] = value
    return found


def _json_item_spans(source: str, key: str, base: int) -> list[tuple[int, int]]:
    """Spans of the strings of the array ``"key": ["a", "b"]`` (quotes included)."""
    opener = re.compile(rf"\"{re.escape(key)}\"\s*:\s*\[")
    return _array_item_spans(source, opener, _JSON_STRING, base)


def parse_front_matter(text: str) -> FrontMatter | None:
    """Parse the front matter of ``text`` (YAML, TOML between ``+++`` lines, or a leading
    JSON object) into plain Python data with item spans."""
    if text.startswith("+++") or text.startswith("\ufeff+++"):
        return parse_toml_front_matter(text)
    if has_json_front_matter(text):
        return parse_json_front_matter(text)
    bounds = split_front_matter(text)
    if bounds is None:
        return None
    yaml_start, yaml_end, body_start = bounds
    # PyYAML is imported only where YAML front matter occurs (about 12 ms of start-up)
    from editlint.document.yaml_front_matter import YamlFrontMatterError, read_yaml_front_matter

    try:
        read = read_yaml_front_matter(text[yaml_start:yaml_end], SPANNED_LIST_KEYS)
    except YamlFrontMatterError as error:
        raise InputError(error.message, yaml_start + error.offset) from None
    item_spans = {
        key: [(yaml_start + start, yaml_start + end) for start, end in spans]
        for key, spans in read.item_spans.items()
    }
    return FrontMatter(
        data=read.data, start=0, end=body_start, body_start=body_start, item_spans=item_spans
    )


def plain_data(value):
    """Plain dicts with string keys, lists and scalars; anything else (a TOML date) as text."""
    if isinstance(value, dict):
        return {str(key): plain_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain_data(item) for item in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)
