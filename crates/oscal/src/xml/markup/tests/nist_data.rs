//! NIST's JSON prose, Markdown to markup and back.
