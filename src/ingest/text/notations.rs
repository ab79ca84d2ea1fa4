//! Footnotes in the notations of copied and converted texts, found on the blocks once they
//! are read: bodies written `(1) text` at the end of a EUR-Lex copy, `^1 text` or `(^1) text`
//! by converters, `5 text` right after the paragraph that calls them; calls written as a number
//! set apart by spaces (` 1 .`), `(1)` after a word, `^1`, `(^1)`, or digits glued to a word or a
//! year (`Law5`, `since 19904`, `2022,7`).
//!
//! None of these says by itself that it is a footnote: `(1)` also numbers recitals and points,
//! ` 1 ` is a number, `5 Commission ...` may open a list. So bodies are taken as runs numbered
//! in sequence, and a run counts only when the text before it calls most of its numbers, in
//! order, in one notation. A call is split off only when its body exists.

use std::ops::Range;

use crate::model::{Block, BlockKind, FootnoteCall, Para};

/// How a body's number is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// `(1) text`, or `(1)` on a line of its own before the text.
    Paren,
    /// `^1 text`, `(^1) text`, `(^1 ) text`.
    Caret,
    /// `1 text`.
    Bare,
    /// A list item `1. text`: a converter that took a page's notes for an ordered list.
    Listed,
}

/// How a call is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Call {
    /// ` 1 ` set apart by spaces.
    Spaced,
    /// ` (1)` after a word.
    Paren,
    /// `^1`, `(^1)`, `(^1 )`.
    Caret,
    /// Digits glued to a word, punctuation or a year.
    Glued,
}

/// A body candidate: the block (and, for a number on a line of its own, the block of text
/// after it), its number and how much of its text the marker takes.
#[derive(Debug, Clone)]
struct Entry {
    block: usize,
    text_block: usize,
    number: u32,
    marker: Marker,
    strip: usize,
}

/// A call candidate in the text: where (block, cell paragraph) and which bytes to lift.
#[derive(Debug, Clone)]
struct CallAt {
    slot: usize,
    /// The block the slot belongs to.
    block: usize,
    range: Range<usize>,
    number: u32,
    kind: Call,
    /// For a glued call: the word before is an ordinary word or a year, not a name with a
    /// number (`EC3`, `FP7`).
    plain_word: bool,
}

/// Find the footnotes written in these notations and turn them into footnote bodies and calls.
/// Numbers that already have a body (from `<sup>`, `[^N]:` or the page-foot reader) are left
/// alone. Returns a warning when bodies were taken whose calls were not all found.
/// `converted` says the text is a converter's Markdown, whose ordered lists may be notes; in
/// plain text a list numbered `1.` is a list (an article's numbered paragraphs).
pub(crate) fn pair(blocks: &mut Vec<Block>, converted: bool) -> Option<String> {
    split_run_on_bodies(blocks);
    let warning = pair_runs(blocks, converted);
    renumbered_note_lists(blocks);
    call_orphans(blocks);
    warning
}

/// A converter that takes a page's notes for an ordered list may head it `Footnotes` and number
/// it afresh from 1 (Markdown's own list numbering): notes 18 to 21 as `1.` to `4.`. Such a list
/// is read as the notes that the numbering lacks at that place, when the list fills the gap
/// between the note bodies before and after it exactly (or, with none after, carries on the
/// numbering); the heading, the converter's own, goes.
fn renumbered_note_lists(blocks: &mut Vec<Block>) {
    let note_number = |b: &Block| match b.kind {
        BlockKind::Footnote { number } => Some(number),
        _ => None,
    };
    let mut i = 0;
    while i < blocks.len() {
        let heading = matches!(blocks[i].kind, BlockKind::Heading { number: None, .. })
            && is_notes_title(&blocks[i].para.text);
        if !heading {
            i += 1;
            continue;
        }
        // The items `1.`, `2.`, ... right under the heading.
        let items = blocks[i + 1..]
            .iter()
            .enumerate()
            .take_while(|(k, b)| {
                matches!(&b.kind, BlockKind::ListItem { marker, .. }
                    if *marker == format!("{}.", k + 1))
            })
            .count();
        let before = blocks[..i].iter().rev().find_map(note_number).unwrap_or(0);
        let after = blocks[i + 1 + items..].iter().find_map(note_number);
        let fits = after.map_or(before > 0, |a| a == before + items as u32 + 1);
        if items == 0 || !fits {
            i += 1;
            continue;
        }
        for k in 0..items {
            let b = &mut blocks[i + 1 + k];
            b.kind = BlockKind::Footnote {
                number: before + 1 + k as u32,
            };
        }
        blocks.remove(i);
        i += items;
    }
}

