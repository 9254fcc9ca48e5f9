"""Load YAML for config files and rule packs, and name the line of any bad key."""

from __future__ import annotations

import typing
from pathlib import Path
from typing import Any

from editlint.errors import ConfigError
from editlint.models import is_model, validator
from editlint.validated import ValidatedStore
from editlint.yamlguard import find_problem


def load_yaml(text: str, path: Path | str) -> Any:
    """Parse YAML keeping positions; syntax errors become a ConfigError with the line."""
    problem = find_problem(text)
    if problem is not None:
        raise ConfigError(problem.message, path, problem.line + 1)
    # Deferred: a check with no YAML config, or only the shipped packs, never loads ruamel.
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    try:
        return yaml.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = error.problem or error.context or "invalid YAML"
        raise ConfigError(f"invalid YAML: {problem}", path, line) from None
    except YAMLError as error:
        raise ConfigError(f"invalid YAML: {error}", path) from None


def validate(
    model: type,
    data: Any,
    path: Path | str,
    base_line: int = 0,
    known: ValidatedStore | None = None,
) -> Any:
    """Validate ``data`` against ``model``; the first error names its file, line and key.
    With ``known``, what an earlier run's validation gave for the same data is rebuilt
    (without importing pydantic, which validates everything else)."""
    plain = to_plain(data)
    if known is not None:
        found = known.get(model, plain)
        if found is not None:
            return found
    from pydantic import ValidationError

    try:
        validated = validator(model).validate_python(plain)
    except ValidationError as error:
        first = error.errors()[0]
        location = tuple(first["loc"])
        line = line_of(data, location)
        key = ".".join(str(part) for part in location) or "(top level)"
        message = _describe(first, model, location)
        raise ConfigError(f"{key}: {message}", path, (line or 1) + base_line) from None
    if known is not None:
        known.put(model, plain, validated)
    return validated


#: Errors pydantic words differently for a dataclass than for its own models, in the
#: models' words (the messages editlint gave when its models were pydantic models).
_MESSAGES = {"missing_argument": "Field required"}


def _describe(error: dict, model: type, location: tuple) -> str:
    if error["type"] in ("extra_forbidden", "unexpected_keyword_argument"):
        known = _known_keys(model, location[:-1])
        import difflib  # deferred: only an unknown key needs it

        close = difflib.get_close_matches(str(location[-1]), known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"unknown key{hint}"
    if error["type"] in ("dataclass_type", "dataclass_exact_type"):
        return f"Input should be a valid dictionary or instance of {error['ctx']['class_name']}"
    return _MESSAGES.get(error["type"], error["msg"])


def _known_keys(model: type, location: tuple) -> list[str]:
    """The field names of the model at ``location`` (through fields that are models)."""
    current: Any = model
    for part in location:
        fields = _field_types(current)
        if isinstance(part, int) or fields is None:
            continue
        current = fields.get(str(part))
    fields = _field_types(current)
    return list(fields) if fields is not None else []


def _field_types(model: Any) -> dict[str, Any] | None:
    """A model's fields and their types; None when ``model`` is not one."""
    if is_model(model):
        return typing.get_type_hints(model)
    fields = getattr(model, "model_fields", None)  # a Python rule's pydantic options model
    if isinstance(fields, dict):
        return {name: field.annotation for name, field in fields.items()}
    return None


def line_of(data: Any, location: tuple) -> int | None:
    """The 1-based line of the node at ``location`` in ruamel-loaded ``data``."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq  # only an error needs a line

    line = None
    node = data
    for part in location:
        if isinstance(node, CommentedMap) and part in node:
            line = node.lc.key(part)[0] + 1
            node = node[part]
        elif isinstance(node, CommentedMap):
            continue  # a union branch name (the ``kind`` tag): look in the same node
        elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
            line = node.lc.item(part)[0] + 1
            node = node[part]
        else:
            continue
    if line is None and hasattr(data, "lc"):
        line = data.lc.line + 1
    return line


def to_plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): to_plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [to_plain(item) for item in value]
    return value
