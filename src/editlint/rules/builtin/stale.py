"""SRC401 stale-statement: "as of 2019", "currently", "to date" in the article's voice, once
the date they hold for is older than a configured age."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date

from editlint.diagnostics import Category, Severity
from editlint.document import Document, Scope
from editlint.document.model import CitationKind
from editlint.models import model, option
from editlint.rules.base import Rule, RuleContext, RuleExamples
from editlint.rules.matching.scopes import QuotationFilter, blocks_in_scope
from editlint.rules.matching.voice import VoiceSpec, reported
from editlint.rules.matching.words import WordIndex
from editlint.rules.support.workspace import remember
from editlint.sources.dating import (
    MONTHS,
    Dated,
    front_matter_date,
    last_commit_date,
    parse_date,
    period_end,
    years_old,
)

#: The rule whose words are the relative times ("currently", "to date", ...): one list.
RELATIVE_TIME = "NEU701"
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
AS_OF = re.compile(
    r"\b[Aa]s\s+(?:of|at)\s+"
    r"(?:(?:the\s+)?(?:end|start|beginning|middle|close)\s+of\s+|(?:early|mid|late)[\s-]+)?"
    rf"(?:(?P<day>\d{{1,2}})\s+)?(?:(?P<month>{_MONTH})\.?\s+)?(?:(?P<mday>\d{{1,2}}),?\s+)?"
    r"(?:the\s+)?(?P<year>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
AS_OF_TEMPLATE = re.compile(
    r"\{\{\s*as\s*(?:of|at)\s*\|\s*(?P<year>(?:19|20)\d\d)\s*"
    r"(?:\|\s*(?P<month>\d{1,2})\s*)?(?:\|\s*(?P<day>\d{1,2})\s*)?(?:\|[^{}]{0,200})?\}\}",
    re.IGNORECASE,
)
#: What every match of both patterns holds: where these occur, a block is searched.
_AS_OF_CUE = re.compile(r"as\s*(?:of|at)", re.IGNORECASE)
VOICE = VoiceSpec(names=True, references=True, fiction=True)
CITATION_DATE_FIELDS = ("date", "access-date", "accessdate", "year", "archive-date")


@model
class StaleOptions:
    max_age_years: float = option(
        3, gt=0, description="A statement older than this many years is reported."
    )


class StaleStatement(Rule):
    code = "SRC401"
    name = "stale-statement"
    category = Category.UNSOURCED
    severity = Severity.WARNING
    options_model = StaleOptions
    dated = True  # findings change with today's date
    summary = (
        "'As of 2019', '{{As of|2019}}', 'currently', 'to date' in a statement older than "
        "max_age_years (3)."
    )
    explanation = """\