/// A heading a converter gives the notes it gathers: `Footnotes`, `Notes`, `Endnotes`.
fn is_notes_title(t: &str) -> bool {
    matches!(
        t.trim().trim_end_matches(':').to_lowercase().as_str(),
        "footnotes" | "notes" | "endnotes"
    )
}

/// Converters may run a page's note bodies together on one line: `(^1) COM(2018) 10 final.
/// (^2) OJ L 1, 4.1.2019, p. 1.`, or `<sup>1</sup> ... <sup>2</sup> ...`. A body is cut at every
/// marker of the next numbers in turn set apart by a space (a call inside a note's text is
/// glued to its word), so that each note stands alone.
fn split_run_on_bodies(blocks: &mut Vec<Block>) {
    let mut i = 0;
    while i < blocks.len() {
        let (first, cuts) = match blocks[i].kind {
            BlockKind::Paragraph => run_on_caret_markers(&blocks[i].para.text),
            BlockKind::Footnote { number } => (number, run_on_note_calls(&blocks[i].para, number)),
            _ => (0, Vec::new()),
        };
        if cuts.is_empty() {
            i += 1;
            continue;
        }
        let block = blocks.remove(i);
        let text = &block.para.text;
        let mut bounds = vec![0];
        bounds.extend(&cuts);
        bounds.push(text.len());
        for (k, w) in bounds.windows(2).enumerate() {
            let piece = &text[w[0]..w[1]];
            let start = w[0] + (piece.len() - piece.trim_start().len());
            let end = w[0] + piece.trim_end().len();
            let kind = match block.kind {
                // The call that marked a note's start is its number, not a call.
                BlockKind::Footnote { .. } => BlockKind::Footnote {
                    number: first + k as u32,
                },
                _ => BlockKind::Paragraph,
            };
            let cut_at = w[0];
            let para = slice(&block.para, start..end, |c| {
                k == 0 || c.at != cut_at || c.number != first + k as u32
            });
            blocks.insert(
                i + k,
                Block {
                    kind,
                    para,
                    page: block.page,
                },
            );
        }
        i += bounds.len() - 1;
    }
}

/// Where a paragraph that opens with a caret marker (`(^1)`, `(^1 )`, `^1`) holds the markers
/// of the next notes: the first number and the offsets of the others.
fn run_on_caret_markers(text: &str) -> (u32, Vec<usize>) {
    let Some((first, Marker::Caret, _)) = leading_marker(text) else {
        return (0, Vec::new());
    };
    let mut cuts = Vec::new();
    for (pos, _) in text.match_indices('^').skip(1) {
        let start = if text[..pos].ends_with('(') {
            pos - 1
        } else {
            pos
        };
        if !text[..start].ends_with(char::is_whitespace) {
            continue;
        }
        let want = first + cuts.len() as u32 + 1;
        if let Some((n, Marker::Caret, strip)) = leading_marker(&text[start..]) {
            if n == want && start + strip < text.len() {
                cuts.push(start);
            }
        }
    }
    (first, cuts)
}

/// Where a footnote body holds the calls of the next notes in turn, each after the end of a
/// note (a full stop, a bracket, a space): the offsets where those notes start.
fn run_on_note_calls(para: &Para, number: u32) -> Vec<usize> {
    let mut cuts = Vec::new();
    for c in &para.calls {
        let ends_note = para.text[..c.at].trim_end().ends_with(['.', ';', ')'])
            || para.text[..c.at].ends_with(char::is_whitespace);
        if c.at > 0 && ends_note && c.number == number + cuts.len() as u32 + 1 {
            cuts.push(c.at);
        }
    }
    cuts
}

/// `range` of `para` as a paragraph of its own, with the calls `keep` keeps.
fn slice(para: &Para, range: Range<usize>, keep: impl Fn(&FootnoteCall) -> bool) -> Para {
    let calls: Vec<FootnoteCall> = para
        .calls
        .iter()
        .filter(|c| range.contains(&c.at) || (c.at == range.end && range.end == para.text.len()))
        .filter(|c| keep(c))
        .map(|c| FootnoteCall {
            number: c.number,
            at: c.at - range.start,
        })
        .collect();
    let mut p = para.clone();
    p.span = para.source_span(range.clone());
    p.remove(range.end..para.text.len());
    p.remove(0..range.start);
    p.calls = calls;
    p
}

