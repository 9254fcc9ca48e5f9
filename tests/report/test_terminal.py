"""Colour and the progress bar appear only for a person at a terminal (a real pseudo-terminal)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

from conftest import ROOT
from house import house_folder

ANSI = "\x1b["


def _run_in_terminal(args: list[str], cwd, stdout_tty: bool, stderr_tty: bool, **env: str):
    """Run the CLI with stdout and/or stderr on a pseudo-terminal; return (stdout, stderr)."""
    master, slave = pty.openpty()
    environment = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "COLUMNS": "100"}
    environment.pop("NO_COLOR", None)
    environment.update(env)
    process = subprocess.Popen(
        [sys.executable, "-m", "editlint", *args],
        cwd=cwd,
        stdout=slave if stdout_tty else subprocess.PIPE,
        stderr=slave if stderr_tty else subprocess.PIPE,
        env=environment,
    )
    os.close(slave)
    captured = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the terminal closed: the process is done writing
            break
        if not chunk:
            break
        captured += chunk
    piped_out, piped_err = process.communicate(timeout=120)
    os.close(master)
    terminal = captured.decode("utf-8", "replace")
    return (
        terminal if stdout_tty else piped_out.decode(),
        terminal if stderr_tty else piped_err.decode(),
    )


def test_colour_on_a_terminal_and_never_with_no_color(tmp_path):
    folder = house_folder(tmp_path, {"a.md": "They utilise ships.\n"})
    coloured, _ = _run_in_terminal(["check", "a.md"], folder, True, False)
    assert ANSI in coloured and "HSE101" in coloured
    plain, _ = _run_in_terminal(["check", "a.md"], folder, True, False, NO_COLOR="1")
    assert ANSI not in plain and "HSE101" in plain
    piped, _ = _run_in_terminal(["check", "a.md"], folder, False, False)
    assert ANSI not in piped


def test_progress_bar_on_stderr_only_for_many_files_on_a_terminal(tmp_path):
    articles = {f"a{n:02}.md": "They utilise ships.\n" for n in range(25)}
    folder = house_folder(tmp_path, articles)
    _, stderr = _run_in_terminal(["check", "--format", "json", "."], folder, False, True)
    assert "Checking" in stderr and "25" in stderr
    _, piped = _run_in_terminal(["check", "--format", "json", "."], folder, False, False)
    assert piped == ""
    few = house_folder(tmp_path / "few", {"a.md": "They utilise ships.\n"})
    _, quiet = _run_in_terminal(["check", "--format", "json", "."], few, False, True)
    assert quiet == ""
