"""Checking one file loads only what it uses: no unused reporters, no LSP, no Dask, no pool."""

from __future__ import annotations

from conftest import probe_json

_PROBE = """
import json, sys
from editlint.cli import main
code = main(sys.argv[1:])
print(json.dumps(sorted(sys.modules)))
"""

NEVER = ("dask", "distributed", "pygls", "lsprotocol", "playwright", "multiprocessing", "jinja2")


def _modules_after(*args: str, cwd) -> set[str]:
    return set(probe_json(_PROBE, *args, cwd=cwd, timeout=120))


def test_checking_one_file_imports_no_unused_machinery(tmp_path):
    article = tmp_path / "one.md"
    article.write_text("# One\n\nA legendary article.\n", encoding="utf-8")
    arguments = ("check", "--exit-zero", "--format", "concise", str(article))
    loaded = _modules_after(*arguments, cwd=tmp_path)
    assert not {name for name in loaded if name.split(".")[0] in NEVER}
    reporters = {name for name in loaded if name.startswith("editlint.report.")}
    assert "editlint.report.json_format" not in reporters
    assert not {name for name in loaded if name.startswith("editlint.lsp")}
    assert "editlint.engine.dask_engine" not in loaded
    # The result cache is loaded even with no config file: it lives in the working folder.
