"""``editlint import FILE.txt -o content/``: plain-text export to Markdown with front matter."""

from __future__ import annotations

import argparse
import contextlib
import os
import tempfile
from pathlib import Path

from editlint.errors import UsageError
from editlint.importer import export_to_markdown


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", type=Path, help="plain-text exports (.txt)")
    parser.add_argument("-o", "--output", type=Path, default=Path("."), help="output folder")
    parser.add_argument("--force", action="store_true", help="overwrite existing articles")


def run(args: argparse.Namespace) -> int:
    """Convert every export first, then write: a problem with any one writes nothing.

    Two exports whose titles give one slug are refused (one would overwrite the other); an
    article name that is a symbolic link (dangling or not) is never written through, even with
    --force: a planted link must not turn the import into a write outside the folder. Each
    article is written to a temporary file and renamed into place.
    """
    if args.output.exists() and not args.output.is_dir():
        raise UsageError(f"--output must be a folder: {args.output}")
    converted = []
    sources: dict[Path, Path] = {}
    for path in args.files:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise UsageError(f"no such file: {path}") from None
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"cannot read {path}: {error}") from None
        slug, markdown = export_to_markdown(text)
        target = args.output / f"{slug}.md"
        if target in sources:
            raise UsageError(
                f"{sources[target]} and {path} would both be written to {target} "
                "(their titles give one slug); nothing written"
            )
        sources[target] = path
        if os.path.islink(target):
            raise UsageError(f"{target} is a symbolic link; not written through")
        if os.path.lexists(target) and not args.force:
            raise UsageError(f"{target} exists (use --force to overwrite)")
        converted.append((target, markdown))
    args.output.mkdir(parents=True, exist_ok=True)
    for target, markdown in converted:
        _write(target, markdown.encode("utf-8"))
        print(f"wrote {target}")
    return 0


def _write(target: Path, data: bytes) -> None:
    """Write ``target`` by a rename: a link put there meanwhile is replaced, not followed."""
    descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
