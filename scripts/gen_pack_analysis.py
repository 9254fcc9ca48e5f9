"""Regenerate rules/analysis.json, the shipped packs' precomputed pattern analysis.

python scripts/gen_pack_analysis.py          # write it
python scripts/gen_pack_analysis.py --check  # exit 1 if it is stale
"""

from __future__ import annotations

import sys

from editlint.authoring.pack_analysis import analysis_table, table_path


def main(argv: list[str]) -> int:
    path, text = table_path(), analysis_table()
    current = path.read_text(encoding="utf-8") if path.exists() else None
    if current == text:
        return 0
    if "--check" in argv:
        print(f"stale {path.name}: run python scripts/gen_pack_analysis.py")
        return 1
    path.write_text(text, encoding="utf-8")
    print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
