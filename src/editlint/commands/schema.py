"""``editlint schema``: print the JSON Schema of ``editlint.yaml`` (for editors' YAML tooling)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from editlint.authoring.schema import shipped_schema_text


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--output", "-o", type=Path, help="write the schema to this file")


def run(args: argparse.Namespace) -> int:
    text = shipped_schema_text()
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
        print(f"wrote {args.output}")
    return 0
