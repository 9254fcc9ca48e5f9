"""Run the examples a rule carries (flag, pass, fix) and report the ones it gets wrong."""

from __future__ import annotations

import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from editlint.config.model import Config, LoadedConfig
from editlint.diagnostics import Applicability, Diagnostic
from editlint.engine.runner import Checker, SelectionOverrides
from editlint.fixes.apply import fix_text
from editlint.rules.base import Rule

ARTICLE_NAME = "example.md"


@dataclass(frozen=True)
class ExampleResult:
    """One example of a rule (``kind``: flag, pass, fix or missing); ``problem`` None if it held."""

    pack: str
    code: str
    name: str
    kind: str
    index: int
    text: str
    problem: str | None = None

    @property
    def passed(self) -> bool:
        return self.problem is None

    @property
    def node_id(self) -> str:
        """Like a pytest node id: ``pack::CODE::flag[0]``."""
        suffix = f"{self.kind}[{self.index}]" if self.kind != "missing" else "examples"
        return f"{self.pack}::{self.code}::{suffix}"


def run_examples(rule: Rule, pack: str | None = None) -> list[ExampleResult]:
    """Check every example of ``rule``; a rule without flag and pass examples fails too."""
    pack = pack or str(rule.origin)
    examples = rule.examples

    def result(kind: str, index: int, text: str, problem: str | None) -> ExampleResult:
        return ExampleResult(pack, rule.code, rule.name, kind, index, text, problem)

    missing = _missing_examples(rule)
    if missing:
        return [result("missing", 0, "", missing)]
    results = []
    for index, text in enumerate(examples.flag):
        found = findings(rule, text)
        problem = None if found else f"expected a finding of {rule.code}, got none"
        results.append(result("flag", index, text, problem))
    for index, text in enumerate(examples.pass_):
        found = findings(rule, text)
        problem = None
        if found:
            spans = ", ".join(repr(text[d.start : d.end]) for d in found)
            problem = f"expected no finding of {rule.code}, got {len(found)}: {spans}"
        results.append(result("pass", index, text, problem))
    for index, example in enumerate(examples.fix):
        fixed = _fixed(rule, example.text)
        problem = None
        if fixed != example.fixed:
            problem = f"fixed text differs: expected {example.fixed!r}, got {fixed!r}"
        results.append(result("fix", index, example.text, problem))
    return results


def run_all(rules: Iterable[tuple[Rule, str | None]]) -> list[ExampleResult]:
    """Every example of every (rule, pack name) pair, in order."""
    return [result for rule, pack in rules for result in run_examples(rule, pack)]


def _missing_examples(rule: Rule) -> str | None:
    examples = rule.examples
    if examples is None or not examples.flag:
        return "has no 'flag' example (add examples: {flag: [...], pass: [...]})"
    if not examples.pass_:
        return "has no 'pass' example (add a text it must not flag under examples: pass:)"
    if rule.fixable and not examples.fix:
        return "fixes findings but has no 'fix' example (add examples: fix: [{text, fixed}])"
    return None


@contextmanager
def _repository(rule: Rule, text: str) -> Iterator[tuple[Checker, Path]]:
    """A content repository holding ``text`` as its one article, and a checker for ``rule``."""
    with tempfile.TemporaryDirectory(prefix="editlint-example-") as folder:
        root = Path(folder)
        path = root / Path(ARTICLE_NAME).with_suffix(getattr(rule, "example_suffix", ".md"))
        path.write_text(text, encoding="utf-8")
        loaded = LoadedConfig(Config(), None, root)
        checker = Checker(loaded, SelectionOverrides(select=[rule.code]), rules=[rule])
        for key, value in getattr(rule, "example_settings", {}).items():
            checker.share(key, value)
        yield checker, path


def findings(rule: Rule, text: str) -> list[Diagnostic]:
    """The findings of ``rule`` on ``text`` checked as an article of its own."""
    with _repository(rule, text) as (checker, path):
        result = checker.check_file(path)
    return [d for d in result.diagnostics if d.code == rule.code]


def _fixed(rule: Rule, text: str) -> str:
    """The text after applying the rule's fixes (safe and unsafe) until it stops changing."""
    with _repository(rule, text) as (checker, path):

        def check(current: str) -> list[Diagnostic]:
            return checker.check_text(current, path).diagnostics

        return fix_text(text, check, Applicability.UNSAFE).text
