//! Running heads and footers: text that recurs at the page edges, and page numbers.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use super::fragments::Frag;
use crate::ingest::pdf::interp::PageContent;
use crate::ingest::text::{is_page_furniture, runs_with_pages, shape};
use crate::re::Regex;

/// The Official Journal's running head, in any language: the issue and page (`L 123/10`,
/// `C 115 E/3`), the language, the Journal's name and the issue's date, the page first on even
/// pages and last on odd ones (`L 123/10 EN Official Journal of the European Communities
/// 5.5.1999`, `5.5.1999 EN Official Journal ... L 123/11`).
static JOURNAL_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        r"^(?:[LC]\s?\d{1,4}(?:\s?[A-Z])?/\d{1,4}\s+[A-Z]{2}\s+\S.{8,90}?\s+\d{1,2}\.\d{1,2}\.\d{4}",
        r"|\d{1,2}\.\d{1,2}\.\d{4}\s+[A-Z]{2}\s+\S.{8,90}?\s+[LC]\s?\d{1,4}(?:\s?[A-Z])?/\d{1,4})$"
    ))
    .unwrap()
});

/// Drop running headers and footers. Candidates are the first and last three lines of a
/// page, in its outer quarter: those whose text (digits aside) recurs at about the same
/// height on many pages go (`L 277/2`, `EN 3 EN`, a three-line Council footer), and so does a
/// page's outermost line when it is just a page number (`3`, `Page 3 of 22`, `- 3 -`, `2/144`),
/// a Council footer line, or the Official Journal's head, which an act of one or two pages does
/// not repeat enough, read whole when it falls into pieces.
/// Returns the lines dropped on the first two pages, with their page, for the metadata they
/// carry.
pub(crate) fn drop_furniture(
    pages: &mut [Vec<Frag>],
    contents: &[PageContent],
) -> Vec<(u32, String)> {
    let n_pages = pages.len();
    // Per page: (fragment index, row from the nearer edge (0 = outermost), relative height).
    let candidates: Vec<Vec<(usize, usize, f32)>> = pages
        .iter()
        .zip(contents)
        .map(|(frags, c)| {
            let h = c.height.max(1.0);
            let mut ys: Vec<f32> = frags.iter().map(|f| f.y).collect();
            ys.sort_by(f32::total_cmp);
            let mut rows: Vec<f32> = Vec::new();
            for y in ys {
                if rows.last().is_none_or(|r| y - r > 2.0) {
                    rows.push(y);
                }
            }
            let row_of = |y: f32| rows.iter().position(|r| (y - r).abs() <= 2.0 || y < *r);
            frags
                .iter()
                .enumerate()
                .filter_map(|(i, f)| {
                    let r = row_of(f.y).unwrap_or(0);
                    let from_edge = r.min(rows.len().saturating_sub(1) - r.min(rows.len() - 1));
                    let outer = f.y < 0.25 * h || f.y > 0.75 * h;
                    (outer && from_edge < 3).then_some((i, from_edge, f.y / h))
                })
                .collect()
        })
        .collect();
    let mut seen: HashMap<String, Vec<(usize, f32, &str)>> = HashMap::new();
    for (p, cands) in candidates.iter().enumerate() {
        for &(i, _, y) in cands {
            let f = &pages[p][i];
            if f.text.len() < 120 {
                seen.entry(shape(&f.text))
                    .or_default()
                    .push((p, y, f.text.as_str()));
            }
        }
    }
    let mut drop: Vec<HashSet<usize>> = vec![HashSet::new(); n_pages];
    for (p, cands) in candidates.iter().enumerate() {
        // The outermost lines, their pieces (a head or footer spread across the measure) read
        // left to right: a Council footer's `ANNEX I  ECOFIN.1.B  EN`, the Journal's head.
        // The line's pieces may be of several sizes on baselines a little apart (a large
        // `EN` beside the footer's text): they stand within half a size of the edge piece.
        for top in [true, false] {
            let side: Vec<&Frag> = cands
                .iter()
                .filter(|c| (c.2 < 0.5) == top)
                .map(|c| &pages[p][c.0])
                .collect();
            let edge = side.iter().copied().reduce(|a, b| match (top, a.y < b.y) {
                (true, true) | (false, false) => a,
                _ => b,
            });
            let Some(edge) = edge else { continue };
            let mut row: Vec<usize> = cands
                .iter()
                .filter(|c| (c.2 < 0.5) == top)
                .map(|c| c.0)
                .filter(|&i| {
                    let f = &pages[p][i];
                    (f.y - edge.y).abs() <= 0.5 * f.size.max(edge.size)
                })
                .collect();
            row.sort_by(|&a, &b| pages[p][a].x0.total_cmp(&pages[p][b].x0));
            let line: Vec<&str> = row.iter().map(|&i| pages[p][i].text.as_str()).collect();
            let line = line.join(" ");
            if row.len() > 1 && (is_page_furniture(&line) || JOURNAL_HEAD.is_match(&line)) {
                drop[p].extend(row);
            }
        }
        for &(i, from_edge, y) in cands {
            let f = &pages[p][i];
            let recurring = n_pages >= 3
                && seen.get(&shape(&f.text)).is_some_and(|at| {
                    let alike: Vec<(u32, &str)> = at
                        .iter()
                        .filter(|(_, y2, _)| (y - y2).abs() < 0.02)
                        .map(|&(q, _, t)| (q as u32 + 1, t))
                        .collect();
                    let pages_alike: HashSet<u32> = alike.iter().map(|a| a.0).collect();
                    pages_alike.len() * 5 >= n_pages * 2 && runs_with_pages(&alike)
                });
            if recurring || (from_edge == 0 && is_page_furniture(&f.text)) {
                drop[p].insert(i);
            }
        }
    }
    let mut dropped = Vec::new();
    for (p, frags) in pages.iter_mut().enumerate() {
        if drop[p].is_empty() {
            continue;
        }
        if p < 2 {
            // Line by line, a line's pieces joined left to right: the metadata reads a head
            // whole (`L 123/10 EN Official Journal ...` numbers a page of the Journal).
            let mut ks: Vec<&Frag> = drop[p].iter().map(|&k| &frags[k]).collect();
            ks.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
            let mut lines: Vec<(&Frag, Vec<&Frag>)> = Vec::new();
            for f in ks {
                match lines.last_mut() {
                    Some((first, line))
                        if (f.y - first.y).abs() <= 0.5 * f.size.max(first.size) =>
                    {
                        line.push(f)
                    }
                    _ => lines.push((f, vec![f])),
                }
            }
            dropped.extend(lines.into_iter().map(|(_, mut line)| {
                line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
                let texts: Vec<&str> = line.iter().map(|f| f.text.as_str()).collect();
                (p as u32 + 1, texts.join(" "))
            }));
        }
        let mut i = 0;
        frags.retain(|_| {
            i += 1;
            !drop[p].contains(&(i - 1))
        });
    }
    dropped
}
