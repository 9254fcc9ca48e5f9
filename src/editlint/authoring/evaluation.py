"""Measure rules against labelled sentences: confusion counts, MCC, per-rule contribution.

A labelled set is a CSV with a header naming ``text`` and ``label`` (1 where an editor wants a
finding, 0 where not; other columns are ignored). Each text is checked as a one-paragraph article
and counts as flagged when any finding of the chosen category falls in it.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from editlint.config.model import LoadedConfig
from editlint.diagnostics import Category
from editlint.engine.runner import Checker, SelectionOverrides
from editlint.errors import UsageError
from editlint.rules.registry import all_rules

_TRUE = {"1", "true", "yes", "biased", "positive"}
_FALSE = {"0", "false", "no", "neutral", "negative"}


@dataclass(frozen=True)
class Example:
    """One labelled row: its text, the label, and the CSV line it came from."""

    text: str
    label: bool
    line: int


@dataclass
class Scores:
    """A confusion matrix and the measures derived from it."""

    tp: int = 0
    fp: int = 0
    tn: int = 0
    fn: int = 0

    def add(self, predicted: bool, actual: bool) -> None:
        if predicted and actual:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif actual:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def n(self) -> int:
        return self.tp + self.fp + self.tn + self.fn

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def fpr(self) -> float:
        return _ratio(self.fp, self.fp + self.tn)

    @property
    def mcc(self) -> float:
        """Matthews correlation coefficient; 0 when any margin of the matrix is empty."""
        denominator = math.sqrt(
            (self.tp + self.fp) * (self.tp + self.fn) * (self.tn + self.fp) * (self.tn + self.fn)
        )
        return (self.tp * self.tn - self.fp * self.fn) / denominator if denominator else 0.0

    def summary_line(self) -> str:
        return (
            f"MCC={self.mcc:.3f} P={self.precision:.3f} R={self.recall:.3f} "
            f"F1={self.f1:.3f} FPR={self.fpr:.3f} N={self.n}"
        )

    def to_dict(self) -> dict:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "tn": self.tn,
            "fn": self.fn,
            "n": self.n,
            "mcc": round(self.mcc, 3),
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "fpr": round(self.fpr, 3),
        }


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


@dataclass
class RuleScores:
    """What one rule adds: rows it flags, rows only it flags, and the MCC lost without it."""

    code: str
    name: str
    flagged: Scores = field(default_factory=Scores)
    only_tp: int = 0
    only_fp: int = 0
    mcc_without: float = 0.0

    def to_dict(self, overall_mcc: float) -> dict:
        return {
            "code": self.code,
            "name": self.name,
            "tp": self.flagged.tp,
            "fp": self.flagged.fp,
            "precision": round(self.flagged.precision, 3),
            "only_tp": self.only_tp,
            "only_fp": self.only_fp,
            "mcc_gain": round(overall_mcc - self.mcc_without, 3),
        }


@dataclass
class Evaluation:
    """The outcome of evaluating one labelled set."""

    path: Path
    category: str | None
    scores: Scores
    rules: list[RuleScores]
    errors: int = 0

    def to_dict(self) -> dict:
        return {
            "path": str(self.path),
            "category": self.category,
            **self.scores.to_dict(),
            "internal_errors": self.errors,
            "rules": [rule.to_dict(self.scores.mcc) for rule in self.rules],
        }


def read_examples(path: Path) -> list[Example]:
    """The rows of a ``text,label`` CSV; a malformed file is a usage error naming the line."""
    try:
        handle = path.open(encoding="utf-8-sig", newline="")
    except OSError as error:
        raise UsageError(f"cannot read: {error.strerror}", path) from None
    with handle:
        reader = csv.DictReader(handle)
        try:
            header = reader.fieldnames or []
            missing = [name for name in ("text", "label") if name not in header]
            if missing:
                names = ", ".join(missing)
                message = f"the header must name 'text' and 'label' (missing: {names})"
                raise UsageError(message, path, 1)
            return [_example(row, reader.line_num, path) for row in reader]
        except csv.Error as error:
            raise UsageError(f"not valid CSV: {error}", path, reader.line_num) from None
        except UnicodeDecodeError:
            raise UsageError("not UTF-8 text", path) from None


def _example(row: dict, line: int, path: Path) -> Example:
    label = (row.get("label") or "").strip().lower()
    if label not in _TRUE | _FALSE:
        raise UsageError(f"label must be 1 or 0, not '{row.get('label')}'", path, line)
    return Example(row.get("text") or "", label in _TRUE, line)


def as_paragraph(text: str) -> str:
    """A sentence as a one-paragraph Markdown article: its lines joined by spaces."""
    return " ".join(text.split()) + "\n"


def evaluation_checker(
    loaded: LoadedConfig, category: str | None, overrides: SelectionOverrides | None = None
) -> Checker:
    """One Checker holding only the rules of ``category`` (every category when None)."""
    config = loaded.config
    rules = all_rules([loaded.root / path for path in config.rule_paths], config.builtin_packs)
    if category is not None:
        rules = [rule for rule in rules if rule.category.value == category]
    return Checker(loaded, overrides, rules=rules)


def evaluate(
    path: Path, checker: Checker, category: str | None, examples: Iterable[Example] | None = None
) -> Evaluation:
    """Check every row with ``checker``; score the rows, and each rule's share of them."""
    rows = list(examples) if examples is not None else read_examples(path)
    names = {rule.code: rule.name for rule in checker.rules}
    fired, errors = codes_per_row(rows, checker, category)
    scores = Scores()
    for example, codes in zip(rows, fired, strict=True):
        scores.add(bool(codes), example.label)
    return Evaluation(path, category, scores, _per_rule(rows, fired, names), errors)


