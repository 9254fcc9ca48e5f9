"""Refuse hostile YAML before it is turned into data: custom tags, alias bombs, deep nesting.

ruamel's round-trip loader keeps aliases as shared references and never builds Python objects
from tags, but anything that later copies the data (``to_plain``, pydantic) expands every alias.
So the composed node graph is walked first, counting each node as often as aliases repeat it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: Values (scalars, lists, mappings) aliases may add to a document, each use counted.
MAX_VALUES = 100_000
#: Lists and mappings nested inside each other.
MAX_DEPTH = 64

_CORE = "tag:yaml.org,2002:"
STANDARD_TAGS = frozenset(
    _CORE + name
    for name in (
        "str",
        "int",
        "float",
        "bool",
        "null",
        "map",
        "seq",
        "set",
        "omap",
        "pairs",
        "timestamp",
        "binary",
        "merge",
        "value",
    )
)


@dataclass(frozen=True)
class YamlProblem:
    """Why a YAML text is refused, and where (0-based offset and line into that text)."""

    message: str
    offset: int
    line: int


def find_problem(text: str) -> YamlProblem | None:
    """The first reason not to load ``text``, or None. Syntax errors are left to the loader."""
    if _plainly_safe(text):
        return None
    from ruamel.yaml import YAML  # deferred: ruamel only composes a text not plainly safe

    try:
        root = YAML(typ="rt", pure=True).compose(text)
    except RecursionError:
        return YamlProblem(f"YAML nested more than {MAX_DEPTH} levels deep", 0, 0)
    except Exception:  # a syntax error: the loader reports it with its position
        return None
    return None if root is None else _walk(root)


def problem_in(text: str, root: Any) -> YamlProblem | None:
    """The first reason not to build ``root``, the node graph a loader composed of ``text``."""
    return None if _plainly_safe(text) else _walk(root)


def _plainly_safe(text: str) -> bool:
    """Whether ``text`` cannot hold anything refused, so composing it can be skipped.

    Tags, anchors and aliases need ``!``, ``&`` or ``*``; every list or mapping needs one of
    ``[{:-?``, so fewer of those than MAX_DEPTH cannot nest too deep; and without aliases a
    text has fewer values than characters.
    """
    return (
        len(text) < MAX_VALUES
        and "!" not in text
        and "&" not in text
        and "*" not in text
        and sum(text.count(indicator) for indicator in "[{:-?") < MAX_DEPTH
    )


def _walk(root: Any) -> YamlProblem | None:
    """Every node as loading would expand it; a node met again is an alias's expansion, and
    only those count against ``MAX_VALUES``: a large text without aliases (a 100,001-word
    list) is large, not a bomb, and already costs what its size costs."""
    import yaml as pyyaml
    from ruamel.yaml import nodes as ruamel_nodes  # only a text not plainly safe gets here

    # The node graphs of both YAML libraries in use have the same shape.
    mappings = (ruamel_nodes.MappingNode, pyyaml.MappingNode)
    sequences = (ruamel_nodes.SequenceNode, pyyaml.SequenceNode)
    stack: list[tuple[Any, int]] = [(root, 0)]
    met: set[int] = set()
    expanded = 0
    while stack:
        node, depth = stack.pop()
        if id(node) in met:
            expanded += 1
            if expanded > MAX_VALUES:
                message = f"YAML aliases expand to more than {MAX_VALUES:,} values (an alias bomb?)"
                return _at(node, message)
        else:
            met.add(id(node))
        if depth > MAX_DEPTH:
            return _at(node, f"YAML nested more than {MAX_DEPTH} levels deep")
        tag = str(getattr(node.tag, "value", node.tag) or "")
        if tag and tag not in STANDARD_TAGS:
            shown = "!!" + tag.removeprefix(_CORE) if tag.startswith(_CORE) else tag
            return _at(node, f"YAML tag '{shown}' is not allowed (only standard tags are read)")
        if isinstance(node, mappings):
            for key, value in reversed(node.value):  # popped in document order
                stack.append((value, depth + 1))
                stack.append((key, depth + 1))
        elif isinstance(node, sequences):
            stack.extend((item, depth + 1) for item in reversed(node.value))
    return None


def _at(node: Any, message: str) -> YamlProblem:
    mark = node.start_mark
    return YamlProblem(message, mark.index if mark else 0, mark.line if mark else 0)
