"""Rule selectors checked against the rules that exist: a typo is an error, never a silent gate.

A selector is ``ALL``, a rule code or a code prefix (any case: ``neu1`` is ``NEU1``), or a rule
name (``peacock-term`` is ``NEU101``); the input and internal findings' codes (``INP001``,
``INT001``) are codes too. Anything else is a usage error with a did-you-mean.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from editlint.errors import UsageError
from editlint.rules.base import Rule

#: Codes of findings that no rule makes: unreadable or unparsable input, a rule's crash.
FINDING_CODES = frozenset({f"INP00{number}" for number in range(1, 10)} | {"INT001", "INT002"})


class Selectors:
    """Resolves selectors to code prefixes for one set of rules."""

    def __init__(self, rules: Sequence[Rule]) -> None:
        self._codes = sorted({rule.code for rule in rules} | FINDING_CODES)
        self._names = {rule.name.casefold(): rule.code for rule in rules if rule.name}

    def resolve(self, selector: str, where: str, path: Path | None = None) -> str:
        """The code prefix ``selector`` stands for; a UsageError naming ``where`` if none."""
        if selector == "ALL":
            return selector
        by_name = self._names.get(selector.casefold())
        if by_name is not None:
            return by_name
        prefix = selector.strip().upper()
        if prefix and any(code.startswith(prefix) for code in self._codes):
            return prefix
        raise UsageError(
            f"unknown rule code or prefix '{selector}' in {where}{self._suggestion(selector)}",
            path,
            _line_naming(path, selector),
        )

    def resolve_all(self, selectors: Iterable[str], where: str, path: Path | None = None):
        return [self.resolve(selector, where, path) for selector in selectors]

    def _suggestion(self, selector: str) -> str:
        candidates = [*self._codes, *self._names]
        from difflib import get_close_matches  # deferred: only an unknown selector needs it

        close = get_close_matches(selector.upper(), self._codes, n=1, cutoff=0.6)
        close = close or get_close_matches(selector.casefold(), candidates, n=1, cutoff=0.6)
        return f"; did you mean '{close[0]}'?" if close else " (see 'editlint rules')"


def _line_naming(path: Path | None, selector: str) -> int | None:
    """The first line of the config file at ``path`` that holds ``selector``."""
    if path is None:
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((number for number, line in enumerate(lines, 1) if selector in line), None)
