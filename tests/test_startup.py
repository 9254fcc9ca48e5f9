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


#: What a cold check of a Markdown file with no config file never uses: the other formats'
#: readers (MediaWiki dumps, wikitext, TOML front matter), ruamel (a YAML config file or a
#: front matter fix loads it), the daemon's socket code when no daemon runs, the fixes, the
#: converters and the other reports.
UNUSED_BY_A_MARKDOWN_CHECK = (
    "tomllib",
    "ruamel",
    "xml.parsers.expat",
    "mwparserfromhell",
    "markdown_it",
    "editlint.document.dump",
    "editlint.document.wikitext",
    "editlint.document.mdx",
    "editlint.engine.dumps",
    "editlint.convert",
    "editlint.daemon.protocol",
    "editlint.daemon.spawn",
    "editlint.fixes.apply",
    "editlint.fixes.diff",
    "editlint.fixes.session",
    "editlint.fixes.write",
    "editlint.report.sarif",
    "editlint.report.junit",
    "editlint.report.github",
    "editlint.report.html",
    "editlint.authoring",
)


def _unused(loaded: set[str]) -> set[str]:
    return {
        name
        for name in loaded
        for unused in UNUSED_BY_A_MARKDOWN_CHECK
        if name == unused or name.startswith(unused + ".")
    }


def test_a_cold_markdown_check_imports_nothing_it_does_not_use(tmp_path):
    article = tmp_path / "one.md"
    article.write_text(
        "---\ntitle: One\n---\n# One\n\nA legendary article, said to be the best [1].\n",
        encoding="utf-8",
    )
    loaded = _modules_after("check", "--exit-zero", "--format", "json", str(article), cwd=tmp_path)
    assert "editlint.rules.registry" in loaded  # the probe did check the article
    assert _unused(loaded) == set()


def test_a_yaml_config_loads_ruamel_and_still_no_other_reader(tmp_path):
    (tmp_path / "editlint.yaml").write_text("content_root: .\n", encoding="utf-8")
    (tmp_path / "one.md").write_text("# One\n\nA legendary article.\n", encoding="utf-8")
    loaded = _modules_after("check", "--exit-zero", "one.md", cwd=tmp_path)
    assert "ruamel.yaml" in loaded  # the config's keys keep their lines
    assert _unused(loaded) == {name for name in loaded if name.startswith("ruamel")}


def test_a_yaml_config_read_before_is_not_parsed_again(tmp_path):
    (tmp_path / "editlint.yaml").write_text("content_root: .\n", encoding="utf-8")
    (tmp_path / "one.md").write_text("# One\n\nA legendary article.\n", encoding="utf-8")
    _modules_after("check", "--exit-zero", "one.md", cwd=tmp_path)  # reads and keeps it
    loaded = _modules_after("check", "--exit-zero", "one.md", cwd=tmp_path)
    assert "editlint.rules.registry" in loaded
    assert _unused(loaded) == set()  # no ruamel: the same bytes, read as before
    # nor PyYAML (the packs were read before, the article has no front matter), nor the
    # installed packages' metadata (none had editlint rules, and none was installed since)
    assert not {name.split(".")[0] for name in loaded} & {"yaml", "email"}
    assert "importlib.metadata" not in loaded


def test_registering_the_performance_options_imports_no_engine(tmp_path):
    probe = """
import argparse, json, sys
from editlint.commands import engine_options
engine_options.add_arguments(argparse.ArgumentParser())
print(json.dumps(sorted(sys.modules)))
"""
    loaded = set(probe_json(probe, cwd=tmp_path, timeout=60))
    assert "editlint.commands.engine_options" in loaded
    assert not {"editlint.engine.batch", "editlint.config.model", "pydantic"} & loaded


def test_a_check_pauses_the_collector_only_while_it_starts(tmp_path):
    probe = """
import gc, json, sys
from editlint.engine import gc_tuning
from editlint.launch import main
seen = []
real = gc_tuning.started
def started():
    seen.append(("before", gc.isenabled()))
    real()
    seen.append(("after", gc.isenabled(), gc.get_freeze_count() > 0))
gc_tuning.started = started
import editlint.commands.check as check
check.started = started
main(sys.argv[1:])
print(json.dumps([seen, gc.isenabled()]))
"""
    article = tmp_path / "one.md"
    article.write_text("# One\n\nA legendary article.\n", encoding="utf-8")
    seen, enabled_at_exit = probe_json(
        probe, "check", "--exit-zero", str(article), cwd=tmp_path, timeout=60
    )
    assert seen == [["before", False], ["after", True, True]]
    assert enabled_at_exit


def test_started_leaves_a_running_collector_alone():
    import gc

    from editlint.engine.gc_tuning import started

    assert gc.isenabled()
    frozen = gc.get_freeze_count()
    started()
    assert gc.isenabled() and gc.get_freeze_count() == frozen
