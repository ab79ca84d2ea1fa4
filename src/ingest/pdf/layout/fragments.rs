//! Glyphs into line fragments: the glyphs on one baseline without a wide gap, spaces
//! inserted from gaps, and superscript numbers lifted out as footnote calls (or, at a line's
//! start, as a footnote body's marker).

use std::collections::HashMap;

use rayon::prelude::*;

use super::artifacts::Artifacts;
use crate::ingest::headings::list_marker;
use crate::ingest::pdf::interp::{BOLD, Glyph, ITALIC, MONO, NO_MCID, PageContent};
use crate::ingest::pdf::tags::{Tag, TagKind, Tags};

/// A piece of a fragment's text.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Piece {
    Text {
        text: String,
        style: u8,
    },
    /// A footnote call: a superscript number after a word.
    Call(u32),
}

/// Glyphs on one baseline without a wide gap.
#[derive(Debug, Clone)]
pub(crate) struct Frag {
    pub(super) page: u32,
    pub(super) x0: f32,
    pub(super) x1: f32,
    /// Baseline of the fragment's main text (y grows downwards).
    pub(super) y: f32,
    /// Main font size.
    pub(super) size: f32,
    pub(super) pieces: Vec<Piece>,
    /// Plain text (calls left out).
    pub(super) text: String,
    /// Styles every visible glyph shares.
    pub(super) style_all: u8,
    /// A superscript number the fragment starts with (a footnote body's marker).
    pub(super) marker: Option<u32>,
    /// What the structure tree says of most of the fragment's text, in a tagged PDF.
    pub(super) tag: Option<Tag>,
    /// The font family most of its letters are set in.
    pub(super) family: u32,
    /// A line of a table of contents (dot leaders and a page number, or its title).
    pub(super) contents: bool,
}

impl Frag {
    pub(super) fn tag_kind(&self) -> Option<TagKind> {
        self.tag.map(|t| t.kind)
    }
}

/// Every page's line fragments, the pages read in parallel. `tags`: the structure tree of a
/// tagged file.
pub(crate) fn fragments(
    contents: &[PageContent],
    tags: Option<&Tags>,
    artifacts: &Artifacts,
) -> Vec<Vec<Frag>> {
    contents
        .par_iter()
        .enumerate()
        .map(|(i, c)| {
            let tags = glyph_tags(tags, i, c);
            page_fragments(c, i as u32 + 1, &tags, artifacts.dropped_on(i))
        })
        .collect()
}

/// What the structure tree says of each glyph of page `i` (0-based); empty for a page
/// without tags.
fn glyph_tags(tags: Option<&Tags>, i: usize, page: &PageContent) -> Vec<Option<Tag>> {
    match tags {
        Some(t) if t.page_is_tagged(i) => page
            .glyphs
            .iter()
            .map(|g| (g.mcid != NO_MCID).then(|| t.tag(i, g.mcid)).flatten())
            .collect(),
        _ => Vec::new(),
    }
}

/// A line being gathered: its glyphs, the baseline and size of its largest glyph (the
/// reference), and how far its glyphs reach across.
struct LineGlyphs {
    glyphs: Vec<usize>,
    y: f32,
    size: f32,
    x0: f32,
    x1: f32,
}

impl LineGlyphs {
    /// Whether `g` goes on this line: its baseline within half a font size of the reference.
    /// A small glyph set lower than the line, away from its text, is no superscript of it: it
    /// is raised in the other column of a page whose two columns do not share baselines.
    fn takes(&self, g: &Glyph) -> bool {
        let apart = g.x > self.x1 + 2.0 * self.size || g.x + g.w < self.x0 - 2.0 * self.size;
        (g.y - self.y).abs() <= 0.45 * g.size.max(self.size)
            && !(g.size < 0.85 * self.size && g.y > self.y && apart)
    }
}

