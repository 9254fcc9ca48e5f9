"""Recognise a Vale style file given as a pack, and say how to write it as an editlint pack."""

from __future__ import annotations

from typing import Any

#: The kinds editlint's packs share with Vale's ``extends``.
SHARED_KINDS = ("existence", "substitution", "conditional")
#: Vale's field names and what editlint calls them.
RENAMED = {"level": "severity", "ignorecase": "ignore_case"}


def vale_hint(data: Any) -> str | None:
    """What to change when ``data`` is a Vale rule (``extends: existence``...) and not a pack."""
    if not isinstance(data, dict) or "pack" in data or "extends" not in data:
        return None
    kind = str(data["extends"])
    if kind not in SHARED_KINDS:
        return (
            f"this is a Vale rule (extends: {kind}), not an editlint pack, and editlint has no "
            f"'{kind}' kind (only {', '.join(SHARED_KINDS)}); see docs/writing-rule-packs.md"
        )
    renamed = [f"{vale} -> {ours}" for vale, ours in RENAMED.items() if vale in data]
    if "%s" in str(data.get("message", "")):
        renamed.append("'%s' in the message -> '{match}'")
    changes = f"; rename {', '.join(renamed)}" if renamed else ""
    return (
        f"this is a Vale rule (extends: {kind}), not an editlint pack: start the file with "
        f"'pack: NAME' and 'rules:', and make it one rule there with 'kind: {kind}', a 'code' "
        f"(HOUSE101), a 'name' and a 'category'{changes}; see docs/writing-rule-packs.md"
    )