/// Calls for bodies that have none: a body the page-foot reader found on the page after its
/// call (the paragraph ran on), whose call is glued to a year (`adopted in 20118.`), or set
/// apart by spaces as `pdftotext` writes a superscript after a comma (`NextGenerationEU, 2 the`).
/// The call is the last candidate before the body and after the call before.
fn call_orphans(blocks: &mut [Block]) {
    let mut called: std::collections::HashSet<u32> = std::collections::HashSet::new();
    let mut bodies: Vec<(u32, usize)> = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        match b.kind {
            BlockKind::Footnote { number } => bodies.push((number, i)),
            _ => called.extend(b.para.calls.iter().map(|c| c.number)),
        }
        if let BlockKind::Table(t) = &b.kind {
            for cell in t.rows.iter().flatten() {
                for p in &cell.paras {
                    called.extend(p.calls.iter().map(|c| c.number));
                }
            }
        }
    }
    let orphans: Vec<(u32, usize)> = bodies
        .iter()
        .copied()
        .filter(|(n, _)| !called.contains(n))
        .collect();
    if orphans.is_empty() {
        return;
    }
    let slots = slots(blocks);
    let calls: Vec<CallAt> = slots
        .iter()
        .enumerate()
        .flat_map(|(s, &(b, _))| call_candidates(slot_para(blocks, slots[s]), s, b))
        .filter(|c| (c.kind == Call::Glued && c.plain_word) || c.kind == Call::Spaced)
        .collect();
    let mut lifted: Vec<CallAt> = Vec::new();
    for (n, body) in orphans {
        // After the call of the note before, wherever it stands.
        let floor = blocks
            .iter()
            .enumerate()
            .take(body)
            .filter(|(_, b)| b.para.calls.iter().any(|c| c.number + 1 == n))
            .map(|(i, _)| i)
            .next_back()
            .unwrap_or(0);
        if let Some(c) = calls
            .iter()
            .rfind(|c| c.number == n && c.block >= floor && c.block < body)
        {
            lifted.push(c.clone());
        }
    }
    lifted.sort_by_key(|c| (c.slot, c.range.start));
    lifted.dedup_by_key(|c| (c.slot, c.range.start));
    for c in lifted.iter().rev() {
        slot_para_mut(blocks, slots[c.slot]).lift_call(c.range.clone(), c.number);
    }
}

