//! Commitments stage: "way forward" blocks as who-commits-to-what.

use crate::model::Document;
use crate::output::{Commitment, Reference};
use crate::structure::Structure;

/// Run the commitments stage. Not yet implemented: finds nothing.
pub fn extract(_doc: &Document, _structure: &Structure, _refs: &[Reference]) -> Vec<Commitment> {
    Vec::new()
}
