"""The language server (``editlint lsp``): the engine's diagnostics, fixes and explanations in
an editor, over stdio.

A thin face on the engine like the CLI. Documents are checked on open at once and on change
after a short pause (``DEBOUNCE_SECONDS``), one check at a time in a worker thread; a check whose
document changed meanwhile is never published. Positions are converted between character offsets
and the client's position encoding (UTF-16 code units unless the client negotiated otherwise).
Needs the ``lsp`` extra (pygls, lsprotocol); the CLI imports this module only for ``editlint lsp``.
"""

from __future__ import annotations

import asyncio
import logging
import re
from bisect import bisect_right
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import PositionCodec

from editlint._version import __version__
from editlint.config.model import config_near, find_config
from editlint.diagnostics import Applicability, Category, Diagnostic, Severity
from editlint.engine.runner import Checker
from editlint.errors import UsageError
from editlint.fixes.apply import fix_text, wanted
from editlint.project import docs_url_of
from editlint.rules.base import Rule

DEBOUNCE_SECONDS = 0.2
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.editlint"
logger = logging.getLogger(__name__)
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

_SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


class Positions:
    """Character offsets of one text <-> LSP positions in a given encoding.

    Lines end at ``\n``, ``\r\n`` or ``\r``, as the protocol defines them; code units are
    counted by pygls' ``PositionCodec``.
    """

    def __init__(self, text: str, encoding: str = types.PositionEncodingKind.Utf16.value) -> None:
        self.text = text
        self.encoding = encoding
        self._units = PositionCodec(encoding).client_num_units  # code units of a string
        self._starts = [0] + [match.end() for match in _LINE_BREAK.finditer(text)]

    def _line_end(self, line: int) -> int:
        """Offset of the end of ``line`` (0-based), before its line break."""
        if line + 1 >= len(self._starts):
            return len(self.text)
        end = self._starts[line + 1]
        return end - (2 if self.text.startswith("\r\n", end - 2) else 1)

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self._starts, offset) - 1
        start = self._starts[line]
        return types.Position(line, self._units(self.text[start:offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def offset(self, position: types.Position) -> int:
        """The offset of ``position``; past a line's end means its end (as LSP asks)."""
        if position.line < 0:
            return 0
        if position.line >= len(self._starts):
            return len(self.text)
        start, end = self._starts[position.line], self._line_end(position.line)
        units = 0
        for offset in range(start, end):
            if units >= position.character:
                return offset
            units += self._units(self.text[offset])
        return end


@dataclass
class CheckedDocument:
    """The last check of an open document: what was checked and what it found."""

    uri: str
    version: int | None
    text: str
    diagnostics: list[Diagnostic]
    positions: Positions
    rules: dict[str, Rule]
    checker: Checker | None
    path: Path | None

    def to_lsp(self, diagnostic: Diagnostic) -> types.Diagnostic:
        rule = self.rules.get(diagnostic.code)
        docs = docs_url_of(diagnostic.code, rule.docs_url if rule else "")
        return types.Diagnostic(
            range=self.positions.range(diagnostic.start, diagnostic.end),
            message=diagnostic.message,
            severity=_SEVERITIES[diagnostic.severity],
            code=diagnostic.code,
            code_description=types.CodeDescription(href=docs) if docs else None,
            source="editlint",
        )

    def at(self, start: int, end: int) -> list[Diagnostic]:
        """Findings whose span touches ``[start, end]``."""
        return [d for d in self.diagnostics if d.start <= end and start <= d.end]


class _Resyncing:
    """A message reader that finds the next header again after a malformed message: the body
    of a message pygls could not frame is read as a header line, glued to the next message's
    ``Content-Length`` line; that line is cut back to the header."""

    def __init__(self, reader) -> None:
        self._reader = reader

    async def readline(self) -> bytes:
        line = await self._reader.readline()
        at = line.rfind(b"Content-Length:")
        return line[at:] if at > 0 else line

    async def readexactly(self, count: int) -> bytes:
        return await self._reader.readexactly(count)


class EditlintServer(LanguageServer):
    """Checks open documents with the config found upward from each document's path."""

    def __init__(self) -> None:
        super().__init__("editlint", __version__)
        self.debounce = DEBOUNCE_SECONDS
        self._checks = ThreadPoolExecutor(max_workers=1, thread_name_prefix="editlint-check")
        self._pending: dict[str, asyncio.Task] = {}
        self._checked: dict[str, CheckedDocument] = {}
        self._checkers: dict[tuple, Checker] = {}

    def _start_io_async(self, stdin=None, stdout=None) -> None:
        """pygls's stdio loop, reading through ``_Resyncing``: after a message with a bad
        ``Content-Length`` (or none) pygls glued every later header to the body before it and
        never answered again. (Overrides a private pygls method; its body as in pygls 2.0.)"""
        import sys
        import threading

        from pygls.io_ import StdinAsyncReader, StdoutWriter, run_async

        self._stop_event = threading.Event()
        reader = _Resyncing(StdinAsyncReader(stdin or sys.stdin.buffer, self.thread_pool))
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
        try:
            asyncio.run(
                run_async(
                    stop_event=self._stop_event,
                    reader=reader,
                    protocol=self.protocol,
                    logger=logger,
                    error_handler=self.report_server_error,
                )
            )
        except BrokenPipeError:
            logger.error("the client is gone; shutting down")
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.shutdown()

    # -- checking ---------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds, dropping any check still waiting for it."""
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self._pending[uri] = asyncio.ensure_future(self._check_and_publish(uri, delay))

    async def _check_and_publish(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            checked = await self.checked(uri)
            if checked is not None and self._is_current(checked):
                self.publish(checked)
        except asyncio.CancelledError:
            raise
        except Exception:  # the server must outlive any one failed check
            logger.exception("checking %s failed", uri)
        finally:
            if self._pending.get(uri) is asyncio.current_task():
                del self._pending[uri]

    def _is_current(self, checked: CheckedDocument) -> bool:
        document = self.workspace.text_documents.get(checked.uri)
        return document is not None and document.version == checked.version

    async def checked(self, uri: str) -> CheckedDocument | None:
        """The check of the document's current text (run now unless already done)."""
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return None
        known = self._checked.get(uri)
        text, version = document.source, document.version
        if known is not None and known.version == version and known.text == text:
            return known
        # pygls holds the negotiated encoding as an enum or as its string ("utf-8")
        negotiated = self.workspace.position_encoding
        encoding = str(getattr(negotiated, "value", negotiated) or "utf-16")
        loop = asyncio.get_running_loop()
        checked = await loop.run_in_executor(
            self._checks, self._check, uri, text, version, encoding
        )
        if self.workspace.text_documents.get(uri) is document:
            self._checked[uri] = checked
        return checked

    def _check(self, uri: str, text: str, version: int | None, encoding: str) -> CheckedDocument:
        path = _path_of(uri)
        positions = Positions(text, encoding)
        try:
            checker = self._checker_for(path)
            diagnostics = checker.check_text(text, path).diagnostics
        except UsageError as error:  # a broken config: say so in the document, keep serving
            checker, diagnostics = None, [_config_problem(error)]
        rules = {rule.code: rule for rule in checker.rules} if checker else {}
        return CheckedDocument(uri, version, text, diagnostics, positions, rules, checker, path)

    def _checker_for(self, path: Path | None) -> Checker:
        start = path.parent if path is not None else Path(self.workspace.root_path or Path.cwd())
        config = find_config(start)
        stamp = config.stat().st_mtime_ns if config is not None else None
        key = (config, stamp, None if config is not None else start)
        if key not in self._checkers:
            self._checkers[key] = Checker(config_near(path if path is not None else start))
        return self._checkers[key]

    def forget_checkers(self) -> None:
        """Drop cached checkers, so configs and the content index are read afresh."""
        self._checkers.clear()
        self._checked.clear()

    def publish(self, checked: CheckedDocument) -> None:
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=checked.uri,
                version=checked.version,
                diagnostics=[checked.to_lsp(d) for d in checked.diagnostics],
            )
        )

    def close(self, uri: str) -> None:
        pending = self._pending.pop(uri, None)
        if pending is not None:
            pending.cancel()
        self._checked.pop(uri, None)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    # -- code actions and hover -------------------------------------------------------------

    async def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        checked = await self.checked(uri)
        if checked is None:
            return None
        start = checked.positions.offset(params.range.start)
        end = checked.positions.offset(params.range.end)
        actions = [
            _quick_fix(checked, d)
            for d in checked.at(start, end)
            if wanted(d.fix, Applicability.UNSAFE)
        ]
        if any(wanted(d.fix, Applicability.SAFE) for d in checked.diagnostics):
            loop = asyncio.get_running_loop()
            fix_all = await loop.run_in_executor(self._checks, _fix_all, checked)
            if fix_all is not None:
                actions.append(fix_all)
        only = params.context.only
        if only:
            actions = [a for a in actions if any(str(a.kind).startswith(str(k)) for k in only)]
        return actions

    async def hover(self, params: types.HoverParams) -> types.Hover | None:
        checked = await self.checked(params.text_document.uri)
        if checked is None:
            return None
        offset = checked.positions.offset(params.position)
        found = [d for d in checked.diagnostics if d.start <= offset <= max(d.end, d.start + 1)]
        if not found:
            return None
        text = "\n\n---\n\n".join(_explanation(d, checked.rules.get(d.code)) for d in found)
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text),
            range=checked.positions.range(found[0].start, found[0].end),
        )


