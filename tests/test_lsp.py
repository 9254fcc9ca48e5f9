"""The language server with a real LSP client (pytest-lsp) over stdio."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from conftest import ROOT
from editlint.lsp import Positions
from house import HOUSE_PACK

PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS

CONFIG = "content_root: content\nselect: [NEU101, SEE101, HSE101]\nrule_paths: [house.yaml]\n"
ARTICLE = """---
title: Quay
---

🚢 The legendary quay 🚢 was built to utilise the tide [@q].

## See also

- [[Harbour]]
- [[Nowhere]]
"""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("wiki")
    (root / "editlint.yaml").write_text(CONFIG)
    (root / "house.yaml").write_text(HOUSE_PACK)
    (root / "content").mkdir()
    (root / "content" / "harbour.md").write_text("---\ntitle: Harbour\n---\n\nDocks [@d].\n")
    return root


def spans(diagnostics) -> list[tuple[str, int, int, int, int]]:
    return sorted(
        (
            str(d.code),
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
        )
        for d in diagnostics
    )


async def published(client: LanguageClient, send, version: int) -> types.PublishDiagnosticsParams:
    """Send something, then wait for the diagnostics of document ``version``."""
    waiter = client.protocol.wait_for_notification_async(PUBLISH)
    send()
    while True:
        params = await asyncio.wait_for(waiter, 20)
        if params.version == version:
            return params
        waiter = client.protocol.wait_for_notification_async(PUBLISH)


def open_document(client: LanguageClient, uri: str, text: str):
    item = types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)
    return lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(item))


def change_document(client: LanguageClient, uri: str, version: int, edits: list[types.TextEdit]):
    changes = [
        types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)
        for edit in edits
    ]
    document = types.VersionedTextDocumentIdentifier(uri=uri, version=version)
    params = types.DidChangeTextDocumentParams(document, changes)
    return lambda: client.text_document_did_change(params)


EXPECTED = [
    ("HSE101", 4, 38, 4, 45),  # after two emoji: 36 characters, 38 UTF-16 code units
    ("NEU101", 4, 7, 4, 16),
    ("SEE101", 9, 4, 9, 11),
]


@pytest.mark.asyncio
async def test_diagnostics_code_action_and_updated_diagnostics(client: LanguageClient, workspace):
    uri = (workspace / "content" / "quay.md").as_uri()
    first = await published(client, open_document(client, uri, ARTICLE), 1)
    assert spans(first.diagnostics) == EXPECTED

    hse = next(d for d in first.diagnostics if d.code == "HSE101")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=hse.range,
            context=types.CodeActionContext(diagnostics=[hse]),
        )
    )
    quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
    assert [a.title for a in quick] == ["HSE101: Replace with 'use'"]
    edits = quick[0].edit.changes[uri]
    assert [(e.range.start.character, e.range.end.character, e.new_text) for e in edits] == [
        (38, 45, "use")
    ]

    second = await published(client, change_document(client, uri, 2, edits), 2)
    assert spans(second.diagnostics) == [("NEU101", 4, 7, 4, 16), ("SEE101", 9, 4, 9, 11)]


@pytest.mark.asyncio
async def test_shipped_rules_link_to_their_documentation(client: LanguageClient, workspace):
    uri = (workspace / "content" / "quay.md").as_uri()
    found = await published(client, open_document(client, uri, ARTICLE), 1)
    links = {
        str(d.code): d.code_description.href if d.code_description else None
        for d in found.diagnostics
    }
    docs = "https://github.com/editlint/editlint/blob/main/docs/rules.md"
    assert links == {"HSE101": None, "NEU101": f"{docs}#neu101", "SEE101": f"{docs}#see101"}


@pytest.mark.asyncio
async def test_hover_explains_the_rule(client: LanguageClient, workspace):
    uri = (workspace / "content" / "quay.md").as_uri()
    await published(client, open_document(client, uri, ARTICLE), 1)
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(4, 40))
    )
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value.startswith("**HSE101** plain-words (structure, warning)\n\n")
    assert (
        "House style prefers plain words; 'use' says what 'utilise' says." in hover.contents.value
    )
    assert "Fix (safe): Replace with 'use'" in hover.contents.value
    assert (hover.range.start.character, hover.range.end.character) == (38, 45)
    nothing = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 1))
    )
    assert nothing is None


@pytest.mark.asyncio
async def test_fix_all_source_action(client: LanguageClient, workspace):
    uri = (workspace / "content" / "quay.md").as_uri()
    text = ARTICLE.replace("the tide", "the tide and utilise the wind")
    await published(client, open_document(client, uri, text), 1)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
            context=types.CodeActionContext(
                diagnostics=[], only=[types.CodeActionKind.SourceFixAll]
            ),
        )
    )
    assert [a.kind for a in actions] == ["source.fixAll.editlint"]
    (edit,) = actions[0].edit.changes[uri]
    assert edit.new_text == text.replace("utilise", "use")


@pytest.mark.asyncio
async def test_rapid_edits_end_with_the_diagnostics_of_the_latest_text(
    client: LanguageClient, workspace
):
    uri = (workspace / "content" / "quay.md").as_uri()
    await published(client, open_document(client, uri, ARTICLE), 1)
    end = types.Position(10, 0)
    for version in range(2, 31):
        insert = types.TextEdit(types.Range(end, end), f"Line {version}.\n")
        change_document(client, uri, version, [insert])()
        end = types.Position(end.line + 1, 0)
    final = types.TextEdit(types.Range(end, end), "A renowned pier [@p].\n")
    last = await published(client, change_document(client, uri, 31, [final]), 31)
    assert spans(last.diagnostics) == sorted([*EXPECTED, ("NEU101", 39, 2, 39, 10)])


@pytest.mark.asyncio
async def test_a_broken_config_is_reported_in_the_document(client: LanguageClient, tmp_path):
    (tmp_path / "editlint.yaml").write_text("fail-on: sometimes\n")
    uri = (tmp_path / "a.md").as_uri()
    params = await published(client, open_document(client, uri, "A legendary port.\n"), 1)
    (diagnostic,) = params.diagnostics
    assert diagnostic.code == "CONFIG"
    assert diagnostic.message.startswith(
        f"editlint config: {tmp_path / 'editlint.yaml'}:1: fail-on"
    )


@pytest.mark.asyncio
async def test_requests_about_unknown_documents_are_answered_harmlessly(client, workspace):
    unknown = (workspace / "content" / "never-opened.md").as_uri()
    nowhere = types.TextDocumentIdentifier(unknown)
    hover = await client.text_document_hover_async(types.HoverParams(nowhere, types.Position(0, 0)))
    assert hover is None
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=nowhere,
            range=types.Range(types.Position(0, 0), types.Position(99, 99)),
            context=types.CodeActionContext(diagnostics=[]),
        )
    )
    assert actions is None
    edit = types.TextEdit(types.Range(types.Position(0, 0), types.Position(0, 0)), "x")
    change_document(client, unknown, 7, [edit])()
    # The server is still there and still checks.
    uri = (workspace / "content" / "quay.md").as_uri()
    params = await published(client, open_document(client, uri, ARTICLE), 1)
    assert spans(params.diagnostics) == EXPECTED


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_positions_round_trip_in_every_encoding(encoding):
    text = "a😀b\n\ré x\n"
    positions = Positions(text, encoding)
    units = {"utf-8": 5, "utf-16": 3, "utf-32": 2}[encoding]
    assert positions.position(2) == types.Position(0, units)
    for offset in range(len(text) + 1):
        assert positions.offset(positions.position(offset)) == offset
    assert positions.position(5) == types.Position(2, 0)  # '\r' alone ends a line too
    assert positions.offset(types.Position(0, 99)) == 3  # past the end of a line: its end
    assert positions.offset(types.Position(9, 0)) == len(text)
    crlf = Positions("ab\r\ncd", encoding)
    assert (crlf.position(4), crlf.offset(types.Position(0, 9))) == (types.Position(1, 0), 2)


def test_without_the_lsp_extra_the_command_says_what_to_install():
    code = (
        "import sys; sys.modules['pygls'] = None\n"
        "from editlint.cli import main; sys.exit(main(['lsp']))"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert result.returncode == 2
    assert result.stderr.startswith("editlint: error: the language server needs the 'lsp' extra")
    assert result.stderr.rstrip().endswith("pip install 'editlint[lsp]'")
