"""Presets for ``extends: [editlint:NAME]``."""
