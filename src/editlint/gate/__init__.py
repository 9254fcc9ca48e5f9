"""What a CI gate adds to a check: a baseline, the files changed since a ref."""
