//! NIST's and FedRAMP's XML prose, markup to Markdown and back.
