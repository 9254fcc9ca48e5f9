"""Terminal output: ``full`` (source excerpt, span underlined, fix shown), ``concise``, ``grouped``.

Each renderer builds lines of styled pieces; ``Styled.render`` joins them as plain text, or
as ANSI colour through rich when the run asks for colour.
"""

from __future__ import annotations

import re
from typing import IO

from editlint.diagnostics import Applicability
from editlint.engine.runner import FileResult
from editlint.report.model import Located, RunReport, Tally
from editlint.report.stream import Writer, rendered

SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}
Piece = tuple[str, str]  # (text, rich style; "" for none)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class Styled:
    """Lines of (text, style) pieces."""

    def __init__(self) -> None:
        self.lines: list[list[Piece]] = []

    def line(self, *pieces: Piece | str) -> None:
        """Add a line; control characters (terminal escapes from an article) show as '�'."""
        pieces = [(p, "") if isinstance(p, str) else p for p in pieces]
        self.lines.append([(_CONTROL.sub("\ufffd", text), style) for text, style in pieces])

    @staticmethod
    def blank(colour: bool) -> str:
        """One empty line, as ``render`` writes it."""
        out = Styled()
        out.line()
        return out.render(colour)

    def render(self, colour: bool) -> str:
        if not colour:
            return "".join("".join(text for text, _ in line) + "\n" for line in self.lines)
        import io

        from rich.console import Console
        from rich.text import Text

        buffer = io.StringIO()
        console = Console(file=buffer, force_terminal=True, width=10_000, highlight=False)
        for line in self.lines:
            console.print(Text.assemble(*line), soft_wrap=True)
        return buffer.getvalue()


class ConciseWriter(Writer):
    """``path:line:column: CODE [severity] message``, one line a finding; the summary last."""

    def add(self, result: FileResult, located: list[Located]) -> None:
        if not located:
            return
        out = Styled()
        for item in located:
            out.line((f"{item.path}:{item.line}:{item.column}:", "bold"), " ", *_finding(item))
        self.out.write(out.render(self.run.colour))

    def close(self, tally: Tally) -> None:
        if not self.run.quiet:
            out = Styled()
            out.line((summary_text(tally), "bold"))
            self.out.write(out.render(self.run.colour))


class GroupedWriter(ConciseWriter):
    """Each file's path, then its findings; consecutive findings of one path form one group."""

    def __init__(self, out: IO[str], run: RunReport) -> None:
        super().__init__(out, run)
        self._group: str | None = None

    def add(self, result: FileResult, located: list[Located]) -> None:
        if not located:
            return
        out = Styled()
        for item in located:
            if item.path != self._group:
                if self._group is not None:
                    out.line()
                out.line((item.path, "bold underline"))
                self._group = item.path
            out.line(f"  {item.line}:{item.column}: ", *_finding(item))
        self.out.write(out.render(self.run.colour))

    def close(self, tally: Tally) -> None:
        if self._group is not None:
            self.out.write(Styled.blank(self.run.colour))
        super().close(tally)


class FullWriter(ConciseWriter):
    """Each finding with the source lines it spans, underlined, and its fix."""

    def add(self, result: FileResult, located: list[Located]) -> None:
        if not located:
            return
        out = Styled()
        text = result.text or ""
        for item in located:
            _excerpt(out, item, text, self.run.show_fixes)
            out.line()
        self.out.write(out.render(self.run.colour))


def render_concise(run: RunReport) -> str:
    return rendered(ConciseWriter, run)


def render_grouped(run: RunReport) -> str:
    return rendered(GroupedWriter, run)


def render_full(run: RunReport) -> str:
    return rendered(FullWriter, run)


def _finding(item: Located) -> list[Piece]:
    diagnostic = item.diagnostic
    severity = diagnostic.severity.value
    return [
        (diagnostic.code, "bold " + SEVERITY_STYLES[severity]),
        (f" [{severity}] ", SEVERITY_STYLES[severity]),
        (diagnostic.message, ""),
    ]