fn pair_runs(blocks: &mut Vec<Block>, converted: bool) -> Option<String> {
    let have: std::collections::HashSet<u32> = blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Footnote { number } => Some(number),
            _ => None,
        })
        .collect();
    let entries: Vec<Entry> = (0..blocks.len())
        .filter_map(|i| entry(blocks, i))
        .filter(|e| !have.contains(&e.number) && (converted || e.marker != Marker::Listed))
        .collect();
    if entries.is_empty() {
        return None;
    }
    let slots = slots(blocks);
    let calls: Vec<CallAt> = slots
        .iter()
        .enumerate()
        .flat_map(|(s, &(b, _))| call_candidates(slot_para(blocks, slots[s]), s, b))
        .collect();
    let entries = at_page_feet(blocks, entries, &calls);
    if entries.is_empty() {
        return None;
    }
    let runs = runs(&entries);
    // How many of its numbers each run finds called anywhere before it: a short run that
    // a later, better-called run also numbers is not taken first (`(5)` of an article's
    // points before the act's notes (1) to (14)).
    let reach: Vec<usize> = runs
        .iter()
        .map(|run| {
            let usable: Vec<&CallAt> = calls.iter().filter(|c| c.block < run_end(run)).collect();
            [Call::Paren, Call::Caret, Call::Spaced, Call::Glued]
                .into_iter()
                .filter(|k| fits(run[0].marker, *k))
                .map(|k| align(run, &usable, k).len())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut accepted: Vec<(Vec<Entry>, Vec<CallAt>)> = Vec::new();
    let mut from_block = 0;
    let mut last_number = 0u32;
    for (r, run) in runs.iter().enumerate() {
        let run = run.clone();
        if run.len() < 3 {
            let numbers = run[0].number..=run[run.len() - 1].number;
            let outdone = runs[r + 1..]
                .iter()
                .zip(&reach[r + 1..])
                .any(|(later, &n)| {
                    n > reach[r] && later.iter().any(|e| numbers.contains(&e.number))
                });
            if outdone {
                continue;
            }
        }
        let first = run[0].number;
        // A run continues the footnotes' sequence or starts a new one (an annex); the first
        // run may start late when a converter turned the first bodies into a list.
        let in_sequence = first > last_number && first <= last_number + 5;
        if !(first == 1 || last_number == 0 || in_sequence) {
            continue;
        }
        let before = run[0].block;
        // Calls stand before their bodies: before the run, or, where each body follows the
        // paragraph that calls it, between the run's bodies.
        let usable: Vec<&CallAt> = calls
            .iter()
            .filter(|c| c.block >= from_block && c.block < run_end(&run))
            .collect();
        // The notation that calls most of the run; on a tie the one listed first.
        let mut best: Vec<CallAt> = Vec::new();
        for kind in [Call::Paren, Call::Caret, Call::Spaced, Call::Glued] {
            if fits(run[0].marker, kind) {
                let got = align(&run, &usable, kind);
                if got.len() > best.len() {
                    best = got;
                }
            }
        }
        // Most numbers of a long run must be called; a single body needs its call.
        // A run that carries on the numbering of the notes already taken is notes even where
        // the converter lost the calls. An ordered list is notes only with all its calls.
        let listed = run[0].marker == Marker::Listed;
        let continues = !listed
            && last_number > 0
            && first > last_number
            && ((first == last_number + 1 && run.len() >= 2)
                || (first <= last_number + 3 && run.len() >= 3));
        // An ordered list's calls stand in the text it ends, with no heading between.
        let section_start = blocks[..before]
            .iter()
            .rposition(|b| matches!(b.kind, BlockKind::Heading { .. }))
            .map_or(0, |k| k + 1);
        let enough = continues
            || if run.len() >= 3 && !listed {
                best.len() * 2 >= run.len()
            } else {
                best.len() == run.len()
                    && (!listed || best.iter().all(|c| c.block >= section_start))
            };
        if !enough {
            continue;
        }
        from_block = run.last().map_or(before, |e| e.text_block + 1);
        last_number = run.last().map_or(first, |e| e.number);
        accepted.push((run, best));
    }
    if accepted.is_empty() {
        return None;
    }
    let (mut bodies, mut called) = (0, 0);
    // Lift calls last to first within each paragraph, so earlier ranges stay valid.
    let mut all_calls: Vec<CallAt> = accepted.iter().flat_map(|(_, c)| c.clone()).collect();
    all_calls.sort_by_key(|c| (c.slot, c.range.start));
    for c in all_calls.iter().rev() {
        slot_para_mut(blocks, slots[c.slot]).lift_call(c.range.clone(), c.number);
        called += 1;
    }
    // Bodies: strip the marker, fold a lone `(1)` into the text after it.
    let mut remove: Vec<usize> = Vec::new();
    for (run, _) in &accepted {
        for e in run {
            bodies += 1;
            let mut para = std::mem::take(&mut blocks[e.text_block].para);
            para.remove(0..e.strip);
            let page = blocks[e.block].page.or(blocks[e.text_block].page);
            blocks[e.block] = Block {
                kind: BlockKind::Footnote { number: e.number },
                para,
                page,
            };
            if e.text_block != e.block {
                remove.push(e.text_block);
            }
        }
    }
    remove.sort_unstable();
    for i in remove.into_iter().rev() {
        blocks.remove(i);
    }
    (called < bodies).then(|| {
        format!(
            "{bodies} footnote bodies were found in the text's notation but only {called} of their calls"
        )
    })
}

/// On pages (form feeds, or pages found from footers), `(N)` bodies stand at the page's foot:
/// the `(N)` entries kept are, per page, the longest run numbered in sequence that ends the
/// page and whose first number is called on the page before it. An Official Journal act read
/// by `pdftotext` numbers its recitals `(11)`, `(12)` right above its notes `(13)`, `(14)`:
/// only the notes end the page, and recital (11) is not called. Text without pages and the
/// other notations are left as they are.
fn at_page_feet(blocks: &[Block], entries: Vec<Entry>, calls: &[CallAt]) -> Vec<Entry> {
    let pages: std::collections::BTreeSet<u32> = blocks.iter().filter_map(|b| b.page).collect();
    if pages.len() < 2 {
        return entries;
    }
    let by_block: std::collections::HashMap<usize, &Entry> = entries
        .iter()
        .filter(|e| e.marker == Marker::Paren)
        .map(|e| (e.block, e))
        .collect();
    let mut keep: std::collections::HashSet<usize> = std::collections::HashSet::new();
    let mut i = blocks.len();
    while i > 0 {
        let page = blocks[i - 1].page;
        let start = blocks[..i]
            .iter()
            .rposition(|b| b.page != page)
            .map_or(0, |k| k + 1);
        // The trailing run of entries, last to first, numbered in sequence.
        let mut run: Vec<&Entry> = Vec::new();
        let mut k = i;
        while k > start {
            let b = k - 1;
            match by_block.get(&b) {
                Some(e) if run.last().is_none_or(|l| l.number == e.number + 1) => {
                    run.push(e);
                    k = b;
                }
                // The text of a `(1)` standing alone on its line.
                None if run
                    .last()
                    .is_some_and(|l| l.text_block == b && l.block + 1 == b) =>
                {
                    k = b
                }
                _ => break,
            }
        }
        // The longest tail of the run whose first number is called before it on the page.
        run.reverse();
        if let Some(first) = (0..run.len()).find(|&r| {
            let e = run[r];
            calls.iter().any(|c| {
                c.kind == Call::Paren
                    && c.number == e.number
                    && c.block >= start
                    && c.block < e.block
            })
        }) {
            keep.extend(run[first..].iter().map(|e| e.block));
        }
        i = start;
    }
    entries
        .into_iter()
        .filter(|e| e.marker != Marker::Paren || keep.contains(&e.block))
        .collect()
}

/// The block after a run's last entry.
fn run_end(run: &[Entry]) -> usize {
    run.last().map_or(0, |e| e.text_block + 1)
}

/// Which call notations go with a body notation.
fn fits(marker: Marker, call: Call) -> bool {
    match marker {
        Marker::Paren => matches!(call, Call::Spaced | Call::Paren | Call::Glued),
        Marker::Caret => matches!(call, Call::Caret),
        Marker::Bare | Marker::Listed => matches!(call, Call::Glued | Call::Caret | Call::Spaced),
    }
}

/// The calls of `kind` that number the run's entries in order: the longest chain of
/// candidates whose numbers rise as the text goes on (one number, one call), so a stray
/// number that looks like a call cannot push the later calls out.
fn align(run: &[Entry], calls: &[&CallAt], kind: Call) -> Vec<CallAt> {
    // Each number's call must come before its body, and outside the run's own entries.
    let body_at: std::collections::HashMap<u32, usize> =
        run.iter().map(|e| (e.number, e.block)).collect();
    let own: std::collections::HashSet<usize> =
        run.iter().flat_map(|e| [e.block, e.text_block]).collect();
    let cands: Vec<&CallAt> = calls
        .iter()
        .copied()
        .filter(|c| {
            c.kind == kind
                && !own.contains(&c.block)
                && body_at.get(&c.number).is_some_and(|&b| c.block < b)
        })
        .collect();
    // Longest strictly increasing subsequence by number, in text order (patience sorting).
    let mut tails: Vec<usize> = Vec::new(); // index into cands of the chain's last element
    let mut prev: Vec<Option<usize>> = vec![None; cands.len()];
    for (i, c) in cands.iter().enumerate() {
        let k = tails.partition_point(|&t| cands[t].number < c.number);
        prev[i] = k.checked_sub(1).map(|k| tails[k]);
        if k == tails.len() {
            tails.push(i);
        } else if cands[tails[k]].number != c.number || k == 0 {
            // Keep the earliest call for a number unless a later one extends further.
            if cands[tails[k]].number > c.number {
                tails[k] = i;
            }
        }
    }
    let mut out = Vec::new();
    let mut at = tails.last().copied();
    while let Some(i) = at {
        out.push(cands[i].clone());
        at = prev[i];
    }
    out.reverse();
    out
}

/// Entries in runs: consecutive candidates numbered in sequence.
fn runs(entries: &[Entry]) -> Vec<Vec<Entry>> {
    let mut out: Vec<Vec<Entry>> = Vec::new();
    for e in entries {
        match out.last_mut() {
            Some(run)
                if run.last().is_some_and(|l| {
                    e.number == l.number + 1 && e.block <= l.text_block + 2 && e.marker == l.marker
                }) =>
            {
                run.push(e.clone())
            }
            _ => out.push(vec![e.clone()]),
        }
    }
    out
}

/// The body candidate block `i` opens, if any. A note's text opens with a capital, a number,
/// a quote or an address (`OJ C ...`, `See ...`, `https://...`); the points of an amending
/// act, numbered the same way, open in lower case (`(1) in Article 2, ...`).
fn entry(blocks: &[Block], i: usize) -> Option<Entry> {
    let e = entry_at(blocks, i)?;
    let text = &blocks[e.text_block].para.text[e.strip..];
    let opens = text.trim_start();
    let note_like = opens
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "‘“\"'([".contains(c))
        || opens.starts_with("http")
        || opens.starts_with("www.");
    note_like.then_some(e)
}

