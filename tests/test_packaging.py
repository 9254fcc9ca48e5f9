"""Packaging: every source package is listed and the rule packs ship inside."""

from __future__ import annotations

import tomllib

from conftest import ROOT
from editlint.rules.packs import builtin_pack_dir, load_pack, pack_files


def test_every_package_is_listed_in_pyproject():
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(path.parent.relative_to(ROOT / "src").parts)
        for path in (ROOT / "src").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    assert found | {"editlint.packs"} == listed


def test_shipped_packs_are_the_repository_rules_folder_and_validate():
    assert builtin_pack_dir().resolve() == (ROOT / "rules").resolve()
    files = pack_files(builtin_pack_dir())
    assert files, "no rule packs shipped"
    for path in files:
        assert load_pack(path), f"{path.name} declares no rules"
