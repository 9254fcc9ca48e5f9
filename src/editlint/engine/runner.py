"""Run the selected rules over documents: one file's failure never stops the others."""

from __future__ import annotations

import copy
import traceback
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path
from typing import Any

from editlint.config.model import Config, LoadedConfig
from editlint.config.selection import ignored_for_file, is_selected, severity_for
from editlint.config.selectors import Selectors
from editlint.diagnostics import Category, Diagnostic, Severity
from editlint.document import UNSUPPORTED_SUFFIXES, Document, InputError, parse_document
from editlint.document.lines import LineIndex
from editlint.document.parsers import markdown_parser
from editlint.engine.clock import PARSE_SECONDS, RULES_SECONDS, OutOfTime, clock_limit
from editlint.engine.folding import fold_related
from editlint.engine.suppression import find_suppressions
from editlint.engine.tagged import without_tagged
from editlint.files.dumpnames import is_dump
from editlint.files.screening import UNPARSABLE_CODE, decode, read_bytes, screen_text
from editlint.gitcommand import EarlyStatus
from editlint.index import AnyIndex, build_index
from editlint.index.build import ScanAll
from editlint.index.resolve import probing
from editlint.rules.base import Rule, RuleContext, RunSettings
from editlint.rules.matching.patterns import MATCH_TIMEOUT_SECONDS, match_time_limit
from editlint.rules.matching.words import WordIndex
from editlint.rules.registry import all_rules
from editlint.rules.support.workspace import Workspace
from editlint.validated import ValidatedStore

INTERNAL_CODE = "INT001"
#: The summary finding of a file with more findings than ``MAX_FINDINGS_PER_FILE``.
TOO_MANY_CODE = "INT002"
#: Findings kept per file (and taken from each rule): one hostile 9.6 MB article gave 2.4 M
#: findings and took 3.5 GB; a real article has dozens, and Wikipedia's "France", checked in a
#: folder of 117 articles, some 1,500 links that resolve to none of them.
MAX_FINDINGS_PER_FILE = 10_000


@dataclass
class FileResult:
    """What checking one file produced. ``text`` is None when the file could not be read,
    or once released (``release_text``): ``lines`` then still places the findings."""

    path: Path | None
    text: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    parsed: bool = True
    lines: LineIndex | None = None
    #: Non-article files the findings depend on, (absolute path, existed): see ``probing``.
    probes: tuple[tuple[str, bool], ...] = ()

    def release_text(self) -> None:
        """Keep only the line starts of the text: reports that quote no source need no more."""
        if self.text is not None:
            self.lines = LineIndex(self.text)
            self.text = None


@dataclass
class SelectionOverrides:
    """Command-line selection, applied on top of the config."""

    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)


