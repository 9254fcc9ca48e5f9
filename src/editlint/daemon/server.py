"""The daemon process: serve ``editlint check`` requests on a Unix socket, one at a time.

    python -m editlint.daemon.server CACHE_DIR [CONFIG]

Each request runs the command line's own ``main`` here, in the client's working folder and
environment, its output captured; the reply carries the output and exit code. The process
holds a lock file while it lives (so two never serve one folder), removes its socket when it
stops, and stops by itself after ``IDLE_SECONDS`` without a request, or when editlint's own
files change (the next command runs in its own process and may start a new daemon).
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import signal
import socket
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from editlint.daemon import LOCK_NAME
from editlint.daemon.client import PACKAGE
from editlint.daemon.freshness import FolderWatch
from editlint.daemon.locate import socket_path
from editlint.daemon.protocol import ProtocolError, receive, same_user, send
from editlint.daemon.warm import Decline, WarmState
from editlint.engine.cache import CODE_SUFFIXES, code_stamp

#: A daemon nobody asked anything for this long stops.
IDLE_SECONDS = 3 * 3600


class _Capture(io.StringIO):
    """Captured output that answers ``isatty`` as the client's stream would."""

    def __init__(self, tty: bool) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


class Server:
    """One daemon: its socket, its warm state, and whether it should go on."""

    def __init__(self, cache_dir: Path, config_path: Path | None) -> None:
        self.cache_dir = cache_dir
        self.state = WarmState(cache_dir, config_path)
        self.started = time.time()
        self.served = 0  # checks answered (not declined)
        self.running = True
        # editlint's own files, watched so that a check need not stat them all (10 ms a
        # check on a busy machine); without a watch they are stat'ed before each check.
        self._code_watch = FolderWatch(CODE_SUFFIXES)
        self._code_watch.sync(Path(PACKAGE), subfolders=True)
        self._code = code_stamp()

    def code_changed(self) -> bool:
        """Whether editlint's own files changed since this daemon started."""
        if self._code_watch.changes() == set():
            return False
        return code_stamp() != self._code

    def handle(self, request: dict) -> dict:
        command = request.get("command")
        if command == "status":
            return self.status()
        if command == "stop":
            self.running = False
            return {"status": "stopping", "pid": os.getpid()}
        if command != "check":
            return {"status": "error", "reason": f"unknown command {command!r}"}
        if request.get("package") != PACKAGE:
            return {"status": "decline", "reason": "another editlint installation"}
        if self.code_changed():
            self.running = False
            return {"status": "stale", "reason": "editlint's files changed; stopping"}
        return self.check(request)

    def status(self) -> dict:
        config = self.state.config_path
        return {
            "status": "running",
            "pid": os.getpid(),
            "config": str(config) if config is not None else None,
            "cache_dir": str(self.cache_dir),
            "served": self.served,
            # files of many-file runs answered from the result cache, and checked here
            "from_cache": self.state.cached_runs.from_cache,
            "from_memory": self.state.cached_runs.from_memory,
            "checked_for_cache": self.state.cached_runs.checked,
            "uptime": round(time.time() - self.started, 1),
        }

    def check(self, request: dict) -> dict:
        from editlint.cli import main

        argv, tty = request.get("argv"), request.get("tty")
        if not isinstance(argv, list) or not all(isinstance(word, str) for word in argv):
            return {"status": "error", "reason": "no command line"}
        if not isinstance(tty, list) or len(tty) != 2:
            return {"status": "error", "reason": "no terminal flags"}
        stdout, stderr = _Capture(bool(tty[0])), _Capture(bool(tty[1]))
        try:
            with _client_world(request, stdout, stderr):
                code = main(argv, warm=self.state)
        except Decline as reason:
            return {"status": "decline", "reason": str(reason)}
        except Exception as error:  # a working folder gone, a bad request: run it at home
            return {"status": "error", "reason": f"{type(error).__name__}: {error}"}
        self.served += 1
        return {
            "status": "done",
            "exit": code,
            "stdout": stdout.getvalue(),
            "stderr": stderr.getvalue(),
        }


@contextlib.contextmanager
def _client_world(request: dict, stdout: io.StringIO, stderr: io.StringIO) -> Iterator[None]:
    """Run as the client would: in its working folder and environment, printing to ``stdout``
    and ``stderr``; this process's own are put back afterwards. (The daemon serves one request
    at a time, so nothing else sees them meanwhile.)"""
    env = request["env"]
    if not isinstance(env, dict):
        raise TypeError("env must be a mapping")
    folder, saved_env = os.getcwd(), dict(os.environ)
    os.chdir(request["cwd"])
    try:
        os.environ.clear()
        os.environ.update({str(key): str(value) for key, value in env.items()})
        with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
            yield
    finally:
        os.environ.clear()
        os.environ.update(saved_env)
        os.chdir(folder)


def serve(cache_dir: Path, config_path: Path | None) -> int:
    """Serve until stopped, idle or stale; 1 when another daemon already serves the folder."""
    import fcntl

    cache_dir.mkdir(parents=True, exist_ok=True)
    lock = os.open(cache_dir / LOCK_NAME, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(lock)
        return 1
    path = Path(socket_path(cache_dir))
    if path.parent != Path(os.path.abspath(cache_dir)) and not _own_private_folder(path.parent):
        print(f"editlint daemon: {path.parent} is not a private folder of this user", flush=True)
        os.close(lock)
        return 1
    with contextlib.suppress(FileNotFoundError):
        path.unlink()  # a dead daemon's: the lock says no live one holds it
    server = Server(cache_dir, config_path)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old_mask = os.umask(0o177)
    try:
        listener.bind(os.fspath(path))
    finally:
        os.umask(old_mask)
    listener.listen(16)
    listener.settimeout(IDLE_SECONDS)
    # ``kill`` stops it like ``daemon stop``: the socket removed, the lock released.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        _loop(server, listener)
    finally:
        listener.close()
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        os.close(lock)
    return 0


def _own_private_folder(folder: Path) -> bool:
    """Make ``folder`` (mode 0700) if missing; whether it is a real folder of this user's
    that no one else may enter (a planted link or another user's folder is refused)."""
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    try:
        info = os.lstat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and not info.st_mode & 0o077


def _loop(server: Server, listener: socket.socket) -> None:
    while server.running:
        try:
            connection, _ = listener.accept()
        except TimeoutError:
            return  # idle
        with connection:
            try:
                gc.unfreeze()  # what the last check froze (``settle``) may be garbage now
                if not same_user(connection):
                    continue
                connection.settimeout(30)
                request = receive(connection)
                connection.settimeout(None)
                send(connection, server.handle(request))
            except (OSError, ProtocolError):
                continue  # a client that went away or sent nonsense costs its own request


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    cache_dir = Path(argv[0])
    config = Path(argv[1]) if len(argv) > 1 and argv[1] else None
    return serve(cache_dir, config)


if __name__ == "__main__":
    sys.exit(main())
