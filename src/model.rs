//! The document model: what every ingester produces and every extraction stage reads.
//!
//! A [`Document`] is a list of [`Block`]s in reading order. Each block carries its plain text
//! in a [`Para`] (markup removed, footnote calls lifted out as [`FootnoteCall`]s, bold and italic
//! kept as ranges) and a map back to byte offsets in [`Document::text`], the ingested text. For
//! text formats that is the input itself; for PDF it is the text the layout reader rebuilt; for
//! HTML and XML the text the markup reader read, block after block.
//! Extractors never look at the input format: a Markdown file and a PDF of the same document
//! give the same model, up to page numbers and byte offsets.

use std::ops::Range;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

/// The format the document was ingested from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum SourceFormat {
    /// Markdown with some HTML, as produced by PDF-to-Markdown converters.
    Markdown,
    /// Plain text, e.g. `pdftotext` output.
    Text,
    /// A PDF file read by the layout reader.
    Pdf,
    /// EUR-Lex HTML: an Official Journal act, a consolidated text or a Commission document.
    Html,
    /// Formex 4 XML, the Official Journal's own source: one act, or a combined package.
    Formex,
    /// Akoma Ntoso XML, including the Commission's AKN4EU.
    Akn,
}

/// One ingested document.
#[derive(Debug, Clone)]
pub struct Document {
    pub format: SourceFormat,
    /// The text that all byte spans point into.
    pub text: String,
    pub blocks: Vec<Block>,
    /// Number of pages, where the source has pages.
    pub pages: Option<u32>,
    /// Problems the ingester noticed but worked around.
    pub warnings: Vec<String>,
    /// Text the reader dropped as page furniture on the first pages, with its page: running
    /// heads and footers carry what metadata needs (an Official Journal issue, a Council
    /// document's number on every footer).
    pub furniture: Vec<(u32, String)>,
    /// What the source states about itself in its markup (HTML, Formex, Akoma Ntoso):
    /// identifiers and parts the stages take over what they would infer from the text.
    pub declared: Declared,
    /// The language of its text, read once by whichever stage first asks
    /// ([`Document::language`]): metadata and references both need it.
    pub(crate) language: OnceLock<&'static crate::lang::Language>,
}

/// What a structured source declares: its metadata and where its parts lie. Text and PDF
/// readers leave it empty, and the stages then read everything from the blocks.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Declared {
    /// The act's own id in its canonical English form (`Regulation (EU) 2016/679`).
    pub act: Option<String>,
    /// The CELEX number of the document itself (`32016R0679`).
    pub celex: Option<String>,
    /// Its European Legislation Identifier (`http://data.europa.eu/eli/reg/2016/679/oj`).
    pub eli: Option<String>,
    /// A Commission document's number as written (`COM(2022) 209 final`).
    pub commission_reference: Option<String>,
    /// The Commission document's date (ISO 8601).
    pub commission_date: Option<String>,
    /// The interinstitutional procedure (`2022/0155(COD)`).
    pub procedure: Option<String>,
    /// An act's date of adoption (ISO 8601).
    pub adoption_date: Option<String>,
    /// Where an act was published (`OJ L, 2024/1689, 12.7.2024`).
    pub oj_reference: Option<String>,
    /// The document type line as written (`Proposal for a DIRECTIVE OF THE EUROPEAN
    /// PARLIAMENT AND OF THE COUNCIL`).
    pub document_type_line: Option<String>,
    /// The title: what follows the act's name (`on the protection of natural persons ...`).
    pub title: Option<String>,
    /// The document's language, ISO 639-1 (`en`, `pl`).
    pub language: Option<String>,
    /// Where the parts lie, when the markup marks them.
    pub parts: DeclaredParts,
    /// Footnote body blocks whose call stands in text the source leaves out: a consolidated
    /// text omits the preamble that called the notes of its citations.
    pub called_outside: Vec<usize>,
}

