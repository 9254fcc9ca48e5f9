"""A ``regex`` pattern compiled when it is first matched.

The ``regex`` module parses a pattern in Python: the built-in rules' patterns (claims,
viewpoints, perspective headings) took 30-40 ms of every cold check to compile, and a check
matches each only where its cues occur, so a one-file check uses few of them. A pattern
compiled later is the same pattern; these are made of escaped terms
(``vocabulary.alternation``) and fixed text, so compiling them cannot fail later where it
would not have failed at once.
"""

from __future__ import annotations

import regex


class Deferred:
    """``regex.compile(pattern, flags)``, made the first time one of its attributes (``search``,
    ``finditer``, ...) is looked up; each is then the compiled pattern's own, kept on the
    instance, so later calls cost no extra step."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern, self.flags = pattern, flags

    def __getattr__(self, name: str):  # only for what the instance does not hold yet
        if name.startswith("__") or name in ("pattern", "flags", "_compiled"):
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = regex.compile(self.pattern, self.flags)
        value = getattr(compiled, name)
        setattr(self, name, value)
        return value

    def __getstate__(self) -> dict:
        return {"pattern": self.pattern, "flags": self.flags}  # compiled again after unpickling