class Checker:
    """Holds the selected rules and the content index; checks texts and files."""

    def __init__(
        self,
        loaded: LoadedConfig,
        overrides: SelectionOverrides | None = None,
        rules: list[Rule] | None = None,
        known: ValidatedStore | None = None,
        early_status: EarlyStatus | None = None,
    ) -> None:
        """``known``: the packs and options validated by an earlier run, and where this run's
        are kept (``editlint.validated``); the command line's check passes its cache's.
        ``early_status``: git's status asked when the command started, for the content
        index's freshness check (``editlint.launch``)."""
        self.loaded = loaded
        self._early_status = early_status
        markdown_parser()  # an unknown EDITLINT_MARKDOWN_PARSER is a usage error, before any file
        config = loaded.config
        overrides = overrides or SelectionOverrides()
        if rules is None:
            rule_paths = [loaded.root / path for path in config.rule_paths]
            rules = all_rules(rule_paths, config.builtin_packs, known)
            config, overrides = _checked_selectors(rules, loaded, overrides)
        self._config = config
        select = overrides.select or config.select
        select = [*select, *config.extend_select, *overrides.extend_select]
        ignore = [*config.ignore, *overrides.ignore]
        self.rules = [rule for rule in rules if is_selected(rule.code, select, ignore, rule.opt_in)]
        settings = RunSettings(
            links=config.links,
            sources=config.sources,
            selected=frozenset(rule.code for rule in self.rules),
            root=loaded.root,
            known=known,
        )
        for rule in rules:  # a typo in the options of a rule not selected today is still one
            if rule.code in config.rules and rule.code not in settings.selected:
                _options(rule, config.rules[rule.code], loaded, known)
        self._contexts = {
            rule.code: RuleContext(
                options=_options(rule, config.rules.get(rule.code, {}), loaded, known),
                settings=settings,
            )
            for rule in self.rules
        }
        #: The words the selected rules look for, found in one pass per document.
        self.words = WordIndex()
        #: Rules whose ``prepare`` failed: each reports its error on every file, as a crash.
        self._unprepared: dict[str, Exception] = {}
        for rule in self.rules:
            try:
                rule.prepare(self.words, self._contexts[rule.code])
            except Exception as error:  # one rule's crash must not stop the others
                self._unprepared[rule.code] = error
        self._index: AnyIndex | None = None
        #: Clock limits per file (``engine/clock.py``): the parser's, and all rules' together.
        self.parse_seconds = PARSE_SECONDS
        self.rules_seconds = RULES_SECONDS

    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state["_early_status"] = None  # a running git stays with the process that started it
        return state

    @property
    def config(self) -> Config:
        """The config as this checker applies it: its selectors resolved to code prefixes."""
        return self._config

    @property
    def index(self) -> AnyIndex:
        return self.build_index()

    def build_index(self, scan_all: ScanAll = None) -> AnyIndex:
        """The content index, built once: its articles scanned by ``scan_all`` (default: here)."""
        if self._index is None:
            loaded = self.loaded
            redirects = loaded.config.links.redirects_file
            self._index = build_index(
                loaded.content_root,
                cache_dir=loaded.cache_dir,
                redirects_file=loaded.root / redirects if redirects else None,
                subfolders=loaded.index_subfolders,
                scan_all=scan_all,
                early_status=self._early_status,
            )
            self._early_status = None  # read once: a running git is no state to keep or pickle
        return self._index

    def share(self, key: str, value: Any) -> None:
        """Give every rule the run-wide setting ``key`` (``url_statuses`` from --check-urls)."""
        for context in self._contexts.values():
            context.settings = replace(context.settings, **{key: value})

    def use_index(self, index: AnyIndex) -> None:
        """Check against ``index`` from now on (the warm process keeps one up to date)."""
        if index is self._index:
            return
        self._index = index
        for context in self._contexts.values():
            if context.index is not None:
                context.index = index

    def with_index(self, index: AnyIndex) -> Checker:
        """This checker, its rules resolving links against ``index`` instead (a dump's pages)."""
        other = copy.copy(self)
        other._index = index
        other._contexts = {
            code: replace(context, index=index) for code, context in self._contexts.items()
        }
        return other

    def rules_with_contexts(self):
        """Each selected rule with its context, the content index attached when it needs one."""
        for rule in self.rules:
            context = self._contexts[rule.code]
            if rule.needs_index and context.index is None:
                context.index = self.index
            yield rule, context

    def check_text(
        self, text: str, path: Path | None = None, title: str | None = None
    ) -> FileResult:
        """Check ``text`` as the file ``path``; ``title`` overrides the title it would get."""
        config = self.loaded.config
        if path is not None and path.suffix.lower() in UNSUPPORTED_SUFFIXES:
            message = (
                f"unsupported format ({path.suffix}): editlint reads Markdown, MediaWiki "
                "wikitext and plain-text exports"
            )
            if is_dump(path):
                message += "; name a MediaWiki dump's file to check its pages"
            return FileResult(path, text, [_input_error(UNPARSABLE_CODE, message, 0)], False)
        refusal = screen_text(text, config.max_file_size, config.max_line_length)
        if refusal is not None:
            return FileResult(path, text, [_input_error(*refusal)], False)
        try:
            with clock_limit(self.parse_seconds):
                document = parse_document(text, path)
            if title is not None:
                document.title = title
        except OutOfTime:
            message = f"took longer than {self.parse_seconds:g} s to parse; not checked"
            return FileResult(path, text, [_input_error(UNPARSABLE_CODE, message, 0)], False)
        except InputError as error:
            return FileResult(
                path, text, [_input_error(UNPARSABLE_CODE, error.message, error.offset)], False
            )
        except RecursionError:
            return FileResult(
                path, text, [_input_error(UNPARSABLE_CODE, "too deeply nested to parse", 0)], False
            )
        with probing() as probes:
            diagnostics = self.check_document(document)
        return FileResult(path, text, diagnostics, probes=tuple(sorted(set(probes))))

    def check_file(self, path: Path) -> FileResult:
        raw = read_bytes(path, self.loaded.config.max_file_size, self.loaded.root)
        if isinstance(raw, tuple):
            return FileResult(path, None, [_input_error(*raw)], False)
        return self.check_bytes(path, raw)

    def check_bytes(self, path: Path, raw: bytes) -> FileResult:
        """Check the file ``path`` whose content is ``raw``."""
        text = decode(raw)
        if isinstance(text, tuple):
            return FileResult(path, None, [_input_error(*text)], False)
        return self.check_text(text, path)

    def _run_rules(
        self,
        document: Document,
        ignored: tuple[str, ...],
        diagnostics: list[Diagnostic],
        started: list[Rule],
    ) -> bool:
        """Run the rules not ``ignored`` on ``document`` into ``diagnostics``, noting each in
        ``started``; True when a rule had more findings than are kept."""
        cut_short = False
        for rule in self.rules:
            started.append(rule)
            if ignored and rule.code.startswith(ignored):
                continue
            try:
                if rule.code in self._unprepared:
                    raise self._unprepared[rule.code]
                if not rule.relevant(document):
                    continue
                context = self._contexts[rule.code]
                if rule.needs_index and context.index is None:
                    context.index = self.index
                with match_time_limit():
                    found = list(islice(rule.check(document, context), MAX_FINDINGS_PER_FILE + 1))
                if len(found) > MAX_FINDINGS_PER_FILE:
                    cut_short = True  # the rule is not asked for the rest
            except OutOfTime:
                raise
            except Exception as error:  # one rule's crash must not stop the others
                found = [_internal_error(rule, error)]
            diagnostics.extend(found)
        return cut_short

    def check_document(self, document: Document) -> list[Diagnostic]:
        """Run every selected rule on ``document``; filter, re-grade and sort the findings."""
        config = self._config
        file_settings = _file_settings(document)
        file_ignores = ignored_for_file(document.path, self.loaded.root, config.per_file_ignores)
        file_ignores += file_settings.get("ignore", [])
        diagnostics: list[Diagnostic] = []
        cut_short = False
        ignored = tuple(file_ignores)
        Workspace.attach(document, self.words)
        started: list[Rule] = []  # the rules begun so far
        try:
            with clock_limit(self.rules_seconds):
                cut_short = self._run_rules(document, ignored, diagnostics, started)
        except OutOfTime:  # the rules' time is up: the one running gives up, the rest never run
            rule = started[-1] if started else None
            skipped = len(self.rules) - len(started)
            diagnostics.append(_rules_out_of_time(rule, self.rules_seconds, skipped))
        finally:
            document.workspace = None  # what the rules shared dies with the check
        diagnostics = without_tagged(document, diagnostics)
        suppressions = find_suppressions(document, file_ignores)
        severities = {**config.severity, **file_settings.get("severity", {})}
        kept = []
        for diagnostic in diagnostics:
            if diagnostic.code != INTERNAL_CODE and suppressions.suppresses(diagnostic):
                continue
            diagnostic.severity = severity_for(diagnostic.code, diagnostic.severity, severities)
            kept.append(diagnostic)
        kept.sort(key=Diagnostic.sort_key)
        return _bounded(fold_related(kept), cut_short)


