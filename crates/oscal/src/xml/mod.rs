//! OSCAL in XML: the element tree, the shapes of the seven models (how each XML element maps to
//! its JSON form), prose markup to and from Markdown, and the conversions both ways.

pub mod markup;
pub mod tree;
