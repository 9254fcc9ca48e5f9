"""No network access, ever, during a check: run the real command with sockets forbidden."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

from conftest import ROOT

FORBID_SOCKETS = """
import socket

def _refuse(*args, **kwargs):
    raise SystemExit("editlint tried to use the network: socket" + repr(args[:2]))

class _NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        _refuse(*args)

socket.socket = _NoSocket
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
socket.gethostbyname = _refuse
"""

LINKS = """---
title: Links everywhere
see_also: [Harbour, "https://example.invalid/article"]
---

Read [the report](https://example.invalid/report), <https://example.invalid/x>,
http://example.invalid/bare and ![a picture](https://example.invalid/p.png) [@key].

## See also

- [[Harbour]]
- [Remote](http://192.0.2.1/wiki/Remote)
"""


def test_check_and_fix_run_with_sockets_forbidden(tmp_path, seed_path):
    (tmp_path / "sitecustomize.py").write_text(FORBID_SOCKETS)
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "content", repo)
    shutil.copy(seed_path, repo / "seed.txt")
    (repo / "links.md").write_text(LINKS)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT / "src")]),
        "NO_COLOR": "1",
    }

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "editlint", *args],
            cwd=repo,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
        )

    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.socket()"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert "tried to use the network" in probe.stderr  # the guard is really in place
    result = run("check", "--format", "json", ".")
    assert result.returncode == 1, result.stderr
    assert "network" not in result.stderr
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == len(list(repo.glob("*.md"))) + 1
    assert "internal" not in report["summary"]["by_category"]
    for fmt in ("sarif", "html", "junit", "github"):
        assert run("check", "--format", fmt, ".").returncode == 1, fmt
    fixed = run("check", "--fix", ".")
    assert "network" not in fixed.stderr and fixed.returncode in (0, 1), fixed.stderr
