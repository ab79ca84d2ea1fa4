//! The pipeline: ingest → model → structure → extraction stages → [`Extraction`].
//!
//! Independent stages run in parallel with rayon: metadata beside references, then figures,
//! commitments and planned actions (figures and commitments need the references).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::{Error, Result};
use crate::extract::{commitments, figures, metadata, planned, references};
use crate::ingest;
use crate::model::Document;
use crate::output::{Extraction, Parts, SCHEMA_VERSION, Source};
use crate::structure;

/// Read the file at `path` and extract it.
pub fn extract_file(path: &Path) -> Result<Extraction> {
    if path.is_dir() {
        return Err(Error::IsDirectory(path.to_path_buf()));
    }
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    extract_bytes(&bytes, Some(&path.to_string_lossy()))
}

/// Extract a document held in memory; `path` names it (for format sniffing and the output's
/// `source.path`). A panic anywhere inside is caught and reported as [`Error::Internal`], so
/// one bad document cannot take down a batch.
pub fn extract_bytes(bytes: &[u8], path: Option<&str>) -> Result<Extraction> {
    catch_unwind(AssertUnwindSafe(|| {
        let doc = ingest::ingest(bytes, path)?;
        let source = Source {
            path: path.map(str::to_string),
            sha256: sha256_hex(bytes),
            format: doc.format,
            bytes: bytes.len() as u64,
            pages: doc.pages,
        };
        Ok(extract_document(&doc, source))
    }))
    .unwrap_or_else(|panic| {
        let msg = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Err(Error::Internal(msg))
    })
}

/// Run the stages over an ingested document.
pub fn extract_document(doc: &Document, source: Source) -> Extraction {
    let structure = structure::analyze(doc);
    let (metadata, mut references) = rayon::join(
        || metadata::extract(doc, &structure),
        || references::extract(doc, &structure),
    );
    references::attach_document_title(&mut references, &metadata);
    let ((figures, commitments), planned_actions) = rayon::join(
        || {
            rayon::join(
                || figures::extract(doc, &structure, &references),
                || commitments::extract(doc, &structure, &references),
            )
        },
        || planned::extract(doc, &structure),
    );
    let range = |r: &std::ops::Range<usize>| crate::output::BlockRange {
        start: r.start,
        end: r.end,
    };
    let mut warnings = doc.warnings.clone();
    warnings.extend(structure.warnings.iter().cloned());
    Extraction {
        schema_version: SCHEMA_VERSION.to_string(),
        source,
        metadata,
        parts: Parts {
            cover_note: structure.cover_note.as_ref().map(range),
            communication: structure.communication.as_ref().map(range),
        },
        sections: structure.sections.clone(),
        footnotes: structure.footnotes.clone(),
        references,
        figures,
        commitments,
        planned_actions,
        warnings,
    }
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
