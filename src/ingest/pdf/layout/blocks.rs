//! Blocks: a page's body fragments put in reading order (two columns are detected) and
//! joined into headings, paragraphs, list items, contents entries and tables by spacing,
//! indent, type and what the tags say.

use super::context::Context;
use super::fragments::{Frag, rows_of};
use super::headings::{OPEN_END, heading_kind, is_heading_line, is_label, is_subsection_line};
use super::tables::{ProtoTable, build_table, table_regions};
use crate::ingest::headings::list_marker;
use crate::ingest::pdf::interp::{BOLD, ITALIC};
use crate::ingest::pdf::tags::TagKind;
use crate::model::BlockKind;

/// A block under construction: the fragments (lines) it is made of.
pub(super) struct ProtoBlock {
    pub(super) kind: BlockKind,
    pub(super) lines: Vec<Frag>,
    /// For a table: its column starts and its rows of cells of paragraphs of lines.
    pub(super) table: Option<ProtoTable>,
}

/// Order a page's body fragments for reading: top to bottom, and on a page in two columns
/// (`gutter`: where they part) the left column before the right one between full-width
/// fragments.
pub(super) fn reading_order(mut frags: Vec<Frag>, gutter: Option<f32>) -> Vec<Frag> {
    frags.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let Some(mid) = gutter else {
        return frags;
    };
    let left = |f: &Frag| f.x1 < mid;
    let right = |f: &Frag| f.x0 > mid;
    let mut out = Vec::with_capacity(frags.len());
    let mut band: Vec<Frag> = Vec::new();
    let flush = |band: &mut Vec<Frag>, out: &mut Vec<Frag>| {
        let (l, r): (Vec<Frag>, Vec<Frag>) =
            band.drain(..).partition(|f| f.x1 < mid || f.x0 <= mid);
        out.extend(l);
        out.extend(r);
    };
    for f in frags {
        if !left(&f) && !right(&f) {
            flush(&mut band, &mut out);
            out.push(f);
        } else {
            band.push(f);
        }
    }
    flush(&mut band, &mut out);
    out
}

/// Where each page's two columns part (the page's middle), or `None` for a page set across.
/// A page shows its columns by many wide fragments either side of the middle; in a document
/// most of whose pages do, a page with text either side and nothing across the middle is in
/// columns too (the last page, whose columns stop short).
pub(super) fn gutters(pages: &[Vec<Frag>], widths: &[f32]) -> Vec<Option<f32>> {
    let plain: Vec<bool> = pages
        .iter()
        .zip(widths)
        .map(|(f, &w)| two_columns(f, w))
        .collect();
    let with_text = pages.iter().filter(|f| !f.is_empty()).count();
    let document = plain.iter().filter(|&&b| b).count() * 2 >= with_text.max(1);
    pages
        .iter()
        .zip(widths)
        .zip(plain)
        .map(|((frags, &width), plain)| {
            let mid = width / 2.0;
            let apart = frags.iter().any(|f| f.x1 < mid)
                && frags.iter().any(|f| f.x0 > mid)
                && frags.iter().all(|f| f.x1 < mid || f.x0 > mid);
            (plain || (document && apart)).then_some(mid)
        })
        .collect()
}

/// Whether a page shows two columns: many wide fragments either side of the middle, and
/// most of the page's fragments on one side or the other.
fn two_columns(frags: &[Frag], width: f32) -> bool {
    let mid = width / 2.0;
    let left = |f: &Frag| f.x1 < mid;
    let right = |f: &Frag| f.x0 > mid;
    let n_left = frags.iter().filter(|f| left(f)).count();
    let n_right = frags.iter().filter(|f| right(f)).count();
    // Text columns are wide; table cells either side of the middle are not.
    let median_width = |keep: &dyn Fn(&Frag) -> bool| {
        let mut w: Vec<f32> = frags
            .iter()
            .filter(|f| keep(f))
            .map(|f| f.x1 - f.x0)
            .collect();
        w.sort_by(f32::total_cmp);
        w.get(w.len() / 2).copied().unwrap_or(0.0)
    };
    n_left >= 8
        && n_right >= 8
        && (n_left + n_right) * 2 >= frags.len()
        && median_width(&left) >= 0.3 * width
        && median_width(&right) >= 0.3 * width
}

