"""Where editlint's documentation lives: the links that ``--help``, SARIF and the language
server give. One place, so that moving the documentation is one edit."""

from __future__ import annotations

PROJECT_URL = "https://github.com/editlint/editlint"
DOCS_URL = f"{PROJECT_URL}/blob/main/docs"


def rule_docs_url(code: str) -> str:
    """The section of the rule reference (docs/rules.md) that documents a shipped rule."""
    return f"{DOCS_URL}/rules.md#{code.lower()}"


#: Where the findings that no rule makes (INP, INT) are documented.
INPUT_DOCS_URL = f"{DOCS_URL}/output-formats.md#input-and-internal-findings"


def docs_url_of(code: str, rule_docs: str = "") -> str:
    """A finding's documentation: its rule's, or the input and internal findings' section."""
    if rule_docs:
        return rule_docs
    return INPUT_DOCS_URL if code.startswith(("INP", "INT")) else ""