def _rules_out_of_time(rule: Rule | None, seconds: float, skipped: int) -> Diagnostic:
    """The ``INT001`` finding of a file whose rules ran past their clock limit."""
    who = f"rule {rule.code} gave up" if rule is not None else "the rules gave up"
    message = f"{who}: the rules took longer than {seconds:g} s together on this file"
    if skipped:
        message += f"; {skipped} more not run"
    return Diagnostic(
        INTERNAL_CODE, message, 0, 0, Severity.ERROR, Category.INTERNAL, rule_name="internal"
    )


def _bounded(diagnostics: list[Diagnostic], cut_short: bool) -> list[Diagnostic]:
    """The first ``MAX_FINDINGS_PER_FILE`` findings and, past that, one summary finding."""
    if len(diagnostics) <= MAX_FINDINGS_PER_FILE:
        return diagnostics
    hidden = len(diagnostics) - MAX_FINDINGS_PER_FILE
    more = f"at least {hidden:,}" if cut_short else f"{hidden:,}"
    message = (
        f"{more} more findings in this file not shown: over the limit of "
        f"{MAX_FINDINGS_PER_FILE:,} per file (fix or ignore the ones shown, or check for a "
        "generated or hostile file)"
    )
    summary = Diagnostic(
        TOO_MANY_CODE,
        message,
        0,
        0,
        Severity.WARNING,
        Category.INTERNAL,
        rule_name="too-many-findings",
    )
    return [*diagnostics[:MAX_FINDINGS_PER_FILE], summary]


