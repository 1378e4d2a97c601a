//! OSCAL in XML: the element tree, the shapes of the seven models (how each XML element maps to
//! its JSON form), prose markup to and from Markdown, and the conversions both ways.

mod attributes;
mod bytes;
mod characters;
mod deserialize;
mod from_json;
mod malformed;
pub mod markup;
mod scanner;
pub mod shapes;
pub mod tree;

pub use deserialize::{ReadProblem, from_xml, xml_to_value};
pub use from_json::{WriteProblem, value_to_xml};
