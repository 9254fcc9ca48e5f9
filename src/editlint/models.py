"""Models declared once, as stdlib dataclasses, that pydantic validates only when asked.

The config, the rule packs and the rules' options are plain dataclasses: a run whose inputs
an earlier run validated (``editlint.validated``) builds them without importing pydantic.
What pydantic needs to validate them rides along in forms it reads only then: field
descriptions, alternative key names and constraints (``ge``, ``min_length``, ``pattern``) in
the field's metadata (``option``), checks in ``After`` / ``Before`` annotations, a tagged
union in ``Tagged``, a whole-model check in ``__post_init__``, and ``extra="forbid"`` in the
class's ``__pydantic_config__`` (``model``).
"""

from __future__ import annotations

import dataclasses
import enum
import functools
from collections.abc import Callable, Iterator, Mapping
from typing import Any

#: What every model forbids and allows, as pydantic reads it (a plain ``ConfigDict``).
_CONFIG = {"extra": "forbid", "populate_by_name": True}


def model(cls: type) -> type:
    """``cls`` as a model: a keyword-only dataclass that pydantic validates strictly."""
    cls.__pydantic_config__ = dict(_CONFIG)
    return dataclasses.dataclass(kw_only=True)(cls)


def option(
    default: Any = dataclasses.MISSING,
    *,
    factory: Callable[[], Any] | None = None,
    description: str | None = None,
    names: tuple[str, ...] = (),
    **constraints: Any,
) -> Any:
    """A field with its default (or ``factory``), the ``description`` the JSON schema shows,
    the other key ``names`` it may be written with, and pydantic ``constraints``."""
    metadata = FieldMeta(description, names, constraints)
    if factory is not None:
        return dataclasses.field(default_factory=factory, metadata=metadata)
    return dataclasses.field(default=default, metadata=metadata)


def hyphenated(name: str) -> tuple[str, ...]:
    """``name`` and its spelling with hyphens: the keys a config field may be written with."""
    return (name, name.replace("_", "-"))


class FieldMeta(Mapping):
    """A field's keyword arguments for pydantic's ``Field``; the key names become an
    ``AliasChoices`` only when read (when pydantic builds a validator). ``names`` (which
    pydantic does not read) gives them as they were declared."""

    def __init__(self, description: str | None, names: tuple[str, ...], constraints: dict):
        self.description = description
        self.names = names
        self.constraints = constraints
        self._keys = [*constraints]
        if description is not None:
            self._keys.append("description")
        if names:
            self._keys += ["validation_alias", "names"]

    def __getitem__(self, key: str) -> Any:
        if key == "names" and self.names:
            return self.names
        if key == "description" and self.description is not None:
            return self.description
        if key == "validation_alias" and self.names:
            from pydantic import AliasChoices

            return AliasChoices(*self.names)
        return self.constraints[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys)

    def __len__(self) -> int:
        return len(self._keys)


class After:
    """An annotation: ``check(value)`` (or ``check(value, info)``) runs after validation."""

    def __init__(self, check: Callable[..., Any], with_info: bool = False) -> None:
        self.check = check
        self.with_info = with_info

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        if self.with_info:
            return core_schema.with_info_after_validator_function(self.check, handler(source))
        return core_schema.no_info_after_validator_function(self.check, handler(source))


class Before:
    """An annotation: ``convert(value)`` runs on the input before validation."""

    def __init__(self, convert: Callable[[Any], Any]) -> None:
        self.convert = convert

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from pydantic_core import core_schema

        return core_schema.no_info_before_validator_function(self.convert, handler(source))


class Tagged:
    """An annotation of a union of models: the ``tag`` field picks the member."""

    def __init__(self, tag: str) -> None:
        self.tag = tag

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> Any:
        from typing import Annotated

        from pydantic import Discriminator

        return handler.generate_schema(Annotated[source, Discriminator(self.tag)])


def is_model(annotation: Any) -> bool:
    """Whether ``annotation`` is a model class (a dataclass)."""
    return isinstance(annotation, type) and dataclasses.is_dataclass(annotation)


def fields_of(model_class: type) -> dict[str, dataclasses.Field]:
    """A model's fields by name, in declaration order."""
    return {field.name: field for field in dataclasses.fields(model_class)}


def key_names(field: dataclasses.Field) -> tuple[str, ...]:
    """The keys a field may be written with (its name when it declares none)."""
    return field.metadata.get("names", (field.name,))


def default_of(field: dataclasses.Field) -> Any:
    """A field's default value (a new one from its factory), or MISSING."""
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return field.default


def plain(value: Any) -> Any:
    """``value`` (a model, or lists and mappings of them) as JSON data: enums by value."""
    if is_model(type(value)):
        return {
            field.name: plain(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, enum.Enum):
        return value.value
    return value


def given(value: Any) -> dict[str, Any]:
    """The fields of a model that are not left at their default, as JSON data: what
    validation was given (a default value is kept, not copied, by validation)."""
    data = {}
    for field in dataclasses.fields(value):
        current = getattr(value, field.name)
        if field.default is not dataclasses.MISSING and current is field.default:
            continue
        data[field.name] = plain(current)
    return data


@functools.cache
def validator(model_class: Any) -> Any:
    """pydantic's validator of ``model_class`` (a model or an annotated type), built once per
    process: its ``validate_python`` and ``json_schema``. The only place pydantic is imported."""
    from pydantic import TypeAdapter

    return TypeAdapter(model_class)
