"""The configuration: its models, presets, selectors; found, loaded and checked."""