/// Group a page's glyphs into fragments, top to bottom, left to right. `tags` holds what the
/// structure tree says of each glyph (empty for an untagged page); `drop_artifacts` leaves out
/// the text the producer marked as page furniture.
fn page_fragments(
    page: &PageContent,
    page_no: u32,
    tags: &[Option<Tag>],
    drop_artifacts: bool,
) -> Vec<Frag> {
    let (w, h) = (page.width.max(1.0), page.height.max(1.0));
    let tag_of = |i: usize| tags.get(i).copied().flatten();
    let idx: Vec<usize> = (0..page.glyphs.len())
        .filter(|&i| {
            let g = &page.glyphs[i];
            let artifact = g.artifact || tag_of(i).is_some_and(|t| t.kind == TagKind::Artifact);
            // Text beyond the right edge is kept (converters let long lines run off the page);
            // text above or below the page is not shown and is dropped.
            g.y >= -0.02 * h
                && g.y <= 1.02 * h
                && g.x >= -w
                && g.size > 0.5
                && !(drop_artifacts && artifact)
        })
        .collect();
    // Stable sort: content order is close to reading order, and runs make it cheap.
    // Sorted by one integer key per glyph (baseline, then x): no indirection in the
    // comparisons, and a stable sort keeps content order for glyphs printed twice.
    let order = |v: f32| -> u64 {
        let b = v.to_bits();
        u64::from(if b >> 31 == 1 { !b } else { b | 0x8000_0000 })
    };
    let mut keyed: Vec<(u64, u32)> = idx
        .iter()
        .map(|&i| {
            let g = &page.glyphs[i];
            ((order(g.y) << 32) | order(g.x), i as u32)
        })
        .collect();
    keyed.sort_by_key(|k| k.0);
    let idx: Vec<usize> = keyed.into_iter().map(|(_, i)| i as usize).collect();
    // Lines: glyphs whose baseline lies within half a font size of the line's reference glyph
    // (the largest seen so far), which takes superscripts in with their line; a call raised
    // in the other column starts a line that joins its own below.
    let mut lines: Vec<LineGlyphs> = Vec::new();
    for &i in &idx {
        let g = &page.glyphs[i];
        match lines.last_mut() {
            Some(l) if l.takes(g) => {
                l.glyphs.push(i);
                l.x0 = l.x0.min(g.x);
                l.x1 = l.x1.max(g.x + g.w);
                if g.size > l.size {
                    l.size = g.size;
                    l.y = g.y;
                }
            }
            _ => lines.push(LineGlyphs {
                glyphs: vec![i],
                y: g.y,
                size: g.size,
                x0: g.x,
                x1: g.x + g.w,
            }),
        }
    }
    // A superscript raised more than the tolerance (Word sets calls half a line up) forms a
    // line of its own in small type just above its line: it joins the line below it.
    let mut k = 0;
    while k + 1 < lines.len() {
        let (size, y) = (lines[k].size, lines[k].y);
        let (below_y, below_size) = (lines[k + 1].y, lines[k + 1].size);
        if size < 0.85 * below_size && below_y > y && below_y - y <= 0.8 * below_size {
            let moved = lines.remove(k);
            lines[k].glyphs.extend(moved.glyphs);
        } else {
            k += 1;
        }
    }
    let mut lines: Vec<Vec<usize>> = lines.into_iter().map(|l| l.glyphs).collect();
    for line in &mut lines {
        line.sort_by(|&a, &b| page.glyphs[a].x.total_cmp(&page.glyphs[b].x));
    }
    // Column starts: x positions where many words begin after a wide gap or at a line start.
    // Table cells are often closer together than the gap that splits fragments, so words that
    // begin at a column start after a gap of a font size or more start a fragment too.
    let anchors = column_anchors(page, &lines);
    // A producer that writes no space glyphs (TeX) sets words apart by position alone, and a
    // justified line may shrink them to two thirds of a quarter-em space; one that writes them
    // (Word, LibreOffice) may leave as wide a gap between two letters of a word.
    let space_glyphs = page.glyphs.iter().filter(|g| g.text(page) == " ").count();
    let word_gap = if space_glyphs * 100 < page.glyphs.len() {
        0.12
    } else {
        0.18
    };
    let mut out = Vec::new();
    for line in &lines {
        let mut start = 0;
        for k in 1..=line.len() {
            let split = k == line.len() || {
                let (p, g) = (&page.glyphs[line[k - 1]], &page.glyphs[line[k]]);
                let gap = g.x - (p.x + p.w);
                let at_anchor = gap >= 0.9 * g.size && near_anchor(&anchors, g.x);
                (gap > 2.0 * p.size.max(g.size) || at_anchor)
                    && !is_marker(page, &line[start..k], g)
            };
            if split {
                if let Some(f) = fragment(page, &line[start..k], page_no, tags, word_gap) {
                    out.push(f);
                }
                start = k;
            }
        }
    }
    out
}

/// A footnote number in small type or a list bullet or number, before a tab: the marker
/// stays with its text.
fn is_marker(page: &PageContent, lead: &[usize], next: &Glyph) -> bool {
    if lead.len() > 5 {
        return false;
    }
    let small_number = lead.iter().all(|&i| {
        let m = &page.glyphs[i];
        let t = m.text(page);
        t == " " || (m.size < 0.85 * next.size && t.chars().all(|c| c.is_ascii_digit() || c == '.'))
    });
    if small_number {
        return true;
    }
    let text: String = lead.iter().map(|&i| page.glyphs[i].text(page)).collect();
    list_marker(&format!("{} x", text.trim()), false).is_some()
}

