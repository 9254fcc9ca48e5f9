"""The warm process (``editlint daemon``): one-file checks without start-up costs.

A daemon serves one cache folder (``.editlint_cache`` beside the config file) through a Unix
socket in it. ``editlint check`` asks it first (``client``); it runs the very same command in
its warm process (``server``, ``warm``) and sends back the output and exit code, or declines,
and the command then runs as it always did. Nothing requires a daemon; see docs/performance.md.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing
if TYPE_CHECKING:
    from editlint.config.model import LoadedConfig

#: The socket, lock and log of a daemon, in the cache folder it serves.
SOCKET_NAME = "daemon.sock"
LOCK_NAME = "daemon.lock"
LOG_NAME = "daemon.log"
#: ``EDITLINT_DAEMON``: "0" never uses a daemon; "1" starts one on first use (as ``daemon: auto``).
ENV_SWITCH = "EDITLINT_DAEMON"


def wanted(loaded: LoadedConfig) -> bool:
    """Whether a check should start a daemon: ``daemon: auto`` or ``EDITLINT_DAEMON=1``,
    unless ``EDITLINT_DAEMON=0``; and a cache folder to put it in."""
    switch = os.environ.get(ENV_SWITCH)
    if switch == "0" or loaded.cache_dir is None:
        return False
    return switch == "1" or loaded.config.daemon == "auto"
