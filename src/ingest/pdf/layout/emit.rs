//! Emitting: blocks under construction into model blocks, their text appended to the
//! document's, styles and footnote calls kept, line ends joined and split words made whole.

use std::collections::HashSet;

use super::blocks::ProtoBlock;
use super::context::Context;
use super::fragments::{Frag, Piece};
use super::headings::heading_kind;
use super::hyphens::{broken_word, collect_words, ends_hyphenated, splits_word};
use super::tables::ProtoTable;
use crate::ingest::headings::list_marker;
use crate::ingest::pdf::interp::{BOLD, ITALIC, MONO};
use crate::ingest::text::parse_html_paragraphs;
use crate::model::{Block, BlockKind, ParaBuilder};

/// Turn proto-blocks into model blocks, appending their text to `doc_text`.
pub(super) fn emit(
    proto: ProtoBlock,
    footnote: Option<u32>,
    ctx: &Context,
    doc_text: &mut String,
    out: &mut Vec<Block>,
) {
    if let Some(table) = proto.table {
        emit_table(table, ctx, doc_text, out);
        return;
    }
    let page = proto.lines.first().map(|f| f.page);
    let kind = match footnote {
        Some(n) => BlockKind::Footnote { number: n },
        None => proto.kind,
    };
    if !doc_text.is_empty() {
        doc_text.push_str("\n\n");
    }
    // Converter output that leaked HTML into a code block: read the markup.
    if let Some(paras) = leaked_html(&proto.lines, doc_text) {
        for para in paras {
            out.push(Block {
                kind: if footnote.is_some() {
                    kind.clone()
                } else {
                    BlockKind::Paragraph
                },
                para,
                page,
            });
        }
        return;
    }
    let strip = match &kind {
        BlockKind::ListItem { .. } => {
            list_marker(&proto.lines[0].text, true).map_or(0, |(_, _, at)| at)
        }
        _ => 0,
    };
    let para = build_para(&proto.lines, strip, ctx, None, doc_text);
    if para.text.is_empty() && footnote.is_none() {
        return;
    }
    // A heading whose number and title sit apart (`1.1.` then a tab) is numbered by its text.
    let kind = match kind {
        BlockKind::Heading { number: None, .. } => heading_kind(&para.text),
        kind => kind,
    };
    out.push(Block { kind, para, page });
}

/// Lines all in a monospaced font holding `<p>` markup: the paragraphs the markup makes.
fn leaked_html(lines: &[Frag], doc_text: &mut String) -> Option<Vec<crate::model::Para>> {
    if !lines.iter().all(|f| f.style_all & MONO != 0) {
        return None;
    }
    let joined = lines
        .iter()
        .map(|f| f.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if !joined.contains("<p>") && !joined.contains("</p>") {
        return None;
    }
    let off = doc_text.len();
    doc_text.push_str(&joined);
    let page = lines.first().map(|f| f.page);
    Some(
        parse_html_paragraphs(&joined, off)
            .into_iter()
            .map(|para| match page {
                Some(p) => {
                    let mut b = ParaBuilder::new();
                    b.page(p);
                    let mut with_page = b.finish();
                    with_page.append("", &para);
                    with_page
                }
                None => para,
            })
            .collect(),
    )
}

fn emit_table(table: ProtoTable, ctx: &Context, doc_text: &mut String, out: &mut Vec<Block>) {
    // Narrow cells make some producers break words without a hyphen (`contributio` / `n`);
    // the words the document has written so far tell a split word from two words. The index
    // grows with the text instead of being rebuilt for every table.
    let mut index = ctx.words.lock().unwrap_or_else(|e| e.into_inner());
    let (done, words) = &mut *index;
    collect_words(&doc_text[(*done).min(doc_text.len())..], words);
    *done = doc_text.len();
    let words = &*words;
    if !doc_text.is_empty() {
        doc_text.push_str("\n\n");
    }
    let start = doc_text.len();
    let page = table
        .rows
        .iter()
        .flatten()
        .flatten()
        .flatten()
        .map(|f| f.page)
        .next();
    let mut model = crate::model::Table::default();
    for row in table.rows {
        let mut cells = Vec::new();
        for cell in row {
            let mut paras = Vec::new();
            for lines in cell {
                if !doc_text.ends_with(['\n', '\t']) && doc_text.len() > start {
                    doc_text.push('\t');
                }
                let para = build_para(&lines, 0, ctx, Some(words), doc_text);
                if !para.text.is_empty() {
                    paras.push(para);
                }
            }
            cells.push(crate::model::Cell { paras });
            doc_text.push('\t');
        }
        doc_text.push('\n');
        model.rows.push(cells);
    }
    let mut para = crate::model::Para::default();
    para.span = start..doc_text.len();
    out.push(Block {
        kind: BlockKind::Table(model),
        para,
        page,
    });
}

/// One paragraph from its lines: text appended to `doc_text`, styles and calls kept, line
/// ends joined with a space (or without one after a hyphen), the first `strip` bytes (a list
/// marker) left out.
fn build_para(
    lines: &[Frag],
    strip: usize,
    ctx: &Context,
    words: Option<&HashSet<String>>,
    doc_text: &mut String,
) -> crate::model::Para {
    let mut b = ParaBuilder::new();
    let (mut bold_on, mut italic_on) = (false, false);
    for (li, f) in lines.iter().enumerate() {
        b.page(f.page);
        let split_word =
            li > 0 && words.is_some_and(|w| broken_word(&lines[li - 1].text, &f.text, w));
        if li > 0 && !ends_hyphenated(&lines[li - 1].text) && !split_word {
            let off = doc_text.len();
            doc_text.push('\n');
            b.push_space(off);
        }
        // A hyphen (or soft hyphen) that splits a word at the line end is dropped.
        let drop_hyphen = li + 1 < lines.len()
            && ends_hyphenated(&f.text)
            && splits_word(&f.text, &lines[li + 1].text, &ctx.hyphens);
        let last_text = f
            .pieces
            .iter()
            .rposition(|p| matches!(p, Piece::Text { .. }));
        let mut skip = if li == 0 { strip } else { 0 };
        for (pi, piece) in f.pieces.iter().enumerate() {
            match piece {
                Piece::Call(n) => b.call(*n),
                Piece::Text { text, style } => {
                    let mut t = if skip > 0 {
                        let cut = skip.min(text.len());
                        skip -= cut;
                        &text[cut..]
                    } else {
                        text.as_str()
                    };
                    if Some(pi) == last_text {
                        t = if drop_hyphen {
                            t.trim_end_matches(['-', '\u{ad}'])
                        } else {
                            t.trim_end_matches('\u{ad}')
                        };
                    }
                    if t.is_empty() {
                        continue;
                    }
                    // Toggle styles only where they change, so a bold name broken over two
                    // lines stays one bold span.
                    let (bold, italic) = (style & BOLD != 0, style & ITALIC != 0);
                    if bold != bold_on {
                        b.bold(bold);
                        bold_on = bold;
                    }
                    if italic != italic_on {
                        b.italic(italic);
                        italic_on = italic;
                    }
                    let off = doc_text.len();
                    doc_text.push_str(t);
                    b.push_source(t, off);
                }
            }
        }
    }
    b.finish()
}
