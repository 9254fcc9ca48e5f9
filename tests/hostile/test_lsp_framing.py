"""The language server after a malformed message: a ``Content-Length`` that is no number, or
none at all, costs that message only; the next one is answered (#21 item 12, second half)."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading

import pytest

from conftest import ROOT


def _frame(message: dict) -> bytes:
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def _messages(stream, into: queue.Queue) -> None:
    """Every message the server writes, put on ``into`` (None when its output ends)."""
    while True:
        header = stream.readline()
        if not header:
            into.put(None)
            return
        if header.startswith(b"Content-Length:"):
            length = int(header.split(b":")[1])
            while stream.readline().strip():  # other headers (Content-Type), then a blank line
                pass
            into.put(json.loads(stream.read(length)))


def _answer(messages: queue.Queue, wanted: int) -> dict:
    """The response with id ``wanted``; a server that went silent fails (after a minute)
    instead of hanging the test."""
    while True:
        message = messages.get(timeout=60)
        assert message is not None, "the server closed its output"
        if message.get("id") == wanted:
            return message


@pytest.mark.parametrize(
    "broken",
    [
        b'Content-Length: abc\r\n\r\n{"jsonrpc": "2.0", "method": "x"}',
        b'\r\n{"jsonrpc": "2.0", "method": "x"}',
        b'Content-Type: text/plain\r\n\r\n{"jsonrpc": "2.0"}',
    ],
    ids=["not-a-number", "no-header", "no-length"],
)
def test_a_malformed_message_costs_that_message_only(tmp_path, broken):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    server = subprocess.Popen(
        [sys.executable, "-m", "editlint", "lsp"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    messages: queue.Queue = queue.Queue()
    threading.Thread(target=_messages, args=(server.stdout, messages), daemon=True).start()
    try:
        server.stdin.write(
            _frame(
                {
                    "jsonrpc": "2.0",
                    "id": 1,
                    "method": "initialize",
                    "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}},
                }
            )
        )
        server.stdin.flush()
        assert "capabilities" in _answer(messages, 1)["result"]
        server.stdin.write(broken)
        server.stdin.write(_frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}))
        server.stdin.flush()
        assert _answer(messages, 2)["result"] is None
        server.stdin.write(_frame({"jsonrpc": "2.0", "method": "exit"}))
        server.stdin.flush()
        server.wait(timeout=60)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
