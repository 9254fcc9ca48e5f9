"""Usage and configuration errors: one line naming the file, line and key; exit code 2."""

from __future__ import annotations

from pathlib import Path


class UsageError(Exception):
    """A bad command line, config file or rule pack. ``str()`` is the one-line message."""

    exit_code = 2

    def __init__(
        self, message: str, path: Path | str | None = None, line: int | None = None
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.render())

    def render(self) -> str:
        if self.path is None:
            return self.message
        where = f"{self.path}:{self.line}" if self.line else f"{self.path}"
        return f"{where}: {self.message}"


class ConfigError(UsageError):
    """An invalid config file or rule pack."""
