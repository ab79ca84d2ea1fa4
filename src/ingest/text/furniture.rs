//! Page furniture in text: running headers and footers, page numbers, Council footers.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::re::Regex;

use super::*;

/// Page furniture: page numbers (`3`, `EN 3 EN`, `EN EN`, `Page 3 of 22`, `- 3 -`) and the
/// Council's footer lines (`8410/13 JV/fm 1`, `DG D 2C EN`).
pub(crate) static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        r"^\s*(?:",
        r"(?:[A-Z]{2}\s+)?\d{1,4}(?:\s+[A-Z]{2})?",
        r"|[A-Z]{2}\s+[A-Z]{2}",
        r"|[Pp]age\s+\d+(?:\s+of\s+\d+)?",
        r"|-\s*\d+\s*-",
        r"|\d{3,5}/\d{2}(?:\s+(?:REV|ADD|COR)\s*\d+)*\s+[A-Za-z]{1,5}/[A-Za-z]{1,5}\s+\d{1,3}",
        r"|DG\s+[A-H](?:\s+[0-9A-Z]{1,3}){0,2}\s+[A-Z]{2}",
        r")\s*$"
    ))
    .unwrap()
});
/// A line's shape for telling running heads and footers by repetition: trimmed, and each run
/// of digits one `#`, so `L 277/9` and `L 277/10`, `EN 3 EN` and `EN 12 EN` are alike.
pub(crate) fn shape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Drop running headers and footers: a page's first or last line that recurs (digits aside)
/// on many pages, or that is just a page number (`3`, `EN 3 EN`, `Page 3 of 22`, `- 3 -`).
pub(crate) fn drop_page_furniture(lines: &mut [Line]) {
    let mut by_page: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if !is_blank(l.text) {
            by_page.entry(l.page).or_default().push(i);
        }
    }
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut edges: Vec<usize> = Vec::new();
    for idx in by_page.values() {
        let mut page_edges: Vec<usize> = idx.iter().take(2).copied().collect();
        page_edges.extend(idx.iter().rev().take(2));
        page_edges.sort_unstable();
        page_edges.dedup();
        for &i in &page_edges {
            *counts.entry(shape(lines[i].text)).or_default() += 1;
        }
        edges.extend(page_edges);
    }
    let n_pages = by_page.len();
    for i in edges {
        let s = shape(lines[i].text);
        let recurring = n_pages >= 3 && counts[&s] * 2 >= n_pages && s.len() < 120;
        if recurring || is_page_furniture(lines[i].text) {
            lines[i].skip = true;
        }
    }
}
/// A line that is a page number or a Council footer on its own (`EN 3 EN`, `Page 3 of 22`,
/// `8410/13 JV/fm 1`, `DG D 2C EN`).
pub(crate) fn is_page_furniture(line: &str) -> bool {
    FOOTER.is_match(line)
}

/// Pages of a text that has no form feeds (pdfminer and copy-and-paste drop them): a page
/// ends after its footer, found as the lines that number the pages in sequence (`1`, `2`, ...,
/// or `ABC/de 3`) with the short lines that stand beside every one of them (`EN` above and
/// below). Returns whether pages were found.
pub(crate) fn infer_pages(lines: &mut [Line]) -> bool {
    // Short lines with exactly one number, grouped by their shape.
    let mut by_shape: HashMap<String, Vec<(usize, u32)>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.text.trim();
        // Numbers that open a part, a recital or a list item count things, not pages.
        let counts_parts = crate::ingest::headings::heading_number(t).is_some()
            || (t.starts_with('(') && t.ends_with(')'))
            || t.ends_with('.');
        if t.is_empty() || t.chars().count() > 40 || counts_parts {
            continue;
        }
        let numbers: Vec<&str> = t
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .collect();
        if let [n] = numbers[..] {
            if let Ok(n) = n.parse::<u32>() {
                if n < 10_000 {
                    by_shape.entry(shape(t)).or_default().push((i, n));
                }
            }
        }
    }
    // The longest run of one shape numbered 1, 2, 3 ... with some text between.
    let mut best: Vec<usize> = Vec::new();
    let mut shapes: Vec<(&String, &Vec<(usize, u32)>)> = by_shape.iter().collect();
    shapes.sort();
    for (_, occurrences) in shapes {
        let mut chain: Vec<(usize, u32)> = Vec::new();
        for &(i, n) in occurrences {
            match chain.last() {
                Some(&(j, m)) if n == m + 1 && i >= j + 8 => chain.push((i, n)),
                Some(&(_, m)) if n == m => {}
                _ if chain.len() < 3 => chain = vec![(i, n)],
                _ => {}
            }
        }
        if chain.len() > best.len() {
            best = chain.into_iter().map(|(i, _)| i).collect();
        }
    }
    if best.len() < 3 {
        return false;
    }
    // The footer: the page-number line and the short lines at the same distance from it on
    // most pages.
    let near = |i: usize, d: isize| -> Option<String> {
        let k = i.checked_add_signed(d)?;
        let t = lines.get(k)?.text.trim();
        (!t.is_empty() && t.chars().count() <= 40).then(|| shape(t))
    };
    let mut extent = (0isize, 0isize);
    for d in [-1isize, -2, 1, 2] {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for &i in &best {
            if let Some(s) = near(i, d) {
                *counts.entry(s).or_default() += 1;
            }
        }
        let steady = counts.values().any(|&c| c * 5 >= best.len() * 3);
        let contiguous = if d < 0 {
            extent.0 == d + 1
        } else {
            extent.1 == d - 1
        };
        if steady && contiguous {
            if d < 0 {
                extent.0 = d;
            } else {
                extent.1 = d;
            }
        }
    }
    // The footer lines go: they are furniture by what found them.
    for &i in &best {
        for d in extent.0..=extent.1 {
            if let Some(l) = i.checked_add_signed(d).and_then(|k| lines.get_mut(k)) {
                l.skip = true;
            }
        }
    }
    let mut page = 1;
    let mut next_break = best
        .iter()
        .map(|&i| i.saturating_add_signed(extent.1))
        .peekable();
    for (k, l) in lines.iter_mut().enumerate() {
        l.page = page;
        if next_break.peek() == Some(&k) {
            next_break.next();
            page += 1;
        }
    }
    true
}
