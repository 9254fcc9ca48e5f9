"""A hard-linked file is fixed in place; when the disk cannot hold the longer fixed text (here a
file size limit, which fails writes as a full disk does), the original stays whole (#21 item 6,
the disk-full part)."""

from __future__ import annotations

import os
import resource
import signal
import subprocess
import sys

from conftest import ROOT

PACK = (
    "pack: longer\nrules:\n  - code: LNG101\n    name: longer\n    kind: substitution\n"
    "    category: structure\n    message: m\n    applicability: safe\n"
    "    swap: {big: enormous}\n"
)
ORIGINAL = "A big harbour [@a].\n" * 200


def test_an_in_place_fix_that_does_not_fit_leaves_the_original_whole(tmp_path):
    (tmp_path / "editlint.yaml").write_text("select: [LNG]\nrule_paths: [pack.yaml]\n")
    (tmp_path / "pack.yaml").write_text(PACK)
    (tmp_path / "a.md").write_text(ORIGINAL)
    os.link(tmp_path / "a.md", tmp_path / "b.md")  # two names: fixed in place
    limit = len(ORIGINAL) + 100  # the fixed text is 1,000 bytes longer

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "NO_COLOR": "1"}
    result = subprocess.run(
        [sys.executable, "-m", "editlint", "check", "--fix", "--no-cache", "a.md"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        preexec_fn=limited,
    )
    assert "cannot write" in result.stderr, result.stderr
    assert (tmp_path / "a.md").read_text() == ORIGINAL
    assert (tmp_path / "b.md").read_text() == ORIGINAL
