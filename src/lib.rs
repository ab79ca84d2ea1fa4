//! eurodoc reads EU institutional documents — Council cover notes and the Commission
//! communications they carry, as PDF or converted text — into structured, schema-checked JSON.
//!
//! The pipeline ([`pipeline`]): an ingester ([`ingest`]) turns bytes into the document model
//! ([`model`]); the structure stage ([`structure`]) finds parts, sections and footnotes; the
//! extraction stages ([`extract`]) find metadata, references, figures and commitments; the
//! [`quality`] pass reads the model and the findings and says where they cannot be trusted; the
//! result is an [`output::Extraction`], the JSON contract. [`batch`] runs the pipeline over
//! many documents; [`index`] keeps their references in a queryable SQLite citation index.

pub mod batch;
pub mod check;
pub mod citation;
pub mod dates;
pub mod error;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod lang;
pub mod mentions;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod quality;
pub mod re;
pub mod sentence;
pub mod structure;

pub use error::{Error, Result};
pub use output::Extraction;
pub use pipeline::{extract_bytes, extract_file};
