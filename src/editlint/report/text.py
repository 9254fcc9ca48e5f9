"""Terminal output: ``full`` (source excerpt, span underlined, fix shown) and ``concise``."""

from __future__ import annotations

from editlint.report.model import Located, RunReport

_SEVERITY_COLOURS = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render_concise(run: RunReport) -> str:
    lines = [
        f"{item.path}:{item.line}:{item.column}: {item.diagnostic.code} "
        f"[{item.diagnostic.severity.value}] {item.diagnostic.message}"
        for item in run.located
    ]
    lines.append(summary_line(run))
    return "\n".join(lines) + "\n"


def render_full(run: RunReport) -> str:
    texts = {run.display_path(result.path): result.text or "" for result in run.results}
    blocks = [_excerpt(item, texts.get(item.path, "")) for item in run.located]
    blocks.append(summary_line(run))
    return "\n".join(blocks) + "\n"


def _excerpt(item: Located, text: str) -> str:
    diagnostic = item.diagnostic
    header = (
        f"{item.path}:{item.line}:{item.column}: {diagnostic.code} "
        f"[{diagnostic.severity.value}] {diagnostic.message}"
    )
    source_lines = text.split("\n")
    if not text or item.line > len(source_lines):
        return header + "\n"
    source = source_lines[item.line - 1].expandtabs(1)
    gutter = str(item.line)
    width = len(gutter)
    end_column = item.end_column if item.end_line == item.line else len(source) + 1
    marker_length = max(1, end_column - item.column)
    start, shown = _window(source, item.column - 1, marker_length)
    out = [
        header,
        f"{' ' * width} |",
        f"{gutter} | {shown}",
        f"{' ' * width} | {' ' * (item.column - 1 - start)}{'^' * min(marker_length, len(shown) + 1)}",
    ]
    fix = diagnostic.fix
    if fix is not None:
        label = fix.description or "fix available"
        out.append(f"{' ' * width} = fix ({fix.applicability.value}): {label}")
    return "\n".join(out) + "\n"


def _window(source: str, column: int, length: int, width: int = 110) -> tuple[int, str]:
    """A slice of a long line around the span, so excerpts stay readable."""
    if len(source) <= width:
        return 0, source
    start = max(0, column - 30)
    end = min(len(source), max(start + width, column + length + 10))
    prefix = "…" if start else ""
    suffix = "…" if end < len(source) else ""
    return start - len(prefix), prefix + source[start:end] + suffix


def summary_line(run: RunReport) -> str:
    summary = run.summary()
    if not summary["findings"]:
        return f"All clear: {summary['files']} file(s) checked, no findings."
    severities = ", ".join(f"{count} {name}" for name, count in summary["by_severity"].items())
    categories = ", ".join(f"{name}: {count}" for name, count in summary["by_category"].items())
    fixable = f"; {summary['fixable']} fixable with --fix" if summary["fixable"] else ""
    return (
        f"Found {summary['findings']} finding(s) in {summary['files_with_findings']} of "
        f"{summary['files']} file(s) ({severities}; {categories}){fixable}."
    )