/// Block ranges of the parts a markup marks: a proposal's memorandum, the act (title to the
/// end of its annexes), its recitals, and a financial statement.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DeclaredParts {
    pub memorandum: Option<Range<usize>>,
    pub legal_text: Option<Range<usize>>,
    pub recitals: Option<Range<usize>>,
    pub financial_statement: Option<Range<usize>>,
}

/// A block in reading order.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    /// The block's text. Empty for tables, whose text lives in their cells.
    pub para: Para,
    /// Page the block starts on, where the source has pages.
    pub page: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BlockKind {
    /// A heading. `level` is the markup level (1 for `#`), or, for headings recognised by their
    /// numbering, the depth of the number. `number` is the section number without its trailing
    /// dot (`2.1`, `Annex 1`); `para.text` holds the title without the number.
    Heading {
        level: u8,
        number: Option<String>,
    },
    Paragraph,
    /// A list item; `marker` as written (`-`, `•`, `1.`, `(a)`), `depth` 0 for top level.
    ListItem {
        marker: String,
        depth: u8,
    },
    Table(Table),
    /// The body of footnote `number`; `para.text` is its text without the number.
    Footnote {
        number: u32,
    },
    /// A line of a table of contents. Kept so nothing is lost, but it repeats headings and is
    /// not document text: [`Document::paras`] leaves it out.
    Contents,
}

/// A table: rows of cells, each cell a list of paragraphs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub rows: Vec<Vec<Cell>>,
    /// The source's markup sets the rows (HTML, XML): none was cut by a page break or
    /// guessed from the layout, so a call in the first row is the header's own.
    pub rows_marked: bool,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    pub paras: Vec<Para>,
}

/// A footnote call: superscript `number` placed at byte offset `at` of [`Para::text`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FootnoteCall {
    pub number: u32,
    pub at: usize,
}

/// A run of inline text with its styling and its map back to the ingested text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Para {
    pub text: String,
    /// Bold ranges of `text`, sorted and non-overlapping.
    pub bold: Vec<Range<usize>>,
    /// Italic ranges of `text`, sorted and non-overlapping.
    pub italic: Vec<Range<usize>>,
    pub calls: Vec<FootnoteCall>,
    /// `(text offset, source offset)` pairs, sorted by text offset: text from a pair's text
    /// offset up to the next pair's was copied from the source starting at its source offset.
    map: Vec<(usize, usize)>,
    /// `(text offset, page)` pairs where a new page starts, for sources with pages.
    page_starts: Vec<(usize, u32)>,
    /// Byte span of the whole paragraph in the ingested text.
    pub span: Range<usize>,
}

impl Para {
    /// Byte offset in the ingested text of byte `off` of `self.text`.
    pub fn source_offset(&self, off: usize) -> usize {
        let i = match self.map.binary_search_by_key(&off, |&(t, _)| t) {
            Ok(i) => i,
            Err(0) => return self.span.start,
            Err(i) => i - 1,
        };
        let (t, s) = self.map[i];
        s + (off - t)
    }

    /// Byte span in the ingested text of `range` of `self.text`.
    pub fn source_span(&self, range: Range<usize>) -> Range<usize> {
        let start = self.source_offset(range.start);
        let end = if range.end > range.start {
            self.source_offset(range.end - 1) + 1
        } else {
            start
        };
        // A text byte copied from a multi-byte source char (or a joined line) can map past the
        // end; clamp so spans stay inside the paragraph.
        start..end.max(start).min(self.span.end.max(start))
    }

    /// Page that byte `off` of `self.text` lies on, where the source has pages.
    pub fn page_at(&self, off: usize) -> Option<u32> {
        self.page_starts
            .iter()
            .take_while(|&&(t, _)| t <= off)
            .last()
            .map(|&(_, p)| p)
    }

    /// True when `range` of the text lies wholly inside one bold range.
    pub fn is_bold(&self, range: Range<usize>) -> bool {
        self.bold
            .iter()
            .any(|b| b.start <= range.start && range.end <= b.end)
    }

    /// True when every non-space character of the paragraph is bold.
    pub fn all_bold(&self) -> bool {
        let t = &self.text;
        !t.trim().is_empty()
            && t.char_indices()
                .filter(|(_, c)| !c.is_whitespace())
                .all(|(i, c)| {
                    self.bold
                        .iter()
                        .any(|b| b.start <= i && i + c.len_utf8() <= b.end)
                })
    }

