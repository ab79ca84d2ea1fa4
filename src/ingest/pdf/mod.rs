//! PDF ingest: a layout-aware reader on lopdf.
//!
//! Pages are interpreted in parallel (`interp`: glyphs with position, size and style,
//! decoded through `font`), grouped into line fragments (`layout`), cleared of running
//! headers and footers, split into body and footnote area, and joined into the same
//! document model the text ingester fills, so every stage works unchanged on PDFs.

mod font;
mod interp;
mod layout;
mod lexer;
mod tags;

use crate::error::{Error, Result};
use crate::ingest::join::join_cut_paragraphs;
use crate::model::{Document, SourceFormat};

use interp::PageContent;
use layout::{Artifacts, Context};

/// Read a PDF into the document model.
pub fn ingest(bytes: &[u8]) -> Result<Document> {
    let doc = load(bytes)?;
    let pages = page_ids(&doc)?;
    let tags = tags::Tags::read(&doc, &pages);
    let contents = interp::read_pages(&doc, &pages, tags.is_some());
    let artifacts = Artifacts::survey(&contents);
    let mut frags = layout::fragments(&contents, tags.as_ref(), &artifacts);
    layout::mark_contents(&mut frags);
    let mut furniture = layout::drop_furniture(&mut frags, &contents);
    furniture.extend(artifacts.furniture(&contents));
    let ctx = Context::measure(&frags);
    let notes_tagged = tags.as_ref().is_some_and(tags::Tags::has_notes);
    let read = layout::read_pages(frags, &contents, &ctx, notes_tagged);
    let emitted = layout::emit_pages(read, &ctx);
    let blocks = join_cut_paragraphs(emitted.blocks);
    if blocks.is_empty() {
        return Err(no_text(&contents));
    }
    Ok(Document {
        format: SourceFormat::Pdf,
        text: emitted.text,
        blocks,
        pages: Some(pages.len() as u32),
        warnings: warnings(&contents, &artifacts, emitted.remarks),
        furniture,
        declared: Default::default(),
        language: Default::default(),
    })
}

/// Load with lopdf: an encrypted file opens with the empty user password or not at all.
fn load(bytes: &[u8]) -> Result<lopdf::Document> {
    let map = |e: lopdf::Error| match e {
        lopdf::Error::InvalidPassword | lopdf::Error::Decryption(_) => Error::Encrypted,
        other => Error::MalformedPdf(other.to_string()),
    };
    // A damaged or truncated file: rebuild the cross-reference table by scanning for objects.
    let doc = lopdf::Document::load_mem(bytes).or_else(|first| {
        let options = lopdf::LoadOptions {
            force_reconstruct: true,
            ..lopdf::LoadOptions::default()
        };
        lopdf::Document::load_mem_with_options(bytes, options).map_err(|_| map(first))
    })?;
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(Error::Encrypted);
    }
    Ok(doc)
}

/// The page objects in page order; a file without any has nothing to read.
fn page_ids(doc: &lopdf::Document) -> Result<Vec<lopdf::ObjectId>> {
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    if pages.is_empty() {
        return Err(Error::NoText(" (the PDF has no pages)"));
    }
    Ok(pages)
}

/// What the reader says of how the file was read: marks it ignored, pages it read in some
/// way of its own (`remarks`, each with its 1-based pages) or only in part, and text that
/// may be garbled.
fn warnings(
    contents: &[PageContent],
    artifacts: &Artifacts,
    remarks: Vec<(&'static str, Vec<usize>)>,
) -> Vec<String> {
    let mut warnings = Vec::new();
    if artifacts.ignored() {
        warnings.push(
            "the file marks most of its text as page furniture (artifacts); the marks were ignored"
                .to_string(),
        );
    }
    for (what, pages) in remarks {
        let pages: Vec<String> = pages.iter().map(usize::to_string).collect();
        warnings.push(format!("page(s) {}: {what}", pages.join(", ")));
    }
    let truncated: Vec<String> = contents
        .iter()
        .enumerate()
        .filter(|(_, c)| c.truncated)
        .map(|(i, _)| (i + 1).to_string())
        .collect();
    if !truncated.is_empty() {
        warnings.push(format!(
            "page(s) {} hit a work limit and were read only in part",
            truncated.join(", ")
        ));
    }
    let undecodable: Vec<String> = contents
        .iter()
        .enumerate()
        .filter(|(_, c)| c.undecodable)
        .map(|(i, _)| (i + 1).to_string())
        .collect();
    if !undecodable.is_empty() {
        warnings.push(format!(
            "page(s) {}: some text is in fonts without a Unicode mapping and may come out garbled",
            undecodable.join(", ")
        ));
    }
    warnings
}

/// Why a file gave no text: its pages were too large to read, or it has no text layer.
fn no_text(contents: &[PageContent]) -> Error {
    if contents.iter().any(|c| c.truncated) {
        return Error::Budget(
            "the pages are larger or more complex than eurodoc reads (64 MiB of content or 3 million operators a page)".into(),
        );
    }
    Error::NoText(" (the PDF has no text layer; is it scanned?)")
}
