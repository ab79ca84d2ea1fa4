//! Blocks from a walk over a marked-up document. A reader says what each piece is (a heading
//! with its number, a paragraph, a list item, a table cell, a footnote body, a call) and
//! pushes its text; the builder keeps the model's paragraphs, styles and calls, and writes
//! the text it was given, block after block, into the document's text so that every span
//! points into it (as the PDF reader does with the text it rebuilds).

use std::collections::BTreeMap;

use crate::model::{Block, BlockKind, Cell, Declared, Document, ParaBuilder, SourceFormat, Table};

/// A block being written.
struct Open {
    kind: BlockKind,
    para: ParaBuilder,
    /// The block's text as pushed; placed in the document's text when the block closes.
    buf: String,
    page: Option<u32>,
}

/// A table being written: rows of cells, each cell's paragraphs as they close.
#[derive(Default)]
struct OpenTable {
    table: Table,
    /// The document's text of the closed cell paragraphs, to place with the table.
    pieces: Vec<(usize, usize, usize, String)>,
    page: Option<u32>,
}

#[derive(Default)]
pub struct Builder {
    text: String,
    blocks: Vec<Block>,
    open: Option<Open>,
    /// Blocks interrupted by an inline footnote body (Formex `<NOTE>`, AKN
    /// `authorialNote`), resumed when the body ends.
    suspended: Vec<Open>,
    /// Footnote bodies met inside a block: placed right after it, as a page foot would be.
    notes: Vec<Block>,
    /// Bodies taken into `notes` while their own paragraphs are in `blocks` (texts by block).
    note_texts: Vec<String>,
    table: Option<OpenTable>,
    page: Option<u32>,
    warnings: Vec<String>,
    /// Elements no table of the producer names, by name: read as text, reported once each.
    unknown: BTreeMap<String, usize>,
    pub declared: Declared,
}

