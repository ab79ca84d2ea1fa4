//! Filling an index: extract documents in parallel (as `batch` does) or read a batch's JSON
//! Lines, and write each document in its own transaction, in input order.
//!
//! Content already indexed is recognised by its SHA-256 before it is extracted, so re-adding
//! a folder costs one read and one hash per file.

use std::collections::HashSet;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::{Added, Index, IndexError, Result};
use crate::batch::{InvalidRecord, Record};
use crate::error::Error;
use crate::output::Extraction;
use crate::pipeline::{extract_hashed, read_input, sha256_hex};

/// How to fill an index.
#[derive(Debug, Clone, Default)]
pub struct AddOptions {
    /// Documents extracted in parallel; 0 means one per core.
    pub jobs: usize,
    /// Stop after writing this many new or changed documents (the rest waits for the next run).
    pub limit: Option<usize>,
}

/// What happened to one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Added(Added),
    /// It could not be read or extracted; nothing was written for it.
    Failed {
        kind: String,
        message: String,
    },
}

/// Counts over one `add` run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AddSummary {
    pub new: usize,
    pub replaced: usize,
    pub unchanged: usize,
    pub duplicates: usize,
    pub failed: usize,
    /// The run stopped at [`AddOptions::limit`] with inputs left.
    pub stopped_at_limit: bool,
    pub elapsed: Duration,
}

impl AddSummary {
    fn count(&mut self, status: &Status) {
        match status {
            Status::Added(Added::New) => self.new += 1,
            Status::Added(Added::Replaced) => self.replaced += 1,
            Status::Added(Added::Unchanged) => self.unchanged += 1,
            Status::Added(Added::Duplicate { .. }) => self.duplicates += 1,
            Status::Failed { .. } => self.failed += 1,
        }
    }

    /// Documents written in this run.
    pub fn written(&self) -> usize {
        self.new + self.replaced
    }
}

/// What a worker hands back for one input.
enum Work {
    /// Content already indexed: not extracted.
    Known {
        path: String,
        sha256: String,
    },
    Extracted(Box<Extraction>),
    Failed {
        path: String,
        error: Error,
    },
}

/// Why an input was not indexed: the document (it is skipped) or the index (the run stops).
enum Failure {
    Document(Error),
    Index(IndexError),
}

/// The path a document is indexed under: absolute and canonical when the file exists, so the
/// same file added from another working folder is the same document.
pub fn stored_path(p: &Path) -> String {
    std::fs::canonicalize(p)
        .unwrap_or_else(|_| p.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

fn read_and_extract(p: &Path, known: &HashSet<String>) -> Work {
    let path = stored_path(p);
    let bytes = match read_input(p) {
        Ok(b) => b,
        Err(error) => return Work::Failed { path, error },
    };
    let sha256 = sha256_hex(&bytes);
    if known.contains(&sha256) {
        return Work::Known { path, sha256 };
    }
    match extract_hashed(&bytes, Some(&path), sha256) {
        Ok(e) => Work::Extracted(Box::new(e)),
        Err(error) => Work::Failed { path, error },
    }
}

/// Extract the `inputs` in parallel and index them. `done` hears of every input once it is
/// written (or has failed), in the order they finish. Stops at the first database error.
pub fn add_paths(
    index: &mut Index,
    inputs: &[PathBuf],
    options: &AddOptions,
    done: &mut dyn FnMut(&str, &Status),
) -> Result<AddSummary> {
    let start = Instant::now();
    // Never read the index's own files as documents: closing a file descriptor of them
    // would drop the POSIX locks SQLite holds on them in this process.
    let own = index.own_files();
    let inputs: Vec<PathBuf> = inputs
        .iter()
        .filter(|p| !own.contains(&std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf())))
        .cloned()
        .collect();
    let inputs = &inputs[..];
    let known = index.known_content()?;
    let mut summary = AddSummary::default();
    let mut db_error: Option<IndexError> = None;
    let work = |p: &Path| read_and_extract(p, &known);
    let mut remaining = inputs.len();
    // Order does not matter to the index, so the writer takes each document as it is ready
    // and the workers never wait for it.
    let io = crate::batch::unordered(inputs, options.jobs, &work, &mut |w: Work| {
        remaining -= 1;
        let (path, result) = match w {
            Work::Known { path, sha256 } => {
                let result = match index.add_known(&path, &sha256) {
                    Ok(Some(added)) => Ok(added),
                    // Removed from the index since the run began: extract it after all.
                    Ok(None) => crate::pipeline::extract_file(Path::new(&path))
                        .map_err(Failure::Document)
                        .and_then(|e| index.add(&e).map_err(Failure::Index)),
                    Err(e) => Err(Failure::Index(e)),
                };
                (path, result)
            }
            Work::Extracted(e) => {
                let path = e.source.path.clone().unwrap_or_default();
                (path, index.add(&e).map_err(Failure::Index))
            }
            Work::Failed { path, error } => (path, Err(Failure::Document(error))),
        };
        let status = match result {
            Ok(added) => Status::Added(added),
            Err(Failure::Document(error)) => Status::Failed {
                kind: error.kind().to_string(),
                message: error.to_string(),
            },
            Err(Failure::Index(e)) => {
                db_error = Some(e);
                return Ok(false);
            }
        };
        summary.count(&status);
        done(&path, &status);
        let at_limit = options.limit.is_some_and(|n| summary.written() >= n);
        summary.stopped_at_limit = at_limit && remaining > 0;
        Ok(!at_limit)
    });
    if let Some(e) = db_error {
        return Err(e);
    }
    io?;
    summary.elapsed = start.elapsed();
    Ok(summary)
}

/// Index the extractions of a `batch` output (JSON Lines) without extracting again. Error
/// records and lines that are not extractions count as failed; `name` names the input in
/// their messages.
pub fn add_results(
    index: &mut Index,
    lines: impl BufRead,
    name: &str,
    options: &AddOptions,
    done: &mut dyn FnMut(&str, &Status),
) -> Result<AddSummary> {
    let start = Instant::now();
    let mut summary = AddSummary::default();
    for (n, line) in lines.lines().enumerate() {
        let at = format!("{name}:{}", n + 1);
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                let status = Status::Failed {
                    kind: "io".into(),
                    message: format!("cannot read {name}: {e}"),
                };
                summary.count(&status);
                done(&at, &status);
                break;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        if options.limit.is_some_and(|l| summary.written() >= l) {
            summary.stopped_at_limit = true;
            break;
        }
        let (path, status) = match crate::batch::parse_record(&line) {
            Ok(Record::Extracted(mut e)) => {
                // Stored like an extracted file's path, when the file is still there.
                let path = match e.source.path.as_deref() {
                    Some(p) => stored_path(Path::new(p)),
                    None => at,
                };
                e.source.path = Some(path.clone());
                (path, Status::Added(index.add(&e)?))
            }
            Ok(Record::Failed {
                path,
                kind,
                message,
            }) => (
                path.unwrap_or(at),
                Status::Failed {
                    kind,
                    message: format!("line {}: the batch could not process it: {message}", n + 1),
                },
            ),
            Err(InvalidRecord { path, message }) => (
                path.unwrap_or(at),
                Status::Failed {
                    kind: "invalid_record".to_string(),
                    message: format!("line {}: {message}", n + 1),
                },
            ),
        };
        summary.count(&status);
        done(&path, &status);
    }
    summary.elapsed = start.elapsed();
    Ok(summary)
}
