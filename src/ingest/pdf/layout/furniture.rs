//! Running heads and footers: text that recurs at the page edges, and page numbers.

use std::collections::{HashMap, HashSet};

use super::fragments::Frag;
use crate::ingest::pdf::interp::PageContent;
use crate::ingest::text::{is_page_furniture, runs_with_pages, shape};

/// Drop running headers and footers. Candidates are the first and last three lines of a
/// page, in its outer quarter: those whose text (digits aside) recurs at about the same
/// height on many pages go (`L 277/2`, `EN 3 EN`, a three-line Council footer), and so does a
/// page's outermost line when it is just a page number (`3`, `Page 3 of 22`, `- 3 -`, `2/144`).
/// Returns the text dropped on the first two pages, with its page, for the metadata it carries.
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
            let mut ks: Vec<&usize> = drop[p].iter().collect();
            ks.sort();
            dropped.extend(
                ks.into_iter()
                    .map(|&k| (p as u32 + 1, frags[k].text.clone())),
            );
        }
        let mut i = 0;
        frags.retain(|_| {
            i += 1;
            !drop[p].contains(&(i - 1))
        });
    }
    dropped
}
