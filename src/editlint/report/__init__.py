"""Reporters: one module per output format, all reading the same results.

A reporter is a function ``render(run: RunReport) -> str``. They are imported only
when asked for, so checking one file never loads the HTML or SARIF code.
"""

from __future__ import annotations

from importlib import import_module
from typing import Callable

from editlint.report.model import RunReport

FORMATS: dict[str, str] = {
    "full": "editlint.report.text:render_full",
    "concise": "editlint.report.text:render_concise",
    "json": "editlint.report.json_format:render",
}


def reporter(name: str) -> Callable[[RunReport], str]:
    module_name, function = FORMATS[name].split(":")
    return getattr(import_module(module_name), function)


__all__ = ["FORMATS", "RunReport", "reporter"]
