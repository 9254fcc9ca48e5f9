"""The editlint language server as the LSP tests start it (this checkout's code, over stdio),
and the client fixture they share: a module defines ``workspace`` (the folder the session is
rooted at) and may override ``lsp_capabilities``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

ROOT = Path(__file__).resolve().parents[1]

SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "editlint", "lsp"],
    server_env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
)


@pytest.fixture
def lsp_capabilities() -> types.ClientCapabilities:
    """What the test client offers the server: VS Code's capabilities."""
    return client_capabilities("visual-studio-code")


@pytest_lsp.fixture(config=SERVER)
async def client(
    lsp_client: LanguageClient, workspace: Path, lsp_capabilities: types.ClientCapabilities
):
    """A client in an initialized session rooted at ``workspace``; ``client.announced`` is
    the position encoding the server chose."""
    params = types.InitializeParams(capabilities=lsp_capabilities, root_uri=workspace.as_uri())
    result = await lsp_client.initialize_session(params)
    lsp_client.announced = result.capabilities.position_encoding
    yield
    await lsp_client.shutdown_session()
