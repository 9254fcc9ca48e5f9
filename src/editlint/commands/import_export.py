"""``editlint import FILE -o content/``: a plain-text export (``.txt``), a wikitext page
(``.wiki``, ``.wikitext``, ``.mediawiki``) or a MediaWiki XML dump (``.xml``, ``.xml.bz2``,
streamed page by page) to Markdown articles with front matter."""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

from editlint.document import WIKITEXT_SUFFIXES, InputError
from editlint.errors import UsageError
from editlint.safefiles import write_by_rename

# The converters (mwparserfromhell, ruamel) are imported where they are used: the CLI loads
# this module for its arguments on every start, whatever the command.


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "files",
        nargs="+",
        type=Path,
        help="plain-text exports (.txt), wikitext pages (.wiki) or XML dumps (.xml, .xml.bz2)",
    )
    parser.add_argument("-o", "--output", type=Path, default=Path("."), help="output folder")
    parser.add_argument("--force", action="store_true", help="overwrite existing articles")


def run(args: argparse.Namespace) -> int:
    """Convert every export first, then write: a problem with any one writes nothing.

    Two exports whose titles give one slug are refused (one would overwrite the other); an
    article name that is a symbolic link (dangling or not) is never written through, even with
    --force: a planted link must not turn the import into a write outside the folder. Each
    article is written to a temporary file and renamed into place.
    """
    from editlint.document.dump import is_dump

    if args.output.exists() and not args.output.is_dir():
        raise UsageError(f"--output must be a folder: {args.output}")
    converted = []
    sources: dict[Path, Path] = {}
    dumps = []
    for path in args.files:
        if is_dump(path):
            if not path.is_file():
                raise UsageError(f"no such file: {path}")
            dumps.append(path)
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
        except FileNotFoundError:
            raise UsageError(f"no such file: {path}") from None
        except (OSError, UnicodeDecodeError) as error:
            raise UsageError(f"cannot read {path}: {error}") from None
        slug, markdown = _convert(path, text)
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
    for dump in dumps:
        _import_dump(dump, args.output, args.force)
    return 0


def _write(target: Path, data: bytes) -> None:
    """Write ``target`` by a rename (a link put there meanwhile is replaced, not followed),
    with the mode a newly created file gets."""
    write_by_rename(target, data, target.parent, f".{target.name}.", mode=0o666 & ~_umask())


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _convert(path: Path, text: str) -> tuple[str, str]:
    from editlint.convert.plain_export import export_to_markdown
    from editlint.convert.wikitext_page import wikitext_to_markdown
    from editlint.document.wikinames import title_from_path

    if path.suffix.lower() not in WIKITEXT_SUFFIXES:
        return export_to_markdown(text)
    try:
        return wikitext_to_markdown(text, title_from_path(path))
    except InputError as error:
        raise UsageError(f"{path}: cannot parse: {error.message}") from None


def _import_dump(dump: Path, output: Path, force: bool) -> None:
    """Write each article of ``dump`` as it is read; a redirect page as a ``redirect_to``
    page; a page that cannot be parsed is named on stderr and skipped."""
    from editlint.convert.plain_export import slugify
    from editlint.convert.wikitext_page import wikitext_to_markdown
    from editlint.document.dump import iter_pages

    written: set[str] = set()
    articles = redirects = skipped = 0
    try:
        for page in iter_pages(dump):
            if page.redirect is not None:
                slug = slugify(page.title)
                markdown = _front_matter({"title": page.title, "redirect_to": page.redirect})
                redirects += 1
            else:
                try:
                    slug, markdown = wikitext_to_markdown(page.text, page.title)
                except InputError as error:
                    print(f"{dump}: {page.title}: skipped: {error.message}", file=sys.stderr)
                    skipped += 1
                    continue
                articles += 1
            slug = _unique(slug, written)
            target = output / f"{slug}.md"
            if os.path.islink(target):
                raise UsageError(f"{target} is a symbolic link; not written through")
            if os.path.lexists(target) and not force:
                raise UsageError(f"{target} exists (use --force to overwrite)")
            _write(target, markdown.encode("utf-8"))
    except InputError as error:
        raise UsageError(f"{dump}: {error.message}") from None
    note = f", {skipped} skipped" if skipped else ""
    print(f"{dump}: wrote {articles} article(s) and {redirects} redirect(s) to {output}{note}")


def _unique(slug: str, written: set[str]) -> str:
    """``slug``, or ``slug-2``, ``slug-3``... when a page of the same dump already took it."""
    candidate, number = slug, 1
    while candidate in written:
        number += 1
        candidate = f"{slug}-{number}"
    written.add(candidate)
    return candidate


def _front_matter(data: dict) -> str:
    from ruamel.yaml import YAML

    stream = io.StringIO()
    yaml = YAML()
    yaml.width = 4096
    yaml.dump(data, stream)
    return f"---\n{stream.getvalue()}---\n"
