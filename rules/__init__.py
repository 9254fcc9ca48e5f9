"""The rule packs shipped with editlint (installed as the package editlint.packs)."""