fn entry_at(blocks: &[Block], i: usize) -> Option<Entry> {
    let b = &blocks[i];
    let text = b.para.text.as_str();
    match &b.kind {
        BlockKind::ListItem { marker, .. } => {
            let (n, marker) = match marker.strip_prefix('(') {
                Some(rest) => (rest.strip_suffix(')')?, Marker::Paren),
                None => (marker.strip_suffix('.')?, Marker::Listed),
            };
            let number = small_number(n)?;
            Some(Entry {
                block: i,
                text_block: i,
                number,
                marker,
                strip: 0,
            })
        }
        BlockKind::Paragraph => {
            let (number, marker, strip) = leading_marker(text)?;
            if strip == text.len() {
                // A number alone: the text follows in the next block.
                let next = blocks.get(i + 1)?;
                let own_text = matches!(next.kind, BlockKind::Paragraph)
                    && leading_marker(&next.para.text).is_none();
                let lone = matches!(marker, Marker::Paren | Marker::Caret);
                return (lone && own_text).then_some(Entry {
                    block: i,
                    text_block: i + 1,
                    number,
                    marker,
                    strip: 0,
                });
            }
            Some(Entry {
                block: i,
                text_block: i,
                number,
                marker,
                strip,
            })
        }
        _ => None,
    }
}

