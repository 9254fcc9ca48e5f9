"""How rules find text: patterns, leads, the word index, scopes, voice."""
