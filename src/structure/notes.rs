//! Footnotes: each call paired with its body, each body with the places that call it.
//!
//! Most documents number their notes once through (1, 2, 3 ...), so a number names one body.
//! Some restart: Official Journal acts of some years on every page, a communication's annex
//! at 1. The document itself tells which, by a number that comes back with another body.
//! Where every page restarts, a call pairs with the body of its number on its own page;
//! where numbering restarts by part (notes gathered at the end of each), with the next body
//! of its number after it, else the last one before it.

use std::ops::Range;

use super::Structure;
use crate::model::{BlockKind, Document, Para};
use crate::output::{Footnote, FootnoteCall};

/// A footnote body block.
struct Body {
    block: usize,
    number: u32,
    page: Option<u32>,
}

/// How a document numbers its notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numbering {
    /// Each number has one body.
    Once,
    /// Numbering restarts on every page that has notes.
    PerPage,
    /// Numbering restarts, but not page by page (parts, annexes).
    Restarting,
}

impl Body {
    /// How the warnings name this body: by number, and by page where numbers restart.
    fn name(&self, numbering: Numbering) -> String {
        match (numbering, self.page) {
            (Numbering::Once, _) | (_, None) => format!("footnote {}", self.number),
            (_, Some(p)) => format!("footnote {} of page {p}", self.number),
        }
    }
}

/// Pair calls with bodies and build the footnotes of `doc` into `s`.
pub(super) fn build(doc: &Document, s: &mut Structure) {
    let bodies: Vec<Body> = doc
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(block, b)| match b.kind {
            BlockKind::Footnote { number } => Some(Body {
                block,
                number,
                page: b.page,
            }),
            _ => None,
        })
        .collect();
    let numbering = numbering(&bodies);
    let mut calls: Vec<Vec<FootnoteCall>> = (0..bodies.len()).map(|_| Vec::new()).collect();
    let mut orphans: Vec<(u32, Option<u32>)> = Vec::new();
    for (at, para) in doc.paras() {
        if matches!(doc.blocks[at.block].kind, BlockKind::Footnote { .. }) {
            continue;
        }
        for call in &para.calls {
            let page = para.page_at(call.at).or(doc.blocks[at.block].page);
            let Some(k) = pair(&bodies, numbering, at.block, page, call.number) else {
                if !orphans.contains(&(call.number, page)) {
                    orphans.push((call.number, page));
                }
                continue;
            };
            s.call_body.insert((at, call.at), bodies[k].block);
            let (range, bold) = call_phrase(para, call.at);
            let mut location = s.locate(doc, at, para, range.clone());
            if range.is_empty() {
                location.span = para.source_span(call.at..call.at).into();
            }
            calls[k].push(FootnoteCall {
                location,
                phrase: para.text[range].to_string(),
                bold,
            });
        }
    }
    for (body, calls) in bodies.iter().zip(calls) {
        // The source says where the call stood: in text it leaves out.
        let call_omitted = doc.declared.called_outside.contains(&body.block);
        if calls.is_empty() && !call_omitted {
            s.warnings
                .push(format!("{} is never called", body.name(numbering)));
        }
        // A footnote belongs to the section of the text that calls it.
        if let Some(first) = calls.first() {
            s.block_section[body.block] = s.block_section[first.location.block];
        }
        let para = &doc.blocks[body.block].para;
        s.footnotes.push(Footnote {
            number: body.number,
            text: para.text.clone(),
            block: body.block,
            page: body.page,
            span: para.span.clone().into(),
            calls,
            call_omitted,
        });
    }
    orphans.sort_unstable();
    for (n, page) in orphans {
        s.warnings.push(match (numbering, page) {
            (Numbering::PerPage, Some(p)) => {
                format!("footnote call {n} has no footnote body on page {p}")
            }
            _ => format!("footnote call {n} has no footnote body"),
        });
    }
    if numbering == Numbering::Once {
        s.footnotes.sort_by_key(|f| f.number);
    }
}

/// How `bodies` (in reading order) are numbered. Every page restarting means most pages with
/// notes open at 1, and at least two do: a continuous series opens at 1 only once, and a
/// series restarting by part opens at 1 on few of its pages.
fn numbering(bodies: &[Body]) -> Numbering {
    let mut numbers: Vec<u32> = bodies.iter().map(|b| b.number).collect();
    numbers.sort_unstable();
    if numbers.windows(2).all(|w| w[0] != w[1]) {
        return Numbering::Once;
    }
    // The first note number of each page that has notes.
    let mut firsts: Vec<(u32, u32)> = Vec::new();
    for b in bodies {
        let Some(page) = b.page else {
            return Numbering::Restarting;
        };
        if firsts.last().is_none_or(|&(p, _)| p != page) {
            firsts.push((page, b.number));
        }
    }
    let opening = firsts.iter().filter(|&&(_, n)| n == 1).count();
    if opening >= 2 && opening * 4 >= firsts.len() * 3 {
        Numbering::PerPage
    } else {
        Numbering::Restarting
    }
}

