//! Layout: from placed glyphs to the document model.
//!
//! Per page: glyphs become line fragments (`fragments`: one baseline, no wide gap), with
//! spaces inserted from gaps and superscript numbers lifted out as footnote calls, and
//! table-of-contents lines are marked (`contents`). Across the document: running headers and
//! footers (`furniture`: text repeated at the page edges, page numbers, and what the producer
//! marked as `artifacts`) are dropped, and the body text's type is measured (`context`). Per
//! page again: the footnote area at the foot (`footnotes`: under a rule, in smaller type,
//! starting with a number) becomes footnote bodies, and the remaining fragments are ordered
//! (two columns are detected) and joined into headings, paragraphs, list items and tables by
//! spacing, indent and style (`blocks`, `headings`, `tables`). Last, the pages are emitted in
//! order into the model (`document`, `emit`, `hyphens`), what a page break cut joined again.

mod artifacts;
mod blocks;
mod contents;
mod context;
mod document;
mod emit;
mod footnotes;
mod fragments;
mod furniture;
mod headings;
mod hyphens;
mod tables;

pub(super) use artifacts::Artifacts;
pub(super) use contents::mark_contents;
pub(super) use context::Context;
pub(super) use document::{emit_pages, read_pages};
pub(super) use fragments::fragments;
pub(super) use furniture::drop_furniture;

#[cfg(test)]
mod tests;
