//! Footnotes: the footnote area at a page's foot, found by the tags, under a separator rule
//! or as the trailing run of small type that opens with a number, split into bodies by the
//! numbers they open with; and a number in the text's own type checked against the
//! document's sequence of notes.

use std::collections::HashSet;

use super::fragments::{Frag, Piece};
use crate::ingest::pdf::interp::Rule;
use crate::ingest::pdf::tags::TagKind;

/// A footnote body gathered from the page foot. `number` is `None` for text at the top of a
/// page's footnote area that continues the last footnote of the page before.
pub(super) struct FootnoteFrags {
    pub(super) number: Option<u32>,
    pub(super) frags: Vec<Frag>,
    /// For a number printed in the text's own type (`12 Text`, not superscript): the bytes of
    /// the first fragment it takes. Such a number may be text that a line break put first
    /// (`COM (2012)` / `196.`), so [`NoteNumbers::settle`] checks it against the footnotes'
    /// sequence.
    plain: Option<usize>,
}

impl FootnoteFrags {
    /// Take the plain number as the footnote's: strip it from the text.
    fn accept_number(&mut self) {
        if let Some(at) = self.plain.take() {
            strip_leading(&mut self.frags[0], at);
        }
    }

    /// Read the plain number as text continuing the footnote before.
    fn into_continuation(mut self) -> FootnoteFrags {
        self.number = None;
        self.plain = None;
        self
    }
}

/// The footnote numbers read so far in the document.
#[derive(Default)]
pub(super) struct NoteNumbers {
    /// The number of the last footnote body read.
    last: u32,
    seen: HashSet<u32>,
}

impl NoteNumbers {
    /// Settle a note's number and record it. A number in the text's own type counts when it
    /// is near the document's last footnote (a body may be lost or set a page later) and not
    /// taken since the numbering last restarted, or restarts at 1; otherwise it is text
    /// continuing the note before. A note numbered 1 starts the numbering anew (notes
    /// numbered per page or per part), so the numbers taken before it are free again.
    pub(super) fn settle(&mut self, mut note: FootnoteFrags) -> FootnoteFrags {
        if let (Some(number), Some(_)) = (note.number, note.plain) {
            let near = number + 5 >= self.last && number <= self.last + 5;
            if number == 1 || (near && !self.seen.contains(&number)) {
                note.accept_number();
            } else {
                note = note.into_continuation();
            }
        }
        if let Some(number) = note.number {
            if number == 1 {
                self.seen.clear();
            }
            self.last = number;
            self.seen.insert(number);
        }
        note
    }
}

/// Split a page's fragments into body and footnotes. A tagged page whose structure tree marks
/// note bodies is split by the tags; otherwise the footnote area starts below a horizontal
/// rule in the lower part of the page, or, without one, at the first of the trailing run of
/// fragments in smaller type that begins with a number.
/// `notes_tagged`: the document's producer tags its notes, so a page without tagged notes
/// has none (its small type at the foot is a table or a caption).
/// The third value is a remark for the warnings when the page's foot could not be read as
/// it looks.
pub(super) fn split_footnotes(
    frags: Vec<Frag>,
    rules: &[Rule],
    page: (f32, f32),
    body: f32,
    notes_tagged: bool,
    gutter: Option<f32>,
) -> (Vec<Frag>, Vec<FootnoteFrags>, Option<&'static str>) {
    if notes_tagged {
        let mut remark = None;
        if !frags
            .iter()
            .any(|f| f.tag_kind() == Some(TagKind::NoteBody))
        {
            // The tags are followed, but a foot that the layout reads as notes is reported.
            let (_, notes, _) = split_by_layout(frags.clone(), rules, page, body, gutter);
            if notes.iter().filter(|n| n.number.is_some()).count() >= 2 {
                remark = Some(NOTES_NOT_TAGGED);
            }
        }
        let (body, notes) = split_tagged_notes(frags);
        return (body, notes, remark);
    }
    split_by_layout(frags, rules, page, body, gutter)
}

