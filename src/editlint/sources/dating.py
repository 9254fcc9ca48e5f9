"""When a statement was last true: the date it gives ("as of 2019"), else the article's
front matter, the citation's date, or the file's last commit in git.

Dates are kept as the last day of the period they name ("2019" is 31 December 2019, "May
2019" is 31 May 2019): a statement is stale only once the whole period is older than the age.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from editlint.document import Document

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name} | {
    name.lower(): number for number, name in enumerate(calendar.month_abbr) if name
}
#: A plausible year of a statement, between 1900 and 2099.
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_ISO = re.compile(r"((?:19|20)\d\d)-(\d\d)(?:-(\d\d))?")
#: Front matter keys that say when the article was last brought up to date, best first.
FRONT_MATTER_KEYS = ("updated", "last_updated", "last-updated", "lastmod", "modified", "date")


@dataclass(frozen=True, slots=True)
class Dated:
    """A date and where it came from ("the text", "front matter 'updated'", ...)."""

    when: date
    source: str


def period_end(year: int, month: int | None = None, day: int | None = None) -> date | None:
    """The last day of the period a date names; None for an impossible date."""
    try:
        if month is None:
            return date(year, 12, 31)
        if day is None:
            return date(year, month, calendar.monthrange(year, month)[1])
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(value: object) -> date | None:
    """A date from a front matter or template value: a YAML date, "2019-05-03", "3 May 2019",
    "May 2019", "2019" (the latest year named, for "2018, updated 2019")."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int) and 1900 <= value <= 2099:
        return period_end(value)
    if not isinstance(value, str):
        return None
    iso = _ISO.search(value)
    if iso:
        day = int(iso.group(3)) if iso.group(3) else None
        return period_end(int(iso.group(1)), int(iso.group(2)), day)
    years = [int(y) for y in YEAR.findall(value)]
    if not years:
        return None
    year = max(years)
    month = next(
        (MONTHS[w.lower()] for w in re.findall(r"[A-Za-z]+", value) if w.lower() in MONTHS), None
    )
    return period_end(year, month)


def front_matter_date(document: Document) -> Dated | None:
    for key in FRONT_MATTER_KEYS:
        when = parse_date(document.meta.get(key))
        if when is not None:
            return Dated(when, f"front matter '{key}'")
    return None


def last_commit_date(path: Path | None) -> Dated | None:
    """The day of the file's last commit, or None (no git, not in a work tree, uncommitted)."""
    from editlint.gitcommand import StartedGit

    if path is None or not path.exists():
        return None
    printed = StartedGit(["log", "-1", "--format=%cs", "--", path.name], path.parent).output()
    when = parse_date(printed.decode("ascii", "replace").strip()) if printed else None
    return Dated(when, "the file's last commit") if when is not None else None


def years_old(when: date, today: date) -> float:
    return (today - when).days / 365.25