    /// Remove `range` of the text, keeping styles, calls, pages and the map back to the
    /// source right for what remains.
    pub fn remove(&mut self, range: Range<usize>) {
        let (a, b) = (range.start, range.end.min(self.text.len()));
        if a >= b {
            return;
        }
        let len = b - a;
        let resume = (b < self.text.len()).then(|| self.source_offset(b));
        self.text.replace_range(a..b, "");
        let adj = |x: usize| {
            if x <= a {
                x
            } else if x >= b {
                x - len
            } else {
                a
            }
        };
        let mut map: Vec<(usize, usize)> = Vec::with_capacity(self.map.len() + 1);
        for &(t, s) in &self.map {
            if t < a {
                map.push((t, s));
            } else if t >= b {
                if t == b {
                    // The text after the cut starts a run of its own here.
                    continue;
                }
                map.push((t - len, s));
            }
        }
        if let Some(src) = resume {
            let at = map.partition_point(|&(t, _)| t < a);
            map.insert(at, (a, src));
        }
        self.map = map;
        for r in self.bold.iter_mut().chain(self.italic.iter_mut()) {
            *r = adj(r.start)..adj(r.end);
        }
        self.bold.retain(|r| !r.is_empty());
        self.italic.retain(|r| !r.is_empty());
        for c in &mut self.calls {
            c.at = adj(c.at);
        }
        for p in &mut self.page_starts {
            p.0 = adj(p.0);
        }
    }

    /// Take `range` of the text out as a call of footnote `number`, placed where the range
    /// began: for calls written inline (` 1 `, `^1`, `(1)`, digits glued to a word), which a
    /// reader knows for calls only once it has found their footnote.
    pub fn lift_call(&mut self, range: Range<usize>, number: u32) {
        let at = range.start;
        self.remove(range);
        let i = self.calls.partition_point(|c| c.at <= at);
        self.calls.insert(i, FootnoteCall { number, at });
    }

    /// Move the paragraph's map back to the source `by` bytes later: for a reader that builds
    /// a paragraph on its own before placing its text in the document's.
    pub fn shift_source(&mut self, by: usize) {
        for m in &mut self.map {
            m.1 += by;
        }
        self.span = self.span.start + by..self.span.end + by;
    }

    /// Append `other` to this paragraph with `sep` between them, keeping styles, calls and maps.
    pub fn append(&mut self, sep: &str, other: &Para) {
        let base = if self.text.is_empty() {
            0
        } else {
            // The separator stands for the gap between the two: map it to the end of this one.
            self.map.push((self.text.len(), self.span.end));
            self.text.push_str(sep);
            self.text.len()
        };
        let sep_start = base - if base == 0 { 0 } else { sep.len() };
        self.text.push_str(&other.text);
        let shift = |r: &Range<usize>| r.start + base..r.end + base;
        // A style running across the join covers the separator too: a bold name cut by a
        // page break stays one bold span.
        let bridge = |mine: &[Range<usize>], theirs: &[Range<usize>]| {
            mine.last().is_some_and(|r| r.end == sep_start)
                && theirs.first().is_some_and(|r| r.start == 0)
        };
        if base > 0 && bridge(&self.bold, &other.bold) {
            self.bold.push(sep_start..base);
        }
        if base > 0 && bridge(&self.italic, &other.italic) {
            self.italic.push(sep_start..base);
        }
        self.bold.extend(other.bold.iter().map(shift));
        self.italic.extend(other.italic.iter().map(shift));
        merge_ranges(&mut self.bold);
        merge_ranges(&mut self.italic);
        self.calls.extend(other.calls.iter().map(|c| FootnoteCall {
            number: c.number,
            at: c.at + base,
        }));
        self.map
            .extend(other.map.iter().map(|&(t, s)| (t + base, s)));
        self.page_starts
            .extend(other.page_starts.iter().map(|&(t, p)| (t + base, p)));
        self.page_starts.dedup_by_key(|&mut (_, p)| p);
        if self.span.is_empty() && self.span.start == 0 {
            self.span = other.span.clone();
        } else {
            self.span = self.span.start.min(other.span.start)..self.span.end.max(other.span.end);
        }
    }
}

