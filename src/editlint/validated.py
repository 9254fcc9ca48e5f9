"""Models validated by an earlier run, rebuilt without pydantic.

Importing pydantic and building a model's validator cost about a hundred milliseconds per
run for the config, the rule packs and the rules' options, the same every run. A
``ValidatedStore`` in the cache folder keeps what validation gave for each input (keyed by
the model, editlint's version and the input itself) and rebuilds it from there by calling
the model's dataclass constructor (``editlint.models``), which needs no pydantic. An entry
is written only when that rebuild was checked to equal what validation gave, so a rebuilt
model is the validated one; an input that is new or invalid is validated as before, with
the same errors.

What validating editlint's own inputs gives (the shipped packs as they read, the built-in
rules' default options) also ships with it, made at build time (``SEED_NAME`` beside the
packs, ``authoring/validated_seed.py``): a run with no cache folder, or a first run, rebuilds
them from there too, so it imports pydantic only for the user's own config and packs.
"""

from __future__ import annotations

import enum
import functools
import hashlib
import json
import types
import typing
from dataclasses import MISSING
from pathlib import Path
from typing import Any

from editlint._version import __version__
from editlint.cachefolder import make_cache_folder
from editlint.models import fields_of, given, is_model
from editlint.safefiles import contained, read_regular, write_by_rename

#: The store's folder inside the cache folder.
FOLDER = "validated"
#: The entries shipped for editlint's own inputs, beside the shipped packs.
SEED_NAME = "validated.json"
#: An entry larger than this is not read (the shipped packs take about 60 KB).
MAX_ENTRY_SIZE = 4 * 1024 * 1024
_TEMP_PREFIX = ".tmp-validated-"


class Unbuildable(Exception):
    """A value ``construct`` cannot rebuild for its annotation."""


class ValidatedStore:
    """Validated models kept in ``folder`` (``.editlint_cache/validated``), and the entries
    shipped for editlint's own inputs. Without a cache folder only those are read and
    nothing is written."""

    def __init__(self, cache_dir: Path | None) -> None:
        self.cache_dir = cache_dir
        self.folder = cache_dir / FOLDER if cache_dir is not None else None
        self._seed: dict[str, Any] | None = None

    @classmethod
    def in_cache(cls, cache_dir: Path | None) -> ValidatedStore:
        """The store of ``cache_dir``; with None (caches off), the shipped entries alone."""
        return cls(cache_dir)

    def get(self, model: type, plain: Any) -> Any:
        """The model validation gave for ``plain`` in an earlier run, rebuilt; else None."""
        key = _key([model.__module__, model.__qualname__, plain])
        if key is None:
            return None
        try:
            return construct(model, self._read(key))
        except Exception:  # missing, unreadable, planted or from an older layout: validate
            return None

    def put(self, model: type, plain: Any, validated: Any) -> None:
        """Keep ``validated`` (what validating ``plain`` gave) when a rebuild equals it."""
        key = _key([model.__module__, model.__qualname__, plain])
        if key is None or self.folder is None:
            return
        try:
            data = json.dumps(given(validated), allow_nan=False)
            if not same(construct(model, json.loads(data)), validated):
                return  # a value JSON cannot carry exactly: validate every time
            self._write(key, data)
        except (OSError, Unbuildable, TypeError, ValueError):
            return  # the cache is a help, never a requirement

    def recall(self, identity: list[str]) -> Any:
        """The plain value an earlier run kept under ``identity`` (``keep``), else None."""
        key = _key(["kept", *identity])
        try:
            return self._read(key) if key is not None else None
        except Exception:  # missing, unreadable or planted: as if never kept
            return None

    def keep(self, identity: list[str], value: Any) -> None:
        """Keep the plain JSON ``value`` under ``identity`` for the next run; a value JSON
        does not carry exactly (a date, a number key) is not kept."""
        key = _key(["kept", *identity])
        try:
            if key is not None and self.folder is not None:
                data = json.dumps(value, allow_nan=False)
                if json.loads(data) == value:
                    self._write(key, data)
        except (OSError, TypeError, ValueError):
            return  # the cache is a help, never a requirement

    def _read(self, key: str) -> Any:
        if self.folder is not None:
            try:
                return json.loads(read_regular(self.folder / f"{key}.json", MAX_ENTRY_SIZE))
            except Exception:  # missing, unreadable or planted: the shipped entry, if any
                pass
        return self._shipped()[key]

    def _shipped(self) -> dict[str, Any]:
        """The shipped entries, read on the first miss; none when the file is missing or
        damaged (everything is then validated, as without it)."""
        if self._seed is None:
            from editlint.rules.packs import builtin_pack_dir

            try:
                path = builtin_pack_dir() / SEED_NAME
                self._seed = json.loads(read_regular(path, MAX_ENTRY_SIZE))["entries"]
            except Exception:
                self._seed = {}
        return self._seed

    def _write(self, key: str, data: str) -> None:
        if self.cache_dir is None or self.folder is None:
            return  # caches off: nothing is written
        make_cache_folder(self.cache_dir)
        self.folder.mkdir(exist_ok=True)
        if not contained(self.folder, self.cache_dir):
            return  # a link planted out of the cache: not written through
        write_by_rename(
            self.folder / f"{key}.json", data.encode("utf-8"), self.folder, _TEMP_PREFIX
        )


