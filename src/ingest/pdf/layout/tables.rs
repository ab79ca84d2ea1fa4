//! Tables: runs of a page's rows whose fragments start at shared columns, built into rows,
//! cells and paragraphs, and continued by the same table's part on the next page.

use super::fragments::{Frag, rows_of};
use super::headings::is_label;
use crate::ingest::pdf::tags::TagKind;

/// A table under construction.
pub(super) struct ProtoTable {
    /// x position where each column starts.
    cols: Vec<f32>,
    /// rows → cells → paragraphs → lines.
    pub(super) rows: Vec<Vec<Vec<Vec<Frag>>>>,
}

impl ProtoTable {
    /// The rest of this table in `lines`, the first block of the next page, which that page
    /// read as text (too few rows there to show the grid: a row the page break cut, a last
    /// row): every line starts at one of this table's columns, and not all at one. Lines
    /// before the first in the first column go on with the row the page break cut.
    pub(super) fn rest_in(&self, lines: &[Frag], pitch: f32) -> Option<ProtoTable> {
        let column = |f: &Frag| self.cols.iter().position(|c| (f.x0 - c).abs() < 3.0);
        let columns = lines.iter().map(column).collect::<Option<Vec<usize>>>()?;
        let mut used = columns.clone();
        used.sort_unstable();
        used.dedup();
        if used.len() < 2 {
            return None;
        }
        let split = columns.iter().position(|&c| c == 0).unwrap_or(lines.len());
        let mut rest = build_table(lines[..split].to_vec(), self.cols.clone(), pitch);
        let rows = build_table(lines[split..].to_vec(), self.cols.clone(), pitch).rows;
        rest.rows.extend(rows);
        Some(rest)
    }

    /// Continue this table with `next`, the same table's part on the next page: rows there
    /// before the first one with a row label continue this table's last row.
    pub(super) fn absorb(&mut self, next: ProtoTable) {
        // The union of both parts' columns (a part may lack one, e.g. the row labels).
        let mut union: Vec<f32> = self.cols.iter().chain(&next.cols).copied().collect();
        union.sort_by(f32::total_cmp);
        union.dedup_by(|a, b| (*a - *b).abs() < 3.0);
        let to_union = |x: f32| -> usize {
            union
                .iter()
                .enumerate()
                .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))
                .map_or(0, |(i, _)| i)
        };
        let n = union.len();
        let remap = |row: Vec<Vec<Vec<Frag>>>, cols: &[f32]| -> Vec<Vec<Vec<Frag>>> {
            let mut mapped: Vec<Vec<Vec<Frag>>> = vec![Vec::new(); n];
            for (c, cell) in row.into_iter().enumerate() {
                if let Some(&x) = cols.get(c) {
                    mapped[to_union(x)].extend(cell);
                }
            }
            mapped
        };
        let own = std::mem::take(&mut self.rows);
        self.rows = own.into_iter().map(|r| remap(r, &self.cols)).collect();
        self.cols = union.clone();
        let map = |x: f32| to_union(x);
        let mut labelled = false;
        for row in next.rows {
            let mut mapped: Vec<Vec<Vec<Frag>>> = vec![Vec::new(); n];
            for (c, cell) in row.into_iter().enumerate() {
                if let Some(&x) = next.cols.get(c) {
                    mapped[map(x)].extend(cell);
                }
            }
            labelled |= !mapped[0].is_empty();
            match self.rows.last_mut() {
                Some(last) if !labelled => {
                    for (c, paras) in mapped.into_iter().enumerate() {
                        let mut paras = paras.into_iter();
                        // A cell's paragraph that the page break cut goes on.
                        let cut = last[c].last().and_then(|p| p.last()).is_some_and(|l| {
                            !l.text.trim_end().ends_with(['.', ';', ':', '!', '?'])
                        });
                        if cut {
                            if let Some(first) = paras.next() {
                                last[c].last_mut().expect("checked").extend(first);
                            }
                        }
                        last[c].extend(paras);
                    }
                }
                _ => self.rows.push(mapped),
            }
        }
    }
}