/// The type a line is set in: style flags, size and font family.
#[derive(Clone, Copy)]
struct Look {
    style: u8,
    size: f32,
    family: u32,
}

/// Group a page's ordered body fragments into blocks; `gutter`: where its two columns part.
pub(super) fn blocks(mut frags: Vec<Frag>, ctx: &Context, gutter: Option<f32>) -> Vec<ProtoBlock> {
    // Fragments on one baseline (give or take a table cell's offset) left to right.
    for r in rows_of(&frags) {
        frags[r].sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    // Where a line reaches the measure: the right edge of its column on a two-column page.
    let page_edge = frags.iter().map(|f| f.x1).fold(0.0f32, f32::max);
    let left_edge = gutter.map(|mid| {
        let edge = frags
            .iter()
            .filter(|f| f.x1 < mid)
            .map(|f| f.x1)
            .fold(0.0f32, f32::max);
        (mid, edge)
    });
    let right_edge = |f: &Frag| match left_edge {
        Some((mid, edge)) if f.x1 < mid => edge,
        _ => page_edge,
    };
    let regions = table_regions(&frags, ctx.pitch);
    // A number set apart from its title by a tab (`1.1.` then `Title`) is read with the rest
    // of its line.
    // Its type is the title's.
    let mut line_text: Vec<Option<(String, Look)>> = vec![None; frags.len()];
    for r in rows_of(&frags) {
        if r.len() > 1 && is_label(&frags[r.start].text) {
            let joined: Vec<&str> = frags[r.clone()].iter().map(|f| f.text.as_str()).collect();
            let title = &frags[r.start + 1];
            line_text[r.start] = Some((
                joined.join(" "),
                Look {
                    style: title.style_all,
                    size: title.size,
                    family: title.family,
                },
            ));
        }
    }
    let mut out: Vec<ProtoBlock> = Vec::new();
    let mut region = regions.into_iter().peekable();
    let mut in_table: Vec<Frag> = Vec::new();
    for (i, f) in frags.into_iter().enumerate() {
        if let Some((r, _)) = region.peek() {
            if r.contains(&i) {
                in_table.push(f);
                if i + 1 == r.end {
                    let (_, cols) = region.next().expect("peeked");
                    out.push(ProtoBlock {
                        kind: BlockKind::Table(Default::default()),
                        lines: Vec::new(),
                        table: Some(build_table(std::mem::take(&mut in_table), cols, ctx.pitch)),
                    });
                }
                continue;
            }
        }
        let tag_heading = matches!(f.tag_kind(), Some(TagKind::Heading(_)));
        let contents = f.contents || f.tag_kind() == Some(TagKind::Contents);
        // A numbered line is a heading when the tags say so or its type sets it apart from
        // the body text: bold, larger, or another family (Word's `Heading` styles).
        // A deep number (`3.2.3.1. Estimated requirements ...`) on a short line marks a
        // heading whatever its type.
        let (
            text,
            Look {
                style,
                size,
                family,
            },
        ) = match &line_text[i] {
            Some((t, look)) => (t.as_str(), *look),
            None => (
                f.text.as_str(),
                Look {
                    style: f.style_all,
                    size: f.size,
                    family: f.family,
                },
            ),
        };
        let stands_out = style & (BOLD | ITALIC) != 0
            || size >= 1.1 * ctx.body
            || (family != ctx.body_family && size >= 0.95 * ctx.body)
            || is_subsection_line(text);
        let heading = !contents && (tag_heading || (stands_out && is_heading_line(text)));
        // Not a heading: a numbered line is a list item (`1. Providing flexibility ...`).
        let marker = if heading || contents {
            None
        } else {
            list_marker(&f.text, true)
        };
        let starts_new = match out.last() {
            None => true,
            Some(cur) if cur.table.is_some() => true,
            Some(cur) => {
                let last = cur.lines.last().expect("blocks have lines");
                let same_row = (f.y - last.y).abs() < 0.3 * f.size;
                // In a tagged PDF, lines of different block elements are different blocks,
                // and lines of one heading or contents entry are one.
                let other_element = match (f.tag, last.tag) {
                    (Some(a), Some(b)) => Some(a.block != b.block),
                    _ => None,
                };
                if other_element == Some(false)
                    && (tag_heading || contents)
                    && f.tag_kind() == last.tag_kind()
                {
                    false
                } else if other_element == Some(true) && !same_row {
                    true
                } else if same_row {
                    false
                } else {
                    let gap = f.y - last.y;
                    let size_change = (f.size - last.size).abs() > 0.08 * last.size.max(f.size);
                    let bold_change = (f.style_all & BOLD) != (last.style_all & BOLD);
                    let edge = right_edge(last);
                    let short_end = last.x1 < edge - 0.15 * (edge - last.x0).max(1.0)
                        && last.text.trim_end().ends_with(['.', ':', ';', '!', '?']);
                    // A line that stops well short of the measure ends its paragraph when a
                    // capital opens the next (tight paragraph spacing leaves no gap to see).
                    let stops_short = last.x1 < last.x0 + 0.7 * (edge - last.x0)
                        && f.text.starts_with(char::is_uppercase)
                        && !matches!(cur.kind, BlockKind::Heading { .. });
                    // A list item's next line: indented under its text, or, without a hanging
                    // indent, not left of the marker and after a line that does not end it.
                    let first = &cur.lines[0];
                    let list_cont = matches!(cur.kind, BlockKind::ListItem { .. })
                        && (f.x0 > first.x0 + 0.5 * f.size
                            || (f.x0 >= first.x0 - 1.0
                                && gap <= 1.3 * ctx.pitch * (f.size / ctx.body).max(0.5)
                                && !last.text.trim_end().ends_with(['.', ':', ';', '!', '?'])));
                    // A heading's title wrapped onto a second line: same type, close below,
                    // not indented left of the heading, the first line not ended.
                    let same_type = (f.size - last.size).abs() <= 0.05 * last.size
                        && (f.style_all & (BOLD | ITALIC)) == (last.style_all & (BOLD | ITALIC))
                        && f.family == last.family;
                    // A line left open (`... and`) goes on even when the next one reads as
                    // a heading of its own (`Article 18 Right to ...`).
                    let open = OPEN_END.is_match(last.text.trim_end());
                    let heading_cont = matches!(cur.kind, BlockKind::Heading { .. })
                        && (!heading || open)
                        && marker.is_none()
                        && cur.lines.len() < 4
                        && same_type
                        && gap <= 1.25 * ctx.pitch * (f.size / ctx.body).max(0.5)
                        && f.x0 >= cur.lines[0].x0 - 1.0
                        && !last.text.trim_end().ends_with(['.', ':', ';']);
                    gap > 1.45 * ctx.pitch * (f.size / ctx.body).max(0.5)
                        || gap < -0.5 * f.size
                        || size_change
                        || bold_change
                        || marker.is_some()
                        || (heading && !heading_cont)
                        || ((short_end || stops_short) && !list_cont)
                        || (matches!(cur.kind, BlockKind::Heading { .. }) && !heading_cont)
                        || (matches!(cur.kind, BlockKind::ListItem { .. }) && !list_cont)
                }
            }
        };
        let heading = heading && starts_new;
        if starts_new {
            let kind = if contents {
                BlockKind::Contents
            } else if heading {
                heading_kind(&f.text)
            } else if let Some((m, depth, _)) = marker {
                BlockKind::ListItem { marker: m, depth }
            } else {
                BlockKind::Paragraph
            };
            out.push(ProtoBlock {
                kind,
                lines: vec![f],
                table: None,
            });
        } else if let Some(cur) = out.last_mut() {
            cur.lines.push(f);
        }
    }
    out
}