/// Builds a [`Para`] piece by piece while keeping the map back to the source.
///
/// Runs of ASCII whitespace collapse to one space and the ends are trimmed as text is pushed;
/// no-break and other Unicode spaces are kept, because they matter inside numbers.
#[derive(Debug, Default)]
pub struct ParaBuilder {
    para: Para,
    bold_depth: u32,
    italic_depth: u32,
    bold_start: usize,
    italic_start: usize,
    /// Source offset of a whitespace run not yet written (written only before more text).
    pending_space: Option<usize>,
    /// Source offset the next verbatim byte would have to come from to extend the last map entry.
    next_src: Option<usize>,
    has_span: bool,
}

impl ParaBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Append `text`, copied from the source at byte `src`.
    pub fn push_source(&mut self, text: &str, src: usize) {
        // Runs between ASCII whitespace go in whole (a UTF-8 continuation byte is never ASCII,
        // so the runs end on character boundaries): a character at a time took a quarter of
        // the markup readers' time.
        let space = |b: u8| matches!(b, b' ' | b'\n' | b'\t' | b'\r');
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if space(bytes[i]) {
                self.pending_space.get_or_insert(src + i);
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && !space(bytes[i]) {
                i += 1;
            }
            self.flush_space();
            let at = self.para.text.len();
            if self.next_src != Some(src + start) {
                self.para.map.push((at, src + start));
            }
            self.para.text.push_str(&text[start..i]);
            self.next_src = Some(src + i);
        }
        if !text.is_empty() {
            self.extend_span(src..src + text.len());
        }
    }

    /// Note a word break (a line break, a cell edge) at source byte `src`.
    pub fn push_space(&mut self, src: usize) {
        self.pending_space.get_or_insert(src);
    }

    fn flush_space(&mut self) {
        if let Some(ws) = self.pending_space.take() {
            if !self.para.text.is_empty() {
                self.para.map.push((self.para.text.len(), ws));
                self.para.text.push(' ');
                self.next_src = None;
            }
        }
    }

    pub fn bold(&mut self, on: bool) {
        if on {
            self.flush_space();
        }
        toggle(
            &mut self.bold_depth,
            &mut self.bold_start,
            &mut self.para.bold,
            self.para.text.len(),
            on,
        );
    }

    pub fn italic(&mut self, on: bool) {
        if on {
            self.flush_space();
        }
        toggle(
            &mut self.italic_depth,
            &mut self.italic_start,
            &mut self.para.italic,
            self.para.text.len(),
            on,
        );
    }

    pub fn is_bold(&self) -> bool {
        self.bold_depth > 0
    }

    /// [`ParaBuilder::call`] marking the word before it: a space pending before the call is
    /// dropped, as markup that sets its calls apart (`Committee <a>(1)</a>,`) prints them
    /// (`Committee¹,`).
    pub fn call_after_word(&mut self, number: u32) {
        self.pending_space = None;
        self.call(number);
    }

    /// A footnote call right after the text written so far.
    pub fn call(&mut self, number: u32) {
        let at = self.para.text.len();
        self.para.calls.push(FootnoteCall { number, at });
    }

    /// Record that the text from here on lies on `page`.
    pub fn page(&mut self, page: u32) {
        if self.para.page_starts.last().map(|&(_, p)| p) != Some(page) {
            self.para.page_starts.push((self.para.text.len(), page));
        }
    }

    pub fn text(&self) -> &str {
        &self.para.text
    }

    pub fn is_empty(&self) -> bool {
        self.para.text.is_empty()
    }

    fn extend_span(&mut self, r: Range<usize>) {
        let s = &mut self.para.span;
        if self.has_span {
            *s = s.start.min(r.start)..s.end.max(r.end);
        } else {
            *s = r;
            self.has_span = true;
        }
    }

    /// Finish: closes open styles; trailing whitespace is dropped.
    pub fn finish(mut self) -> Para {
        self.pending_space = None;
        if self.bold_depth > 0 {
            self.bold_depth = 1;
            self.bold(false);
        }
        if self.italic_depth > 0 {
            self.italic_depth = 1;
            self.italic(false);
        }
        self.para
    }
}