/// Tables among a page's ordered fragments: runs of rows with two or more fragments that start
/// at shared column positions, with the single-fragment rows between them that stay inside a
/// column (a cell's further lines, a row label). Returns fragment index ranges and columns.
pub(super) fn table_regions(frags: &[Frag], pitch: f32) -> Vec<(std::ops::Range<usize>, Vec<f32>)> {
    let rows = rows_of(frags);
    let right_edge = frags.iter().map(|f| f.x1).fold(0.0f32, f32::max);
    // In a tagged PDF, a row whose text the tags all place outside table cells is no table
    // row (a heading with a hanging number, a contents line), whatever its columns.
    let not_cells = |r: &std::ops::Range<usize>| {
        frags[r.clone()]
            .iter()
            .all(|f| f.tag.is_some_and(|t| t.kind != TagKind::Cell))
            || frags[r.clone()].iter().any(|f| f.contents)
    };
    let multi = |r: &std::ops::Range<usize>| {
        r.len() >= 2 && frags[r.clone()].windows(2).all(|w| w[0].x1 < w[1].x0) && !not_cells(r)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        if !multi(&rows[i]) {
            i += 1;
            continue;
        }
        let mut cols: Vec<f32> = frags[rows[i].clone()].iter().map(|f| f.x0).collect();
        let mut n_multi = 1;
        let mut j = i;
        while j + 1 < rows.len() {
            let r = &rows[j + 1];
            let gap = frags[r.start].y - frags[rows[j].start].y;
            if gap > 2.5 * pitch {
                break;
            }
            if multi(r) {
                cols.extend(frags[r.clone()].iter().map(|f| f.x0));
                n_multi += 1;
                j += 1;
                continue;
            }
            let f = &frags[r.start];
            if not_cells(r) && f.tag_kind() != Some(TagKind::Text) {
                break;
            }
            cols.sort_by(f32::total_cmp);
            cols.dedup_by(|a, b| (*a - *b).abs() < 3.0);
            // A short fragment left of every column is a row label (`2011`).
            if f.x1 < cols[0] - 3.0 {
                cols.insert(0, f.x0);
                j += 1;
                continue;
            }
            let Some(k) = cols.iter().position(|c| (c - f.x0).abs() < 3.0) else {
                break;
            };
            let limit = cols.get(k + 1).copied().unwrap_or(right_edge) + 5.0;
            if f.x1 > limit {
                break; // a paragraph running across the columns
            }
            j += 1;
        }
        cols.sort_by(f32::total_cmp);
        cols.dedup_by(|a, b| (*a - *b).abs() < 3.0);
        // Two columns whose first holds only numbers or bullets are hanging indents (numbered
        // headings, list items), not a table.
        let hanging = cols.len() == 2
            && frags[rows[i].start..rows[j].end]
                .iter()
                .filter(|f| (f.x0 - cols[0]).abs() < 3.0)
                .all(|f| is_label(&f.text));
        if hanging {
            i = j + 1;
            continue;
        }
        if n_multi >= 2 && cols.len() >= 2 {
            // Single lines just above that sit in a column other than the first continue a
            // cell from the page before.
            let mut first = i;
            let floor = out
                .last()
                .map_or(0, |(r, _): &(std::ops::Range<usize>, Vec<f32>)| r.end);
            while first > 0 && rows[first - 1].start >= floor && rows[first - 1].len() == 1 {
                let f = &frags[rows[first - 1].start];
                let k = cols.iter().position(|c| (c - f.x0).abs() < 3.0);
                let limit = k
                    .and_then(|k| cols.get(k + 1))
                    .copied()
                    .unwrap_or(right_edge)
                    + 5.0;
                if !matches!(k, Some(k) if k > 0) || f.x1 > limit {
                    break;
                }
                first -= 1;
            }
            out.push((rows[first].start..rows[j].end, cols));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Arrange a table region's fragments into rows, cells and paragraphs: a fragment in the
/// first column starts a row when other columns start on its line too, or when it does not
/// continue that column's text; a vertical gap larger than the line pitch separates
/// paragraphs inside a cell.
pub(super) fn build_table(frags: Vec<Frag>, cols: Vec<f32>, pitch: f32) -> ProtoTable {
    let col_of = |f: &Frag| cols.iter().rposition(|c| *c <= f.x0 + 3.0).unwrap_or(0);
    let mut rows: Vec<Vec<Vec<Frag>>> = Vec::new();
    // Rows are set apart by more than the line pitch (cell padding); a fragment in the first
    // column after such a gap starts a row.
    let mut lowest: Option<f32> = None;
    for f in frags {
        let c = col_of(&f);
        let new_row = rows.is_empty() || (c == 0 && lowest.is_none_or(|y| f.y - y > 1.15 * pitch));
        if new_row {
            rows.push(vec![Vec::new(); cols.len()]);
        }
        lowest = Some(lowest.map_or(f.y, |y: f32| y.max(f.y)));
        rows.last_mut().expect("a row exists")[c].push(f);
    }
    let rows = rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|mut lines| {
                    lines.sort_by(|a, b| a.y.total_cmp(&b.y));
                    let mut paras: Vec<Vec<Frag>> = Vec::new();
                    for l in lines {
                        match paras.last_mut() {
                            Some(p) if l.y - p.last().map_or(0.0, |x| x.y) <= 1.35 * pitch => {
                                p.push(l)
                            }
                            _ => paras.push(vec![l]),
                        }
                    }
                    paras
                })
                .collect()
        })
        .collect();
    ProtoTable { cols, rows }
}
