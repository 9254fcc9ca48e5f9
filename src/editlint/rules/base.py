"""The one interface every rule implements, declared in YAML or written in Python."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from editlint.diagnostics import Applicability, Category, Diagnostic, Fix, Severity
from editlint.models import model, option, plain

if TYPE_CHECKING:
    from editlint.config.model import LinksConfig, SourcesConfig
    from editlint.document import Document
    from editlint.index import ContentIndex
    from editlint.rules.matching.words import WordIndex
    from editlint.validated import ValidatedStore


@model
class NoOptions:
    """Options of a rule that takes none."""


@model
class FixExample:
    text: str
    fixed: str
    unsafe: bool = False


@model
class RuleExamples:
    """Examples a rule carries: texts it must flag, texts it must pass, fixes it must make."""

    flag: list[str] = option(factory=list)
    # ``pass`` is a Python keyword: written ``pass`` in a pack, ``pass_`` in Python.
    pass_: list[str] = option(factory=list, names=("pass", "pass_"))
    fix: list[FixExample] = option(factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The examples as written in a pack: ``flag``, ``pass`` and ``fix``."""
        return {
            "flag": list(self.flag),
            "pass": list(self.pass_),
            "fix": [plain(example) for example in self.fix],
        }


@dataclass(frozen=True)
class RunSettings:
    """The parts of the run's config a rule may read (the same for every rule of a run)."""

    links: LinksConfig | None = None
    sources: SourcesConfig | None = None
    #: The codes of the rules selected for this run.
    selected: frozenset[str] = frozenset()
    #: The folder the config file is in: relative paths in the config start there.
    root: Path = Path(".")
    #: What --check-urls found per URL (``Checker.share("url_statuses", ...)``), or None.
    url_statuses: Mapping[str, Any] | None = None
    #: Validated models kept for the next run (``editlint.validated``), or None.
    known: ValidatedStore | None = None


@dataclass(frozen=True)
class RuleOrigin:
    """Where a rule comes from: a rule pack (its declared name and its file), or Python code."""

    #: The name the pack declares (``pack:``); None for a rule written in Python.
    pack: str | None = None
    #: The pack's file.
    path: Path | None = None

    def __str__(self) -> str:
        """``neutrality (neutrality.yaml)`` for a pack rule, ``builtin`` for a Python rule."""
        if self.pack is None:
            return "builtin"
        return f"{self.pack} ({self.path.name})" if self.path is not None else self.pack


#: The origin of a rule written in Python.
PYTHON = RuleOrigin()


@dataclass
class RuleContext:
    """What a rule may read besides the document: its options, the run's settings and the
    content index. What a rule works out per document goes in the document's workspace
    (``rules/support/workspace.py``); what it compiles once per run, in ``prepared``."""

    options: Any = None
    index: ContentIndex | None = None
    settings: RunSettings = field(default_factory=RunSettings)
    #: What ``Rule.prepare`` built for this run (e.g. the merged reliability lists).
    prepared: Any = None


class Rule:
    """Base class: set the class attributes (or instance attributes) and implement ``check``."""

    code: ClassVar[str] | str = ""
    name: ClassVar[str] | str = ""
    category: ClassVar[Category] | Category = Category.STRUCTURE
    severity: ClassVar[Severity] | Severity = Severity.WARNING
    message: ClassVar[str] | str = ""
    #: Templates of the rule's other messages, by name (``self.messages["lead_in"]``);
    #: ``explain``, the SARIF rules' ``messageStrings`` and ``metadata()`` list them.
    messages: ClassVar[Mapping[str, str]] = {}
    summary: ClassVar[str] | str = ""
    explanation: ClassVar[str] | str = ""
    fix_applicability: ClassVar[Applicability | None] | Applicability | None = None
    options_model: ClassVar[type] = NoOptions
    examples: ClassVar[RuleExamples | None] | RuleExamples | None = None
    #: The format the examples are written in, as a file suffix (".wiki" for wikitext).
    example_suffix: ClassVar[str] = ".md"
    #: Run-wide settings the examples are checked with (``Checker.share``): what
    #: ``--check-urls`` found, for the link rules.
    example_settings: ClassVar[dict[str, Any]] = {}
    needs_index: ClassVar[bool] | bool = False
    #: A link to the rule's documentation; the registry sets it for the rules editlint ships.
    docs_url: ClassVar[str] | str = ""
    origin: ClassVar[RuleOrigin] | RuleOrigin = PYTHON
    #: Findings depend on today's date (the result cache keys them by the day).
    dated: ClassVar[bool] | bool = False
    # Off unless ``select`` or ``extend-select`` names the full code ("ALL" and prefixes don't).
    opt_in: ClassVar[bool] | bool = False

    def prepare(self, words: WordIndex, context: RuleContext) -> None:
        """Called once per run after selection: add the words the rule looks for to the
        checker's word index; compile what the options need. Nothing by default."""

    def check(self, document: Document, context: RuleContext) -> Iterable[Diagnostic]:
        raise NotImplementedError

    def relevant(self, document: Document) -> bool:
        """False when the rule cannot find anything in ``document``, so the engine skips it."""
        return True

    @property
    def fixable(self) -> bool:
        return self.fix_applicability is not None

    def diagnostic(
        self,
        start: int,
        end: int,
        message: str | None = None,
        fix: Fix | None = None,
        **data: Any,
    ) -> Diagnostic:
        """A finding of this rule at ``[start, end)``; ``message`` defaults to the rule's."""
        return Diagnostic(
            code=self.code,
            message=message if message is not None else self.message,
            start=start,
            end=end,
            severity=self.severity,
            category=self.category,
            fix=fix,
            rule_name=self.name,
            data=data,
        )

    def metadata(self) -> dict[str, Any]:
        """What ``editlint rules --format json`` and the SARIF reporter say about this rule."""
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category.value,
            "severity": self.severity.value,
            "summary": self.summary or self.message,
            "explanation": self.explanation,
            "fixable": self.fix_applicability.value if self.fix_applicability else None,
            "origin": str(self.origin),
            "messages": {"default": self.message, **self.messages},
            "opt_in": self.opt_in,
            "docs_url": self.docs_url,
        }
