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

use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::ingest::join::join_cut_paragraphs;
use crate::model::{BlockKind, Document, SourceFormat};

use layout::{Context, ProtoBlock};

/// Footnote text at the top of a page's notes with no footnote before it to continue.
const ORPHAN_NOTE_TEXT: &str =
    "text in the footnote area continues no footnote that was read; kept as body text";

/// Read a PDF into the document model.
pub fn ingest(bytes: &[u8]) -> Result<Document> {
    let doc = load(bytes)?;
    let pages: Vec<lopdf::ObjectId> = doc.get_pages().into_values().collect();
    if pages.is_empty() {
        return Err(Error::NoText(" (the PDF has no pages)"));
    }
    let fonts = interp::collect_fonts(&doc, &pages);
    let tags = tags::Tags::read(&doc, &pages);
    let contents: Vec<interp::PageContent> = pages
        .par_iter()
        .map(|&p| interp::read_page(&doc, p, &fonts, tags.is_some()))
        .collect();
    // Artifacts are the producer's word for page furniture; a file that marks most of its
    // text so is tagged wrongly, and its marks are ignored.
    let (artifacts, glyphs) = contents.iter().fold((0, 0), |(a, n), c| {
        (
            a + c.glyphs.iter().filter(|g| g.artifact).count(),
            n + c.glyphs.len(),
        )
    });
    let drop_artifacts = artifacts * 2 < glyphs;
    // Prose a producer marked as an artifact on one page only (Word's first-page footer: "This
    // Working Party was set up under Article 29 of Directive 95/46/EC ...") is content: running
    // furniture recurs, a page's own sentences do not. The layout rules still drop the page
    // number among them.
    let artifact_text: Vec<String> = contents
        .iter()
        .map(|c| {
            let t: String = c
                .glyphs
                .iter()
                .filter(|g| g.artifact)
                .map(|g| g.text(c))
                .collect();
            t.split_whitespace()
                .filter(|w| !w.chars().all(|ch| ch.is_ascii_digit()))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let own_prose: Vec<bool> = artifact_text
        .iter()
        .enumerate()
        .map(|(i, t)| {
            t.split_whitespace().count() >= 12
                && t.contains(". ")
                && !artifact_text.iter().enumerate().any(|(k, o)| {
                    k != i && !o.is_empty() && (o.contains(t.as_str()) || t.contains(o.as_str()))
                })
        })
        .collect();
    let mut frags: Vec<Vec<layout::Frag>> = contents
        .par_iter()
        .enumerate()
        .map(|(i, c)| {
            let page_tags: Vec<Option<tags::Tag>> = match &tags {
                Some(t) if t.page_is_tagged(i) => c
                    .glyphs
                    .iter()
                    .map(|g| {
                        (g.mcid != interp::NO_MCID)
                            .then(|| t.tag(i, g.mcid))
                            .flatten()
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let mut frags =
                layout::fragments(c, i as u32 + 1, &page_tags, drop_artifacts && !own_prose[i]);
            layout::mark_contents(&mut frags);
            frags
        })
        .collect();
    let heights: Vec<f32> = contents.iter().map(|c| c.height).collect();
    let mut furniture = layout::drop_furniture(&mut frags, &heights);
    // What the producer marked as artifacts on the first pages is furniture too.
    if tags.is_some() && drop_artifacts {
        for (i, c) in contents.iter().enumerate().take(2) {
            let text: String = c
                .glyphs
                .iter()
                .filter(|g| g.artifact)
                .map(|g| g.text(c))
                .collect();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() {
                furniture.push((i as u32 + 1, text));
            }
        }
    }
    let body = layout::body_size(&frags);
    let pitch = layout::line_pitch(&frags, body);
    let ctx = Context {
        body,
        body_family: layout::body_family(&frags, body),
        pitch,
        hyphens: layout::hyphens(&frags),
        words: Default::default(),
    };
    let notes_tagged = tags.as_ref().is_some_and(tags::Tags::has_notes);
    type PageRead = (
        Vec<ProtoBlock>,
        Vec<layout::FootnoteFrags>,
        Option<&'static str>,
    );
    let per_page: Vec<PageRead> = frags
        .into_par_iter()
        .enumerate()
        .map(|(i, f)| {
            let c = &contents[i];
            let (body_frags, notes, remark) =
                layout::split_footnotes(f, &c.rules, (c.width, c.height), body, notes_tagged);
            let ordered = layout::reading_order(body_frags, c.width);
            (layout::blocks(ordered, &ctx), notes, remark)
        })
        .collect();
    let mut text = String::new();
    let mut blocks = Vec::new();
    // The number of the last footnote body read, to check plain numbers against.
    let mut last_note = 0u32;
    let mut seen_notes: std::collections::HashSet<u32> = std::collections::HashSet::new();
    // The last body block emitted and the structure element its last line belongs to.
    let mut last_body: Option<(usize, u32)> = None;
    // A table that ends a page is held back: the next page may continue it.
    let mut held: Option<ProtoBlock> = None;
    // Remarks on how pages were read, each with the pages it applies to.
    let mut remarks: Vec<(&'static str, Vec<usize>)> = Vec::new();
    let mut remark =
        |what: &'static str, page: usize| match remarks.iter_mut().find(|r| r.0 == what) {
            Some(r) => r.1.push(page),
            None => remarks.push((what, vec![page])),
        };
    for (page_index, (protos, notes, foot)) in per_page.into_iter().enumerate() {
        if let Some(what) = foot {
            remark(what, page_index + 1);
        }
        let n = protos.len();
        for (i, mut p) in protos.into_iter().enumerate() {
            if let Some(mut h) = held.take() {
                match (h.table.as_mut(), p.table.take()) {
                    (Some(t), Some(next)) if i == 0 => {
                        t.absorb(next);
                        p = h;
                    }
                    (_, next) => {
                        p.table = next;
                        layout::emit(h, None, &ctx, &mut text, &mut blocks);
                        last_body = None;
                    }
                }
            }
            if i + 1 == n && p.table.is_some() {
                held = Some(p);
                continue;
            }
            // A paragraph the structure tree continues from the page before (one element
            // across the page break) joins it, whatever its first word.
            let element = |f: Option<&layout::Frag>| {
                f.and_then(|f| f.tag)
                    .filter(|t| t.kind == tags::TagKind::Text)
                    .map(|t| t.block)
            };
            let first = element(p.lines.first());
            let last = element(p.lines.last());
            let continued = match (i, first, last_body) {
                (0, Some(e), Some((at, prev))) if e == prev && p.table.is_none() => Some(at),
                _ => None,
            };
            match continued {
                Some(at) if matches!(p.kind, BlockKind::Paragraph) => {
                    let mut tail = Vec::new();
                    layout::emit(p, None, &ctx, &mut text, &mut tail);
                    for b in tail {
                        blocks[at].para.append(" ", &b.para);
                    }
                }
                _ => {
                    let before = blocks.len();
                    let kind_ok =
                        matches!(p.kind, BlockKind::Paragraph | BlockKind::ListItem { .. });
                    layout::emit(p, None, &ctx, &mut text, &mut blocks);
                    last_body = match (kind_ok && blocks.len() > before, last) {
                        (true, Some(e)) => Some((blocks.len() - 1, e)),
                        _ => None,
                    };
                }
            }
        }
        for mut n in notes {
            // A number in the text's own type counts when it is near the document's last
            // footnote (a body may be lost or set a page later) and not taken, or restarts at 1.
            if let (Some(number), Some(_)) = (n.number, n.plain) {
                let near = number + 5 >= last_note && number <= last_note + 5;
                if number == 1 || (near && !seen_notes.contains(&number)) {
                    n.accept_number();
                } else {
                    n = n.into_continuation();
                }
            }
            if let Some(number) = n.number {
                last_note = number;
                seen_notes.insert(number);
            }
            let page = n.frags.first().map(|f| f.page);
            let proto = ProtoBlock {
                kind: BlockKind::Paragraph,
                lines: n.frags,
                table: None,
            };
            match n.number {
                Some(number) => layout::emit(proto, Some(number), &ctx, &mut text, &mut blocks),
                None => {
                    // The rest of the page before's last footnote, or, when there is none, text.
                    let mut tail = Vec::new();
                    let last_note = blocks
                        .iter()
                        .rposition(|b| matches!(b.kind, BlockKind::Footnote { .. }))
                        .filter(|&i| blocks[i].page.zip(page).is_some_and(|(a, b)| a + 1 >= b));
                    let number = last_note.map(|i| match blocks[i].kind {
                        BlockKind::Footnote { number } => number,
                        _ => unreachable!("found as a footnote"),
                    });
                    layout::emit(proto, number, &ctx, &mut text, &mut tail);
                    match last_note {
                        Some(i) => {
                            for b in tail {
                                blocks[i].para.append(" ", &b.para);
                            }
                        }
                        None => {
                            remark(ORPHAN_NOTE_TEXT, page_index + 1);
                            blocks.extend(tail);
                        }
                    }
                }
            }
        }
    }
    if let Some(h) = held {
        layout::emit(h, None, &ctx, &mut text, &mut blocks);
    }
    let blocks = join_cut_paragraphs(blocks);
    let mut warnings = Vec::new();
    if tags.is_some() && artifacts > 0 && !drop_artifacts {
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
    if contents.iter().any(|c| c.undecodable) {
        warnings.push(
            "some text is in fonts without a Unicode mapping and may come out garbled".to_string(),
        );
    }
    if blocks.is_empty() {
        if !truncated.is_empty() {
            return Err(Error::Budget(
                "the pages are larger or more complex than eurodoc reads (64 MiB of content or 3 million operators a page)".into(),
            ));
        }
        return Err(Error::NoText(
            " (the PDF has no text layer; is it scanned?)",
        ));
    }
    Ok(Document {
        format: SourceFormat::Pdf,
        text,
        blocks,
        pages: Some(pages.len() as u32),
        warnings,
        furniture,
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
