"""Sources: what an article's citations cite, and whether those sources hold up."""
