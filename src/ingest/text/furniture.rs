//! Page furniture in text: running headers and footers, page numbers, Council footers.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::re::{Guarded, Regex};

use super::*;

/// The first line of a Council footer without its page number, for [`FOOTER`] and
/// [`COUNCIL_FOOTER`]: the document's number and the drafters' initials (`AB/cd`, `DMY/RC/sl`).
macro_rules! council_footer {
    () => {
        r"(?:PE-CONS\s+)?\d{1,5}/\d{2}(?:\s+(?:REV|ADD|COR)\s*\d+)*\s+[A-Za-z]{1,5}(?:/[A-Za-z]{1,5}){1,3}"
    };
}

/// Page furniture: page numbers (`3`, `EN 3 EN`, `EN EN`, `Page 3 of 22`, `- 3 -`) and the
/// Council's footer lines (`8410/13 JV/fm 1`, `DG D 2C EN`).
pub(crate) static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        r"^\s*(?:",
        r"(?:[A-Z]{2}\s+)?\d{1,4}(?:\s+[A-Z]{2})?",
        r"|[A-Z]{2}\s+[A-Z]{2}",
        r"|[Pp]age\s+\d+(?:\s+of\s+\d+)?",
        r"|-\s*\d+\s*-",
        r"|",
        council_footer!(),
        // The cover page's footer has no page number.
        r"(?:\s+\d{1,3})?",
        // The Council footer's second line: on an annex's pages `ANNEX`, the directorate, a mark,
        // the language.
        r"|(?:ANNEX(?:E|\s+[IVX]+)?\s+)?[A-Z]{2,8}(?:\.[0-9A-Z]{1,4}){0,3}\s+(?:LIMITE\s+)?",
        r"(?:BG|ES|CS|DA|DE|ET|EL|EN|FR|GA|HR|IT|LV|LT|HU|MT|NL|PL|PT|RO|SK|SL|FI|SV)",
        r"|DG\s+[A-H](?:\s+[0-9A-Z]{1,3}){0,2}\s+[A-Z]{2}",
        r")\s*$"
    ))
    .unwrap()
});
/// The first line of a Council footer: the document's number, the drafter's initials, the page
/// (`7123/23 ABC/de 1`, `PE-CONS 36/23 RS/ek 3`).
static COUNCIL_FOOTER: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(concat!("^", council_footer!(), r"\s+\d{1,3}$")).unwrap());
/// A line's shape for telling running heads and footers by repetition: trimmed, each run of
/// digits one `#` and each run of spaces one space, so `L 277/9` and `L 277/10`, `EN 3 EN` and
/// `EN 12 EN` are alike, however a layout-keeping converter spaced them.
pub(crate) fn shape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
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
    let mut groups: HashMap<String, Vec<(u32, &str)>> = HashMap::new();
    let mut edges: Vec<usize> = Vec::new();
    for idx in by_page.values() {
        let mut page_edges: Vec<usize> = idx.iter().take(2).copied().collect();
        page_edges.extend(idx.iter().rev().take(2));
        page_edges.sort_unstable();
        page_edges.dedup();
        for &i in &page_edges {
            groups
                .entry(shape(lines[i].text))
                .or_default()
                .push((lines[i].page, lines[i].text));
        }
        edges.extend(page_edges);
    }
    let n_pages = by_page.len();
    for i in edges {
        let s = shape(lines[i].text);
        let group = &groups[&s];
        // The Official Journal alternates its head between odd and even pages (`L 277/3 ...
        // 27.10.2022`, `27.10.2022 ... L 277/4`): a head numbered with the page needs only a
        // third of the pages.
        let numbered = group.iter().any(|g| g.1.trim() != group[0].1.trim());
        let share = if numbered { 3 } else { 2 };
        let recurring = n_pages >= 3
            && group.len() * share >= n_pages
            && s.len() < 120
            && runs_with_pages(group);
        if recurring || is_page_furniture(lines[i].text) {
            lines[i].skip = true;
        }
    }
    // An Official Journal head says what it is wherever it stands: text without form feeds
    // has its heads mid-page.
    for l in lines.iter_mut().filter(|l| is_oj_head(l.text)) {
        l.skip = true;
    }
}
/// Drop the page furniture converter Markdown keeps (see [`is_converted_furniture`]), in table
/// rows too, where a page break inside a table leaves the footer as a row of cells.
pub(crate) fn drop_converted_furniture(lines: &mut [Line]) {
    let mut after_footer = false;
    for l in lines.iter_mut() {
        if is_blank(l.text) {
            continue;
        }
        // Furniture is a short line that ends in a number, a code or a name, never in a
        // sentence's stop: a paragraph's line spares the inline parse.
        let end = l.text.trim_end().trim_end_matches(['*', '_']);
        if l.text.len() > 200 || end.ends_with(['.', ',', ';', ':']) {
            after_footer = false;
            continue;
        }
        let cells = if is_table_row(l.text) {
            l.text.replace(['|', '\t'], " ")
        } else {
            l.text.to_string()
        };
        let t = plain_text(&cells);
        if is_converted_furniture(&t, after_footer) {
            l.skip = true;
        }
        after_footer = is_council_footer(&t);
    }
}