def _path_of(uri: str) -> Path | None:
    path = to_fs_path(uri) if uri.startswith("file:") else None
    return Path(path) if path else None


def _config_problem(error: UsageError) -> Diagnostic:
    message = f"editlint config: {error.render()}"
    return Diagnostic("CONFIG", message, 0, 0, Severity.ERROR, Category.INPUT)


def _quick_fix(checked: CheckedDocument, diagnostic: Diagnostic) -> types.CodeAction:
    fix = diagnostic.fix
    assert fix is not None
    title = f"{diagnostic.code}: {fix.description or 'apply the suggested fix'}"
    if fix.applicability is Applicability.UNSAFE:
        title += " (unsafe: check the result)"
    edits = [
        types.TextEdit(checked.positions.range(edit.start, edit.end), edit.replacement)
        for edit in fix.edits
    ]
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[checked.to_lsp(diagnostic)],
        edit=types.WorkspaceEdit(changes={checked.uri: edits}),
        is_preferred=fix.applicability is Applicability.SAFE,
    )


def _fix_all(checked: CheckedDocument) -> types.CodeAction | None:
    """One action applying every safe fix (repeated until stable), as a whole-text edit."""
    checker = checked.checker
    if checker is None:
        return None
    outcome = fix_text(
        checked.text, lambda text: checker.check_text(text, checked.path).diagnostics
    )
    if outcome.text == checked.text:
        return None
    whole = checked.positions.range(0, len(checked.text))
    return types.CodeAction(
        title=f"editlint: fix all safe findings ({outcome.applied})",
        kind=FIX_ALL_KIND,
        edit=types.WorkspaceEdit(changes={checked.uri: [types.TextEdit(whole, outcome.text)]}),
    )