def _key(parts: list) -> str | None:
    """An entry's name: editlint's version and ``parts`` (for a model: its name and the
    input); None when they are not plain JSON (a YAML date, say)."""
    try:
        text = json.dumps(
            [__version__, *parts], sort_keys=True, ensure_ascii=False, allow_nan=False
        )
    except (TypeError, ValueError):
        return None
    return hashlib.blake2b(text.encode("utf-8", "surrogateescape"), digest_size=20).hexdigest()


def same(rebuilt: Any, validated: Any) -> bool:
    """Whether two models are equal field by field, each value of the same type."""
    if type(rebuilt) is not type(validated):
        return False
    if not is_model(type(validated)):
        return rebuilt == validated
    return all(
        _same_values(getattr(rebuilt, name), getattr(validated, name))
        for name in fields_of(type(validated))
    )


def _same_values(one: Any, other: Any) -> bool:
    if isinstance(other, (list, tuple)):
        return (
            type(one) is type(other)
            and len(one) == len(other)
            and all(_same_values(a, b) for a, b in zip(one, other, strict=True))
        )
    if isinstance(other, dict):
        return (
            type(one) is type(other)
            and one.keys() == other.keys()
            and all(_same_values(one[key], other[key]) for key in other)
        )
    if type(one) is not type(other):
        return False
    return same(one, other) if is_model(type(other)) else one == other


def construct(model: type, data: Any) -> Any:
    """``model`` rebuilt from ``data`` (``models.given`` of a validated one) without
    validation: nested models, lists, mappings and enums rebuilt by their annotations."""
    if not isinstance(data, dict):
        raise Unbuildable(f"{model.__name__}: not a mapping")
    fields = fields_of(model)
    hints = _hints(model)
    values = {}
    for name, value in data.items():
        if name not in fields:
            raise Unbuildable(f"{model.__name__}: no field {name!r}")
        values[name] = _value(hints[name], value)
    return model(**values)


@functools.cache
def _hints(model: type) -> dict[str, Any]:
    """The model's field annotations, evaluated (its modules use ``from __future__ import
    annotations``)."""
    try:
        return typing.get_type_hints(model, include_extras=True)
    except Exception as error:  # a name only known when type checking
        raise Unbuildable(f"{model.__name__}: {error}") from None


def _value(annotation: Any, value: Any) -> Any:
    """``value`` as validation would have made it for ``annotation``."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _value(typing.get_args(annotation)[0], value)
    if origin in (typing.Union, types.UnionType):
        return _union(typing.get_args(annotation), value)
    if origin is list:
        (item,) = typing.get_args(annotation) or (Any,)
        if not isinstance(value, list):
            raise Unbuildable("not a list")
        return [_value(item, each) for each in value]
    if origin is dict:
        _, item = typing.get_args(annotation) or (str, Any)
        if not isinstance(value, dict):
            raise Unbuildable("not a mapping")
        return {key: _value(item, each) for key, each in value.items()}
    if origin is typing.Literal or annotation in (Any, str, bool, int, float, type(None)):
        return value
    if is_model(annotation):
        return construct(annotation, value)
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return annotation(value)
    raise Unbuildable(f"no rebuild for {annotation!r}")


def _union(choices: tuple, value: Any) -> Any:
    """A value of a union: None, a model picked by its literal fields (``kind``), or plain."""
    if value is None and type(None) in choices:
        return None
    options = [choice for choice in choices if choice is not type(None)]
    if len(options) == 1:
        return _value(options[0], value)
    models = [choice for choice in options if is_model(choice)]
    if models and len(models) == len(options) and isinstance(value, dict):
        fitting = [model for model in models if _literals_fit(model, value)]
        if len(fitting) == 1:
            return construct(fitting[0], value)
    if all(choice in (str, bool, int, float) for choice in options):
        return value
    raise Unbuildable(f"no rebuild for a union of {options!r}")


def _literals_fit(model: type, value: dict) -> bool:
    """Whether every literal-typed field of ``model`` (a discriminator) takes its value."""
    hints = _hints(model)
    for name, field in fields_of(model).items():
        if typing.get_origin(hints[name]) is typing.Literal:
            if name in value:
                if value[name] not in typing.get_args(hints[name]):
                    return False
            elif field.default is MISSING and field.default_factory is MISSING:
                return False
    return True
