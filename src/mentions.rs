//! One flat row per reference mention: the shape a corpus table (Parquet, CSV, a data frame)
//! wants, where the extraction nests mentions inside references. The CLI's `mentions`
//! command, the Python package and the Spark example all build their rows here, so a row
//! means the same thing whichever wrote it.

use serde::{Deserialize, Serialize};

use crate::batch::{InvalidRecord, Record, parse_record};
use crate::output::Extraction;

/// Where one document mentions one reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRow {
    /// The document's `source.path`.
    pub path: Option<String>,
    /// The document's SHA-256 (lower-case hex): the key that survives renames.
    pub sha256: String,
    /// The reference's canonical id (`COM(2012) 85`).
    pub reference: String,
    /// The reference's kind, as in the extraction (`com_document`, `directive`, ...).
    pub kind: String,
    pub celex: Option<String>,
    /// The mention as written.
    pub text: String,
    /// The enclosing numbered section (`2.1`, `Article 12`).
    pub section: Option<String>,
    /// Where a reader finds it, as the index prints it: `Article 2(3)`, `recital (5)`,
    /// `4.2, footnote 12`.
    pub place: Option<String>,
    pub page: Option<u32>,
    pub footnote: Option<u32>,
    pub sentence: String,
}

/// The mention rows of an extraction, in reference then mention order.
pub fn mention_rows(e: &Extraction) -> Vec<MentionRow> {
    let mut rows = Vec::new();
    for r in &e.references {
        let kind = crate::index::json_name(&r.kind);
        for m in &r.mentions {
            let at = &m.location;
            rows.push(MentionRow {
                path: e.source.path.clone(),
                sha256: e.source.sha256.clone(),
                reference: r.id.clone(),
                kind: kind.clone(),
                celex: r.links.celex.clone(),
                text: m.text.clone(),
                section: at.section.clone(),
                place: crate::index::place(
                    at.section.as_deref(),
                    at.recital,
                    at.paragraph,
                    at.footnote,
                ),
                page: at.page,
                footnote: at.footnote,
                sentence: m.sentence.clone(),
            });
        }
    }
    rows
}

/// The mention rows of one line of `eurodoc batch` output. An error record (an input that
/// could not be processed) has none; a line that is neither is an error.
pub fn mention_rows_of_line(line: &str) -> Result<Vec<MentionRow>, InvalidRecord> {
    Ok(match parse_record(line)? {
        Record::Extracted(e) => mention_rows(&e),
        Record::Failed { .. } => Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_carry_the_place_the_index_prints() {
        let text = "# 1. Scope\n\nThis follows COM(2012) 85 final and Directive 2011/36/EU.\n";
        let e = crate::extract_bytes(text.as_bytes(), Some("a.md")).unwrap();
        let rows = mention_rows(&e);
        let com = rows.iter().find(|r| r.reference == "COM(2012) 85").unwrap();
        assert_eq!(com.kind, "COM");
        assert_eq!(com.path.as_deref(), Some("a.md"));
        assert_eq!(com.section.as_deref(), Some("1"));
        assert_eq!(com.place.as_deref(), Some("1"));
        let dir = rows.iter().find(|r| r.kind == "directive").unwrap();
        assert_eq!(dir.celex.as_deref(), Some("32011L0036"));
        assert!(dir.sentence.starts_with("This follows COM(2012) 85 final"));
    }

    #[test]
    fn error_records_have_no_rows_and_garbage_is_an_error() {
        let rec =
            r#"{"source":{"path":"x.pdf"},"error":{"kind":"empty","message":"the file is empty"}}"#;
        assert!(mention_rows_of_line(rec).unwrap().is_empty());
        assert!(mention_rows_of_line("{\"a\": 1}").is_err());
        assert!(mention_rows_of_line("not json").is_err());
    }
}