fn small_number(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 3 && s.bytes().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// The footnote marker a paragraph opens with: its number, notation and length (with the
/// spaces after it).
fn leading_marker(text: &str) -> Option<(u32, Marker, usize)> {
    let skip_spaces = |from: usize| from + text[from..].len() - text[from..].trim_start().len();
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    if let Some(rest) = text.strip_prefix("(^").or_else(|| text.strip_prefix('^')) {
        let d = digits(rest);
        let n = small_number(&rest[..d])?;
        let mut end = text.len() - rest.len() + d;
        if text.starts_with('(') {
            end = skip_spaces(end);
            end += usize::from(text[end..].starts_with(')'));
        }
        return Some((n, Marker::Caret, skip_spaces(end)));
    }
    if let Some(rest) = text.strip_prefix('(') {
        let d = digits(rest);
        let n = small_number(&rest[..d])?;
        let end = 1 + d;
        if !text[end..].starts_with(')') {
            return None;
        }
        let end = skip_spaces(end + 1);
        return Some((n, Marker::Paren, end));
    }
    let d = digits(text);
    let n = small_number(&text[..d])?;
    // `5 Commission proposal ...`: a space, then text that is not a unit or a number.
    let rest = &text[d..];
    if !rest.starts_with(' ') {
        return None;
    }
    let word = rest.split_whitespace().next().unwrap_or("");
    // A number may open a note when it is an identifier (`12 2010/0246 (COD).`).
    let identifier = word.contains('/') && word.starts_with(|c: char| c.is_ascii_digit());
    let quantity = word.starts_with(|c: char| c.is_ascii_digit()) && !identifier;
    if word.is_empty() || quantity || opens_no_note(word) {
        return None;
    }
    Some((n, Marker::Bare, skip_spaces(d)))
}

/// Words after which a number is a quantity, not a footnote call or marker.
fn is_unit_word(w: &str) -> bool {
    let w = w
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    matches!(
        w.as_str(),
        "million"
            | "billion"
            | "trillion"
            | "thousand"
            | "hundred"
            | "per"
            | "percent"
            | "years"
            | "year"
            | "months"
            | "month"
            | "days"
            | "day"
            | "hours"
            | "weeks"
            | "tonnes"
            | "km"
            | "kg"
            | "times"
            | "mt"
            | "gw"
            | "mw"
            | "twh"
            | "gwh"
            | "member"
            | "countries"
            | "eur"
            | "euro"
            | "euros"
            | "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "%"
            | "pp"
            | "p"
    )
}

/// Words after which a number opening a line is a quantity or a list, not a footnote.
fn opens_no_note(w: &str) -> bool {
    let l = w
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    // `5 of the 27`, `3 to 5`: a function word in lower case goes on a quantity.
    is_unit_word(w)
        || (w.starts_with(char::is_lowercase)
            && matches!(l.as_str(), "of" | "to" | "and" | "or" | "out" | "in"))
}

/// Words after which a number in parentheses is a point or a paragraph, not a call.
fn points_word(w: &str) -> bool {
    let w = w
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    matches!(
        w.as_str(),
        "point"
            | "points"
            | "paragraph"
            | "paragraphs"
            | "subparagraph"
            | "recital"
            | "recitals"
            | "indent"
            | "article"
            | "articles"
            | "annex"
            | "and"
            | "or"
            | "to"
            | "in"
            | "of"
            | "under"
            | "see"
            | "with"
            | "from"
            | "by"
            | "at"
            | "letter"
            | "items"
            | "item"
            | "step"
            | "steps"
    ) || crate::lang::is_part_word(&w)
}

/// Whether the text reads as if it had notes: calls 1 and then 2 written as note calls (glued
/// to a plain word, after a caret, in brackets after a word). Lets the reader warn about
/// bodies it did not find without warning on every text that has no notes.
pub(crate) fn has_note_calls(blocks: &[Block]) -> bool {
    let mut seen_one = false;
    for (k, &slot) in slots(blocks).iter().enumerate() {
        for c in call_candidates(slot_para(blocks, slot), k, slot.0) {
            let call_like = match c.kind {
                Call::Glued => c.plain_word,
                Call::Caret | Call::Paren => true,
                Call::Spaced => false,
            };
            if call_like && c.number == 1 {
                seen_one = true;
            } else if call_like && c.number == 2 && seen_one {
                return true;
            }
        }
    }
    false
}

/// Every call-like number in a paragraph, in every notation.
fn call_candidates(para: &Para, slot: usize, block: usize) -> Vec<CallAt> {
    let t = para.text.as_str();
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && b[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        let prev = t[..i].chars().next_back();
        let next = t[j..].chars().next();
        let word_before = t[..i].trim_end().rsplit(' ').next().unwrap_or("");
        let word_after = t[j..].trim_start().split(' ').next().unwrap_or("");
        let ends_clause = |c: Option<char>| c.is_none_or(|c| " .,;:)’”\"'".contains(c));
        // `^1`, `(^1)`, `(^1 )`.
        if prev == Some('^') && j - i <= 3 {
            let mut start = i - 1;
            let mut end = j;
            if t[..start].ends_with('(') {
                start -= 1;
                // `(^1 )`, the space often a no-break one.
                let after = t[end..].trim_start();
                if after.starts_with(')') {
                    end = t.len() - after.len() + 1;
                }
                // `Committee (^1 ),`: a call set apart goes with the space before it.
                let before = t[..start].trim_end();
                if !before.is_empty() {
                    start = before.len();
                }
            }
            if let Some(n) = small_number(&t[i..j]) {
                out.push(CallAt {
                    slot,
                    block,
                    range: start..end,
                    number: n,
                    kind: Call::Caret,
                    plain_word: false,
                });
            }
        } else if prev == Some('(') && next == Some(')') && j - i <= 3 {
            // ` (1)` after a word, not `Article 2(1)`, `point (11)`, `(a)(1)`.
            let open = i - 1;
            let spaced = t[..open].ends_with(' ');
            let after_ok = ends_clause(t[j + 1..].chars().next());
            let word_before = t[..open].trim_end().rsplit(' ').next().unwrap_or("");
            // After a word, or after an act's number (`(EU) 2018/2001 (9)`).
            let before_ok = t[..open]
                .trim_end()
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphabetic() || ".,;:’”\"')".contains(c))
                || (word_before.contains('/')
                    && word_before.ends_with(|c: char| c.is_ascii_digit()));
            if spaced && after_ok && before_ok && !points_word(word_before) {
                if let Some(n) = small_number(&t[i..j]) {
                    out.push(CallAt {
                        slot,
                        block,
                        range: open - 1..j + 1,
                        number: n,
                        kind: Call::Paren,
                        plain_word: false,
                    });
                }
            }
        } else if prev == Some(' ') && j - i <= 3 {
            // ` 1 .` set apart by spaces: after a word, before punctuation, a lower-case word
            // that is no unit, or the end.
            let before = t[..i - 1].chars().next_back();
            let punct_after = after_punct(&t[j..]);
            let before_word = before.is_some_and(|c| {
                c.is_alphabetic() || ".,;:)’”\"'".contains(c) || (c.is_ascii_digit() && punct_after)
            });
            let after = &t[j..];
            // A converter may keep the space before a superscript and drop the one after:
            // `a sustainable path 1. Ensuring`, `in terms of income 2, is`; after a word in
            // lower case only, where a number ending a clause is no quantity.
            let punct_glued = after.starts_with(['.', ',', ';', ':'])
                && after[1..].chars().next().is_none_or(char::is_whitespace)
                && word_before.chars().count() >= 3
                && word_before.chars().all(char::is_lowercase);
            let after_ok = after.is_empty()
                || punct_glued
                || (after.starts_with(' ')
                    && after[1..].chars().next().is_some_and(|c| {
                        ".,;:)".contains(c) || (c.is_lowercase() && !is_unit_word(word_after))
                    }));
            // After a quantity word or an identifier's name the number is its own.
            let quantity = points_word(word_before)
                || matches!(
                    word_before
                        .trim_matches(|c: char| !c.is_alphanumeric())
                        .to_lowercase()
                        .as_str(),
                    "part"
                        | "chapter"
                        | "section"
                        | "title"
                        | "no"
                        | "page"
                        | "p"
                        | "pp"
                        | "level"
                        | "phase"
                        | "tier"
                        | "objective"
                        | "priority"
                        | "pillar"
                        | "goal"
                        | "sdg"
                        | "figure"
                        | "table"
                        | "box"
                        | "option"
                        | "scenario"
                        | "category"
                )
                || matches!(
                    word_before.to_lowercase().as_str(),
                    "about"
                        | "around"
                        | "over"
                        | "some"
                        | "nearly"
                        | "than"
                        | "to"
                        | "by"
                        | "of"
                        | "from"
                        | "and"
                        | "or"
                        | "eur"
                        | "usd"
                        | "€"
                        | "almost"
                        | "only"
                        | "least"
                        | "most"
                        | "under"
                        | "with"
                        | "the"
                        | "top"
                        | "these"
                        | "those"
                        | "all"
                );
            if before_word && after_ok && !quantity {
                if let Some(n) = small_number(&t[i..j]) {
                    // Take the space before; and the one after when punctuation follows.
                    let end = if after.len() > 1
                        && after.starts_with(' ')
                        && ".,;:)".contains(after[1..].chars().next().unwrap_or('x'))
                    {
                        j + 1
                    } else {
                        j
                    };
                    out.push(CallAt {
                        slot,
                        block,
                        range: i - 1..end,
                        number: n,
                        kind: Call::Spaced,
                        plain_word: false,
                    });
                }
            }
        } else if let Some(p) = prev {
            // Glued to a word (`Law5`, `Market.1`, `2022,7`) or to a year (`19904`).
            if ends_clause(next) {
                let letters = word_before_glued(&t[..i]);
                // A bracket closed before the stop ends a clause whatever it held (`(Council
                // document 5869/1/24 REV 1).2`).
                let after_bracket = t[..i].ends_with(").") || t[..i].ends_with("),");
                if (p.is_alphabetic() || ".,;:)’”".contains(p)) && (letters >= 2 || after_bracket)
                {
                    if let Some(n) = small_number(&t[i..j]) {
                        let word = t[..i].rsplit(char::is_whitespace).next().unwrap_or("");
                        let upper = word.chars().filter(|c| c.is_uppercase()).count();
                        out.push(CallAt {
                            slot,
                            block,
                            range: i..j,
                            number: n,
                            kind: Call::Glued,
                            plain_word: after_bracket
                                || (letters >= 3 && (upper * 2 <= letters || letters >= 5)),
                        });
                    }
                }
            }
        }
        if prev.is_none_or(|c| c == ' ' || c == '(') && ends_clause(next) && j - i >= 5 {
            // A year with a call glued on (`since 19904`, `in 20191,`).
            let year = &t[i..i + 4];
            if year.starts_with("19") || year.starts_with("20") {
                if let Some(n) = small_number(&t[i + 4..j]) {
                    out.push(CallAt {
                        slot,
                        block,
                        range: i + 4..j,
                        number: n,
                        kind: Call::Glued,
                        plain_word: true,
                    });
                }
            }
        }
        i = j;
    }
    out
}

