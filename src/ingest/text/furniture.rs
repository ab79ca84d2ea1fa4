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
/// Drop running headers and footers: a page's first or last line that recurs (digits aside)
/// on many pages, or that is just a page number (`3`, `EN 3 EN`, `Page 3 of 22`, `- 3 -`).
pub(crate) fn drop_page_furniture(lines: &mut [Line]) {
    let mut by_page: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if !is_blank(l.text) {
            by_page.entry(l.page).or_default().push(i);
        }
    }
    let shape = |s: &str| -> String {
        s.trim()
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
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