def _checked_selectors(
    rules: list[Rule], loaded: LoadedConfig, overrides: SelectionOverrides
) -> tuple[Config, SelectionOverrides]:
    """The config's and the command line's selectors as code prefixes; a UsageError for a
    selector that names no rule (a typo must never switch the gate off)."""
    selectors = Selectors(rules)
    config, path = loaded.config, loaded.path
    checked = replace(
        config,
        **{
            "select": selectors.resolve_all(config.select, "'select'", path),
            "extend_select": selectors.resolve_all(config.extend_select, "'extend-select'", path),
            "ignore": selectors.resolve_all(config.ignore, "'ignore'", path),
            "per_file_ignores": {
                glob: selectors.resolve_all(codes, f"'per-file-ignores' ({glob})", path)
                for glob, codes in config.per_file_ignores.items()
            },
            "severity": {
                selectors.resolve(code, "'severity'", path): level
                for code, level in config.severity.items()
            },
            "rules": {
                selectors.resolve(code, "'rules'", path): options
                for code, options in config.rules.items()
            },
        },
    )
    return checked, SelectionOverrides(
        select=None
        if overrides.select is None
        else selectors.resolve_all(overrides.select, "--select"),
        ignore=selectors.resolve_all(overrides.ignore, "--ignore"),
        extend_select=selectors.resolve_all(overrides.extend_select, "--extend-select"),
    )


def _options(rule: Rule, raw: dict, loaded: LoadedConfig, known: ValidatedStore | None):
    from editlint.yamlsource import validate

    return validate(rule.options_model, raw, loaded.path or "config", known=known)


def _file_settings(document: Document) -> dict:
    settings = document.meta.get("editlint")
    if not isinstance(settings, dict):
        return {}
    ignore = settings.get("ignore", [])
    severity = settings.get("severity", {})
    return {
        "ignore": [str(code) for code in ignore] if isinstance(ignore, list) else [],
        "severity": {
            str(code): Severity(value)
            for code, value in (severity.items() if isinstance(severity, dict) else [])
            if value in {s.value for s in Severity}
        },
    }


def _input_error(code: str, message: str, offset: int) -> Diagnostic:
    return Diagnostic(
        code, message, offset, offset, Severity.ERROR, Category.INPUT, rule_name="input"
    )


def _internal_error(rule: Rule, error: BaseException) -> Diagnostic:
    where = traceback.extract_tb(error.__traceback__)[-1] if error.__traceback__ else None
    location = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
    message = f"rule {rule.code} failed: {type(error).__name__}: {error}{location}"
    if isinstance(error, TimeoutError):
        message = (
            f"rule {rule.code} gave up: its patterns took longer than "
            f"{MATCH_TIMEOUT_SECONDS:g} s on this file"
        )
    return Diagnostic(
        INTERNAL_CODE,
        message,
        0,
        0,
        Severity.ERROR,
        Category.INTERNAL,
        rule_name="internal",
    )
