"""Read the YAML of a front matter: the one reader the document and the content index share.

YAML 1.2's core schema: ``title: Off``, ``aliases: [Yes]`` and ``2020-01-05`` are strings,
``0o17`` is 15, ``<<`` merges a mapping. libyaml (PyYAML's C loader) reads it, about ten
times faster than a pure-Python loader (``bench/front_matter_yaml.py``), which matters because
the content index reads every article's front matter. Hostile YAML (custom tags, alias bombs,
deep nesting) is refused before anything is built, duplicate keys are refused, and the items
of lists keep their exact source spans.
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from dataclasses import dataclass

import yaml

from editlint.document.frontmatter import plain_data
from editlint.yamlguard import MAX_DEPTH, YamlProblem, problem_in

_CORE = "tag:yaml.org,2002:"
_MERGE = _CORE + "merge"

# The core schema's implicit types: (tag, pattern, first characters).
_CORE_TYPES = (
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    (
        "float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
        r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        "-+0123456789.",
    ),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("merge", r"^(?:<<)$", "<"),
)


class YamlFrontMatterError(Exception):
    """Why a front matter's YAML is refused, at an offset into that YAML."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.message = message
        self.offset = offset


@dataclass(frozen=True)
class YamlFrontMatter:
    """A front matter's mapping as plain data, and the source spans of its lists' items."""

    data: dict
    item_spans: dict[str, list[tuple[int, int]]]


def read_yaml_front_matter(source: str, spanned_keys: tuple[str, ...] = ()) -> YamlFrontMatter:
    """Read ``source`` (the YAML between the ``---`` lines) into plain data.

    ``item_spans`` holds, for each of ``spanned_keys`` whose value is a list, the (start, end)
    offsets into ``source`` of its items. Raises YamlFrontMatterError.
    """
    if not source.strip():
        return YamlFrontMatter({}, {})
    try:
        try:
            root, data = _load(_FastLoader, source)
        except yaml.YAMLError:
            # libyaml words its errors its own way; the pure loader's words are the ones users
            # have seen, so the (rare) invalid front matter is read again to report them.
            root, data = _load(_PureLoader, source)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "invalid YAML"
        raise YamlFrontMatterError(
            f"invalid YAML in front matter: {problem}", mark.index if mark else 0
        ) from None
    except yaml.YAMLError as error:
        raise YamlFrontMatterError(f"invalid YAML in front matter: {error}", 0) from None
    except _Refused as refused:
        raise YamlFrontMatterError(
            f"front matter refused: {refused.problem.message}", refused.problem.offset
        ) from None
    if data is None:
        return YamlFrontMatter({}, {})
    if not isinstance(data, dict):
        raise YamlFrontMatterError("front matter is not a mapping of keys to values", 0)
    return YamlFrontMatter(plain_data(data), _item_spans(root, data, spanned_keys))


class _Refused(Exception):
    def __init__(self, problem: YamlProblem) -> None:
        self.problem = problem


def _load(loader_class: type, source: str):
    """(root node, data): the node graph is composed once, checked, then built."""
    loader = loader_class(source)
    try:
        try:
            root = loader.get_single_node()
        except RecursionError:
            problem = YamlProblem(f"YAML nested more than {MAX_DEPTH} levels deep", 0, 0)
            raise _Refused(problem) from None
        if root is None:
            return None, None
        problem = problem_in(source, root)
        if problem is not None:
            raise _Refused(problem)
        return root, loader.construct_document(root)
    finally:
        loader.dispose()


def _construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
    """A mapping with merges (``<<``) applied, refusing a key given twice."""
    own = sum(1 for key, _ in node.value if key.tag != _MERGE)
    self.flatten_mapping(node)  # merged pairs first, then the node's own
    mapping: dict = {}
    own_keys: set = set()
    for index, (key_node, value_node) in enumerate(node.value):
        key = self.construct_object(key_node, deep=deep)
        if not isinstance(key, Hashable):
            raise yaml.constructor.ConstructorError(
                "while constructing a mapping", node.start_mark,
                "found unhashable key", key_node.start_mark,
            )  # fmt: skip
        value = self.construct_object(value_node, deep=deep)
        if index >= len(node.value) - own:
            if key in own_keys:
                raise yaml.constructor.ConstructorError(
                    "while constructing a mapping", node.start_mark,
                    f'found duplicate key "{key}" with value "{value}" '
                    f'(original value: "{mapping[key]}")', key_node.start_mark,
                )  # fmt: skip
            own_keys.add(key)
        mapping[key] = value
    return mapping


def _int(loader, node) -> int:
    value = loader.construct_scalar(node)
    base = 8 if value[:2] == "0o" else 16 if value[:2] == "0x" else 10
    return int(value[2:] if base != 10 else value, base)


def _core_schema(base: type) -> type:
    """``base`` (a PyYAML safe loader) reading YAML 1.2's core schema."""
    loader = type(f"Core{base.__name__}", (base,), {"yaml_implicit_resolvers": {}})
    loader.yaml_constructors = dict(base.yaml_constructors)
    for tag, pattern, first in _CORE_TYPES:
        loader.add_implicit_resolver(_CORE + tag, re.compile(pattern), list(first))
    loader.add_constructor(_CORE + "int", _int)
    loader.construct_mapping = _construct_mapping
    return loader


_PureLoader = _core_schema(yaml.SafeLoader)
_FastLoader = _core_schema(getattr(yaml, "CSafeLoader", yaml.SafeLoader))


def _item_spans(
    root: yaml.MappingNode, data: dict, keys: tuple[str, ...]
) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    if not keys:
        return spans
    for key_node, value_node in root.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if (
            key in keys
            and isinstance(value_node, yaml.SequenceNode)
            and isinstance(data.get(key), list)
        ):
            spans[key] = [(item.start_mark.index, item.end_mark.index) for item in value_node.value]
    return spans