/// x positions (rounded) where at least three words start a line or follow a gap of a font
/// size or more, on this page, give or take a unit (a paragraph set a fraction further).
fn column_anchors(page: &PageContent, lines: &[Vec<usize>]) -> Vec<f32> {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for line in lines {
        let mut prev: Option<&Glyph> = None;
        for &i in line {
            let g = &page.glyphs[i];
            if g.text(page) == " " {
                continue;
            }
            let starts = match prev {
                None => true,
                Some(p) => g.x - (p.x + p.w) >= 0.9 * g.size,
            };
            if starts {
                *counts.entry(g.x.round() as i32).or_default() += 1;
            }
            prev = Some(g);
        }
    }
    let around = |x: i32| {
        (x - 1..=x + 1)
            .filter_map(|k| counts.get(&k))
            .sum::<usize>()
    };
    let mut anchors: Vec<f32> = counts
        .keys()
        .filter(|&&x| around(x) >= 3)
        .map(|&x| x as f32)
        .collect();
    anchors.sort_by(f32::total_cmp);
    anchors
}

/// Whether `x` lies within 1.5 units of one of the sorted `anchors`.
fn near_anchor(anchors: &[f32], x: f32) -> bool {
    let i = anchors.partition_point(|&a| a < x - 1.5);
    anchors.get(i).is_some_and(|&a| a < x + 1.5)
}

fn is_raised_small(g: &Glyph, size: f32, base: f32) -> bool {
    g.size < 0.85 * size && g.y < base - 0.15 * size
}

