//! Table-of-contents lines, marked so that they are read as contents: not as headings,
//! table rows or footnotes.

use rayon::prelude::*;

use super::fragments::Frag;

/// Mark the table-of-contents lines of every page.
pub(crate) fn mark_contents(pages: &mut [Vec<Frag>]) {
    pages.par_iter_mut().for_each(|frags| mark_page(frags));
}

/// Mark a page's table-of-contents lines: a line that ends in dot leaders and a page number,
/// the first line of an entry wrapped onto such a line, and a `Contents` title above them.
/// The tags may already have said so; this finds them in untagged files too.
fn mark_page(frags: &mut [Frag]) {
    static LEADER: std::sync::LazyLock<crate::re::Regex> = std::sync::LazyLock::new(|| {
        crate::re::compile(r"(?:\.\s?){4,}\s*\d{1,4}\s*$|…{2,}\s*\d{1,4}\s*$").unwrap()
    });
    static TITLE: std::sync::LazyLock<crate::re::Regex> = std::sync::LazyLock::new(|| {
        crate::re::compile(r"(?i)^\s*(?:table\s+of\s+)?contents\s*$").unwrap()
    });
    // Rows of fragments on one baseline, in the order `page_fragments` gives them.
    let mut rows: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    for i in 1..=frags.len() {
        if i == frags.len() || (frags[i].y - frags[start].y).abs() > 0.3 * frags[start].size {
            rows.push(start..i);
            start = i;
        }
    }
    let texts: Vec<String> = rows
        .iter()
        .map(|r| {
            frags[r.clone()]
                .iter()
                .map(|f| f.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let mut dotted: Vec<bool> = texts.iter().map(|t| LEADER.is_match(t)).collect();
    if dotted.iter().filter(|&&d| d).count() < 3 {
        return;
    }
    // On a contents page, an entry whose leader the line break ate (`... third party .14`)
    // still ends in a page number at the right edge of the others.
    static PAGE_END: std::sync::LazyLock<crate::re::Regex> =
        std::sync::LazyLock::new(|| crate::re::compile(r"\S\s*\.?\s?\d{1,4}\s*$").unwrap());
    let mut ends: Vec<f32> = rows
        .iter()
        .zip(&dotted)
        .filter(|(_, d)| **d)
        .map(|(r, _)| frags[r.end - 1].x1)
        .collect();
    ends.sort_by(f32::total_cmp);
    let right = ends[ends.len() / 2];
    for (k, r) in rows.iter().enumerate() {
        if !dotted[k] && PAGE_END.is_match(&texts[k]) && (frags[r.end - 1].x1 - right).abs() < 4.0 {
            dotted[k] = true;
        }
    }
    let mut mark = vec![false; rows.len()];
    for (k, r) in rows.iter().enumerate() {
        if dotted[k] {
            mark[k] = true;
            // The first line(s) of an entry that wraps: just above, not indented further.
            let mut j = k;
            while j > 0 && !dotted[j - 1] && !mark[j - 1] {
                let (above, below) = (&frags[rows[j - 1].start], &frags[rows[j].start]);
                let close = below.y - above.y <= 1.8 * below.size.max(above.size);
                if !close || above.x0 > frags[r.start].x0 + 2.0 || j + 2 < k {
                    break;
                }
                mark[j - 1] = true;
                j -= 1;
            }
        }
    }
    for (k, r) in rows.iter().enumerate() {
        let title = TITLE.is_match(&texts[k]) && mark[k + 1..].iter().take(3).any(|&m| m);
        if mark[k] || title {
            for f in &mut frags[r.clone()] {
                f.contents = true;
            }
        }
    }
}
