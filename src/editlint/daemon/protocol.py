"""One request, one reply: a JSON object each way over a Unix socket, the sender closing its
side when done. Both ends check that the other runs as the same user."""

from __future__ import annotations

import json
import os
import socket
import struct

#: A reply holds a report; a request a command line. Neither may exceed this.
MAX_MESSAGE = 256 * 1024 * 1024


class ProtocolError(Exception):
    """The other end sent something that is not a message, or is not the same user."""


def send(connection: socket.socket, message: dict) -> None:
    connection.sendall(json.dumps(message).encode("utf-8"))
    connection.shutdown(socket.SHUT_WR)


def receive(connection: socket.socket) -> dict:
    chunks, size = [], 0
    while chunk := connection.recv(1 << 16):
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_MESSAGE:
            raise ProtocolError("message too large")
    try:
        message = json.loads(b"".join(chunks))
    except ValueError as error:
        raise ProtocolError(f"not a message: {error}") from None
    if not isinstance(message, dict):
        raise ProtocolError("not a message: not an object")
    return message


def same_user(connection: socket.socket) -> bool:
    """Whether the process at the other end runs as this user (Linux: SO_PEERCRED; elsewhere
    the socket's 0600 mode in a folder of the user's is what guards it)."""
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True
    credentials = connection.getsockopt(socket.SOL_SOCKET, option, struct.calcsize("3i"))
    _pid, uid, _gid = struct.unpack("3i", credentials)
    return uid == os.getuid()
