//! OSCAL in XML: the element tree, the shapes of the seven models (how each XML element maps to
//! its JSON form), prose markup to and from Markdown, and the conversions both ways.

mod attributes;
mod from_json;
pub mod markup;
pub mod shapes;
mod to_json;
pub mod tree;

pub use from_json::{WriteProblem, value_to_xml};
pub use to_json::{ReadProblem, xml_to_json_text, xml_to_value};