impl Builder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Start a block of `kind`; the block before it, if any, closes.
    pub fn start(&mut self, kind: BlockKind) {
        self.end();
        self.open = Some(Open {
            kind,
            para: ParaBuilder::new(),
            buf: String::new(),
            page: self.page,
        });
    }

    /// Whether a block is open.
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Whether the open block has no text yet (a list item whose marker came first).
    pub fn open_is_empty(&self) -> bool {
        self.open
            .as_ref()
            .is_some_and(|o| o.para.is_empty() && o.buf.trim().is_empty())
    }

    /// The kind of the open block.
    pub fn open_kind(&self) -> Option<&BlockKind> {
        self.open.as_ref().map(|o| &o.kind)
    }

    /// Text of the open block (a paragraph opens for text outside any block).
    pub fn text(&mut self, t: &str) {
        if t.is_empty() {
            return;
        }
        if self.open.is_none() {
            if t.trim().is_empty() {
                return;
            }
            self.start(BlockKind::Paragraph);
        }
        let page = self.page;
        let o = self.open.as_mut().expect("a block is open");
        if let Some(p) = page {
            o.para.page(p);
        }
        o.para.push_source(t, o.buf.len());
        o.buf.push_str(t);
    }

    /// A word break (a line break, a cell edge) in the open block.
    pub fn space(&mut self) {
        if let Some(o) = self.open.as_mut() {
            o.para.push_space(o.buf.len());
            o.buf.push(' ');
        }
    }

    pub fn bold(&mut self, on: bool) {
        if let Some(o) = self.open.as_mut() {
            o.para.bold(on);
        }
    }

    pub fn italic(&mut self, on: bool) {
        if let Some(o) = self.open.as_mut() {
            o.para.italic(on);
        }
    }

    /// A call of footnote `number` right after the text pushed so far.
    pub fn call(&mut self, number: u32) {
        if self.open.is_none() {
            self.start(BlockKind::Paragraph);
        }
        if let Some(o) = self.open.as_mut() {
            o.para.call_after_word(number);
        }
    }

    /// From here on the text lies on `page`.
    pub fn page(&mut self, page: u32) {
        self.page = Some(page);
    }

    pub fn current_page(&self) -> Option<u32> {
        self.page
    }

    /// Open the body of footnote `number` inside the open block: that block resumes when
    /// [`Builder::note_end`] closes the body, which is placed after it.
    pub fn note_start(&mut self, number: u32) {
        if let Some(o) = self.open.take() {
            self.suspended.push(o);
        }
        self.open = Some(Open {
            kind: BlockKind::Footnote { number },
            para: ParaBuilder::new(),
            buf: String::new(),
            page: self.page,
        });
    }

    pub fn note_end(&mut self) {
        if let Some(o) = self.open.take() {
            let (block, text) = finish(o);
            self.notes.push(block);
            self.note_texts.push(text);
        }
        self.open = self.suspended.pop();
    }

    /// Close the open block unless it has just opened without text (a list item whose
    /// marker was read, waiting for the content that a container holds).
    pub fn end_unless_fresh(&mut self) {
        if !self.open_is_empty() {
            self.end();
        }
    }

    /// Close the open block.
    pub fn end(&mut self) {
        let Some(o) = self.open.take() else {
            return;
        };
        let (mut block, text) = finish(o);
        if let Some(t) = self.table.as_mut() {
            // A paragraph inside a cell: the cell keeps it.
            let r = t.table.rows.len().wrapping_sub(1);
            let c = t.table.rows.last().map_or(0, Vec::len).wrapping_sub(1);
            if let Some(cell) = t.table.rows.last_mut().and_then(|row| row.last_mut()) {
                if !block.para.text.is_empty() {
                    t.pieces.push((r, c, cell.paras.len(), text));
                    cell.paras.push(std::mem::take(&mut block.para));
                }
                t.page = t.page.or(block.page);
                return;
            }
        }
        // A heading keeps its place without a title (`Article 5` alone), and a footnote body
        // without text keeps its number.
        let empty = block.para.text.is_empty() && block.para.calls.is_empty();
        let kept = matches!(
            block.kind,
            BlockKind::Footnote { .. }
                | BlockKind::Heading {
                    number: Some(_),
                    ..
                }
        );
        if !empty || kept {
            self.place(block, &text);
        }
        if self.suspended.is_empty() {
            self.flush_notes();
        }
    }

    fn flush_notes(&mut self) {
        let notes = std::mem::take(&mut self.notes);
        let texts = std::mem::take(&mut self.note_texts);
        for (block, text) in notes.into_iter().zip(texts) {
            self.place(block, &text);
        }
    }

    /// Put a closed block and its text into the document.
    fn place(&mut self, mut block: Block, text: &str) {
        let base = self.text.len();
        self.text.push_str(text);
        self.text.push_str("\n\n");
        block.para.shift_source(base);
        self.blocks.push(block);
    }

    /// Start a table; paragraphs closed until [`Builder::table_end`] go into its cells.
    /// A table inside a table is read into the cell that holds it.
    pub fn table_start(&mut self) -> bool {
        if self.table.is_some() {
            return false;
        }
        self.end();
        self.table = Some(OpenTable {
            page: self.page,
            ..OpenTable::default()
        });
        true
    }

    pub fn row_start(&mut self) {
        self.end();
        if let Some(t) = self.table.as_mut() {
            t.table.rows.push(Vec::new());
        }
    }

    pub fn cell_start(&mut self) {
        self.end();
        if let Some(t) = self.table.as_mut() {
            if t.table.rows.is_empty() {
                t.table.rows.push(Vec::new());
            }
            if let Some(row) = t.table.rows.last_mut() {
                row.push(Cell::default());
            }
        }
    }

    pub fn table_end(&mut self) {
        self.end();
        let Some(mut t) = self.table.take() else {
            return;
        };
        t.table.rows.retain(|r| !r.is_empty());
        t.table.rows_marked = true;
        if t.table.rows.iter().flatten().all(|c| c.paras.is_empty()) {
            return;
        }
        // The cells' text goes into the document's text one paragraph a line.
        for (r, c, p, text) in t.pieces {
            let base = self.text.len();
            self.text.push_str(&text);
            self.text.push('\n');
            t.table.rows[r][c].paras[p].shift_source(base);
        }
        self.text.push('\n');
        self.blocks.push(Block {
            kind: BlockKind::Table(t.table),
            para: Default::default(),
            page: t.page,
        });
        self.flush_notes();
    }

    pub fn in_table(&self) -> bool {
        self.table.is_some()
    }

    /// Note an element that the producer's table does not name; it is read as text.
    pub fn unknown(&mut self, name: &str) {
        *self.unknown.entry(name.to_string()).or_default() += 1;
    }

    pub fn warn(&mut self, w: String) {
        self.warnings.push(w);
    }

    /// The number of blocks placed so far: where the next block will stand.
    pub fn position(&self) -> usize {
        self.blocks.len()
    }

    /// The blocks placed so far.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Finish the document: what is open closes, and the unknown elements are reported.
    pub fn finish(mut self, format: SourceFormat, producer: &str) -> Document {
        while !self.suspended.is_empty() {
            self.note_end();
        }
        self.end();
        self.table_end();
        self.flush_notes();
        if !self.unknown.is_empty() {
            let names: Vec<String> = self
                .unknown
                .iter()
                .map(|(n, k)| format!("<{n}> ×{k}"))
                .collect();
            self.warnings.push(format!(
                "{producer}: markup not known, read as plain text: {}",
                names.join(", ")
            ));
        }
        let pages = self.blocks.iter().filter_map(|b| b.page).max();
        Document {
            format,
            text: self.text,
            blocks: self.blocks,
            pages,
            warnings: self.warnings,
            furniture: Vec::new(),
            declared: self.declared,
            language: Default::default(),
        }
    }
}

fn finish(o: Open) -> (Block, String) {
    (
        Block {
            kind: o.kind,
            para: o.para.finish(),
            page: o.page,
        },
        o.buf,
    )
}
