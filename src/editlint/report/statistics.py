"""``--statistics``: how many findings each rule made, most first."""

from __future__ import annotations

import json
from typing import IO

from editlint.report.model import RunReport, Tally
from editlint.report.stream import Writer
from editlint.report.text import Styled


def rows(run: RunReport, tally: Tally) -> list[dict]:
    return [
        {
            "code": code,
            "name": run.rules.get(code, {}).get("name") or tally.names[code],
            "count": count,
            "fixable": tally.fixable_codes[code],
        }
        for code, count in sorted(tally.codes.items(), key=lambda item: (-item[1], item[0]))
    ]


class StatisticsWriter(Writer):
    """The counts per rule, written once the run is done (no finding is kept for them)."""

    def __init__(self, out: IO[str], run: RunReport, as_json: bool = False) -> None:
        super().__init__(out, run)
        self.as_json = as_json

    def close(self, tally: Tally) -> None:
        self.out.write(statistics_text(self.run, tally, self.as_json))


def render_statistics(run: RunReport, as_json: bool = False) -> str:
    return statistics_text(run, run.tally(), as_json)


def statistics_text(run: RunReport, tally: Tally, as_json: bool = False) -> str:
    table = rows(run, tally)
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
    out.line(
        f"{sum(row['count'] for row in table)} finding(s) from {len(table)} rule(s); "
        "[*] all fixable, [-] some fixable"
    )
    return out.render(run.colour)
