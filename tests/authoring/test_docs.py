"""The documentation cannot rot: generated references are current, and examples run.

In docs/*.md, fenced blocks are executed in order, in a fresh folder per page:

- a block whose info string has ``file=NAME`` (```` ```yaml file=house-style.yaml ````) is written
  to that file;
- a ``console`` block is a list of ``$ command`` lines, each followed by its exact output
  (stdout and stderr; ``...`` stands for any text, as in doctest); the commands run in that
  folder with this checkout's ``editlint``;
- a ``json schema`` block is a JSON Schema that the JSON output of the previous ``$`` command
  in the page must validate against.

Other blocks (``sh``, ``yaml`` without ``file=``) are illustrations and are not run. When the folder
holds a ``pyproject.toml`` declaring ``editlint.rules`` entry points, they are installed for the
commands (as a ``.dist-info`` on ``PYTHONPATH``), so publishing a Python rule is executed too.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

import jsonschema
import pytest

from conftest import ROOT
from editlint.authoring.docgen import generated_files

DOCS = ROOT / "docs"
GENERATED = {path for path in generated_files(ROOT) if path.parent == DOCS}
PAGES = sorted(path for path in DOCS.glob("*.md") if path not in GENERATED)
_FENCE = re.compile(r"^(`{3,})([^\n`]*)\n(.*?)^\1[ \t]*$", re.MULTILINE | re.DOTALL)


@dataclass
class Block:
    info: list[str]
    text: str
    line: int

    def attribute(self, name: str) -> str | None:
        for word in self.info[1:]:
            key, _, value = word.partition("=")
            if key == name:
                return value or key
        return None


def blocks(page: Path) -> list[Block]:
    text = page.read_text(encoding="utf-8")
    return [
        Block(match.group(2).split(), match.group(3), text.count("\n", 0, match.start()) + 1)
        for match in _FENCE.finditer(text)
    ]


def test_generated_references_are_up_to_date():
    stale = [
        path.relative_to(ROOT).as_posix()
        for path, text in generated_files(ROOT).items()
        if not path.is_file() or path.read_text(encoding="utf-8") != text
    ]
    assert not stale, f"stale generated files {stale}: run `python scripts/gen_docs.py`"


def test_docs_pages_exist_and_are_linked_from_the_index():
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    for page in [*PAGES, *GENERATED]:
        if page.name != "README.md":
            assert f"({page.name})" in index, f"docs/README.md does not link {page.name}"


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_docs_examples_run(page, tmp_path):
    last_output = None
    for block in blocks(page):
        where = f"{page.relative_to(ROOT)}:{block.line}"
        name = block.attribute("file")
        if name:
            target = tmp_path / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.text, encoding="utf-8")
        elif block.info[:1] == ["console"]:
            for command, expected in commands(block.text):
                last_output = run(command, tmp_path)
                assert matches(last_output, expected), (
                    f"{where}: `{command}` printed:\n{last_output}"
                )
        elif block.info[:2] == ["json", "schema"]:
            assert last_output is not None, f"{where}: no command output to validate"
            jsonschema.validate(json.loads(last_output), json.loads(block.text))


def commands(text: str) -> list[tuple[str, str]]:
    found: list[tuple[str, list[str]]] = []
    for line in text.splitlines():
        if line.startswith("$ "):
            found.append((line[2:], []))
        elif found:
            found[-1][1].append(line)
    return [(command, "\n".join(output)) for command, output in found]


def run(command: str, folder: Path) -> str:
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), *_installed(folder)]),
        "NO_COLOR": "1",
        "COLUMNS": "100",
    }
    result = subprocess.run(
        ["bash", "--noprofile", "--norc", "-c", command],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.stdout + result.stderr


def _installed(folder: Path) -> list[str]:
    """Install the folder's package for the commands: its entry points as a ``.dist-info``."""
    pyproject = folder / "pyproject.toml"
    if not pyproject.is_file():
        return []
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    site = folder.parent / f"{folder.name}-site"
    info = site / f"{project['name'].replace('-', '_')}-{project['version']}.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {project['name']}\nVersion: {project['version']}\n"
    )
    groups = project.get("entry-points", {})
    (info / "entry_points.txt").write_text(
        "".join(
            f"[{group}]\n" + "".join(f"{name} = {target}\n" for name, target in points.items())
            for group, points in groups.items()
        )
    )
    return [str(site), str(folder)]


def matches(output: str, expected: str) -> bool:
    """Exact, line by line (trailing spaces aside), except that ``...`` matches anything."""
    pattern = ".*".join(re.escape(part) for part in normalise(expected).split("..."))
    return re.fullmatch(pattern, normalise(output), re.DOTALL) is not None


def normalise(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


def test_docs_pass_editlint_with_their_own_config(cli):
    """What the pre-commit hook on docs/ enforces: no finding at or above warning."""
    result = cli("check", "--format", "json", "--config", "docs/editlint.yaml", "docs/", cwd=ROOT)
    assert result.returncode in (0, 1), result.stderr
    found = [
        f"{d['path']}:{d['line']}: {d['code']} {d['message']}"
        for d in json.loads(result.stdout)["diagnostics"]
        if d["severity"] != "info"
    ]
    assert not found, "\n".join(found)


def test_writing_rule_packs_describes_every_pack_field():
    from editlint.models import fields_of
    from editlint.rules.kinds.common import RuleSpec
    from editlint.rules.kinds.conditional import ConditionalSpec
    from editlint.rules.kinds.existence import ExistenceSpec
    from editlint.rules.kinds.substitution import SubstitutionSpec
    from editlint.rules.packs import RulePack

    page = (DOCS / "writing-rule-packs.md").read_text(encoding="utf-8")
    sections = {"": page.split("\n## `")[0]}
    for part in page.split("\n## `")[1:]:
        sections[part.split("`", 1)[0]] = part
    wanted = {"": [*fields_of(RulePack), *fields_of(RuleSpec)]}
    for kind, spec in (
        ("existence", ExistenceSpec),
        ("substitution", SubstitutionSpec),
        ("conditional", ConditionalSpec),
    ):
        wanted[kind] = [name for name in fields_of(spec) if name not in fields_of(RuleSpec)]
    missing = [
        f"{kind or 'common'}: {name}"
        for kind, names in wanted.items()
        for name in names
        if name != "kind" and f"`{name}`" not in sections.get(kind, "")
    ]
    assert not missing, f"docs/writing-rule-packs.md does not describe {missing}"
