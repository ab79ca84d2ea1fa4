//! Pages into the document: each page's notes set apart and its body grouped into blocks,
//! then the pages emitted in order, with what a page break cuts joined again: a table that
//! runs on, a paragraph that the structure tree continues, the rest of a footnote.

use rayon::prelude::*;

use super::blocks::{ProtoBlock, blocks, gutters, reading_order};
use super::context::Context;
use super::emit::emit;
use super::footnotes::{FootnoteFrags, NoteNumbers, split_footnotes};
use super::fragments::Frag;
use crate::ingest::pdf::interp::PageContent;
use crate::ingest::pdf::tags::TagKind;
use crate::model::{Block, BlockKind};

/// Footnote text at the top of a page's notes with no footnote before it to continue.
const ORPHAN_NOTE_TEXT: &str =
    "text in the footnote area continues no footnote that was read; kept as body text";

/// A page read: its body's blocks, its footnotes, and a remark when its foot could not be
/// read as it looks.
pub(crate) struct PageBlocks {
    body: Vec<ProtoBlock>,
    notes: Vec<FootnoteFrags>,
    remark: Option<&'static str>,
}

/// Read every page, in parallel. `notes_tagged`: the producer tags its notes.
pub(crate) fn read_pages(
    frags: Vec<Vec<Frag>>,
    contents: &[PageContent],
    ctx: &Context,
    notes_tagged: bool,
) -> Vec<PageBlocks> {
    let widths: Vec<f32> = contents.iter().map(|c| c.width).collect();
    let gutters = gutters(&frags, &widths);
    frags
        .into_par_iter()
        .zip(contents)
        .zip(gutters)
        .map(|((f, c), gutter)| {
            let page = (c.width, c.height);
            let (body, notes, remark) =
                split_footnotes(f, &c.rules, page, ctx.body, notes_tagged, gutter);
            let ordered = reading_order(body, gutter);
            PageBlocks {
                body: blocks(ordered, ctx, gutter),
                notes,
                remark,
            }
        })
        .collect()
}

/// The document's text and blocks, and remarks on how pages were read, each with the pages
/// (1-based) it applies to.
#[derive(Default)]
pub(crate) struct Emitted {
    pub(crate) text: String,
    pub(crate) blocks: Vec<Block>,
    pub(crate) remarks: Vec<(&'static str, Vec<usize>)>,
}

/// Emit the pages in order.
pub(crate) fn emit_pages(pages: Vec<PageBlocks>, ctx: &Context) -> Emitted {
    let mut emitter = Emitter {
        ctx,
        out: Emitted::default(),
        last_body: None,
        held: None,
        numbers: NoteNumbers::default(),
    };
    for (i, page) in pages.into_iter().enumerate() {
        if let Some(what) = page.remark {
            emitter.remark(what, i + 1);
        }
        emitter.body(page.body);
        for note in page.notes {
            emitter.note(note, i + 1);
        }
    }
    if let Some(table) = emitter.held.take() {
        emitter.emit(table, None);
    }
    emitter.out
}

/// The pages' blocks emitted in order, with what the page before left open.
struct Emitter<'c> {
    ctx: &'c Context,
    out: Emitted,
    /// The last body block emitted and the structure element its last line belongs to.
    last_body: Option<(usize, u32)>,
    /// A table that ends a page is held back: the next page may continue it.
    held: Option<ProtoBlock>,
    numbers: NoteNumbers,
}

impl Emitter<'_> {
    fn emit(&mut self, proto: ProtoBlock, footnote: Option<u32>) {
        emit(
            proto,
            footnote,
            self.ctx,
            &mut self.out.text,
            &mut self.out.blocks,
        );
    }

    /// Emit a block's text, but return its blocks, for the caller to join to one before.
    fn emit_apart(&mut self, proto: ProtoBlock, footnote: Option<u32>) -> Vec<Block> {
        let mut tail = Vec::new();
        emit(proto, footnote, self.ctx, &mut self.out.text, &mut tail);
        tail
    }

    fn remark(&mut self, what: &'static str, page: usize) {
        match self.out.remarks.iter_mut().find(|r| r.0 == what) {
            Some(r) => r.1.push(page),
            None => self.out.remarks.push((what, vec![page])),
        }
    }

    /// A page's body blocks.
    fn body(&mut self, protos: Vec<ProtoBlock>) {
        let n = protos.len();
        for (i, mut p) in protos.into_iter().enumerate() {
            if let Some(mut h) = self.held.take() {
                let rest = match (&h.table, &p.table) {
                    (Some(t), None) if i == 0 && matches!(p.kind, BlockKind::Paragraph) => {
                        t.rest_in(&p.lines, self.ctx.pitch)
                    }
                    _ => None,
                };
                match (h.table.as_mut(), p.table.take().or(rest)) {
                    (Some(t), Some(next)) if i == 0 => {
                        t.absorb(next);
                        p = h;
                    }
                    (_, next) => {
                        p.table = next;
                        self.emit(h, None);
                        self.last_body = None;
                    }
                }
            }
            if i + 1 == n && p.table.is_some() {
                self.held = Some(p);
                continue;
            }
            // A paragraph the structure tree continues from the page before (one element
            // across the page break) joins it, whatever its first word.
            let element = |f: Option<&Frag>| {
                f.and_then(|f| f.tag)
                    .filter(|t| t.kind == TagKind::Text)
                    .map(|t| t.block)
            };
            let first = element(p.lines.first());
            let last = element(p.lines.last());
            let continued = match (i, first, self.last_body) {
                (0, Some(e), Some((at, prev))) if e == prev && p.table.is_none() => Some(at),
                _ => None,
            };
            match continued {
                Some(at) if matches!(p.kind, BlockKind::Paragraph) => {
                    for b in self.emit_apart(p, None) {
                        self.out.blocks[at].para.append(" ", &b.para);
                    }
                }
                _ => {
                    let before = self.out.blocks.len();
                    let kind_ok =
                        matches!(p.kind, BlockKind::Paragraph | BlockKind::ListItem { .. });
                    self.emit(p, None);
                    let blocks = &self.out.blocks;
                    self.last_body = match (kind_ok && blocks.len() > before, last) {
                        (true, Some(e)) => Some((blocks.len() - 1, e)),
                        _ => None,
                    };
                }
            }
        }
    }

    /// A footnote body of page `page` (1-based).
    fn note(&mut self, note: FootnoteFrags, page: usize) {
        let note = self.numbers.settle(note);
        let first_page = note.frags.first().map(|f| f.page);
        let proto = ProtoBlock {
            kind: BlockKind::Paragraph,
            lines: note.frags,
            table: None,
        };
        if let Some(number) = note.number {
            self.emit(proto, Some(number));
            return;
        }
        // The rest of the page before's last footnote, or, when there is none, text.
        let blocks = &self.out.blocks;
        let last_note = blocks
            .iter()
            .rposition(|b| matches!(b.kind, BlockKind::Footnote { .. }))
            .filter(|&i| {
                blocks[i]
                    .page
                    .zip(first_page)
                    .is_some_and(|(a, b)| a + 1 >= b)
            });
        let number = last_note.map(|i| match blocks[i].kind {
            BlockKind::Footnote { number } => number,
            _ => unreachable!("found as a footnote"),
        });
        let tail = self.emit_apart(proto, number);
        match last_note {
            Some(i) => {
                for b in tail {
                    self.out.blocks[i].para.append(" ", &b.para);
                }
            }
            None => {
                self.remark(ORPHAN_NOTE_TEXT, page);
                self.out.blocks.extend(tail);
            }
        }
    }
}