/// Whether lines of one shape, seen at the edge of these pages as `(page, text)`, are running
/// furniture: the same text on every page (`Official Journal of the European Union`), or a
/// number that goes with the page (`L 277/2`, `EN 3 EN`). Footnotes of one form
/// (`COM(2012) 363 final.`) share a shape too, but their numbers follow no page.
pub(crate) fn runs_with_pages(seen: &[(u32, &str)]) -> bool {
    let numbers = |t: &str| -> Vec<i64> {
        t.split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty() && s.len() <= 9)
            .filter_map(|s| s.parse().ok())
            .collect()
    };
    let first = seen.first().map_or("", |s| s.1.trim());
    if seen.iter().all(|s| s.1.trim() == first) {
        return true;
    }
    let runs: Vec<Vec<i64>> = seen.iter().map(|s| numbers(s.1)).collect();
    let width = runs.iter().map(Vec::len).min().unwrap_or(0);
    (0..width).any(|k| {
        let mut offsets: HashMap<i64, usize> = HashMap::new();
        for (run, &(page, _)) in runs.iter().zip(seen) {
            *offsets.entry(run[k] - i64::from(page)).or_default() += 1;
        }
        let steady = offsets.values().copied().max().unwrap_or(0);
        // A number that stays put (a date) tells nothing: the number must change.
        let changes = runs.iter().any(|r| r[k] != runs[0][k]);
        changes && steady * 5 >= seen.len() * 4
    })
}

/// A line that is a page number or a Council footer on its own (`EN 3 EN`, `Page 3 of 22`,
/// `8410/13 JV/fm 1`, `DG D 2C EN`), or an Official Journal page head.
pub(crate) fn is_page_furniture(line: &str) -> bool {
    // A year alone (`2020`) is a roadmap's timetable or a table's cell, not page 2020.
    let t = line.trim();
    let year = t.len() == 4 && (t.starts_with("19") || t.starts_with("20"));
    (!year && is_footer(line)) || is_oj_head(line)
}

/// Whether a line is a page number or a Council footer line ([`FOOTER`]).
pub(crate) fn is_footer(line: &str) -> bool {
    may_be_footer(line) && FOOTER.is_match(line)
}

/// Every form of [`FOOTER`] opens with a digit, a dash, `Page` or two capitals (`EN 3`,
/// `PE-CONS`, `DG D`, `GIP.1`): a line that opens otherwise (most of them) spares compiling
/// and running it.
pub(crate) fn may_be_footer(line: &str) -> bool {
    let t = line.trim_start().as_bytes();
    match t {
        [b'0'..=b'9' | b'-', ..] | [b'P' | b'p', b'a', b'g', b'e', ..] => true,
        [a, b, ..] => a.is_ascii_uppercase() && b.is_ascii_uppercase(),
        _ => false,
    }
}

