//! Footnotes in plain text: bodies at the foot of each page, calls glued to the word before.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::re::Regex;

use crate::model::ParaBuilder;

use super::*;

/// Footnote bodies found in plain text: line index → (number, byte offset of the body text).
#[derive(Default)]
pub(crate) struct FootnoteZones {
    pub(crate) starts: HashMap<usize, (u32, usize)>,
    /// Lines after a start line that continue its body.
    pub(crate) continued: HashSet<usize>,
    /// Footnote numbers in order, with the page their body is on.
    pub(crate) numbers: Vec<(u32, u32)>,
}
pub(crate) static FN_MARK: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^\s*(\d{1,3})\.?(?:\s+|$)").unwrap());
/// In plain text the footnote bodies sit at the foot of each page, numbered in sequence across
/// the document. A page's zone starts at the first line carrying the next expected number whose
/// call appears glued to a word earlier on the page; each later line with the number after
/// starts the next body.
pub(crate) fn find_footnote_zones(lines: &[Line]) -> FootnoteZones {
    let mut zones = FootnoteZones::default();
    let mut next: u32 = 1;
    let mut i = 0;
    while i < lines.len() {
        let page = lines[i].page;
        let end = lines[i..]
            .iter()
            .position(|l| l.page != page)
            .map_or(lines.len(), |k| i + k);
        let live: Vec<usize> = (i..end).filter(|&k| !lines[k].skip).collect();
        let mut zone_start = None;
        for (pos, &k) in live.iter().enumerate().skip(1) {
            let Some(n) = mark_number(lines[k].text) else {
                continue;
            };
            // The next number, or the one after when a body went unrecognised.
            let fits = n == next || (n == next + 1 && next > 1);
            // A marker in the lower part of the page is a footnote even when its call was not
            // found (`20118` hides call 8 in a year); number 1 must have its call, since a
            // numbered list starts with 1 too.
            let low = pos * 10 >= live.len() * 6 && n > 1;
            // Or three numbers in sequence in the lower half, each with its text (`1` alone on
            // its line, the text indented below, as `pdftotext -layout` sets notes): a call
            // lost in a year (`20201`) then leaves no page without its notes.
            let lower = pos * 10 >= live.len() * 5;
            if fits
                && !looks_like_heading(lines[k].text)
                && (low
                    || call_glued_before(&lines[i..k], n)
                    || (lower && numbered_texts_follow(lines, &live[pos..], n)))
            {
                zone_start = Some(k);
                next = n;
                break;
            }
        }
        if let Some(z) = zone_start {
            for (k, line) in lines.iter().enumerate().take(end).skip(z) {
                if line.skip {
                    continue;
                }
                match (mark_number(line.text), FN_MARK.find(line.text)) {
                    (Some(n), Some(m)) if n == next => {
                        zones.starts.insert(k, (n, m.end()));
                        zones.numbers.push((n, page));
                        next += 1;
                    }
                    _ => {
                        zones.continued.insert(k);
                    }
                }
            }
        }
        i = end;
    }
    zones
}
/// Whether the lines `live` (by index into `lines`) open with note `n` and carry notes `n + 1`
/// and `n + 2` after it, each number followed by text before the next: a column of bare
/// numbers (`1`, `2`, `3`, then the texts) is no run of notes.
fn numbered_texts_follow(lines: &[Line], live: &[usize], n: u32) -> bool {
    // A note's number stands bare; `1.` opens an article's paragraph.
    let bare = |k: usize| {
        let t = lines[k].text.trim_start();
        !t.trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with('.')
    };
    if !bare(live[0]) {
        return false;
    }
    let text_after = |k: usize| {
        FN_MARK
            .find(lines[k].text)
            .is_some_and(|m| !lines[k].text[m.end()..].trim().is_empty())
    };
    let mut has_text = text_after(live[0]);
    let mut want = n + 1;
    for &k in &live[1..] {
        if lines[k].text.trim().is_empty() {
            continue;
        }
        match mark_number(lines[k].text) {
            Some(m) if m == want && bare(k) && !looks_like_heading(lines[k].text) => {
                if !has_text {
                    return false;
                }
                if want == n + 2 {
                    return true;
                }
                want += 1;
                has_text = text_after(k);
            }
            _ => has_text = true,
        }
    }
    false
}

