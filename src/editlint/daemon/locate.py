"""Which daemon a ``check`` command line would use: its cache folder, found without parsing
the command line or loading the config (the daemon checks the guess against both).

Path strings, not pathlib: this runs before every check, and imports only what it needs.
"""

from __future__ import annotations

import os

from editlint.config.discovery import CACHE_DIR_NAME, config_file_near
from editlint.daemon import SOCKET_NAME

#: Unix socket paths are limited (108 bytes on Linux, 104 on macOS, the terminating NUL
#: included): a longer one cannot be bound.
MAX_SOCKET_PATH = 100


def cache_folder(words: list[str]) -> str | None:
    """The cache folder of ``editlint check WORDS...`` (the words after ``check``), or None
    when the run uses none (``--no-cache``, stdin, no config file)."""
    if "--no-cache" in words or "-" in words:
        return None
    named = _option(words, "--cache-dir")
    if named:
        return os.path.abspath(named)
    config = _option(words, "--config")
    if config:
        found: str | None = os.path.abspath(config)
    else:
        paths = [word for word in words if not word.startswith("-") and os.path.exists(word)]
        found = config_file_near(paths[0] if paths else os.getcwd())
    return os.path.join(os.path.dirname(found), CACHE_DIR_NAME) if found is not None else None


def socket_path(folder: str | os.PathLike) -> str:
    """The daemon socket of ``folder``: in it when that path is short enough to bind, else in
    this user's folder of sockets (``short_socket_folder``) under a name hashed from it."""
    folder = os.path.abspath(folder)
    path = os.path.join(folder, SOCKET_NAME)
    if len(os.fsencode(path)) <= MAX_SOCKET_PATH:
        return path
    import hashlib

    digest = hashlib.blake2b(os.fsencode(folder), digest_size=12).hexdigest()
    return os.path.join(short_socket_folder(), f"{digest}.sock")


def short_socket_folder() -> str:
    """Where the sockets of deep cache folders live: ``/tmp/editlint-UID`` (the daemon makes
    it, mode 0700, and uses it only when this user owns it and no one else may enter)."""
    return os.path.join("/tmp", f"editlint-{os.getuid()}")


def _option(words: list[str], name: str) -> str | None:
    """The value of ``--name VALUE`` or ``--name=VALUE`` (the last one given)."""
    value = None
    for number, word in enumerate(words):
        if word == name and number + 1 < len(words):
            value = words[number + 1]
        elif word.startswith(name + "="):
            value = word[len(name) + 1 :]
    return value
