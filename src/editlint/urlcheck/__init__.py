"""``editlint check --check-urls``: whether the URLs an article cites and links still answer."""
