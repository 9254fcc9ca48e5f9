"""One finding per problem: overlapping findings of related rules folded into one.

Two findings are one problem when their spans overlap and their rules look at the same thing:
two neutrality rules on one phrase ("many critics": a vague quantifier and a weasel
attribution), or a pair named in ``RELATED`` (partisan framing and a narrator-side view; an
unsourced claim and a contentious one about a living person; an unattributed view and its
uncited sentence). The finding kept is the most severe one (then the narrower, then the one
with a fix); its message names the codes folded into it, and ``data["related"]`` lists them.
Unsourced sentences are not folded into wording findings: a missing citation and a loaded word
are two things for an editor to fix. A view given to no one (NEU201, NEU203) is the exception:
its fix, naming the holders and citing them, is the unsourced sentence's fix too.
"""

from __future__ import annotations

from editlint.diagnostics import Category, Diagnostic

FOLDED_CATEGORIES = frozenset({Category.NEUTRALITY})
RELATED = frozenset(
    {
        frozenset({"NEU501", "BAL103"}),  # one side's framing in the narrator's voice
        frozenset({"NEU501", "BAL101"}),  # a perspective announced in a heading
        frozenset({"NEU201", "BAL102"}),  # "some critics argue ..." with no reply
        frozenset({"NEU203", "BAL102"}),
        # a view given to no one, uncited: naming and citing its holders is one fix
        frozenset({"NEU201", "SRC103"}),
        frozenset({"NEU203", "SRC103"}),
        frozenset({"NEU701", "SRC401"}),  # a relative time ("currently") found stale
        frozenset({"SRC103", "SRC501"}),  # an unsourced claim, contentious in a biography
    }
)


def fold_related(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """``diagnostics`` (sorted by start) with the findings of one problem folded into one."""
    kept: list[Diagnostic] = []
    open_findings: list[Diagnostic] = []  # kept findings that may still overlap a later one
    for diagnostic in diagnostics:
        open_findings = [f for f in open_findings if f.end > diagnostic.start]
        partner = next((f for f in open_findings if _same_problem(f, diagnostic)), None)
        if partner is None:
            kept.append(diagnostic)
            open_findings.append(diagnostic)
            continue
        primary, folded = _ranked(partner, diagnostic)
        _absorb(primary, folded)
        if primary is diagnostic:
            kept[kept.index(partner)] = diagnostic
            open_findings[open_findings.index(partner)] = diagnostic
    return kept


def _same_problem(first: Diagnostic, second: Diagnostic) -> bool:
    if first.code == second.code or not _overlap(first, second):
        return False
    if frozenset({first.code, second.code}) in RELATED:
        return True
    return first.category is second.category and first.category in FOLDED_CATEGORIES


def _overlap(first: Diagnostic, second: Diagnostic) -> bool:
    return first.start < second.end and second.start < first.end


def _ranked(first: Diagnostic, second: Diagnostic) -> tuple[Diagnostic, Diagnostic]:
    """(the finding to keep, the one folded into it)."""

    def strength(d: Diagnostic) -> tuple:
        return (d.severity.rank, -(d.end - d.start), d.fix is not None)

    return (first, second) if strength(first) >= strength(second) else (second, first)


def _absorb(primary: Diagnostic, folded: Diagnostic) -> None:
    related = primary.data.setdefault("related", [])
    for code in [folded.code, *folded.data.get("related", [])]:
        if code not in related and code != primary.code:
            related.append(code)
    base = primary.data.setdefault("own_message", primary.message)
    primary.message = f"{base} (also {', '.join(related)})"
    if primary.fix is None and folded.fix is not None:
        primary.fix = folded.fix