/// A numbered line that is surely a heading, not a footnote body: a dotted number (`2.1`) or
/// a title in capitals (`3. CONCLUSIONS`). `3 Directive 2014/41/EU ...` may be either.
pub(crate) fn looks_like_heading(s: &str) -> bool {
    // The title's offset is into the trimmed line (an offset into `s` may split a character).
    let t = s.trim();
    match (text_heading(t), heading_number(t)) {
        (Some(n), Some((_, at))) => {
            let title = t.get(at..).unwrap_or("");
            n.contains('.')
                || (!title.chars().any(char::is_lowercase)
                    && title.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        }
        _ => false,
    }
}
pub(crate) fn mark_number(s: &str) -> Option<u32> {
    FN_MARK.captures(s).and_then(|c| c[1].parse().ok())
}
pub(crate) fn call_glued_before(lines: &[Line], n: u32) -> bool {
    let needle = n.to_string();
    lines.iter().filter(|l| !l.skip).any(|l| {
        let t = l.text;
        t.match_indices(&needle).any(|(at, _)| {
            let before = t[..at].chars().next_back();
            let after = t[at + needle.len()..].chars().next();
            matches!(before, Some(c) if c.is_alphabetic() || ".,;:)’”'\"".contains(c))
                && !matches!(after, Some(c) if c.is_alphanumeric())
                && glued_word_ok(&t[..at])
        })
    })
}
/// The word a glued call follows must have two letters or more (`14.7` is a date, `p.4` a
/// page). Names with digits (`EC3`, `FP7`) look the same as `EU6`, so callers also demand the
/// number be the next footnote, with its body on the same page.
pub(crate) fn glued_word_ok(before: &str) -> bool {
    // A year and its punctuation (`of 14 September 2022,7`) carries a call as well as a word.
    let tail = before.trim_end_matches([',', '.', ';', ':', ')']);
    // `get`: the four bytes before may split a character (`€1.4`).
    let year = tail.len() >= 4
        && tail.len() < before.len()
        && tail.get(tail.len() - 4..).is_some_and(|y| {
            (y.starts_with("19") || y.starts_with("20"))
                && y.bytes().all(|b| b.is_ascii_digit())
                && tail[..tail.len() - 4].ends_with([' ', '('])
        });
    // So does an act's number (`Regulation (EU) 2021/1058;22`).
    let act_number = tail.len() < before.len() && {
        let token = tail.rsplit([' ', '(']).next().unwrap_or("");
        let (a, b) = token.split_once('/').unwrap_or(("", ""));
        !a.is_empty()
            && !b.is_empty()
            && a.bytes().all(|c| c.is_ascii_digit())
            && b.bytes().all(|c| c.is_ascii_digit())
    };
    if year || act_number {
        return true;
    }
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let last = word.chars().next_back();
    letters.len() >= 2 && last.is_some()
}
/// Footnote numbers expected in plain text, with the page of their body, handed out in order
/// as their calls are found on that page.
pub(crate) struct GluedCalls {
    pending: Vec<(u32, u32)>,
}
impl GluedCalls {
    pub(crate) fn new(numbers: &[(u32, u32)]) -> Self {
        Self {
            pending: numbers.iter().rev().copied().collect(),
        }
    }
}
pub(crate) static GLUED: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"[A-Za-z\u{c0}-\u{24f}.,;:)+’”'\x22](\d{1,3})(?:[\s.,;:)]|$)").unwrap()
});
/// Push a plain-text line on `page`; with `glued`, split off footnote calls glued to the word
/// before them.
pub(crate) fn push_plain(
    b: &mut ParaBuilder,
    s: &str,
    off: usize,
    glued: Option<(&mut GluedCalls, u32)>,
) {
    let Some((glued, page)) = glued else {
        b.push_source(s, off);
        return;
    };
    // A call missed on an earlier page (hidden in a year, say) must not block the later ones.
    while glued.pending.last().is_some_and(|&(_, p)| p < page) {
        glued.pending.pop();
    }
    let mut from = 0;
    for c in GLUED.captures_iter(s) {
        let Some(&(want, want_page)) = glued.pending.last() else {
            break;
        };
        if want_page != page {
            break;
        }
        let m = c.get(1).expect("group 1 always matches");
        let Ok(n) = m.as_str().parse::<u32>() else {
            continue;
        };
        // The next call, or a later one of this page when the one before it was missed (a
        // call hidden where it cannot be told from the text).
        let Some(depth) = glued
            .pending
            .iter()
            .rev()
            .take_while(|&&(_, p)| p == page)
            .position(|&(k, _)| k == n)
        else {
            continue;
        };
        if !glued_word_ok(&s[..m.start()]) || (depth > 0 && n != want + depth as u32) {
            continue;
        }
        b.push_source(&s[from..m.start()], off + from);
        b.call(n);
        for _ in 0..=depth {
            glued.pending.pop();
        }
        from = m.end();
    }
    b.push_source(&s[from..], off + from);
}
