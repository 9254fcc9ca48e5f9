"""A small house-style rule pack for tests that need fixable rules of known applicability."""

HOUSE_PACK = """pack: house
rules:
  - code: HSE101
    name: plain-words
    kind: substitution
    category: structure
    message: "Plain words: '{match}' -> '{replacement}'"
    explanation: "House style prefers plain words; 'use' says what 'utilise' says."
    swap: {utilise: use}
    applicability: safe
  - code: HSE102
    name: wordy-phrases
    kind: substitution
    category: structure
    message: "Wordy: '{match}' -> '{replacement}'"
    swap: {in order to: to}
    applicability: unsafe
"""
