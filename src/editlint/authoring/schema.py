"""The JSON Schema of ``editlint.yaml``, generated from the config models and shipped as JSON."""

from __future__ import annotations

import dataclasses
import json
import typing
from importlib import resources
from typing import Any

from editlint.config.model import Config
from editlint.models import default_of, fields_of, is_model, key_names, plain, validator

SCHEMA_FILE = "config.schema.json"
_DESCRIPTION = "editlint configuration (editlint.yaml, or [tool.editlint] in pyproject.toml)."
DRAFT = "https://json-schema.org/draft/2020-12/schema"


def config_schema() -> dict[str, Any]:
    """The schema: every key under each name the loader accepts, and built-in rules' options."""
    schema = validator(Config).json_schema(ref_template="#/$defs/{model}")
    _complete_properties(schema, Config)
    for model in _nested_models(Config):
        _complete_properties(schema["$defs"][model.__name__], model)
    _add_rule_options(schema)
    schema.update(title="editlint.yaml", description=_DESCRIPTION)
    return {"$schema": DRAFT, **schema}


def render_schema() -> str:
    """The schema as the text of the shipped file."""
    return json.dumps(config_schema(), indent=2, ensure_ascii=False) + "\n"


def shipped_schema_text() -> str:
    """The schema file installed with editlint (what ``editlint schema`` prints)."""
    return resources.files("editlint").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")


def _nested_models(model: type) -> list[type]:
    """The models used as field types of ``model``, recursively."""
    found = []
    for kind in typing.get_type_hints(model).values():
        if is_model(kind):
            found.extend([kind, *_nested_models(kind)])
    return found


def _complete_properties(schema: dict[str, Any], model: type) -> None:
    """Add the defaults made by factories, and list every accepted name (``fail-on`` too)."""
    properties = schema.get("properties", {})
    for name, field in fields_of(model).items():
        if name not in properties:
            continue
        if field.default_factory is not dataclasses.MISSING:
            default = default_of(field)
            if not is_model(type(default)):
                properties[name]["default"] = plain(default)
        for choice in key_names(field):
            if choice != name:
                described = properties[name].get("description", "")
                note = f"{described} (Same as '{name}'.)".strip()
                properties[choice] = {**properties[name], "description": note}


def _add_rule_options(schema: dict[str, Any]) -> None:
    """Give each built-in rule that takes options its own entry under ``rules``."""
    from editlint.rules.registry import builtin_python_rules

    rules = schema["properties"]["rules"]
    definitions = schema.setdefault("$defs", {})
    for rule in builtin_python_rules():
        if not fields_of(rule.options_model):
            continue
        options = validator(rule.options_model).json_schema(ref_template="#/$defs/{model}")
        _complete_properties(options, rule.options_model)
        definitions.update(options.pop("$defs", {}))
        options["description"] = f"Options of {rule.code} ({rule.name})."
        rules.setdefault("properties", {})[rule.code] = options
