"""The new source findings (SRC401 stale-statement, SRC501 unsourced-blp-claim) travel through
the HTML report and the language server like any other."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

CONFIG = "select: [SRC401, SRC501]\n"
ARTICLE = "---\nliving_person: true\n---\nAs of 2015, she was accused of fraud.\n"
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS


def test_the_html_report_carries_them(cli, tmp_path):
    (tmp_path / "editlint.yaml").write_text(CONFIG)
    (tmp_path / "roe.md").write_text(ARTICLE)
    page = cli("check", "--format", "html", "--no-cache", ".", cwd=tmp_path).stdout
    assert "SRC401" in page and "SRC501" in page
    assert "Contentious claim about a living person" in page


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("wiki")
    (root / "editlint.yaml").write_text(CONFIG)
    return root


@pytest.mark.asyncio
async def test_the_language_server_publishes_them(client: LanguageClient, workspace):
    uri = (workspace / "roe.md").as_uri()
    waiter = client.protocol.wait_for_notification_async(PUBLISH)
    item = types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=ARTICLE)
    client.text_document_did_open(types.DidOpenTextDocumentParams(item))
    published = await asyncio.wait_for(waiter, 20)
    found = sorted(
        (str(d.code), d.range.start.line, d.range.start.character, d.range.end.character)
        for d in published.diagnostics
    )
    assert found == [("SRC401", 3, 0, 10), ("SRC501", 3, 20, 27)]
    blp = next(d for d in published.diagnostics if d.code == "SRC501")
    assert blp.severity == types.DiagnosticSeverity.Error