/// An Official Journal page head on a line of its own, in any of its layouts since the 1990s:
/// the issue and page, the language, the Journal's name (`of the European Communities` until
/// 2003, `of the European Union` since) and the issue's date, page and date on either side
/// (`L 123/10 EN Official Journal of the European Communities 5.5.1999`, `5.5.1999 EN Official
/// Journal of the European Communities L 123/11`, `C 45/3`). The name alone is not enough: a
/// sentence may wrap onto a line that reads `Official Journal of the European Union`.
pub(crate) fn is_oj_head(line: &str) -> bool {
    // Every layout names the Journal: most lines spare compiling and running the pattern.
    static OJ_HEAD: Guarded = Guarded::new(&["Official"], || {
        let page = r"(?:[LC]\s+\d{1,4}(?:\s*[A-Z])?\s*/\s*\d{1,4}|\d{1,2}\.\d{1,2}\.\d{4})";
        let name =
            r"(?:[A-Z]{2}\s+)?Official\s+Journal\s+of\s+the\s+European\s+(?:Communities|Union)";
        crate::re::compile(&format!(
            r"^\s*(?:{page}\s+{name}(?:\s+{page})?|{name}\s+{page})\s*$"
        ))
        .unwrap()
    });
    line.len() < 160 && OJ_HEAD.is_match(line)
}

/// Page furniture that converter Markdown keeps as text (it has no pages to tell running lines
/// by): the Council's footer — its first line with the document's number, the drafter's
/// initials and the page (`PE-CONS 43/24 DMY/RC/sl 12`), its second with the directorate and
/// the language (`ECOFIN.1.B EN`) — and Official Journal page heads. `line` is the text without
/// markup; `after_footer` says the line before was a footer's first line, where a second line
/// without the directorate's dotted code (`GIP EN`, `ANNEX I DG B EN`) is taken too.
pub(crate) fn is_converted_furniture(line: &str, after_footer: bool) -> bool {
    static DIRECTORATE: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::compile(concat!(
            r"^\s*(?:ANNEX(?:E|\s+[IVX]+)?\s+)?[A-Z]{2,8}(?:\.[0-9A-Z]{1,4}){1,3}\s+(?:LIMITE\s+)?",
            r"(?:BG|ES|CS|DA|DE|ET|EL|EN|FR|GA|HR|IT|LV|LT|HU|MT|NL|PL|PT|RO|SK|SL|FI|SV)\s*$"
        ))
        .unwrap()
    });
    let t = line.trim();
    is_council_footer(t)
        || DIRECTORATE.is_match(t)
        || is_oj_head(t)
        || (after_footer && is_footer(t) && !t.chars().all(|c| c.is_ascii_digit()))
}

