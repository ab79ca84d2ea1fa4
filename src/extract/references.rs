//! References stage: every reference to another EU document.

use crate::model::Document;
use crate::output::Reference;
use crate::structure::Structure;

/// Run the references stage. Not yet implemented: finds nothing.
pub fn extract(_doc: &Document, _structure: &Structure) -> Vec<Reference> {
    Vec::new()
}
