"""``editlint init``: write a commented ``editlint.yaml`` and print the hooks to add."""

from __future__ import annotations

import argparse
from pathlib import Path

from editlint.authoring.install_source import REPO_PLACEHOLDER, install_source
from editlint.authoring.scaffold import (
    SCHEMA_URL,
    precommit_snippet,
    render_config,
    survey,
    workflow_snippet,
)
from editlint.config.model import CACHE_DIR_NAME, CONFIG_NAMES, find_config
from editlint.errors import UsageError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "folder", nargs="?", type=Path, default=Path("."), help="the repository (default: .)"
    )
    parser.add_argument(
        "--schema-url",
        default=SCHEMA_URL,
        help="schema for the yaml-language-server modeline (a URL or a path, "
        "e.g. one written by 'editlint schema -o')",
    )


def run(args: argparse.Namespace) -> int:
    folder: Path = args.folder
    if not folder.is_dir():
        raise UsageError(f"no such folder: {folder}")
    existing = find_config(folder)
    if existing is not None and existing.parent.resolve() == folder.resolve():
        raise UsageError(f"{existing} exists; editlint init never overwrites a config")
    target = folder / CONFIG_NAMES[0]
    found = survey(folder)
    target.write_text(render_config(found, args.schema_url), encoding="utf-8")
    print(f"wrote {target} ({found.articles} articles in {found.content_root})")
    source = install_source()
    print("\nAdd to .pre-commit-config.yaml:\n")
    print(_indent(precommit_snippet(source)))
    if not source.known:
        print(f"(pip did not record where editlint came from: fill in {REPO_PLACEHOLDER} and")
        print(" the commit as docs/ci.md says; editlint has no release tag to name.)\n")
    print("Or gate pull requests with .github/workflows/editlint.yml:\n")
    print(_indent(workflow_snippet(found, source)))
    print(f"editlint caches results in {CACHE_DIR_NAME}/ beside the config (git ignores it).")
    print("Then run: editlint check")
    return 0


def _indent(text: str) -> str:
    return "".join(f"    {line}\n" if line else "\n" for line in text.splitlines())