/// Whether `after` (the text after a number) is a space and punctuation: ` .`, ` ,`.
fn after_punct(after: &str) -> bool {
    after.starts_with(' ') && after[1..].starts_with(['.', ',', ';', ':', ')'])
}

/// The number of letters in the word that ends right before a glued number (punctuation
/// between them allowed: `Market.1`).
fn word_before_glued(before: &str) -> usize {
    let word: &str = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let word = word.trim_end_matches(|c: char| ".,;:)’”".contains(c));
    // `p.4` or `14.7` are no words.
    word.chars().filter(|c| c.is_alphabetic()).count()
        * usize::from(word.chars().next_back().is_some_and(char::is_alphabetic))
}

/// The paragraphs calls may stand in: running text, headings, list items and table cells
/// (block, cell paragraph as (row, col, para)).
type Slot = (usize, Option<(usize, usize, usize)>);

fn slots(blocks: &[Block]) -> Vec<Slot> {
    let mut out = Vec::new();
    for (i, b) in blocks.iter().enumerate() {
        match &b.kind {
            BlockKind::Paragraph | BlockKind::ListItem { .. } | BlockKind::Heading { .. } => {
                out.push((i, None))
            }
            BlockKind::Table(t) => {
                for (r, row) in t.rows.iter().enumerate() {
                    for (c, cell) in row.iter().enumerate() {
                        for p in 0..cell.paras.len() {
                            out.push((i, Some((r, c, p))));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn slot_para(blocks: &[Block], slot: Slot) -> &Para {
    match (slot.1, &blocks[slot.0].kind) {
        (Some((r, c, p)), BlockKind::Table(t)) => &t.rows[r][c].paras[p],
        _ => &blocks[slot.0].para,
    }
}

fn slot_para_mut(blocks: &mut [Block], slot: Slot) -> &mut Para {
    match (slot.1, &mut blocks[slot.0].kind) {
        (Some((r, c, p)), BlockKind::Table(t)) => &mut t.rows[r][c].paras[p],
        _ => &mut blocks[slot.0].para,
    }
}
