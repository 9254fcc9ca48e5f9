"""What the rules fed by ``editlint check --check-urls`` share (dead, permanently moved,
unreachable links).

They read the status of each URL from the run's ``url_statuses`` setting (filled by
``editlint.urlcheck`` before the files are checked); without ``--check-urls`` there is none,
and they find nothing.
"""

from __future__ import annotations

from editlint.diagnostics import Category
from editlint.document import Document
from editlint.rules.base import Rule, RuleContext
from editlint.urlcheck.collect import checkable, linked_urls
from editlint.urlcheck.status import DEAD, MOVED, OK, UNREACHABLE, UrlStatus

#: The ``settings`` key holding {url: UrlStatus} for the run.
SETTING = "url_statuses"
#: What the examples are checked with, as if --check-urls had found it.
EXAMPLE_STATUSES = {
    SETTING: {
        "https://example.org/gone": UrlStatus(DEAD, 404),
        "http://example.org/old": UrlStatus(MOVED, 301, target="https://example.org/new"),
        "https://example.org/slow": UrlStatus(UNREACHABLE, detail="no answer in 10 s"),
        "https://example.org/ok": UrlStatus(OK, 200),
    }
}


def statuses(document: Document, context: RuleContext, outcome: str):
    """(linked URL, status) for each URL of ``document`` whose status is ``outcome``."""
    statuses = getattr(context.settings, SETTING)
    if not statuses:
        return
    for linked in linked_urls(document):
        url = checkable(linked.url)
        status = statuses.get(url) if url is not None else None
        if status is not None and status.outcome == outcome:
            yield linked, status


class UrlRule(Rule):
    category = Category.UNSOURCED
    example_suffix = ".wiki"
    example_settings = EXAMPLE_STATUSES

    def relevant(self, document: Document) -> bool:
        return bool(document.links or document.citations or document.footnote_definitions)
