//! Extraction stages. Each is a plain function from the document model (and the structure
//! stage's findings, and for some the references) to its findings.

pub mod commitments;
pub mod declared;
pub mod figures;
pub mod metadata;
pub mod planned;
pub mod references;
