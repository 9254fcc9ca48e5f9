"""Regenerate the config JSON Schema and the configuration and rule references in docs/.

python scripts/gen_docs.py          # write the files
python scripts/gen_docs.py --check  # exit 1 if any is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

from editlint.authoring.docgen import generated_files

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    stale = []
    for path, text in generated_files(ROOT).items():
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path.relative_to(ROOT).as_posix())
        if "--check" not in argv:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    verb = "stale" if "--check" in argv else "wrote"
    for name in stale:
        print(f"{verb} {name}")
    return 1 if stale and "--check" in argv else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
