"""editlint: an editorial linter for encyclopedia-style articles.

The Python API (documented in docs/api.md)::

    import editlint
    diagnostics = editlint.check_text("A legendary general.", path="content/general.md")
    results = editlint.check_paths(["content/"], config={"select": ["SEE"]})

The names below load on first use (PEP 562), so ``import editlint`` (and the command line,
which imports this package first) pays for no engine, parser or rule it does not use.
"""

from __future__ import annotations

from importlib import import_module

from editlint._version import __version__

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing

#: Each public name and the module that defines it.
_HOMES = {
    "ConfigLike": "editlint.api",
    "check_paths": "editlint.api",
    "check_text": "editlint.api",
    "line_column": "editlint.api",
    "Applicability": "editlint.diagnostics",
    "Category": "editlint.diagnostics",
    "Diagnostic": "editlint.diagnostics",
    "Edit": "editlint.diagnostics",
    "Fix": "editlint.diagnostics",
    "Severity": "editlint.diagnostics",
    "FileResult": "editlint.engine.runner",
}

__all__ = [
    "Applicability",
    "Category",
    "ConfigLike",
    "Diagnostic",
    "Edit",
    "FileResult",
    "Fix",
    "Severity",
    "__version__",
    "check_paths",
    "check_text",
    "line_column",
]

if TYPE_CHECKING:
    from editlint.api import ConfigLike, check_paths, check_text, line_column
    from editlint.diagnostics import Applicability, Category, Diagnostic, Edit, Fix, Severity
    from editlint.engine.runner import FileResult


def __getattr__(name: str) -> object:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'editlint' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOMES})
