"""The language server under fire: 200 rapid random edits with hostile fragments, interleaved
with malformed requests; it keeps answering, and its final diagnostics are the CLI's."""

from __future__ import annotations

import asyncio
import json
import os
import random
import subprocess
import sys
from functools import partial
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import ROOT

PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
START = """---
title: Quay
see_also: [Harbour]
---

The legendary quay was built in 1850 [@q]. Critics say it is very big.

## See also

- [[Harbour]]
- [[Nowhere]]
"""
FRAGMENTS = [
    "very ",
    "legendary ",
    "[[Nowhere]] ",
    "[^1]",
    "\n\n## See also\n\n- x\n",
    "---\n",
    "\n",
    "[@k]",
    "```\n",
    "> > > > ",
    "- - - - - - - - - - - ",
    "`",
    "[" * 50,
    "<!-- ",
    "editlint-disable -->",
    "title: [x\n",
    "&a [*a]",
    "!!python/name:os.system ",
    "\t",
    "See also Nowhere and Atlantis. ",
    "http://x.invalid/" + "a" * 300,
    "![",
]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("wiki")
    (root / "editlint.yaml").write_text("content_root: content\n")
    (root / "content").mkdir()
    (root / "content" / "harbour.md").write_text("---\ntitle: Harbour\n---\n\nDocks [@d].\n")
    return root


def _position(text: str, offset: int) -> types.Position:
    line = text.count("\n", 0, offset)
    return types.Position(line, offset - (text.rfind("\n", 0, offset) + 1))


def _random_edit(rng: random.Random, text: str) -> tuple[str, types.TextEdit]:
    start = rng.randint(0, len(text))
    end = min(len(text), start + rng.choice([0, 0, 1, 3, 20]))
    new = rng.choice(FRAGMENTS) if rng.random() < 0.8 else ""
    edit = types.TextEdit(types.Range(_position(text, start), _position(text, end)), new)
    return text[:start] + new + text[end:], edit


RAW = [
    '{"jsonrpc": "2.0", "id": 9001, "method": "textDocument/hover", "params": {"bogus": 1}}',
    '{"jsonrpc": "2.0", "id": 9002, "method": "editlint/noSuchMethod", "params": [1, 2]}',
    '{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": 7}}',
    '{"jsonrpc": "2.0", "id": 9003, "method": "textDocument/codeAction", "params": null}',
    "{{{{ not json",
    "[]",
    '"just a string"',
]


def _send_raw(lsp: LanguageClient, body: str) -> None:
    """Bytes no well-behaved client would send, framed as a message (or not at all)."""
    data = body.encode()
    lsp.protocol.writer.write(b"Content-Length: %d\r\n\r\n" % len(data) + data)


async def _malformed(lsp: LanguageClient, uri: str, rng: random.Random) -> None:
    """Requests a buggy or hostile client might send; none may kill the server."""
    far = types.Position(10**6, 10**6)
    kind = rng.randrange(5)
    try:
        if kind == 0:
            _send_raw(lsp, rng.choice(RAW))
        elif kind == 1:
            await lsp.text_document_hover_async(
                types.HoverParams(types.TextDocumentIdentifier(uri), far)
            )
        elif kind == 2:
            await lsp.text_document_code_action_async(
                types.CodeActionParams(
                    types.TextDocumentIdentifier(uri + ".unopened"),
                    types.Range(far, far),
                    types.CodeActionContext(diagnostics=[]),
                )
            )
        elif kind == 3:
            await lsp.workspace_execute_command_async(
                types.ExecuteCommandParams(command="editlint.noSuchCommand", arguments=[None])
            )
        else:
            await lsp.text_document_hover_async(
                types.HoverParams(types.TextDocumentIdentifier("file:///no/such/file.md"), far)
            )
    except Exception as error:  # an error response is fine; a dead server is not
        assert "closed" not in str(error).lower(), error


def _replace_all(lsp: LanguageClient, uri: str, version: int, text: str) -> None:
    change = types.TextDocumentContentChangeWholeDocument(text=text)
    lsp.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version), [change]
        )
    )


async def _published(lsp: LanguageClient, send, version: int) -> list[types.Diagnostic]:
    waiter = lsp.protocol.wait_for_notification_async(PUBLISH)
    send()
    while True:
        params = await asyncio.wait_for(waiter, 60)
        if params.version == version:
            return params.diagnostics
        waiter = lsp.protocol.wait_for_notification_async(PUBLISH)


def _cli_spans(workspace: Path, path: Path) -> list[tuple[str, int, int, int, int]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "editlint", "check", "--no-cache", "--format", "json", str(path)],
        cwd=workspace,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode in (0, 1), result.stderr
    return sorted(
        (d["code"], d["line"] - 1, d["column"] - 1, d["end_line"] - 1, d["end_column"] - 1)
        for d in json.loads(result.stdout)["diagnostics"]
    )


@pytest.mark.asyncio
async def test_200_rapid_edits_and_malformed_requests_then_same_diagnostics_as_cli(
    client: LanguageClient, workspace: Path
):
    rng = random.Random(9)
    path = workspace / "content" / "quay.md"
    uri = path.as_uri()
    item = types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=START)
    client.text_document_did_open(types.DidOpenTextDocumentParams(item))
    text = START
    for version in [*range(2, 100), *range(103, 205)]:
        text, edit = _random_edit(rng, text)
        change = types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version), [change]
            )
        )
        if version % 10 == 0:
            await _malformed(client, uri, rng)
        if version == 99:  # a binary moment: a NUL byte in the whole text, then gone again
            _replace_all(client, uri, 101, text + "\x00")
            _replace_all(client, uri, 102, text)
    # The burst's text, then the start text with it as the body: each as the CLI sees it.
    body = START + "\n" + text.replace("---", "- - -")
    for version, final in ((303, text), (304, body)):
        send = partial(_replace_all, client, uri, version, final)
        diagnostics = await _published(client, send, version)
        path.write_text(final, encoding="utf-8", newline="")
        lsp = sorted(
            (
                str(d.code),
                d.range.start.line,
                d.range.start.character,
                d.range.end.line,
                d.range.end.character,
            )
            for d in diagnostics
        )
        assert final.isascii()  # columns compare directly (UTF-16 units = characters)
        assert lsp == _cli_spans(workspace, path)
    assert len(lsp) > 3  # the article body gave real findings, not one input error
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 0))
    )
    assert hover is None or hover.contents is not None  # still answering
