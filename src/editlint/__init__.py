"""editlint: an editorial linter for encyclopedia-style articles.

The Python API::

    import editlint
    diagnostics = editlint.check_text("A legendary general.", path=None)
    results = editlint.check_paths(["content/"])
"""

from __future__ import annotations

__version__ = "0.1.0"

from editlint.api import check_paths, check_text  # noqa: E402
from editlint.diagnostics import (  # noqa: E402
    Applicability,
    Category,
    Diagnostic,
    Edit,
    Fix,
    Severity,
)

__all__ = [
    "Applicability",
    "Category",
    "Diagnostic",
    "Edit",
    "Fix",
    "Severity",
    "__version__",
    "check_paths",
    "check_text",
]
