"""The engine: configuration, selection, suppression and running rules over documents."""
