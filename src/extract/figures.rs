//! Figures stage: numeric facts with value, unit and qualifier.

use crate::model::Document;
use crate::output::{Figure, Reference};
use crate::structure::Structure;

/// Run the figures stage. Not yet implemented: finds nothing.
pub fn extract(_doc: &Document, _structure: &Structure, _refs: &[Reference]) -> Vec<Figure> {
    Vec::new()
}
