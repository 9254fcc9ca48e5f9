"""A clock limit covers the parser and every rule (#21 item 9): a parse or a rule that runs
too long becomes an ``INP003`` or ``INT001`` finding, the other files are still checked, and
the limit leaves no timer or signal handler behind."""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

import pytest

from editlint.config.model import load_config
from editlint.diagnostics import Category, Diagnostic, Severity
from editlint.engine.clock import OutOfTime, clock_limit
from editlint.engine.runner import Checker
from editlint.rules.base import Rule

GIVE_UP = 30.0  # a broken limit fails the test here instead of hanging it


def _spin(seconds: float = GIVE_UP) -> None:
    ends = time.monotonic() + seconds
    while time.monotonic() < ends:
        pass


def _swallowing_spin() -> None:
    """Spin, swallowing the first exception the way a careless rule might, then spin on."""
    try:
        _spin()
    except Exception:  # noqa: BLE001 - the point of the test
        pass
    _spin()


class Finds(Rule):
    code, name = "TST101", "finds"

    def check(self, document, context):
        yield Diagnostic(self.code, "found", 0, 1, Severity.WARNING, Category.STRUCTURE)


class Spins(Rule):
    code, name = "TST102", "spins"

    def check(self, document, context):
        _swallowing_spin()
        yield Diagnostic(self.code, "never", 0, 1, Severity.WARNING, Category.STRUCTURE)


class AlsoFinds(Finds):
    code, name = "TST103", "also-finds"


def _checker(tmp_path: Path, rules: list[Rule]) -> Checker:
    loaded = load_config(None, tmp_path)
    loaded.cache_override = False
    return Checker(loaded, rules=rules)


def test_a_rule_past_the_limit_gives_up_and_the_file_still_gets_the_others(tmp_path):
    checker = _checker(tmp_path, [Finds(), Spins(), AlsoFinds()])
    checker.rules_seconds = 0.3
    result = checker.check_text("# Harbour\n\nThe harbour opened.\n", tmp_path / "a.md")
    codes = [d.code for d in result.diagnostics]
    assert codes == ["INT001", "TST101"]  # sorted by position: both at offset 0
    message = result.diagnostics[0].message
    assert message == (
        "rule TST102 gave up: the rules took longer than 0.3 s together on this file; "
        "1 more not run"
    )
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    # The next file starts with a fresh limit.
    fine = _checker(tmp_path, [Finds(), AlsoFinds()])
    fine.rules_seconds = 0.3
    assert [d.code for d in fine.check_text("Text.\n", tmp_path / "b.md").diagnostics] == [
        "TST101",
        "TST103",
    ]


def test_a_parse_past_the_limit_is_an_input_finding(tmp_path):
    checker = _checker(tmp_path, [Finds()])
    checker.parse_seconds = 0.001  # no 2 MB article parses in a millisecond
    text = "# Harbour\n\n" + "The harbour [[opened]] in *1850*, said [@s].\n\n" * 40_000
    result = checker.check_text(text, tmp_path / "big.md")
    assert not result.parsed
    [finding] = result.diagnostics
    assert (finding.code, finding.start) == ("INP003", 0)
    assert finding.message == "took longer than 0.001 s to parse; not checked"
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_the_limit_restores_the_handler_and_an_enclosing_timer(tmp_path):
    rang = []
    previous = signal.signal(signal.SIGALRM, lambda *_: rang.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 100.0)
        with pytest.raises(OutOfTime), clock_limit(0.05):
            _spin()
        delay, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 90.0 < delay <= 100.0  # the caller's own timer goes on
        assert signal.getsignal(signal.SIGALRM) is not None and not rang
        with clock_limit(5.0):  # a block that ends in time leaves it as it was too
            pass
        assert 90.0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 100.0
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_an_enclosing_limit_that_is_shorter_wins():
    with pytest.raises(OutOfTime) as raised, clock_limit(0.05):
        with clock_limit(60.0):
            _spin()
    assert raised.value.seconds == pytest.approx(0.05, abs=0.01)
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_outside_the_main_thread_there_is_no_limit_and_no_handler_is_touched():
    outcome = []

    def work() -> None:
        with clock_limit(0.01):
            _spin(0.1)
        outcome.append("finished")

    worker = threading.Thread(target=work)
    worker.start()
    worker.join(GIVE_UP)
    assert outcome == ["finished"]
    assert signal.getsignal(signal.SIGALRM) is signal.SIG_DFL