/// Remarks on a page's foot, for the warnings.
pub(super) const NOTES_NOT_TAGGED: &str = "the structure tree marks no footnotes, but the foot of the page reads as numbered notes; kept as text, as tagged";
pub(super) const TABLE_AT_FOOT: &str = "small type at the foot opens with numbers but is set as a table; read as a table, not as footnotes";

fn split_by_layout(
    frags: Vec<Frag>,
    rules: &[Rule],
    (width, height): (f32, f32),
    body: f32,
    gutter: Option<f32>,
) -> (Vec<Frag>, Vec<FootnoteFrags>, Option<&'static str>) {
    // On a page set in two columns each column has its own foot, under its own separator
    // (the Official Journal before 2004, LaTeX's twocolumn): the columns' notes stand at
    // different heights, and one column's text runs on beside the other's notes. Small type
    // across the middle at the foot is notes set under both columns: the page's foot is one.
    let notes_across = |mid: f32| {
        frags
            .iter()
            .any(|f| f.x0 < mid && f.x1 > mid && f.y > 0.5 * height && f.size < 0.95 * body)
    };
    if let Some(mid) = gutter.filter(|&mid| !notes_across(mid)) {
        let (left, rest): (Vec<Frag>, Vec<Frag>) = frags.into_iter().partition(|f| f.x1 < mid);
        let (right, mut body_frags): (Vec<Frag>, Vec<Frag>) =
            rest.into_iter().partition(|f| f.x0 > mid);
        let (left_body, mut notes, left_remark) =
            split_column(left, rules, (0.0, mid), height, body);
        let (right_body, right_notes, right_remark) =
            split_column(right, rules, (mid, width), height, body);
        body_frags.extend(left_body);
        body_frags.extend(right_body);
        notes.extend(right_notes);
        return (body_frags, notes, left_remark.or(right_remark));
    }
    split_column(frags, rules, (0.0, width), height, body)
}

