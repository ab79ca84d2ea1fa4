//! Planned-actions stage: the annex tables of planned actions.

use crate::model::Document;
use crate::output::PlannedAction;
use crate::structure::Structure;

/// Run the planned-actions stage. Not yet implemented: finds nothing.
pub fn extract(_doc: &Document, _structure: &Structure) -> Vec<PlannedAction> {
    Vec::new()
}
