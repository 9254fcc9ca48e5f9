"""The editlint language server as the LSP tests start it: this checkout's code, over stdio."""

from __future__ import annotations

import os
import sys

from pytest_lsp import ClientServerConfig

from conftest import ROOT

SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "editlint", "lsp"],
    server_env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
)