/// Split the fragments of one column (the page, or one of its two columns, from `left` to
/// `right`) into body and footnotes.
fn split_column(
    frags: Vec<Frag>,
    rules: &[Rule],
    (left, right): (f32, f32),
    height: f32,
    body: f32,
) -> (Vec<Frag>, Vec<FootnoteFrags>, Option<&'static str>) {
    let small = |f: &Frag| f.size < 0.95 * body && !f.contents;
    let starts_number = |f: &Frag| {
        !f.contents
            && (f.marker.is_some() || plain_marker(&f.text).is_some_and(|_| bare_ok(f, &frags)))
    };
    // A rule counts when the first fragment under it is in small type and starts with a
    // number (a link's underline has text above, not a footnote under it).
    // Separators start at the column's left margin; a rule further right is something else.
    // Under a separator the type need not be smaller (some producers keep the body size),
    // but the first fragment must then open with a superscript number.
    // A table's borders are rules too: segments that continue one another on one line, or
    // several lines of them close below. A separator stands alone.
    let same = |a: &Rule, b: &Rule| {
        (a.x0 - b.x0).abs() < 1.0 && (a.x1 - b.x1).abs() < 1.0 && (a.y - b.y).abs() < 1.0
    };
    // A link's underline sits right under its text's baseline.
    let underline = |r: &Rule| {
        frags.iter().any(|f| {
            r.y >= f.y - 0.2 * f.size && r.y <= f.y + 0.6 * f.size && r.x0 < f.x1 && r.x1 > f.x0
        })
    };
    let rules: Vec<&Rule> = rules.iter().filter(|r| !underline(r)).collect();
    let in_grid = |r: &Rule| {
        let others = || rules.iter().filter(|o| !same(o, r));
        let continued =
            others().any(|o| (o.y - r.y).abs() < 1.5 && o.x0 <= r.x1 + 2.0 && o.x1 >= r.x0 - 2.0);
        let rows_below = others()
            .filter(|o| o.y > r.y + 1.5 && o.y < r.y + 6.0 * body)
            .count();
        continued || rows_below >= 2
    };
    let rule_y = rules
        .iter()
        .copied()
        .filter(|r| {
            r.y > 0.45 * height && r.x0 >= left && r.x0 < left + 0.4 * (right - left) && r.x1 > r.x0
        })
        .filter(|r| !in_grid(r))
        .filter(|r| {
            // The first line under the rule, from its start: a number may stand apart.
            let under = || frags.iter().filter(|f| f.y > r.y);
            let Some(top) = under().min_by(|a, b| a.y.total_cmp(&b.y)) else {
                return false;
            };
            under()
                .filter(|f| (f.y - top.y).abs() < 0.3 * top.size)
                .min_by(|a, b| a.x0.total_cmp(&b.x0))
                .is_some_and(|f| (small(f) && starts_number(f)) || f.marker.is_some())
        })
        .map(|r| r.y)
        .fold(f32::NAN, f32::min);
    let zone_top = if rule_y.is_finite() {
        Some(rule_y)
    } else {
        // Bottom-up: the run of small-type fragments at the foot of the page.
        let mut order: Vec<&Frag> = frags.iter().collect();
        order.sort_by(|a, b| b.y.total_cmp(&a.y));
        let mut top = None;
        for f in order {
            if !small(f) {
                break;
            }
            if starts_number(f) {
                top = Some(f.y - 0.1);
            }
        }
        top
    };
    let Some(zone_top) = zone_top else {
        return (frags, Vec::new(), None);
    };
    let under_rule = rule_y.is_finite();
    let in_zone = |f: &Frag| f.y > zone_top && (small(f) || under_rule) && !f.contents;
    // Footnote lines hold a number and text (a justified line may fall into pieces at its
    // wide spaces); lines of three or more pieces that start at the same columns are table
    // rows, and small type at the foot that holds them is a table, not notes.
    let mut per_line: Vec<(f32, Vec<f32>)> = Vec::new();
    for f in frags.iter().filter(|f| in_zone(f)) {
        match per_line
            .iter_mut()
            .find(|(y, _)| (y - f.y).abs() < 0.3 * f.size)
        {
            Some(l) => l.1.push(f.x0),
            None => per_line.push((f.y, vec![f.x0])),
        }
    }
    let rows: Vec<&Vec<f32>> = per_line
        .iter()
        .map(|(_, xs)| xs)
        .filter(|xs| xs.len() >= 3)
        .collect();
    let table_rows = rows
        .iter()
        .enumerate()
        .filter(|(i, xs)| {
            let shared = xs
                .iter()
                .filter(|x| {
                    rows.iter()
                        .enumerate()
                        .any(|(j, o)| j != *i && o.iter().any(|y| (*x - y).abs() < 2.0))
                })
                .count();
            shared >= 3
        })
        .count();
    if table_rows >= 2 {
        return (frags, Vec::new(), Some(TABLE_AT_FOOT));
    }
    let (mut zone, body_frags): (Vec<Frag>, Vec<Frag>) = frags.into_iter().partition(in_zone);
    zone.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    (body_frags, number_notes(zone), None)
}

/// The notes a tagged page's structure tree marks: every fragment of a note body goes to the
/// footnotes, the rest stays body text. Bodies are told apart by the number each starts with.
fn split_tagged_notes(frags: Vec<Frag>) -> (Vec<Frag>, Vec<FootnoteFrags>) {
    let (mut zone, body): (Vec<Frag>, Vec<Frag>) = frags
        .into_iter()
        .partition(|f| f.tag_kind() == Some(TagKind::NoteBody));
    zone.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    (body, number_notes(zone))
}

