"""The command line's side: hand ``editlint check`` to a running daemon, or say it cannot.

Imports nothing of the engine: when no daemon answers, this costs a few file-system look-ups
and the command runs in its own process as before.
"""

from __future__ import annotations

import os
import sys

from editlint.daemon import ENV_SWITCH
from editlint.daemon.locate import cache_folder, socket_path

#: How long to wait for the daemon to accept, and then to answer (it may be rebuilding its
#: rules or index after a change). Past either, the command runs in its own process.
CONNECT_SECONDS, ANSWER_SECONDS = 1.0, 120.0
#: The editlint package this client belongs to: a daemon of another installation declines.
PACKAGE = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))


class Answer:
    """What the daemon's run of the command printed, and its exit code."""

    def __init__(self, stdout: str, stderr: str, exit_code: int) -> None:
        self.stdout, self.stderr, self.exit_code = stdout, stderr, exit_code

    def emit(self) -> int:
        sys.stdout.write(self.stdout)
        sys.stdout.flush()
        sys.stderr.write(self.stderr)
        return self.exit_code


def forward(argv: list[str]) -> Answer | None:
    """The daemon's answer to ``editlint ARGV`` (a ``check``), or None: no daemon (or
    ``EDITLINT_DAEMON=0``), one for another config or editlint, a request it declines."""
    if os.environ.get(ENV_SWITCH) == "0" or "--debug" in argv:
        return None  # tracebacks belong to the command's own process
    words = argv[argv.index("check") + 1 :]
    folder = cache_folder(words)
    path = socket_path(folder) if folder is not None else None
    if path is None or not os.path.exists(path):
        return None  # no daemon: not even the socket module is loaded
    request = {
        "command": "check",
        "argv": argv,
        "cwd": os.getcwd(),
        "env": dict(os.environ),
        "tty": [_isatty(sys.stdout), _isatty(sys.stderr)],
        "package": PACKAGE,
    }
    reply = ask(path, request)
    if reply is None or reply.get("status") != "done":
        return None
    try:
        return Answer(str(reply["stdout"]), str(reply["stderr"]), int(reply["exit"]))
    except (KeyError, TypeError, ValueError):
        return None


def ask(path: str, request: dict, timeout: float = ANSWER_SECONDS) -> dict | None:
    """The daemon's reply to ``request``, or None when none is listening at ``path``."""
    # Deferred: a check with no daemon socket (or EDITLINT_DAEMON=0) never gets here.
    import socket

    from editlint.daemon.protocol import ProtocolError, receive, same_user, send

    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.settimeout(CONNECT_SECONDS)
            connection.connect(path)
            if not same_user(connection):
                return None
            connection.settimeout(timeout)
            send(connection, request)
            return receive(connection)
    except (OSError, ProtocolError):
        return None


def _isatty(stream: object) -> bool:
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
