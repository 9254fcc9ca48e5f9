"""A wall-clock limit on a block of Python code: the parser's, or the selected rules'.

Pattern matches have their own time limit (``rules/matching/patterns.py``), but plain Python in
a parser or rule can run long too. ``clock_limit`` raises ``OutOfTime`` inside the block once its
seconds pass, through a real-time interval timer (``SIGALRM``). A signal handler belongs to the
process, so the timer is set only for the block, only in the main thread, and the handler and
any timer already running (an enclosing limit, the caller's own) are put back when the block
ends; elsewhere (another thread, no ``setitimer``) the block runs with no clock limit and the
pattern limit and the input limits remain the bounds. The batch engine's workers run files in
their main thread, so the limit holds there too.

The signal interrupts Python code between two bytecodes and the standard library's regular
expression engine in a long search; other C code ends its call first. A block cut short may
leave its half-done work behind; callers drop the document it was working on.
"""

from __future__ import annotations

import signal
import threading
import time

#: Seconds the parser may take on one file before it becomes an ``INP003`` finding.
PARSE_SECONDS = 20.0
#: Seconds all selected rules together may take on one file before the rest give up (``INT001``).
RULES_SECONDS = 60.0


class OutOfTime(TimeoutError):
    """A block under ``clock_limit`` ran past its seconds."""

    def __init__(self, seconds: float, clock: object = None) -> None:
        super().__init__(f"took longer than {seconds:g} s")
        self.seconds = seconds
        self.clock = clock  # the limit that rang


def clock_limit_available() -> bool:
    """Whether ``clock_limit`` can cut a block short here."""
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class clock_limit:  # noqa: N801 - used as ``with clock_limit(seconds):``
    """Raise ``OutOfTime`` in the block after ``seconds`` (never later than an enclosing limit);
    no limit where ``clock_limit_available`` is False."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._armed = False

    def __enter__(self) -> clock_limit:
        if not clock_limit_available():
            return self
        self._started = time.monotonic()
        self._outer = signal.getitimer(signal.ITIMER_REAL)
        delay = self._outer[0]
        limit = min(self.seconds, delay) if delay > 0 else self.seconds

        def out_of_time(signum, frame) -> None:
            raise OutOfTime(limit, self)

        self._previous = signal.signal(signal.SIGALRM, out_of_time)
        self._armed = True
        # It rings again every second (or limit) until the block ends: code that swallows one
        # OutOfTime with a broad ``except Exception`` gets the next.
        signal.setitimer(signal.ITIMER_REAL, limit, min(limit, 1.0))
        return self

    def __exit__(self, *exc_info) -> None:
        if not self._armed:
            return
        while True:  # the alarm may ring during the clean-up itself: clean up again
            try:
                self._disarm()
                return
            except OutOfTime as error:
                if error.clock is not self:  # an enclosing limit rang: it is the caller's
                    raise

    def _disarm(self) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._previous)
        self._armed = False
        delay, interval = self._outer
        if delay > 0:  # the enclosing timer goes on, less the time this block took
            left = delay - (time.monotonic() - self._started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), interval)