def codes_per_row(
    rows: Iterable[Example], checker: Checker, category: str | None
) -> tuple[list[set[str]], int]:
    """The codes of ``category`` found in each row (those folded into another finding too),
    and how many internal errors there were."""
    fired: list[set[str]] = []
    errors = 0
    for example in rows:
        codes = set()
        for diagnostic in checker.check_text(as_paragraph(example.text)).diagnostics:
            if diagnostic.category is Category.INTERNAL:
                errors += 1
            elif category is None or diagnostic.category.value == category:
                codes.add(diagnostic.code)
                codes.update(diagnostic.data.get("related", ()))
        fired.append(codes)
    return fired, errors


def _per_rule(
    rows: list[Example], fired: list[set[str]], names: dict[str, str]
) -> list[RuleScores]:
    codes = sorted(set().union(*fired)) if fired else []
    results = []
    for code in codes:
        rule = RuleScores(code, names.get(code, ""))
        without = Scores()
        for example, found in zip(rows, fired, strict=True):
            if code in found:
                rule.flagged.add(True, example.label)
                if len(found) == 1:
                    rule.only_tp += example.label
                    rule.only_fp += not example.label
            without.add(bool(found - {code}), example.label)
        rule.mcc_without = without.mcc
        results.append(rule)
    return results


def render_text(evaluation: Evaluation, per_rule: bool) -> str:
    """The human report; its last line is the summary line."""
    scores = evaluation.scores
    category = evaluation.category or "all"
    lines = [f"{evaluation.path}: {scores.n} rows, category {category}"]
    lines.append(f"TP={scores.tp} FP={scores.fp} TN={scores.tn} FN={scores.fn}")
    if evaluation.errors:
        lines.append(f"internal errors: {evaluation.errors}")
    if per_rule:
        lines.append(
            f"{'code':<8} {'name':<28} {'TP':>5} {'FP':>5} {'P':>6} "
            f"{'onlyTP':>7} {'onlyFP':>7} {'dMCC':>7}"
        )
        for rule in sorted(evaluation.rules, key=lambda r: r.mcc_without):
            lines.append(
                f"{rule.code:<8} {rule.name[:28]:<28} {rule.flagged.tp:>5} {rule.flagged.fp:>5} "
                f"{rule.flagged.precision:>6.3f} {rule.only_tp:>7} {rule.only_fp:>7} "
                f"{scores.mcc - rule.mcc_without:>+7.3f}"
            )
    lines.append(scores.summary_line())
    return "\n".join(lines) + "\n"
