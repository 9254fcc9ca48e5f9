"""Tools for people who write configs and rules: init, schema, docs, examples."""