def _excerpt(out: Styled, item: Located, text: str, show_edits: bool) -> None:
    diagnostic = item.diagnostic
    out.line((f"{item.path}:{item.line}:{item.column}:", "bold"), " ", *_finding(item))
    source_lines = text.split("\n")
    if not text or item.line > len(source_lines):
        return
    last = min(item.end_line, len(source_lines))
    if last > item.line and item.end_column == 1:
        last -= 1  # a span ending at a line break underlines nothing on the next line
    pad = " " * len(str(last))
    out.line((f"{pad} |", "blue"))
    shown_lines = range(item.line, last + 1)
    for number in _elided(shown_lines):
        if number is None:
            out.line((f"{pad} ⋮", "blue"))
            continue
        source = source_lines[number - 1].rstrip("\r").expandtabs(1)
        first = item.column if number == item.line else 1
        end = item.end_column if number == item.end_line else len(source) + 1
        _underlined(out, item, source, str(number).rjust(len(pad)), first, end)
    fix = diagnostic.fix
    if fix is None:
        return
    label = fix.description or "fix available"
    out.line((f"{pad} =", "blue"), (f" fix ({fix.applicability.value}): {label}", "green"))
    if show_edits:
        for edit in fix.edits:
            removed = _visible(text[edit.start : edit.end])
            out.line(f"{pad}   ", (f"- {removed}", "red"))
            out.line(f"{pad}   ", (f"+ {_visible(edit.replacement)}", "green"))


#: A span over more lines than this shows its first and last lines, with a ⋮ between.
MAX_SPAN_LINES = 6


def _elided(numbers: range) -> list[int | None]:
    if len(numbers) <= MAX_SPAN_LINES:
        return list(numbers)
    half = MAX_SPAN_LINES // 2
    return [*numbers[:half], None, *numbers[-half:]]


def _underlined(
    out: Styled, item: Located, source: str, gutter: str, column: int, end_column: int
) -> None:
    """One source line and the ``^`` marks under columns ``[column, end_column)`` of it."""
    pad = " " * len(gutter)
    start, shown, shown_end = _window(source, column - 1)
    visible = shown_end - (column - 1)  # the span may run past the window
    marker = "^" * max(1, min(max(1, end_column - column), visible))
    out.line((f"{gutter} |", "blue"), f" {shown}")
    out.line((f"{pad} |", "blue"), " " * (column - start), (marker, _severity(item)))


def _severity(item: Located) -> str:
    return "bold " + SEVERITY_STYLES[item.diagnostic.severity.value]


def _visible(text: str) -> str:
    return repr(text)[1:-1] if text else "(nothing)"


def _window(source: str, column: int, width: int = 110) -> tuple[int, str, int]:
    """A slice of a long line starting shortly before the span, so excerpts stay readable.

    Returns the display offset of the slice, the text shown, and where the slice ends in
    ``source``.
    """
    if len(source) <= width:
        return 0, source, len(source) + 1
    start = max(0, column - 30)
    end = min(len(source), start + width)
    prefix = "…" if start else ""
    suffix = "…" if end < len(source) else ""
    return start - len(prefix), prefix + source[start:end] + suffix, end


def summary_line(run: RunReport) -> str:
    return summary_text(run.tally())


def summary_text(tally: Tally) -> str:
    """'Found 3 finding(s) in 2 of 5 file(s) (...)', or 'All clear: ...'."""
    summary = tally.summary()
    if not summary["findings"]:
        return f"All clear: {summary['files']} file(s) checked, no findings."
    severities = ", ".join(f"{count} {name}" for name, count in summary["by_severity"].items())
    categories = ", ".join(f"{name}: {count}" for name, count in summary["by_category"].items())
    return (
        f"Found {summary['findings']} finding(s) in {summary['files_with_findings']} of "
        f"{summary['files']} file(s) ({severities}; {categories}){_fixable(tally)}."
    )


def _fixable(tally: Tally) -> str:
    """'; 2 fixable with --fix (1 more with --unsafe-fixes)', or '' when nothing is."""
    ranks = tally.applicabilities
    safe, unsafe = ranks[Applicability.SAFE], ranks[Applicability.UNSAFE]
    if not safe and not unsafe:
        return ""
    if not safe:
        return f"; {unsafe} fixable with --fix --unsafe-fixes"
    more = f" ({unsafe} more with --unsafe-fixes)" if unsafe else ""
    return f"; {safe} fixable with --fix{more}"
