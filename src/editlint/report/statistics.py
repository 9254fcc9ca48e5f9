"""``--statistics``: how many findings each rule made, most first."""

from __future__ import annotations

import json
from collections import Counter

from editlint.report.model import RunReport
from editlint.report.text import Styled


def rows(run: RunReport) -> list[dict]:
    counts = Counter(d.code for d in run.diagnostics)
    fixable = Counter(d.code for d in run.diagnostics if d.fix is not None)
    names = {d.code: d.rule_name for d in run.diagnostics}
    return [
        {
            "code": code,
            "name": run.rules.get(code, {}).get("name") or names[code],
            "count": count,
            "fixable": fixable[code],
        }
        for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]


def render_statistics(run: RunReport, as_json: bool = False) -> str:
    table = rows(run)
    if as_json:
        return json.dumps(table, indent=2, ensure_ascii=False) + "\n"
    out = Styled()
    width = max((len(str(row["count"])) for row in table), default=1)
    code_width = max((len(row["code"]) for row in table), default=0)
    for row in table:
        mark = "[*]" if row["fixable"] == row["count"] else "[-]" if row["fixable"] else "   "
        out.line(
            (f"{row['count']:>{width}}", "bold"),
            "  ",
            (f"{row['code']:<{code_width}}", "bold red"),
            f"  {mark} {row['name']}",
        )
    if table:
        out.line()
    out.line(f"{sum(row['count'] for row in table)} finding(s) from {len(table)} rule(s); "
             "[*] all fixable, [-] some fixable")
    return out.render(run.colour)