/// The first line of a Council footer, with its page or without (on the cover page):
/// `7123/23 ABC/de 1`, `PE-CONS 36/23 RS/ek 3`, `PE-CONS 43/24 DMY/RC/sl`.
pub(crate) fn is_council_footer(line: &str) -> bool {
    static FIRST_LINE: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::compile(concat!(r"^\s*", council_footer!(), r"(?:\s+\d{1,3})?\s*$")).unwrap()
    });
    FIRST_LINE.is_match(line)
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
        // A Council footer's page is its last number.
        let page_number = match numbers[..] {
            [n] => Some(n),
            [.., n] if COUNCIL_FOOTER.is_match(t) => Some(n),
            _ => None,
        };
        if let Some(n) = page_number {
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
                // Pages carry some text between footers; a Council footer is sure enough
                // of itself to need less.
                Some(&(j, m))
                    if n == m + 1
                        && (i >= j + 8
                            || (i >= j + 3 && COUNCIL_FOOTER.is_match(lines[i].text.trim()))) =>
                {
                    chain.push((i, n))
                }
                Some(&(_, m)) if n == m => {}
                _ if chain.len() < 3 => chain = vec![(i, n)],
                _ => {}
            }
        }
        if chain.len() > best.len() {
            best = chain.into_iter().map(|(i, _)| i).collect();
        }
    }
    // A Council footer (`7123/23 ABC/de 1`) says what it is: one page break is enough.
    let council = !best.is_empty()
        && best
            .iter()
            .all(|&i| COUNCIL_FOOTER.is_match(lines[i].text.trim()));
    if best.len() < 3 && !council {
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
        // Lines of one shape at this distance on most pages, the same text or numbered with
        // the page: the rest of the footer.
        let mut groups: HashMap<String, Vec<(u32, &str)>> = HashMap::new();
        for (page, &i) in best.iter().enumerate() {
            if let Some(s) = near(i, d) {
                let k = i.checked_add_signed(d).expect("near checked it");
                groups
                    .entry(s)
                    .or_default()
                    .push((page as u32 + 1, lines[k].text));
            }
        }
        let steady = groups
            .values()
            .any(|g| g.len() * 5 >= best.len() * 3 && runs_with_pages(g));
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
    // The footer lines go: they are furniture by what found them, with the footer lines next
    // to them that vary between pages (`ANNEX` on an annex's pages, another language).
    let mut ends = Vec::with_capacity(best.len());
    for &i in &best {
        let mut lo = i.saturating_add_signed(extent.0);
        let mut hi = i.saturating_add_signed(extent.1).min(lines.len() - 1);
        while lo > 0 && lo + 2 > i && is_page_furniture(lines[lo - 1].text) {
            lo -= 1;
        }
        while hi + 1 < lines.len() && hi < i + 2 && is_page_furniture(lines[hi + 1].text) {
            hi += 1;
        }
        for l in &mut lines[lo..=hi] {
            l.skip = true;
        }
        ends.push(hi);
    }
    let mut page = 1;
    let mut next_break = ends.into_iter().peekable();
    for (k, l) in lines.iter_mut().enumerate() {
        l.page = page;
        if next_break.peek() == Some(&k) {
            next_break.next();
            page += 1;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_numbers_go_with_the_page_footnotes_do_not() {
        assert!(runs_with_pages(&[
            (2, "L 277/2"),
            (3, "L 277/3"),
            (4, "L 277/4")
        ]));
        assert!(runs_with_pages(&[
            (1, "EN 2 EN"),
            (2, "EN 3 EN"),
            (3, "EN 4 EN")
        ]));
        assert!(runs_with_pages(&[
            (1, "27.10.2022"),
            (2, "27.10.2022"),
            (3, "27.10.2022")
        ]));
        assert!(!runs_with_pages(&[
            (3, "COM(2012) 363 final."),
            (5, "COM(2011) 654 final."),
            (8, "COM(2013) 48 final.")
        ]));
        assert_eq!(shape(" L 277/10 "), shape("L 277/9"));
    }

    #[test]
    fn official_journal_heads_of_every_period_but_not_the_name_alone() {
        for head in [
            "L 123/10 EN Official Journal of the European Communities 5.5.1999",
            "5.5.1999   EN   Official Journal of the European Communities   L 123/11",
            "C 45/3 EN Official Journal of the European Union 19.2.2008",
            "Official Journal of the European Union L 52/4",
        ] {
            assert!(is_oj_head(head) && is_page_furniture(head), "{head}");
        }
        // A sentence wrapped onto a line of its own.
        assert!(!is_oj_head("Official Journal of the European Union"));
        assert!(!is_oj_head(
            "published in the Official Journal of the European Union on 5.5.1999"
        ));
    }

    #[test]
    fn council_footers_in_converter_markdown() {
        assert!(is_converted_furniture("PE-CONS 43/24 DMY/RC/sl 12", false));
        assert!(is_converted_furniture("PE-CONS 43/24 DMY/RC/sl", false));
        assert!(is_converted_furniture("8410/13 JV/fm 1", false));
        assert!(is_converted_furniture("ECOFIN.1.B EN", false));
        assert!(is_converted_furniture("ANNEX I TREE.2.B EN", false));
        // Without the directorate's dotted code, only right under a footer's first line.
        assert!(is_converted_furniture("GIP EN", true));
        assert!(!is_converted_furniture("GIP EN", false));
        // A page number alone is left to the text: it may be a table's figure.
        assert!(!is_converted_furniture("12", true));
        assert!(!is_converted_furniture(
            "Regulation (EU) 2019/2088 is amended",
            false
        ));
    }

    #[test]
    fn pages_are_found_from_their_footers() {
        let mut text = String::new();
        for page in 1..=4 {
            for k in 0..10 {
                text.push_str(&format!("Sentence {} of the body.\n", page * 10 + k));
            }
            text.push_str(&format!("EN\n{page}\nEN\n"));
        }
        let mut lines = split_lines(&text, true);
        assert!(infer_pages(&mut lines));
        let page_of = |needle: &str| lines.iter().find(|l| l.text == needle).map(|l| l.page);
        assert_eq!(page_of("Sentence 29 of the body."), Some(2));
        assert_eq!(page_of("Sentence 30 of the body."), Some(3));
        assert!(lines.iter().filter(|l| l.text == "EN").all(|l| l.skip));
    }
}
