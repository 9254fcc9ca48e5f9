"""editlint: an editorial linter for encyclopedia-style articles.

The Python API (documented in docs/api.md)::

    import editlint
    diagnostics = editlint.check_text("A legendary general.", path="content/general.md")
    results = editlint.check_paths(["content/"], config={"select": ["SEE"]})
"""

from __future__ import annotations

__version__ = "0.1.0"

from editlint.api import ConfigLike, check_paths, check_text, line_column  # noqa: E402
from editlint.diagnostics import (  # noqa: E402
    Applicability,
    Category,
    Diagnostic,
    Edit,
    Fix,
    Severity,
)
from editlint.engine.runner import FileResult  # noqa: E402

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
