"""``--format github``: workflow commands that annotate pull requests in GitHub Actions."""

from __future__ import annotations

from editlint.engine.runner import FileResult
from editlint.printable import terminal_safe
from editlint.report.model import Located, RunReport
from editlint.report.stream import Writer, rendered

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


class GithubWriter(Writer):
    """One workflow command a finding, written as each file is done."""

    def add(self, result: FileResult, located: list[Located]) -> None:
        if located:
            self.out.write("".join(_annotation(item) + "\n" for item in located))


def render(run: RunReport) -> str:
    return rendered(GithubWriter, run)


def _annotation(item: Located) -> str:
    diagnostic = item.diagnostic
    title = diagnostic.code
    if diagnostic.rule_name:
        title += f" ({diagnostic.rule_name})"
    properties = {
        "file": item.path,
        "line": item.line,
        "col": item.column,
        "endLine": item.end_line,
        "endColumn": item.end_column,
        "title": title,
    }
    listed = ",".join(f"{key}={_property(str(value))}" for key, value in properties.items())
    message = diagnostic.message
    if diagnostic.fix is not None and diagnostic.fix.description:
        message += f"\nFix ({diagnostic.fix.applicability.value}): {diagnostic.fix.description}"
    return f"::{COMMANDS[diagnostic.severity.value]} {listed}::{_data(message)}"


def _data(text: str) -> str:
    """Escaped as workflow commands need; control characters from an article (terminal escapes,
    which a CI log renders) shown as U+FFFD."""
    text = terminal_safe(text)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
