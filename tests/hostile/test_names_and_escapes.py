"""File names that are not UTF-8 and terminal escapes from a repository (#21 item 10): every
report stays valid UTF-8 and writable with --output, and nothing from an article or a file
name reaches a terminal (or a CI log) as a control sequence."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys

import pytest

from conftest import ROOT

FORMATS = ["full", "concise", "grouped", "json", "sarif", "junit", "github", "html"]
ARTICLE = b"We utilise it, a world-renowned harbour [@a].\n"
ESCAPES = "\x1b]0;PWNED\x07\x1b[2J\x9b2J"
HOSTILE = (
    f"# T{ESCAPES}\n\nA harbour we utilise [@a].\n\n## See also\n\n- [[Ev{ESCAPES}il]]\n"
).encode()


def _run(folder, *args, stdout=subprocess.PIPE):
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "editlint", *args],
        cwd=folder,
        env=env,
        stdout=stdout,
        stderr=subprocess.PIPE,
        timeout=300,
    )


@pytest.fixture
def repo(tmp_path):
    (tmp_path / "editlint.yaml").write_text("select: [ALL]\n")
    with open(os.path.join(os.fsencode(tmp_path), b"caf\xe9.md"), "wb") as handle:
        handle.write(ARTICLE)
    with open(os.path.join(os.fsencode(tmp_path), f"x{ESCAPES}.md".encode()), "wb") as handle:
        handle.write(HOSTILE)
    return tmp_path


@pytest.mark.parametrize("format", FORMATS)
def test_a_file_name_that_is_not_utf8_gives_a_valid_report(repo, format):
    result = _run(repo, "check", "--format", format, ".")
    assert result.returncode == 1, result.stderr.decode(errors="replace")
    text = result.stdout.decode("utf-8")  # raises on invalid UTF-8
    assert any(shown in text for shown in ("caf\\xe9.md", "caf\\\\xe9.md", "caf%5Cxe9.md"))
    written = _run(repo, "check", "--format", format, "--output", "report.out", ".")
    assert written.returncode == 1, written.stderr.decode(errors="replace")
    assert (repo / "report.out").read_bytes().decode("utf-8") == text
    if format in ("json", "sarif"):
        json.loads(text)
    if format == "junit":
        from xml.etree import ElementTree

        ElementTree.fromstring(result.stdout)


@pytest.mark.parametrize("format", ["full", "concise", "grouped", "github"])
def test_no_escape_sequence_reaches_a_terminal_report(repo, format):
    result = _run(repo, "check", "--format", format, ".")
    assert result.returncode == 1
    for stream in (result.stdout, result.stderr):
        text = stream.decode("utf-8")
        assert not any(char in text for char in "\x1b\x07\x9b"), text
    assert "SEE101" in result.stdout.decode()


def test_fix_messages_and_a_diff_on_a_terminal_carry_no_escape_sequence(repo):
    name = f"x{ESCAPES}.md".encode()
    os.chmod(os.path.join(os.fsencode(repo), name), 0o444)  # a stderr line names the file
    fixed = _run(repo, "check", "--fix", "--unsafe-fixes", "--format", "concise", ".")
    assert b"read-only" in fixed.stderr
    assert not any(char in fixed.stderr for char in b"\x1b\x07"), fixed.stderr
    os.chmod(os.path.join(os.fsencode(repo), name), 0o644)
    primary, secondary = pty.openpty()  # a real terminal: the diff quotes the article
    try:
        result = _run(repo, "check", "--diff", "--unsafe-fixes", ".", stdout=secondary)
        os.close(secondary)
        shown = b""
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:  # the other end closed
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(primary)
    assert result.returncode == 1
    assert b"+++ " in shown and b"PWNED" in shown
    assert not any(char in shown for char in b"\x1b\x07"), shown
    assert b"\xc2\x9b" not in shown
