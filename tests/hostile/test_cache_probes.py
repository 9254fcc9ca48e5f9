"""A link to a non-article file (an image, a PDF) depends on that file: deleting it makes the
cached result a miss, not a stale "all fine" (#21 item 11)."""

from __future__ import annotations

import json

ARTICLE = "The harbour opened in 1850 [@port]. See the [map](map.png) and [plan](plan.pdf).\n"


def _codes(cli, folder):
    result = cli("check", "--format", "json", ".", cwd=folder)
    assert result.returncode in (0, 1), result.stderr
    return sorted(d["code"] for d in json.loads(result.stdout)["diagnostics"])


def test_deleting_a_linked_file_is_seen_by_a_cached_run(tmp_path, cli):
    (tmp_path / "editlint.yaml").write_text("select: [SEE]\n")
    (tmp_path / "harbour.md").write_text(ARTICLE)
    (tmp_path / "map.png").write_bytes(b"\x89PNG")
    (tmp_path / "plan.pdf").write_bytes(b"%PDF")
    assert _codes(cli, tmp_path) == []
    assert _codes(cli, tmp_path) == []  # from the cache
    (tmp_path / "map.png").unlink()
    missing = _codes(cli, tmp_path)
    assert len(missing) == 1, missing
    (tmp_path / "map.png").write_bytes(b"\x89PNG")  # and back again
    assert _codes(cli, tmp_path) == []