/// Group a page's footnote-area fragments (top to bottom) into bodies, each starting at a
/// fragment that opens with a footnote number.
fn number_notes(zone: Vec<Frag>) -> Vec<FootnoteFrags> {
    let mut notes: Vec<FootnoteFrags> = Vec::new();
    let bare: Vec<bool> = zone.iter().map(|f| bare_ok(f, &zone)).collect();
    for (f, bare) in zone.into_iter().zip(bare) {
        let (number, plain) = match f.marker {
            Some(n) => (Some(n), None),
            None => match plain_marker(&f.text).filter(|_| bare) {
                Some((n, at)) => (Some(n), Some(at)),
                None => (None, None),
            },
        };
        // Within a page, footnotes run in sequence (one may be set on another page): a plain
        // number out of it is text.
        let in_sequence = |n: u32, notes: &[FootnoteFrags]| {
            notes
                .iter()
                .rev()
                .find_map(|x| x.number)
                .is_none_or(|last| n > last && n <= last + 3)
        };
        let number = number.filter(|&n| plain.is_none() || in_sequence(n, &notes));
        match (number, notes.last_mut()) {
            (Some(n), _) => notes.push(FootnoteFrags {
                number: Some(n),
                frags: vec![f],
                plain,
            }),
            (None, Some(last)) => last.frags.push(f),
            (None, None) => notes.push(FootnoteFrags {
                number: None,
                frags: vec![f],
                plain: None,
            }),
        }
    }
    notes
}

/// Whether a fragment may open a footnote with a plain number. One that is only a number
/// stands alone on its line (Word sets it on a line above the text), or opens its line with
/// the note's text close after it: a hanging indent, as LibreOffice sets an ODT's notes, the
/// number in the note's own type and the text at the indent, where the indent's column splits
/// the line. A number with others before it, far from it or beside another number is a
/// table's cell (`2014` | `236`).
fn bare_ok(f: &Frag, all: &[Frag]) -> bool {
    let t = f.text.trim();
    if !t
        .chars()
        .all(|c| c.is_ascii_digit() || c == '(' || c == ')' || c == '.')
    {
        return true;
    }
    let mut others = all
        .iter()
        .filter(|o| !std::ptr::eq(*o, f) && (o.y - f.y).abs() < 0.3 * f.size)
        .peekable();
    if others.peek().is_none() {
        return true;
    }
    let mut next: Option<&Frag> = None;
    for o in others {
        if o.x0 < f.x1 {
            return false;
        }
        if next.is_none_or(|n| o.x0 < n.x0) {
            next = Some(o);
        }
    }
    next.is_some_and(|n| {
        n.x0 - f.x1 < 3.0 * f.size && n.text.starts_with(|c: char| !c.is_ascii_digit())
    })
}

/// `12 Text`, `12. Text` or `(12) Text` at the start of a footnote line: the number and
/// where text starts.
pub(super) fn plain_marker(text: &str) -> Option<(u32, usize)> {
    let (open, inner) = match text.strip_prefix('(') {
        Some(rest) => (1, rest),
        None => (0, text),
    };
    let digits = inner.chars().take_while(char::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = &inner[digits..];
    let rest2 = if open == 1 {
        rest.strip_prefix(')')?
    } else {
        rest.strip_prefix('.').unwrap_or(rest)
    };
    // A number alone on its line (Word prints the footnote number above its text) has no
    // dot: `196.` alone ends a citation cut by a line break.
    if !(rest2.starts_with(' ') || rest.is_empty()) {
        return None;
    }
    let n = inner[..digits].parse().ok()?;
    Some((n, text.len() - rest2.trim_start().len()))
}

/// Remove the first `at` bytes of a fragment's text (a plain footnote number).
fn strip_leading(f: &mut Frag, at: usize) {
    f.text = f.text[at..].to_string();
    let mut left = at;
    while left > 0 {
        match f.pieces.first_mut() {
            Some(Piece::Text { text, .. }) => {
                if text.len() <= left {
                    left -= text.len();
                    f.pieces.remove(0);
                } else {
                    *text = text[left..].to_string();
                    left = 0;
                }
            }
            Some(Piece::Call(_)) => {
                f.pieces.remove(0);
            }
            None => break,
        }
    }
}
