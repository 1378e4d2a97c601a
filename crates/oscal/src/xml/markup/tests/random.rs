//! Random Markdown.
