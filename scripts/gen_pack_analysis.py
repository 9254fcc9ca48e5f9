"""Regenerate what ships beside the packs, made at build time: rules/analysis.json (the packs'
pattern analysis) and rules/validated.json (what validating editlint's own inputs gives).

python scripts/gen_pack_analysis.py          # write them
python scripts/gen_pack_analysis.py --check  # exit 1 if either is stale
"""

from __future__ import annotations

import sys

from editlint.authoring.pack_analysis import analysis_table, table_path
from editlint.authoring.validated_seed import seed_path, seed_text


def main(argv: list[str]) -> int:
    stale = 0
    for path, text in ((table_path(), analysis_table()), (seed_path(), seed_text())):
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        if "--check" in argv:
            print(f"stale {path.name}: run python scripts/gen_pack_analysis.py")
            stale = 1
            continue
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
    return stale


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
