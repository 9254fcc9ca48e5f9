"""Lines of hundreds of thousands of characters: every parser and rule pattern stays linear.

The patterns run in a subprocess (``regex_probe.py``) on lines of 10,000 and 40,000 characters
built from each pattern's own special characters; one whose cost grows more than 8-fold (and
past a quarter second) is super-linear, and a watchdog ends one that never finishes. A few
patterns only ever see input whose length is bounded before they run; they are listed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from editlint.config.model import Config, LoadedConfig
from editlint.engine.runner import Checker

PROBE = Path(__file__).with_name("regex_probe.py")
LENGTH = 10_000  # and 40,000

# Applied only to a heading of at most MAX_HEADING_MARKUP (1,000) characters.
BOUNDED = {
    f"editlint.index.scan.{name}"
    for name in ("_EMPHASIS", "_HEADING_ID", "_HTML_TAG", "_INLINE_LINK", "_STRIKE", "_WIKI_LINK")
}


def test_every_module_pattern_is_linear_on_long_hostile_lines():
    result = subprocess.run(
        [sys.executable, str(PROBE), str(LENGTH), *sorted(BOUNDED)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=3000,
    )
    lines = result.stdout.splitlines()
    slow = [line for line in lines if line.startswith("SLOW")]
    hung = [line for line in lines if line.startswith("CASE")][-1:]
    assert result.returncode == 0, slow or f"never finished: {hung} {result.stderr[-300:]}"
    done = lines[-1].split()  # DONE <patterns> patterns <cases> cases 0 slow
    assert done[0] == "DONE" and int(done[1]) >= 40 and int(done[3]) >= 5_000, lines[-1]


UNITS = [
    "[^",
    "![",
    "[[a|",
    "`",
    "``a",
    "<ref",
    "{{cite",
    "[@a ",
    ". A",
    "!",
    "“",
    "*a",
    "<!--",
    "See also A, ",
    "a. B",
    "http://",
    "- [a](b)\n",
    "# a\n",
    "## See also\n- x\n",
    "> ",
]


def test_the_whole_check_on_long_lines_just_under_the_limit():
    """Parse and every rule, for lines of the default limit's length (100,000 characters)."""
    checker = Checker(LoadedConfig(Config(), None, ROOT / "content"))
    for unit in UNITS:
        text = "Lead [@a].\n\n" + (unit * (99_000 // len(unit)))[:99_000] + "\n"
        result = checker.check_text(text)
        internal = [d.message for d in result.diagnostics if d.code == "INT001"]
        assert internal == [], (unit, internal)
        assert all(0 <= d.start <= d.end <= len(text) for d in result.diagnostics)
