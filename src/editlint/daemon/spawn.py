"""Start, find and stop the daemon of a cache folder, from the command line's process."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from editlint.daemon import LOG_NAME
from editlint.daemon.client import ask
from editlint.daemon.locate import socket_path

#: How long ``editlint daemon start`` and ``stop`` wait for the daemon to answer or go.
WAIT_SECONDS = 60.0


def status(cache_dir: Path) -> dict | None:
    """The running daemon's status, or None when none answers."""
    path = socket_path(cache_dir)
    if not os.path.exists(path):
        return None
    reply = ask(path, {"command": "status"}, timeout=10)
    return reply if reply is not None and reply.get("status") == "running" else None


def start(cache_dir: Path, config_path: Path | None, wait: bool) -> dict | None:
    """Start a daemon for ``cache_dir`` in the background (none when one answers already);
    with ``wait``, its status once it answers (None: it did not come up; see its log)."""
    running = status(cache_dir)
    if running is not None:
        return running
    cache_dir.mkdir(parents=True, exist_ok=True)
    with open(cache_dir / LOG_NAME, "ab") as log:
        config = os.path.abspath(config_path) if config_path is not None else ""
        command = [sys.executable, "-m", "editlint.daemon.server", os.path.abspath(cache_dir)]
        process = subprocess.Popen(
            [*command, config],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            cwd=cache_dir,
            start_new_session=True,  # not stopped with the terminal or hook that started it
        )
    if not wait:
        return None
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        running = status(cache_dir)
        if running is not None:
            return running
        if process.poll() is not None:  # it stopped: another daemon took the lock meanwhile?
            return status(cache_dir)
        time.sleep(0.05)
    return None


def stop(cache_dir: Path) -> dict | None:
    """Ask the daemon to stop and wait until its socket is gone; its last status, or None."""
    path = socket_path(cache_dir)
    running = status(cache_dir)
    if running is None:
        return None
    ask(path, {"command": "stop"}, timeout=10)
    deadline = time.monotonic() + WAIT_SECONDS
    while os.path.exists(path) and time.monotonic() < deadline:
        time.sleep(0.05)
    return running
