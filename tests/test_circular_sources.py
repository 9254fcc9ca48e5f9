"""Circular sourcing: the content repository's own site named in editlint.yaml (SRC201)."""

from __future__ import annotations

import json


def test_the_own_site_is_read_from_editlint_yaml(cli, tmp_path):
    """Circular sourcing (#18): ``sources: {self: ...}`` in the config file, one host."""
    (tmp_path / "editlint.yaml").write_text("sources:\n  self: wiki.harbour.example\n")
    (tmp_path / "a.md").write_text("It opened.[^1]\n\n[^1]: <https://wiki.harbour.example/P>\n")
    result = cli("check", "--select", "SRC201", "--format", "json", "--no-cache", ".", cwd=tmp_path)
    [finding] = json.loads(result.stdout)["diagnostics"]
    assert (finding["line"], finding["column"], finding["message"]) == (
        3,
        8,
        "Cites 'wiki.harbour.example', circular sourcing: the content repository's own "
        "published site (WP:CIRCULAR)",
    )
