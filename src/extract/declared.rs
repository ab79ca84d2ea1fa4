//! What a structured source declares about itself (`Document::declared`: a Formex record,
//! FRBR identification, `docVars`, the canonical ELI link) goes into the metadata over what
//! the metadata stage read from the text: the markup states it, the text only suggests it.

use crate::model::Document;
use crate::output::Metadata;

/// Put the declared fields of `doc` into `m`, over those read from the text.
pub fn apply(doc: &Document, m: &mut Metadata) {
    let d = &doc.declared;
    let take = |field: &mut Option<String>, declared: &Option<String>| {
        if declared.is_some() {
            field.clone_from(declared);
        }
    };
    take(&mut m.act, &d.act);
    take(&mut m.celex, &d.celex);
    take(&mut m.eli, &d.eli);
    take(&mut m.commission_reference, &d.commission_reference);
    take(&mut m.commission_date, &d.commission_date);
    take(&mut m.procedure, &d.procedure);
    take(&mut m.adoption_date, &d.adoption_date);
    take(&mut m.oj_reference, &d.oj_reference);
    take(&mut m.document_type_line, &d.document_type_line);
    take(&mut m.title, &d.title);
    take(&mut m.language, &d.language);
}
