"""Other formats turned into Markdown articles with front matter."""