/// One fragment of a line's glyphs: its text with spaces where the glyphs part by more than
/// `word_gap` font sizes, its calls, marker, style, tag and family.
fn fragment(
    page: &PageContent,
    glyphs: &[usize],
    page_no: u32,
    tags: &[Option<Tag>],
    word_gap: f32,
) -> Option<Frag> {
    let gl: Vec<&Glyph> = glyphs.iter().map(|&i| &page.glyphs[i]).collect();
    let gtag: Vec<Option<Tag>> = glyphs
        .iter()
        .map(|&i| tags.get(i).copied().flatten())
        .collect();
    let is_call_tag = |k: usize| gtag[k].is_some_and(|t| t.kind == TagKind::NoteCall);
    // Main size: the size most glyphs have (ties to the larger); main baseline: theirs.
    let mut counts: Vec<(f32, usize)> = Vec::new();
    for g in &gl {
        let s = (g.size * 2.0).round() / 2.0;
        match counts.iter_mut().find(|(k, _)| *k == s) {
            Some(c) => c.1 += 1,
            None => counts.push((s, 1)),
        }
    }
    let size = counts
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(a.0.total_cmp(&b.0)))
        .map(|c| c.0)?;
    let mut base_ys: Vec<f32> = gl
        .iter()
        .filter(|g| ((g.size * 2.0).round() / 2.0 - size).abs() < 0.01)
        .map(|g| g.y)
        .collect();
    let mid = base_ys.len() / 2;
    let base = *base_ys.select_nth_unstable_by(mid, f32::total_cmp).1;

    let mut pieces: Vec<Piece> = Vec::new();
    let mut text = String::new();
    let mut style_all = BOLD | ITALIC | MONO;
    let mut marker = None;
    let mut prev: Option<&Glyph> = None;
    let mut k = 0;
    while k < gl.len() {
        let g = gl[k];
        // A run of raised small glyphs, or of text the tags make a note's call: a footnote
        // call when it is a number. The Official Journal sets `(1)` with only the digit raised:
        // parentheses right around the number belong to the call.
        let tagged_call = is_call_tag(k);
        if tagged_call || is_raised_small(g, size, base) {
            let mut j = k;
            let mut sup = String::new();
            while j < gl.len()
                && (if tagged_call {
                    is_call_tag(j)
                } else {
                    is_raised_small(gl[j], size, base)
                })
            {
                sup.push_str(gl[j].text(page));
                j += 1;
            }
            let mut digits = sup.trim().trim_end_matches(['.', ',']).trim();
            let opened = text.ends_with('(') || digits.starts_with('(');
            digits = digits.trim_start_matches('(').trim_end_matches(')').trim();
            if let Ok(n) = digits.parse::<u32>() {
                if !digits.is_empty()
                    && digits.len() <= 3
                    && digits.chars().all(|c| c.is_ascii_digit())
                {
                    if opened && text.ends_with('(') {
                        pop_char(&mut pieces, &mut text);
                    }
                    let closes = gl.get(j).is_some_and(|c| c.text(page) == ")");
                    if opened && closes && !sup.trim_end().ends_with(')') {
                        j += 1;
                    }
                    if text.trim().is_empty() {
                        marker = Some(n);
                    } else {
                        pieces.push(Piece::Call(n));
                    }
                    prev = Some(gl[j - 1]);
                    k = j;
                    continue;
                }
            }
        }
        let t = g.text(page);
        // A glyph printed twice at one place (fake bold) counts once.
        if let Some(p) = prev {
            if (g.x - p.x).abs() < 0.15 * size
                && (g.y - p.y).abs() < 0.1 * size
                && p.text(page) == t
            {
                k += 1;
                continue;
            }
            let gap = g.x - (p.x + p.w);
            if gap > word_gap * size && t != " " && !text.ends_with(' ') && !text.is_empty() {
                push_text(&mut pieces, &mut text, " ", p.style & g.style);
            }
        }
        if t == " " && (text.is_empty() || text.ends_with(' ')) {
            prev = Some(g);
            k += 1;
            continue;
        }
        // Style is judged on letters and digits: a bullet or a number in another font does
        // not make a bold line non-bold.
        if t.chars().any(char::is_alphanumeric) {
            style_all &= g.style;
        }
        push_text(&mut pieces, &mut text, t, g.style);
        prev = Some(g);
        k += 1;
    }
    let trimmed = text.trim_end().len();
    if trimmed == 0 && marker.is_none() {
        return None;
    }
    if trimmed < text.len() {
        text.truncate(trimmed);
        trim_pieces(&mut pieces);
    }
    let first = gl.iter().find(|g| g.text(page) != " ")?;
    let last = gl.iter().rev().find(|g| g.text(page) != " ")?;
    // The tag most of the visible text carries; a call's tag does not count.
    let mut votes: Vec<(Tag, usize)> = Vec::new();
    for (g, t) in gl.iter().zip(&gtag) {
        let Some(t) = t else { continue };
        if t.kind == TagKind::NoteCall || g.text(page) == " " {
            continue;
        }
        match votes.iter_mut().find(|(v, _)| v == t) {
            Some(v) => v.1 += 1,
            None => votes.push((*t, 1)),
        }
    }
    let tag = votes.iter().max_by_key(|v| v.1).map(|v| v.0);
    let mut families: Vec<(u32, usize)> = Vec::new();
    for g in &gl {
        if g.text(page).chars().any(char::is_alphanumeric) {
            match families.iter_mut().find(|(f, _)| *f == g.family) {
                Some(v) => v.1 += 1,
                None => families.push((g.family, 1)),
            }
        }
    }
    let family = families.iter().max_by_key(|v| v.1).map_or(0, |v| v.0);
    Some(Frag {
        page: page_no,
        x0: first.x,
        x1: last.x + last.w,
        y: base,
        size,
        pieces,
        text,
        style_all: if style_all == BOLD | ITALIC | MONO {
            0
        } else {
            style_all
        },
        marker,
        tag,
        family,
        contents: false,
    })
}

/// Remove the last character written (an opening parenthesis that turned out to belong to a
/// footnote call).
fn pop_char(pieces: &mut Vec<Piece>, text: &mut String) {
    text.pop();
    if let Some(Piece::Text { text: t, .. }) = pieces.last_mut() {
        t.pop();
        if t.is_empty() {
            pieces.pop();
        }
    }
}

fn push_text(pieces: &mut Vec<Piece>, text: &mut String, t: &str, style: u8) {
    text.push_str(t);
    if let Some(Piece::Text {
        text: last,
        style: s,
    }) = pieces.last_mut()
    {
        if *s == style || t == " " {
            last.push_str(t);
            return;
        }
    }
    pieces.push(Piece::Text {
        text: t.to_string(),
        style,
    });
}

fn trim_pieces(pieces: &mut Vec<Piece>) {
    while let Some(Piece::Text { text, .. }) = pieces.last_mut() {
        let t = text.trim_end().len();
        text.truncate(t);
        if text.is_empty() {
            pieces.pop();
        } else {
            break;
        }
    }
}

/// Rows of fragments on (nearly) one baseline, as index ranges into `frags`.
pub(super) fn rows_of(frags: &[Frag]) -> Vec<std::ops::Range<usize>> {
    let mut rows = Vec::new();
    let mut start = 0;
    for i in 1..=frags.len() {
        if i == frags.len() || (frags[i].y - frags[start].y).abs() > 0.5 * frags[start].size {
            rows.push(start..i);
            start = i;
        }
    }
    rows
}