What: a statement in the article's own voice whose time has passed the configured age
(`max_age_years`, default 3): "as of 2019" or {{As of|2019}} by the date it gives; "currently",
"to date", "recently" and NEU701's other relative times by the article's date, taken from its
front matter (`updated`, `last_updated`, `modified`, `date`), else the citation after the
sentence (its date or access date), else the file's last commit in git. A relative time whose
date is unknown stays NEU701's (info); one found stale is reported here once, NEU701's finding
folded into it.
Why: "as of" statements are dated so that someone checks them; a claim that was current years
ago may be wrong today (WP:ASOF, WP:RELTIME).
Example: "As of 2015, the ferry runs twice a day."
Fix: check the statement against a recent source; update it and its date, or write it in the
past tense with its year."""
    examples = RuleExamples(
        flag=["As of 2015, the ferry runs twice a day.\n"],
        pass_=["In 2015, the ferry ran twice a day.\n"],
    )

    def relevant(self, document: Document) -> bool:
        return True

    def prepare(self, words: WordIndex, context: RuleContext) -> None:
        """NEU701's pack rule, its words in the checker's index: the relative times to date."""
        from editlint.rules.packs import builtin_pack_dir, pack_rule

        path = builtin_pack_dir() / "neutrality.yaml"
        rule = pack_rule(path, RELATIVE_TIME, context.settings.known)
        rule.prepare(words, RuleContext())
        context.prepared = rule

    def check(self, document: Document, context: RuleContext):
        today = date.today()
        limit = context.options.max_age_years
        quotations = QuotationFilter(document)
        cues = [cue.start() for cue in _AS_OF_CUE.finditer(document.text)]
        for block in blocks_in_scope(document, (Scope.PARAGRAPH, Scope.LIST_ITEM)):
            first = bisect_left(cues, block.start)
            if first == len(cues) or cues[first] >= block.end:
                continue  # no "as of" or "as at": neither pattern can match
            text = document.text[block.start : block.end]
            for pattern in (AS_OF, AS_OF_TEMPLATE):
                for match in pattern.finditer(text):
                    start, end = block.start + match.start(), block.start + match.end()
                    if start in quotations or not reported(VOICE, document, block, start, end):
                        continue
                    if _in_citation(document, start) or (
                        pattern is AS_OF and _in_template(text, match.start())
                    ):
                        continue  # a source's title, a maintenance tag's reason
                    when = _date_of(match)
                    if when is not None and years_old(when, today) > limit:
                        said = " ".join(match.group(0).split())
                        yield self.diagnostic(
                            start,
                            end,
                            f"'{said}' is {_age(when, today)} old (over {limit:g}): check the "
                            "statement still holds, and update it and its date",
                        )
        for finding in _relative_times(document, context):
            dated = statement_date(document, finding.start)
            if dated is None or years_old(dated.when, today) <= limit:
                continue
            word = document.text[finding.start : finding.end]
            yield self.diagnostic(
                finding.start,
                finding.end,
                f"'{word}' in a statement dated {dated.when.year} ({dated.source}), "
                f"{_age(dated.when, today)} ago: check it still holds and give its date "
                f"('as of {dated.when.year}')",
                dated_by=dated.source,
            )


def _in_citation(document: Document, offset: int) -> bool:
    spans = remember(
        document,
        _in_citation,
        lambda d: sorted(
            (c.start, c.end) for c in d.citations if c.kind is not CitationKind.NEEDED
        ),
    )
    at = bisect_right(spans, (offset, len(document.text))) - 1
    # a <ref> holding a {{cite}}: the enclosing span starts a little earlier
    return any(start <= offset < end for start, end in spans[max(0, at - 3) : at + 1])


def _in_template(text: str, offset: int) -> bool:
    """Whether ``offset`` of a block's text is inside a {{template}} ({{update after|...}})."""
    return text.count("{{", 0, offset) > text.count("}}", 0, offset)


def _date_of(match: re.Match) -> date | None:
    year = int(match.group("year"))
    month = match.group("month")
    day = match.groupdict().get("day") or match.groupdict().get("mday")
    if month is None:
        return period_end(year)
    number = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
    return period_end(year, number, int(day) if day else None) or period_end(year)


def _age(when: date, today: date) -> str:
    years = int(years_old(when, today))
    return f"{years} year{'s' if years != 1 else ''}"


def _relative_times(document: Document, context: RuleContext):
    """NEU701's findings (its words, exceptions and voice tests), from its pack rule, which
    ``StaleStatement.prepare`` loaded into ``context.prepared``."""
    rule = context.prepared
    if rule is None or not rule.relevant(document):
        return []
    return list(rule.check(document, RuleContext()))


def statement_date(document: Document, offset: int) -> Dated | None:
    """The date the statement at ``offset`` holds for: front matter, else the citation after
    its sentence, else the file's last commit."""
    return (
        front_matter_date(document)
        or _citation_date(document, offset)
        or remember(document, last_commit_date, lambda d: last_commit_date(d.path))
    )


def _citation_date(document: Document, offset: int) -> Dated | None:
    """The latest date of the citations between the sentence at ``offset`` and the next."""
    sentences = document.sentences
    starts = [sentence.start for sentence in sentences]
    at = bisect_right(starts, offset) - 1
    if at < 0:
        return None
    end = starts[at + 1] if at + 1 < len(starts) else len(document.text)
    from editlint.rules.support.cited_sources import sources_of

    by_start = {source.start: source for source in sources_of(document)}
    labels = {d.label: d.start for d in document.footnote_definitions}
    found: list[date] = []
    for citation in document.citations:
        if not starts[at] <= citation.start < end or citation.kind is CitationKind.NEEDED:
            continue
        start = labels.get(citation.key, -1) if citation.kind is CitationKind.FOOTNOTE else None
        source = by_start.get(citation.start if start is None else start)
        if source is None:
            continue
        if source.fields:
            values = [source.fields[f].value for f in CITATION_DATE_FIELDS if f in source.fields]
        else:
            values = [document.text[source.content_start : source.content_end]]
        found.extend(when for value in values if (when := parse_date(value)) is not None)
    return Dated(max(found), "the citation's date") if found else None