fn toggle(depth: &mut u32, start: &mut usize, ranges: &mut Vec<Range<usize>>, at: usize, on: bool) {
    if on {
        if *depth == 0 {
            *start = at;
        }
        *depth += 1;
    } else if *depth > 0 {
        *depth -= 1;
        if *depth == 0 && at > *start {
            ranges.push(*start..at);
            merge_ranges(ranges);
        }
    }
}

/// Sort ranges and merge those that overlap or touch.
pub fn merge_ranges(ranges: &mut Vec<Range<usize>>) {
    ranges.sort_by_key(|r| r.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges.drain(..) {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    *ranges = out;
}

impl Document {
    /// The language the document is written in, detected from its text
    /// ([`crate::lang::detect::document`]) on the first call.
    pub fn language(&self) -> &'static crate::lang::Language {
        self.language
            .get_or_init(|| crate::lang::detect::document(self))
    }

    /// Every paragraph of the document in reading order, including footnote bodies, headings,
    /// list items and the paragraphs inside table cells, with where it sits. Table-of-contents
    /// lines are left out: they repeat the headings.
    pub fn paras(&self) -> impl Iterator<Item = (ParaRef, &Para)> {
        self.all_paras()
            .filter(|(at, _)| self.blocks[at.block].kind != BlockKind::Contents)
    }

    /// [`Document::paras`] with the table-of-contents lines.
    fn all_paras(&self) -> impl Iterator<Item = (ParaRef, &Para)> {
        self.blocks.iter().enumerate().flat_map(|(b, block)| {
            let own: Box<dyn Iterator<Item = (ParaRef, &Para)>> = match &block.kind {
                BlockKind::Table(t) => {
                    Box::new(t.rows.iter().enumerate().flat_map(move |(r, row)| {
                        row.iter().enumerate().flat_map(move |(c, cell)| {
                            cell.paras.iter().enumerate().map(move |(p, para)| {
                                (
                                    ParaRef {
                                        block: b,
                                        cell: Some(CellRef {
                                            row: r,
                                            col: c,
                                            para: p,
                                        }),
                                    },
                                    para,
                                )
                            })
                        })
                    }))
                }
                _ => Box::new(std::iter::once((
                    ParaRef {
                        block: b,
                        cell: None,
                    },
                    &block.para,
                ))),
            };
            own
        })
    }

    /// A human-readable listing of the blocks, one per line (tables one line per cell
    /// paragraph), for inspecting what an ingester produced.
    pub fn outline(&self) -> String {
        self.outline_with(|_| String::new())
    }

    /// [`Document::outline`] with `note(block)` after each block's kind (where the structure
    /// stage placed it: part, section, recital, paragraph).
    pub fn outline_with(&self, note: impl Fn(usize) -> String) -> String {
        use std::fmt::Write;
        let mut out = String::new();
        for (at, para) in self.all_paras() {
            let block = &self.blocks[at.block];
            let kind = match &block.kind {
                BlockKind::Heading { level, number } => {
                    format!(
                        "h{level}{}",
                        number.as_ref().map_or(String::new(), |n| format!(" {n}"))
                    )
                }
                BlockKind::Paragraph => "p".to_string(),
                BlockKind::ListItem { marker, depth } => format!("li{depth} {marker}"),
                BlockKind::Table(_) => {
                    let c = at.cell.unwrap_or(CellRef {
                        row: 0,
                        col: 0,
                        para: 0,
                    });
                    format!("td {}:{}:{}", c.row, c.col, c.para)
                }
                BlockKind::Footnote { number } => format!("fn {number}"),
                BlockKind::Contents => "toc".to_string(),
            };
            let mut text = para.text.clone();
            for call in para.calls.iter().rev() {
                text.insert_str(call.at, &format!("^{}", call.number));
            }
            let bold = if para.all_bold() { " [bold]" } else { "" };
            let page = block.page.map_or(String::new(), |p| format!("p{p} "));
            let note = note(at.block);
            let note = if note.is_empty() {
                note
            } else {
                format!(" {{{note}}}")
            };
            let _ = writeln!(out, "{:>4} {page}{kind}{bold}{note}: {text}", at.block);
        }
        out
    }
}

/// Where a paragraph sits: its block, and the table cell paragraph for tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ParaRef {
    pub block: usize,
    pub cell: Option<CellRef>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CellRef {
    pub row: usize,
    pub col: usize,
    pub para: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_maps_text_back_to_source() {
        let src = "**Bold**  text<sup>3</sup> end";
        let mut b = ParaBuilder::new();
        b.bold(true);
        b.push_source("Bold", 2);
        b.bold(false);
        b.push_source("  text", 8);
        b.call(3);
        b.push_source(" end", 26);
        let p = b.finish();
        assert_eq!(p.text, "Bold text end");
        assert_eq!(p.bold, vec![0..4]);
        assert_eq!(p.calls, vec![FootnoteCall { number: 3, at: 9 }]);
        let r = p.source_span(5..9);
        assert_eq!(&src[r], "text");
        let r = p.source_span(10..13);
        assert_eq!(&src[r], "end");
        assert!(!p.all_bold());
    }

    #[test]
    fn append_shifts_everything() {
        let mut a = ParaBuilder::new();
        a.push_source("in close", 0);
        let mut a = a.finish();
        let mut b = ParaBuilder::new();
        b.bold(true);
        b.push_source("cooperation", 100);
        b.bold(false);
        b.call(2);
        let b = b.finish();
        a.append(" ", &b);
        assert_eq!(a.text, "in close cooperation");
        assert_eq!(a.bold, vec![9..20]);
        let mut c = ParaBuilder::new();
        c.bold(true);
        c.push_source("in the", 200);
        let mut c = c.finish();
        let mut d = ParaBuilder::new();
        d.bold(true);
        d.push_source("EU", 300);
        c.append(" ", &d.finish());
        assert_eq!(c.bold, vec![0..9], "a bold run across the join stays one");
        assert_eq!(a.calls[0].at, 20);
        assert_eq!(a.source_offset(9), 100);
        assert_eq!(a.span, 0..111);
    }

    #[test]
    fn a_call_lifted_out_keeps_the_map() {
        let src = "Forests are being destroyed 1 . Next 2 words";
        let mut b = ParaBuilder::new();
        b.bold(true);
        b.push_source(src, 0);
        b.bold(false);
        let mut p = b.finish();
        let at = p.text.find(" 1 ").unwrap();
        p.lift_call(at..at + 3, 1);
        assert_eq!(p.text, "Forests are being destroyed. Next 2 words");
        assert_eq!(p.calls, vec![FootnoteCall { number: 1, at }]);
        assert_eq!(p.bold, vec![0..p.text.len()]);
        let next = p.text.find("Next").unwrap();
        assert_eq!(&src[p.source_span(next..next + 4)], "Next");
        assert_eq!(&src[p.source_span(0..7)], "Forests");
        let two = p.text.find(" 2").unwrap();
        p.lift_call(two..two + 2, 2);
        assert_eq!(p.text, "Forests are being destroyed. Next words");
        assert_eq!(p.calls.len(), 2);
        let words = p.text.find("words").unwrap();
        assert_eq!(&src[p.source_span(words..words + 5)], "words");
    }

    #[test]
    fn nbsp_is_kept_but_ascii_runs_collapse() {
        let mut b = ParaBuilder::new();
        b.push_source("  200\u{a0}000 \n cases ", 0);
        let p = b.finish();
        assert_eq!(p.text, "200\u{a0}000 cases");
        assert_eq!(p.source_offset(0), 2);
        let off = p.text.find("cases").unwrap();
        assert_eq!(p.source_offset(off), 13);
    }
}
