"""What several built-in rules share: claims, citations, viewpoints, fixes."""