/// The body (index into `bodies`) that a call of `number` in block `block`, on `page`, points
/// to.
fn pair(
    bodies: &[Body],
    numbering: Numbering,
    block: usize,
    page: Option<u32>,
    number: u32,
) -> Option<usize> {
    let mut of_number = bodies
        .iter()
        .enumerate()
        .filter(|(_, b)| b.number == number);
    match numbering {
        Numbering::Once => of_number.next().map(|(k, _)| k),
        Numbering::PerPage => {
            let on_page: Vec<(usize, &Body)> = of_number.filter(|(_, b)| b.page == page).collect();
            on_page
                .iter()
                .find(|(_, b)| b.block > block)
                .or(on_page.first())
                .map(|&(k, _)| k)
        }
        Numbering::Restarting => {
            let all: Vec<(usize, &Body)> = of_number.collect();
            all.iter()
                .find(|(_, b)| b.block > block)
                .or(all.last())
                .map(|&(k, _)| k)
        }
    }
}

/// The phrase a footnote call at `at` follows: a bold span ending at the call (an instrument
/// name, typically), else the words before it back to the start of the clause, at most twelve.
fn call_phrase(p: &Para, at: usize) -> (Range<usize>, bool) {
    let text = &p.text;
    if let Some(b) = p.bold.iter().find(|b| {
        b.end <= at
            && at - b.end <= 2
            && text[b.end..at]
                .chars()
                .all(|c| c.is_whitespace() || ".,)’'\"".contains(c))
    }) {
        let r = trim_range(text, b.start..b.end);
        if r.len() <= 200 && !r.is_empty() {
            return (r, true);
        }
    }
    let before = &text[..at];
    let mut start = at;
    let mut words = 0;
    for (i, c) in before.char_indices().rev() {
        if ",;:()[]".contains(c) || (c == '.' && before[i + 1..].starts_with(' ')) {
            break;
        }
        if c.is_whitespace() && i + 1 < start {
            words += 1;
            if words >= 12 {
                break;
            }
        }
        start = i;
    }
    (trim_range(text, start..at), false)
}

fn trim_range(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    r.start + lead..r.start + lead + t.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bodies(spec: &[(u32, u32)]) -> Vec<Body> {
        spec.iter()
            .enumerate()
            .map(|(k, &(page, number))| Body {
                block: 10 * (k + 1),
                number,
                page: Some(page),
            })
            .collect()
    }

    #[test]
    fn the_document_tells_how_it_numbers() {
        assert_eq!(
            numbering(&bodies(&[(1, 1), (1, 2), (2, 3)])),
            Numbering::Once
        );
        // Every page with notes opens at 1.
        let per_page = bodies(&[(1, 1), (1, 2), (3, 1), (4, 1), (4, 2)]);
        assert_eq!(numbering(&per_page), Numbering::PerPage);
        // An annex restarting once.
        let annex = bodies(&[(1, 1), (2, 2), (3, 3), (4, 4), (9, 1)]);
        assert_eq!(numbering(&annex), Numbering::Restarting);
    }

    #[test]
    fn a_call_pairs_with_its_page_or_the_next_body_of_its_number() {
        let per_page = bodies(&[(1, 1), (1, 2), (3, 1), (4, 1), (4, 2)]);
        // Block 25 on page 3 calls note 1: page 3's body, not page 1's.
        assert_eq!(pair(&per_page, Numbering::PerPage, 25, Some(3), 1), Some(2));
        assert_eq!(pair(&per_page, Numbering::PerPage, 35, Some(4), 2), Some(4));
        // No body 2 on page 3: no pairing across pages.
        assert_eq!(pair(&per_page, Numbering::PerPage, 25, Some(3), 2), None);

        let annex = bodies(&[(1, 1), (2, 2), (3, 3), (4, 4), (9, 1)]);
        assert_eq!(pair(&annex, Numbering::Restarting, 5, Some(1), 1), Some(0));
        assert_eq!(pair(&annex, Numbering::Restarting, 45, Some(9), 1), Some(4));
        // After every body of its number: the last one before it.
        assert_eq!(pair(&annex, Numbering::Restarting, 60, Some(9), 1), Some(4));
    }
}
