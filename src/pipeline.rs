//! The pipeline: ingest → model → structure → extraction stages → quality → [`Extraction`].
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
use crate::quality;
use crate::structure;

/// Read the file at `path` and extract it.
pub fn extract_file(path: &Path) -> Result<Extraction> {
    extract_bytes(&read_input(path)?, Some(&path.to_string_lossy()))
}

/// The bytes of an input file, with the errors a document gets for it.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path.is_dir() {
        return Err(Error::IsDirectory(path.to_path_buf()));
    }
    std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Extract a document held in memory; `path` names it (for format sniffing and the output's
/// `source.path`). A panic anywhere inside is caught and reported as [`Error::Internal`], so
/// one bad document cannot take down a batch.
pub fn extract_bytes(bytes: &[u8], path: Option<&str>) -> Result<Extraction> {
    extract_hashed(bytes, path, sha256_hex(bytes))
}

/// Inputs from this size on are read while every stage's patterns compile on another core.
const WARM_UP_FROM: usize = 64 * 1024;

/// Inputs from this size on share their stages out over the thread pool.
const PARALLEL_FROM: u64 = 16 * 1024;

/// [`extract_bytes`] for a caller that has already hashed the bytes (`sha256`, lower-case hex).
pub fn extract_hashed(bytes: &[u8], path: Option<&str>, sha256: String) -> Result<Extraction> {
    catch_unwind(AssertUnwindSafe(|| {
        // The stages' patterns compile on first use. A long input takes long enough to read
        // to compile them all meanwhile; a short one compiles only what its text needs, which
        // is what a one-line extraction's start-up time is made of.
        let doc = if bytes.len() >= WARM_UP_FROM {
            rayon::join(|| ingest::ingest(bytes, path), warm_up).0
        } else {
            ingest::ingest(bytes, path)
        }?;
        let source = Source {
            path: path.map(str::to_string),
            sha256,
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
    // A short document's stages take less time than starting the thread pool to share them.
    let parallel = source.bytes >= PARALLEL_FROM;
    let structure = structure::analyze(doc);
    let (metadata, mut references) = join(
        parallel,
        || metadata::extract(doc, &structure),
        || references::extract(doc, &structure),
    );
    references::attach_document_title(&mut references, &metadata);
    let ((figures, (commitments, requests)), planned_actions) = join(
        parallel,
        || {
            join(
                parallel,
                || figures::extract(doc, &structure, &references),
                || commitments::extract_with_requests(doc, &structure, &references),
            )
        },
        || planned::extract(doc, &structure),
    );
    let range = |r: std::ops::Range<usize>| crate::output::BlockRange {
        start: r.start,
        end: r.end,
    };
    // The stages are done with the structure: its parts move into the output.
    let mut warnings = doc.warnings.clone();
    warnings.extend(structure.warnings);
    let mut extraction = Extraction {
        schema_version: SCHEMA_VERSION.to_string(),
        source,
        metadata,
        parts: Parts {
            cover_note: structure.cover_note.map(range),
            communication: structure.communication.map(range),
            memorandum: structure.legislative.memorandum.map(range),
            legal_text: structure.legislative.legal_text.map(range),
            financial_statement: structure.legislative.financial_statement.map(range),
        },
        sections: structure.sections,
        footnotes: structure.footnotes,
        references,
        figures,
        commitments,
        requests,
        planned_actions,
        warnings,
        quality: Vec::new(),
    };
    // After every stage: the checks read what the stages found.
    extraction.quality = quality::check(doc, &extraction);
    extraction
}

/// `a` and `b` on the thread pool when `parallel`, else one after the other.
fn join<A: Send, B: Send>(
    parallel: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if parallel {
        rayon::join(a, b)
    } else {
        (a(), b())
    }
}

/// Lines of a small document that goes through every stage: `#` starts a numbered heading,
/// `^N ` a footnote body, `- ` a list item, `|` separates table cells; `*` marks bold.
const WARM_UP: &[&str] = &[
    "COVER NOTE",
    "from: Secretary-General, Director date of receipt: 10 April 2013",
    "No Cion doc.: COM(2013) 179 final",
    "8410/13",
    "JAI 282",
    "Subject: REPORT FROM THE COMMISSION on things",
    "Brussels, 10.4.2013 COM(2013) 179 final",
    "REPORT FROM THE COMMISSION",
    "On things",
    "#1. A",
    "A *Directive*^1 of over 200 000 cases, €3 780, 40 per cent, two years, 24 hours, 5 tonnes, \
     on 10 May 2005 under Article 222 TFEU, Regulation (EU) No 1052/2013, OJ L 186, 14.7.2012, \
     p. 4, 2010/0246 (COD) and ST 8410/13 REV 1.",
    "^1 Communication 'Title', COM(2013) 45/3.",
    "The way forward in 2013",
    "The Commission will:",
    "- propose a reform by the end of 2016 (Europol and Eurojust);",
    "#Annex 1: Plan",
    "|OBJECTIVE 2: X|",
    "||Action 1: Y|",
    "|2012|Member States: Do it|",
];

/// The warm-up document, built directly so that no ingester's patterns are compiled for it.
fn warm_up_document() -> Document {
    use crate::model::{Block, BlockKind, Cell, ParaBuilder, Table};
    let para = |t: &str| {
        let mut b = ParaBuilder::new();
        for (i, piece) in t.split('*').enumerate() {
            b.bold(i % 2 == 1);
            match piece.split_once('^') {
                Some((before, after)) => {
                    b.push_source(before, 0);
                    b.call(
                        after
                            .chars()
                            .next()
                            .and_then(|c| c.to_digit(10))
                            .unwrap_or(1),
                    );
                    b.push_source(&after[1..], 0);
                }
                None => b.push_source(piece, 0),
            }
        }
        b.finish()
    };
    let mut blocks: Vec<Block> = Vec::new();
    let mut table = Table::default();
    for &line in WARM_UP {
        let (kind, text) = if let Some(h) = line.strip_prefix('#') {
            let number = crate::ingest::headings::heading_number(h).map(|(n, _)| n);
            (BlockKind::Heading { level: 1, number }, h)
        } else if let Some(f) = line.strip_prefix('^') {
            (BlockKind::Footnote { number: 1 }, &f[2..])
        } else if let Some(li) = line.strip_prefix("- ") {
            (
                BlockKind::ListItem {
                    marker: "-".into(),
                    depth: 0,
                },
                li,
            )
        } else if let Some(row) = line.strip_prefix('|') {
            let cells = row
                .split('|')
                .map(|c| Cell {
                    paras: vec![para(c)],
                })
                .collect();
            table.rows.push(cells);
            continue;
        } else {
            (BlockKind::Paragraph, line)
        };
        blocks.push(Block {
            kind,
            para: para(text),
            page: None,
        });
    }
    blocks.push(Block {
        kind: BlockKind::Table(table),
        para: Default::default(),
        page: None,
    });
    Document {
        format: crate::model::SourceFormat::Markdown,
        text: String::new(),
        blocks,
        pages: None,
        warnings: Vec::new(),
        furniture: Vec::new(),
        declared: Default::default(),
        language: Default::default(),
    }
}

/// Compile the stages' patterns once, by running them on a small built-in document.
///
/// The stages run one after the other here, not through rayon: this runs inside a `Once`,
/// and a rayon join under a lock can steal a job that waits for the same lock.
pub fn warm_up() {
    static DONE: std::sync::Once = std::sync::Once::new();
    DONE.call_once(|| {
        // First what the PDF layout needs soonest, then the stages.
        let _ = crate::ingest::headings::heading_number("1. A");
        let _ = crate::ingest::headings::list_marker("- a", false);
        let _ = crate::ingest::text::is_page_furniture("EN 1 EN");
        let _ = crate::ingest::text::parse_html_paragraphs("<p><b>a</b>&amp;[^1]</p>", 0);
        let doc = warm_up_document();
        let structure = structure::analyze(&doc);
        let _ = metadata::extract(&doc, &structure);
        let refs = references::extract(&doc, &structure);
        let _ = figures::extract(&doc, &structure, &refs);
        let _ = commitments::extract(&doc, &structure, &refs);
        let _ = planned::extract(&doc, &structure);
        quality::warm_up();
    });
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
