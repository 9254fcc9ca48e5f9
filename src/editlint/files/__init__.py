"""Which files to check, and reading them safely (size, encoding, binary, links)."""
