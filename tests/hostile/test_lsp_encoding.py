"""The language server speaks the position encoding it announces: a client that offers UTF-8
gets UTF-8 positions and quick fixes that land on the right bytes (#21 item 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient, client_capabilities

from house import HOUSE_PACK

PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
TEXT = "été we utilise it [@q].\n"


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("wiki")
    (root / "editlint.yaml").write_text("select: [HSE101]\nrule_paths: [house.yaml]\n")
    (root / "house.yaml").write_text(HOUSE_PACK)
    return root


@pytest.fixture
def lsp_capabilities() -> types.ClientCapabilities:
    """VS Code's capabilities, offering UTF-8 positions first."""
    capabilities = client_capabilities("visual-studio-code")
    capabilities.general = types.GeneralClientCapabilities(
        position_encodings=[types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16]
    )
    return capabilities


@pytest.mark.asyncio
async def test_utf8_positions_when_the_server_announces_utf8(client: LanguageClient, workspace):
    assert client.announced in (types.PositionEncodingKind.Utf8, "utf-8")
    uri = (workspace / "quay.md").as_uri()
    waiter = client.protocol.wait_for_notification_async(PUBLISH)
    item = types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=TEXT)
    client.text_document_did_open(types.DidOpenTextDocumentParams(item))
    published = await waiter
    (found,) = published.diagnostics
    start = len("été we ".encode())  # 9 bytes; 7 characters, 7 UTF-16 units
    assert (found.range.start.character, found.range.end.character) == (start, start + 7)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri),
            range=found.range,
            context=types.CodeActionContext(diagnostics=[found]),
        )
    )
    (edit,) = actions[0].edit.changes[uri]
    raw = TEXT.encode()
    fixed = raw[: edit.range.start.character] + edit.new_text.encode()
    fixed += raw[edit.range.end.character :]
    assert fixed.decode() == "été we use it [@q].\n"