def _explanation(diagnostic: Diagnostic, rule: Rule | None) -> str:
    lines = [
        f"**{diagnostic.code}** {diagnostic.rule_name} ({diagnostic.category.value}, "
        f"{diagnostic.severity.value})",
        "",
        diagnostic.message,
    ]
    if rule is not None and (rule.explanation or rule.summary):
        lines += ["", (rule.explanation or rule.summary).strip()]
    if diagnostic.fix is not None:
        label = diagnostic.fix.description or "a fix is available"
        lines += ["", f"Fix ({diagnostic.fix.applicability.value}): {label}"]
    return "\n".join(lines)


def create_server() -> EditlintServer:
    """A server with every feature registered (not yet started)."""
    server = EditlintServer()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: EditlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: EditlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: EditlintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.forget_checkers()  # the content index or a config may have changed on disk
        for uri in list(ls.workspace.text_documents):
            ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: EditlintServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL_KIND]),
    )
    async def code_action(ls: EditlintServer, params: types.CodeActionParams):
        return await ls.code_actions(params)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: EditlintServer, params: types.HoverParams):
        return await ls.hover(params)

    return server


def serve() -> None:
    """Run the server over stdin/stdout until the client says exit."""
    logging.basicConfig(level=logging.WARNING, format="editlint-lsp: %(levelname)s %(message)s")
    create_server().start_io()
