"""``editlint import FILE.txt -o content/``: plain-text export to Markdown with front matter."""

from __future__ import annotations

import argparse
from pathlib import Path

from editlint.errors import UsageError
from editlint.importer import export_to_markdown


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, help="plain-text exports (.txt)")
    parser.add_argument("-o", "--output", type=Path, default=Path("."), help="output folder")
    parser.add_argument("--force", action="store_true", help="overwrite existing articles")


def run(args: argparse.Namespace) -> int:
    if args.output.exists() and not args.output.is_dir():
        raise UsageError(f"--output must be a folder: {args.output}")
    converted = []
    for path in args.files:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise UsageError(f"no such file: {path}") from None
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"cannot read {path}: {error}") from None
        slug, markdown = export_to_markdown(text)
        target = args.output / f"{slug}.md"
        if target.exists() and not args.force:
            raise UsageError(f"{target} exists (use --force to overwrite)")
        converted.append((target, markdown))
    args.output.mkdir(parents=True, exist_ok=True)
    for target, markdown in converted:
        target.write_text(markdown, encoding="utf-8")
        print(f"wrote {target}")
    return 0
