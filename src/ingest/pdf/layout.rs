//! Layout: from placed glyphs to the document model.
//!
//! Per page: glyphs become line fragments (one baseline, no wide gap), with spaces inserted
//! from gaps and superscript numbers lifted out as footnote calls. Across the document:
//! running headers and footers (text repeated at the page edges, page numbers) are dropped,
//! the footnote area at each page foot (under a rule, in smaller type, starting with a
//! number) becomes footnote bodies, and the remaining fragments are ordered (two columns are
//! detected) and joined into headings, paragraphs and list items by spacing, indent and style.

use std::collections::{HashMap, HashSet};

use super::interp::{BOLD, Glyph, ITALIC, MONO, PageContent};
use super::tags::{Tag, TagKind};
use crate::ingest::headings::{heading_number, list_marker};
use crate::ingest::text::{is_page_furniture, parse_html_paragraphs, runs_with_pages, shape};
use crate::model::{Block, BlockKind, ParaBuilder};

/// A piece of a fragment's text.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text {
        text: String,
        style: u8,
    },
    /// A footnote call: a superscript number after a word.
    Call(u32),
}

/// Glyphs on one baseline without a wide gap.
#[derive(Debug, Clone)]
pub struct Frag {
    pub page: u32,
    pub x0: f32,
    pub x1: f32,
    /// Baseline of the fragment's main text (y grows downwards).
    pub y: f32,
    /// Main font size.
    pub size: f32,
    pub pieces: Vec<Piece>,
    /// Plain text (calls left out).
    pub text: String,
    /// Styles every visible glyph shares.
    pub style_all: u8,
    /// A superscript number the fragment starts with (a footnote body's marker).
    pub marker: Option<u32>,
    /// What the structure tree says of most of the fragment's text, in a tagged PDF.
    pub tag: Option<Tag>,
    /// The font family most of its letters are set in.
    pub family: u32,
    /// A line of a table of contents (dot leaders and a page number, or its title).
    pub contents: bool,
}

impl Frag {
    fn tag_kind(&self) -> Option<TagKind> {
        self.tag.map(|t| t.kind)
    }
}

/// Group a page's glyphs into fragments, top to bottom, left to right. `tags` holds what the
/// structure tree says of each glyph (empty for an untagged page); `drop_artifacts` leaves out
/// the text the producer marked as page furniture.
pub fn fragments(
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
    // (the largest seen so far), which takes superscripts in with their line.
    // Each line with its reference baseline and size.
    let mut lines: Vec<(Vec<usize>, f32, f32)> = Vec::new();
    for &i in &idx {
        let g = &page.glyphs[i];
        match lines.last_mut() {
            Some((line, ref_y, ref_size))
                if (g.y - *ref_y).abs() <= 0.45 * g.size.max(*ref_size) =>
            {
                line.push(i);
                if g.size > *ref_size {
                    *ref_size = g.size;
                    *ref_y = g.y;
                }
            }
            _ => lines.push((vec![i], g.y, g.size)),
        }
    }
    // A superscript raised more than the tolerance (Word sets calls half a line up) forms a
    // line of its own in small type just above its line: it joins the line below it.
    let mut k = 0;
    while k + 1 < lines.len() {
        let (size, y) = (lines[k].2, lines[k].1);
        let (below_y, below_size) = (lines[k + 1].1, lines[k + 1].2);
        if size < 0.85 * below_size && below_y > y && below_y - y <= 0.8 * below_size {
            let (moved, _, _) = lines.remove(k);
            lines[k].0.extend(moved);
        } else {
            k += 1;
        }
    }
    let mut lines: Vec<Vec<usize>> = lines.into_iter().map(|l| l.0).collect();
    for line in &mut lines {
        line.sort_by(|&a, &b| page.glyphs[a].x.total_cmp(&page.glyphs[b].x));
    }
    // Column starts: x positions where many words begin after a wide gap or at a line start.
    // Table cells are often closer together than the gap that splits fragments, so words that
    // begin at a column start after a gap of a font size or more start a fragment too.
    let anchors = column_anchors(page, &lines);
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
                if let Some(f) = fragment(page, &line[start..k], page_no, tags) {
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
/// size or more, on this page.
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
    let mut anchors: Vec<f32> = counts
        .into_iter()
        .filter(|&(_, n)| n >= 3)
        .map(|(x, _)| x as f32)
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

fn fragment(
    page: &PageContent,
    glyphs: &[usize],
    page_no: u32,
    tags: &[Option<Tag>],
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
            if gap > 0.18 * size && t != " " && !text.ends_with(' ') && !text.is_empty() {
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

/// The most common main font size over all fragments, weighted by text length.
pub fn body_size(pages: &[Vec<Frag>]) -> f32 {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for f in pages.iter().flatten() {
        *counts.entry((f.size * 2.0).round() as i32).or_default() += f.text.len();
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or(12.0, |(k, _)| k as f32 / 2.0)
}

/// Mark a page's table-of-contents lines: a line that ends in dot leaders and a page number,
/// the first line of an entry wrapped onto such a line, and a `Contents` title above them.
/// The tags may already have said so; this finds them in untagged files too.
pub fn mark_contents(frags: &mut [Frag]) {
    static LEADER: std::sync::LazyLock<crate::re::Regex> = std::sync::LazyLock::new(|| {
        crate::re::compile(r"(?:\.\s?){4,}\s*\d{1,4}\s*$|…{2,}\s*\d{1,4}\s*$").unwrap()
    });
    static TITLE: std::sync::LazyLock<crate::re::Regex> = std::sync::LazyLock::new(|| {
        crate::re::compile(r"(?i)^\s*(?:table\s+of\s+)?contents\s*$").unwrap()
    });
    // Rows of fragments on one baseline, in the order `fragments` gives them.
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

/// The font family most body-size text is set in.
pub fn body_family(pages: &[Vec<Frag>], body: f32) -> u32 {
    let mut counts: HashMap<u32, usize> = HashMap::new();
    for f in pages.iter().flatten() {
        if (f.size - body).abs() < 0.5 {
            *counts.entry(f.family).or_default() += f.text.len();
        }
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or(0, |(k, _)| k)
}

/// Drop running headers and footers. Candidates are the first and last three lines of a
/// page, in its outer quarter: those whose text (digits aside) recurs at about the same
/// height on many pages go (`L 277/2`, `EN 3 EN`, a three-line Council footer), and so does a
/// page's outermost line when it is just a page number (`3`, `Page 3 of 22`, `- 3 -`, `2/144`).
/// Returns the text dropped on the first two pages, with its page, for the metadata it carries.
pub fn drop_furniture(pages: &mut [Vec<Frag>], heights: &[f32]) -> Vec<(u32, String)> {
    let n_pages = pages.len();
    // Per page: (fragment index, row from the nearer edge (0 = outermost), relative height).
    let candidates: Vec<Vec<(usize, usize, f32)>> = pages
        .iter()
        .zip(heights)
        .map(|(frags, &h)| {
            let h = h.max(1.0);
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

/// A footnote body gathered from the page foot. `number` is `None` for text at the top of a
/// page's footnote area that continues the last footnote of the page before.
pub struct FootnoteFrags {
    pub number: Option<u32>,
    pub frags: Vec<Frag>,
    /// For a number printed in the text's own type (`12 Text`, not superscript): the bytes of
    /// the first fragment it takes. Such a number may be text that a line break put first
    /// (`COM (2012)` / `196.`), so the caller checks it against the footnotes' sequence and
    /// calls [`FootnoteFrags::accept_number`] or [`FootnoteFrags::into_continuation`].
    pub plain: Option<usize>,
}

impl FootnoteFrags {
    /// Take the plain number as the footnote's: strip it from the text.
    pub fn accept_number(&mut self) {
        if let Some(at) = self.plain.take() {
            strip_leading(&mut self.frags[0], at);
        }
    }

    /// Read the plain number as text continuing the footnote before.
    pub fn into_continuation(mut self) -> FootnoteFrags {
        self.number = None;
        self.plain = None;
        self
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
pub fn split_footnotes(
    frags: Vec<Frag>,
    rules: &[super::interp::Rule],
    page: (f32, f32),
    body: f32,
    notes_tagged: bool,
) -> (Vec<Frag>, Vec<FootnoteFrags>, Option<&'static str>) {
    if notes_tagged {
        let mut remark = None;
        if !frags
            .iter()
            .any(|f| f.tag_kind() == Some(TagKind::NoteBody))
        {
            // The tags are followed, but a foot that the layout reads as notes is reported.
            let (_, notes, _) = split_by_layout(frags.clone(), rules, page, body);
            if notes.iter().filter(|n| n.number.is_some()).count() >= 2 {
                remark = Some(NOTES_NOT_TAGGED);
            }
        }
        let (body, notes) = split_tagged_notes(frags);
        return (body, notes, remark);
    }
    split_by_layout(frags, rules, page, body)
}

/// Remarks on a page's foot, for the warnings.
pub const NOTES_NOT_TAGGED: &str = "the structure tree marks no footnotes, but the foot of the page reads as numbered notes; kept as text, as tagged";
pub const TABLE_AT_FOOT: &str = "small type at the foot opens with numbers but is set as a table; read as a table, not as footnotes";

fn split_by_layout(
    frags: Vec<Frag>,
    rules: &[super::interp::Rule],
    (width, height): (f32, f32),
    body: f32,
) -> (Vec<Frag>, Vec<FootnoteFrags>, Option<&'static str>) {
    let small = |f: &Frag| f.size < 0.95 * body && !f.contents;
    let starts_number = |f: &Frag| {
        !f.contents
            && (f.marker.is_some() || plain_marker(&f.text).is_some_and(|_| bare_ok(f, &frags)))
    };
    // A rule counts when the first fragment under it is in small type and starts with a
    // number (a link's underline has text above, not a footnote under it).
    // Separators start at the left margin; a rule further right is something else.
    // Under a separator the type need not be smaller (some producers keep the body size),
    // but the first fragment must then open with a superscript number.
    // A table's borders are rules too: segments that continue one another on one line, or
    // several lines of them close below. A separator stands alone.
    let same = |a: &super::interp::Rule, b: &super::interp::Rule| {
        (a.x0 - b.x0).abs() < 1.0 && (a.x1 - b.x1).abs() < 1.0 && (a.y - b.y).abs() < 1.0
    };
    // A link's underline sits right under its text's baseline.
    let underline = |r: &super::interp::Rule| {
        frags.iter().any(|f| {
            r.y >= f.y - 0.2 * f.size && r.y <= f.y + 0.6 * f.size && r.x0 < f.x1 && r.x1 > f.x0
        })
    };
    let rules: Vec<&super::interp::Rule> = rules.iter().filter(|r| !underline(r)).collect();
    let in_grid = |r: &super::interp::Rule| {
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
        .filter(|r| r.y > 0.45 * height && r.x0 < 0.4 * width && r.x1 > r.x0)
        .filter(|r| !in_grid(r))
        .filter(|r| {
            frags
                .iter()
                .filter(|f| f.y > r.y)
                .min_by(|a, b| a.y.total_cmp(&b.y))
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

/// Whether a fragment may open a footnote with a plain number: one that is only a number
/// (Word sets it on a line above the text) must stand alone on its line; a number with others
/// beside it is a table's cell (`2014` | `236`).
fn bare_ok(f: &Frag, all: &[Frag]) -> bool {
    let t = f.text.trim();
    !t.chars()
        .all(|c| c.is_ascii_digit() || c == '(' || c == ')' || c == '.')
        || !all
            .iter()
            .any(|o| !std::ptr::eq(o, f) && (o.y - f.y).abs() < 0.3 * f.size)
}

/// `12 Text`, `12. Text` or `(12) Text` at the start of a footnote line: the number and
/// where text starts.
fn plain_marker(text: &str) -> Option<(u32, usize)> {
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

/// Order a page's body fragments for reading: top to bottom, and on two-column pages the left
/// column before the right one between full-width fragments.
pub fn reading_order(mut frags: Vec<Frag>, width: f32) -> Vec<Frag> {
    frags.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
    let mid = width / 2.0;
    let left = |f: &Frag| f.x1 < mid;
    let right = |f: &Frag| f.x0 > mid;
    let n_left = frags.iter().filter(|f| left(f)).count();
    let n_right = frags.iter().filter(|f| right(f)).count();
    // Text columns are wide; table cells either side of the middle are not.
    let median_width = |keep: &dyn Fn(&Frag) -> bool| {
        let mut w: Vec<f32> = frags
            .iter()
            .filter(|f| keep(f))
            .map(|f| f.x1 - f.x0)
            .collect();
        w.sort_by(f32::total_cmp);
        w.get(w.len() / 2).copied().unwrap_or(0.0)
    };
    if n_left < 8
        || n_right < 8
        || (n_left + n_right) * 2 < frags.len()
        || median_width(&left) < 0.3 * width
        || median_width(&right) < 0.3 * width
    {
        return frags;
    }
    let mut out = Vec::with_capacity(frags.len());
    let mut band: Vec<Frag> = Vec::new();
    let flush = |band: &mut Vec<Frag>, out: &mut Vec<Frag>| {
        let (l, r): (Vec<Frag>, Vec<Frag>) =
            band.drain(..).partition(|f| f.x1 < mid || f.x0 <= mid);
        out.extend(l);
        out.extend(r);
    };
    for f in frags {
        if !left(&f) && !right(&f) {
            flush(&mut band, &mut out);
            out.push(f);
        } else {
            band.push(f);
        }
    }
    flush(&mut band, &mut out);
    out
}

/// Distance between consecutive baselines inside a paragraph of body text: the most common
/// spacing between body-size lines, unless a clearly smaller spacing also recurs (in a
/// document of short paragraphs the most common spacing is the paragraph gap).
pub fn line_pitch(pages: &[Vec<Frag>], body: f32) -> f32 {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for frags in pages {
        for w in frags.windows(2) {
            let dy = w[1].y - w[0].y;
            if (w[0].size - body).abs() < 0.5
                && (w[1].size - body).abs() < 0.5
                && dy >= 0.9 * body
                && dy < 2.0 * body
            {
                *counts.entry((dy * 2.0).round() as i32).or_default() += 1;
            }
        }
    }
    let Some((&mode, &n)) = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))) else {
        return 1.2 * body;
    };
    let smaller = counts
        .iter()
        .filter(|&(&k, &c)| (k as f32) * 1.3 < mode as f32 && c >= 2 && c * 7 >= n)
        .map(|(&k, _)| k)
        .min();
    smaller.unwrap_or(mode) as f32 / 2.0
}

/// Everything the block builder needs to know about the document.
pub struct Context {
    pub body: f32,
    /// The font family of the body text.
    pub body_family: u32,
    pub pitch: f32,
    /// What the document's line-end hyphens are: see [`Hyphens`].
    pub hyphens: Hyphens,
    /// The lower-cased words of the document text emitted so far and how far that text was
    /// read; blocks are emitted in order on one thread, so the lock is never contended.
    pub words: std::sync::Mutex<(usize, HashSet<String>)>,
}

/// For de-hyphenation, from every line that ends in a hyphen and the line after it.
#[derive(Default)]
pub struct Hyphens {
    /// The joined forms (`government`, `cross-border`), lower-cased, that the document also
    /// writes on one line.
    pub known: HashSet<String>,
    /// The first halves (`coop` of `coop-` / `erate`) that the document writes as words of
    /// their own, outside any hyphenated compound.
    pub standalone_heads: HashSet<String>,
    /// So many lines end in a hyphen that the producer hyphenates words (TeX does; Word and
    /// LibreOffice, as EU documents are set, do not).
    pub automatic: bool,
}

pub fn hyphens(pages: &[Vec<Frag>]) -> Hyphens {
    let mut candidates: HashSet<String> = HashSet::new();
    let mut heads: HashSet<String> = HashSet::new();
    let (mut pairs, mut lines) = (0usize, 0usize);
    for frags in pages {
        lines += frags.len();
        for w in frags.windows(2) {
            if let Some((head, tail)) = split_pair(&w[0].text, &w[1].text) {
                pairs += 1;
                candidates.insert(format!("{head}{tail}").to_lowercase());
                candidates.insert(format!("{head}-{tail}").to_lowercase());
                heads.insert(head.to_lowercase());
            }
        }
    }
    let mut out = Hyphens {
        automatic: pairs >= 5 && pairs * 50 >= lines,
        ..Hyphens::default()
    };
    if candidates.is_empty() {
        return out;
    }
    let lengths: HashSet<usize> = candidates.iter().map(String::len).collect();
    for f in pages.iter().flatten() {
        for w in f.text.split(|c: char| !c.is_alphanumeric() && c != '-') {
            if lengths.contains(&w.len()) {
                let l = w.to_lowercase();
                if candidates.contains(&l) {
                    out.known.insert(l);
                }
            }
        }
        if out.automatic {
            // A token with a hyphen anywhere (`immi-` at a line end) is no word of its own.
            for w in f.text.split_whitespace().filter(|w| !w.contains('-')) {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                if w.len() <= 24 {
                    let l = w.to_lowercase();
                    if heads.contains(&l) {
                        out.standalone_heads.insert(l);
                    }
                }
            }
        }
    }
    out
}

/// The word fragments on either side of a line-end hyphen.
fn split_pair(prev: &str, next: &str) -> Option<(String, String)> {
    if !prev.ends_with('-') || prev.ends_with(" -") {
        return None;
    }
    let head = trailing_letters(&prev[..prev.len() - 1]);
    let tail = leading_letters(next);
    (!head.is_empty() && !tail.is_empty()).then(|| (head.to_string(), tail.to_string()))
}

/// The letters `s` ends with.
fn trailing_letters(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(s.len(), |(i, _)| i);
    &s[start..]
}

/// The letters `s` starts with.
fn leading_letters(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// The type a line is set in: style flags, size and font family.
#[derive(Clone, Copy)]
struct Look {
    style: u8,
    size: f32,
    family: u32,
}

/// A number, letter or bullet alone: the label of a heading or list item set apart by a tab.
fn is_label(text: &str) -> bool {
    static LABEL: std::sync::LazyLock<crate::re::Regex> = std::sync::LazyLock::new(|| {
        crate::re::compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.|[A-Za-z][.)]|\(?[a-z0-9]{1,4}\)|[-•▪◦●■–—\u{f0b7}\u{f0a7}\u{f0fd}\u{f0a8}\u{f0d8}])$").unwrap()
    });
    LABEL.is_match(text.trim())
}

/// A short line opening with a number of two or more levels (`2.2.1.`) and not ending like a
/// sentence: a subsection heading even in the body's type.
fn is_subsection_line(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() <= 120
        && !t.ends_with(['.', ';', ',', ':'])
        && heading_number(t).is_some_and(|(n, _)| {
            // `05.02.01` is a budget line, not a section.
            n.contains('.') && !n.contains(' ') && !n.starts_with('0')
        })
}

/// A line that ends where a heading cannot: on a function word, a comma or a dash.
static OPEN_END: std::sync::LazyLock<crate::re::Regex> = std::sync::LazyLock::new(|| {
    crate::re::compile(r"(?i)(?:\b(?:and|or|of|the|to|for|in|on|with|by|a|an)|[,–—-])$").unwrap()
});

/// A bold line that is a numbered heading: a section number (`2.1.`, `Annex 1:`) and a title
/// in capitals or sentence case, not ending like a list item.
fn is_heading_line(text: &str) -> bool {
    let t = text.trim();
    let Some((number, at)) = heading_number(t) else {
        return false;
    };
    let title = t[at.min(t.len())..].trim_start_matches(['‘', '\'', '"', '“', '(']);
    // A list item ends in `;` or `,`; a multi-level heading wrapped after a comma does not end.
    t.len() <= 200
        && !t.ends_with(';')
        && (!t.ends_with(',') || number.contains('.'))
        && (number.contains('.')
            || number.contains(' ')
            || title.starts_with(char::is_uppercase)
            || title.is_empty())
}

/// A block under construction: the fragments (lines) it is made of.
pub struct ProtoBlock {
    pub kind: BlockKind,
    pub lines: Vec<Frag>,
    /// For a table: its column starts and its rows of cells of paragraphs of lines.
    pub table: Option<ProtoTable>,
}

/// A table under construction.
pub struct ProtoTable {
    /// x position where each column starts.
    pub cols: Vec<f32>,
    /// rows → cells → paragraphs → lines.
    pub rows: Vec<Vec<Vec<Vec<Frag>>>>,
}

impl ProtoTable {
    /// Continue this table with `next`, the same table's part on the next page: rows there
    /// before the first one with a row label continue this table's last row.
    pub fn absorb(&mut self, next: ProtoTable) {
        // The union of both parts' columns (a part may lack one, e.g. the row labels).
        let mut union: Vec<f32> = self.cols.iter().chain(&next.cols).copied().collect();
        union.sort_by(f32::total_cmp);
        union.dedup_by(|a, b| (*a - *b).abs() < 3.0);
        let to_union = |x: f32| -> usize {
            union
                .iter()
                .enumerate()
                .min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs()))
                .map_or(0, |(i, _)| i)
        };
        let n = union.len();
        let remap = |row: Vec<Vec<Vec<Frag>>>, cols: &[f32]| -> Vec<Vec<Vec<Frag>>> {
            let mut mapped: Vec<Vec<Vec<Frag>>> = vec![Vec::new(); n];
            for (c, cell) in row.into_iter().enumerate() {
                if let Some(&x) = cols.get(c) {
                    mapped[to_union(x)].extend(cell);
                }
            }
            mapped
        };
        let own = std::mem::take(&mut self.rows);
        self.rows = own.into_iter().map(|r| remap(r, &self.cols)).collect();
        self.cols = union.clone();
        let map = |x: f32| to_union(x);
        let mut labelled = false;
        for row in next.rows {
            let mut mapped: Vec<Vec<Vec<Frag>>> = vec![Vec::new(); n];
            for (c, cell) in row.into_iter().enumerate() {
                if let Some(&x) = next.cols.get(c) {
                    mapped[map(x)].extend(cell);
                }
            }
            labelled |= !mapped[0].is_empty();
            match self.rows.last_mut() {
                Some(last) if !labelled => {
                    for (c, paras) in mapped.into_iter().enumerate() {
                        let mut paras = paras.into_iter();
                        // A cell's paragraph that the page break cut goes on.
                        let cut = last[c].last().and_then(|p| p.last()).is_some_and(|l| {
                            !l.text.trim_end().ends_with(['.', ';', ':', '!', '?'])
                        });
                        if cut {
                            if let Some(first) = paras.next() {
                                last[c].last_mut().expect("checked").extend(first);
                            }
                        }
                        last[c].extend(paras);
                    }
                }
                _ => self.rows.push(mapped),
            }
        }
    }
}

/// Rows of fragments on (nearly) one baseline, as index ranges into `frags`.
fn rows_of(frags: &[Frag]) -> Vec<std::ops::Range<usize>> {
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

/// Tables among a page's ordered fragments: runs of rows with two or more fragments that start
/// at shared column positions, with the single-fragment rows between them that stay inside a
/// column (a cell's further lines, a row label). Returns fragment index ranges and columns.
fn table_regions(frags: &[Frag], pitch: f32) -> Vec<(std::ops::Range<usize>, Vec<f32>)> {
    let rows = rows_of(frags);
    let right_edge = frags.iter().map(|f| f.x1).fold(0.0f32, f32::max);
    // In a tagged PDF, a row whose text the tags all place outside table cells is no table
    // row (a heading with a hanging number, a contents line), whatever its columns.
    let not_cells = |r: &std::ops::Range<usize>| {
        frags[r.clone()]
            .iter()
            .all(|f| f.tag.is_some_and(|t| t.kind != TagKind::Cell))
            || frags[r.clone()].iter().any(|f| f.contents)
    };
    let multi = |r: &std::ops::Range<usize>| {
        r.len() >= 2 && frags[r.clone()].windows(2).all(|w| w[0].x1 < w[1].x0) && !not_cells(r)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < rows.len() {
        if !multi(&rows[i]) {
            i += 1;
            continue;
        }
        let mut cols: Vec<f32> = frags[rows[i].clone()].iter().map(|f| f.x0).collect();
        let mut n_multi = 1;
        let mut j = i;
        while j + 1 < rows.len() {
            let r = &rows[j + 1];
            let gap = frags[r.start].y - frags[rows[j].start].y;
            if gap > 2.5 * pitch {
                break;
            }
            if multi(r) {
                cols.extend(frags[r.clone()].iter().map(|f| f.x0));
                n_multi += 1;
                j += 1;
                continue;
            }
            let f = &frags[r.start];
            if not_cells(r) && f.tag_kind() != Some(TagKind::Text) {
                break;
            }
            cols.sort_by(f32::total_cmp);
            cols.dedup_by(|a, b| (*a - *b).abs() < 3.0);
            // A short fragment left of every column is a row label (`2011`).
            if f.x1 < cols[0] - 3.0 {
                cols.insert(0, f.x0);
                j += 1;
                continue;
            }
            let Some(k) = cols.iter().position(|c| (c - f.x0).abs() < 3.0) else {
                break;
            };
            let limit = cols.get(k + 1).copied().unwrap_or(right_edge) + 5.0;
            if f.x1 > limit {
                break; // a paragraph running across the columns
            }
            j += 1;
        }
        cols.sort_by(f32::total_cmp);
        cols.dedup_by(|a, b| (*a - *b).abs() < 3.0);
        // Two columns whose first holds only numbers or bullets are hanging indents (numbered
        // headings, list items), not a table.
        let hanging = cols.len() == 2
            && frags[rows[i].start..rows[j].end]
                .iter()
                .filter(|f| (f.x0 - cols[0]).abs() < 3.0)
                .all(|f| is_label(&f.text));
        if hanging {
            i = j + 1;
            continue;
        }
        if n_multi >= 2 && cols.len() >= 2 {
            // Single lines just above that sit in a column other than the first continue a
            // cell from the page before.
            let mut first = i;
            let floor = out
                .last()
                .map_or(0, |(r, _): &(std::ops::Range<usize>, Vec<f32>)| r.end);
            while first > 0 && rows[first - 1].start >= floor && rows[first - 1].len() == 1 {
                let f = &frags[rows[first - 1].start];
                let k = cols.iter().position(|c| (c - f.x0).abs() < 3.0);
                let limit = k
                    .and_then(|k| cols.get(k + 1))
                    .copied()
                    .unwrap_or(right_edge)
                    + 5.0;
                if !matches!(k, Some(k) if k > 0) || f.x1 > limit {
                    break;
                }
                first -= 1;
            }
            out.push((rows[first].start..rows[j].end, cols));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Arrange a table region's fragments into rows, cells and paragraphs: a fragment in the
/// first column starts a row when other columns start on its line too, or when it does not
/// continue that column's text; a vertical gap larger than the line pitch separates
/// paragraphs inside a cell.
fn build_table(frags: Vec<Frag>, cols: Vec<f32>, pitch: f32) -> ProtoTable {
    let col_of = |f: &Frag| cols.iter().rposition(|c| *c <= f.x0 + 3.0).unwrap_or(0);
    let mut rows: Vec<Vec<Vec<Frag>>> = Vec::new();
    // Rows are set apart by more than the line pitch (cell padding); a fragment in the first
    // column after such a gap starts a row.
    let mut lowest: Option<f32> = None;
    for f in frags {
        let c = col_of(&f);
        let new_row = rows.is_empty() || (c == 0 && lowest.is_none_or(|y| f.y - y > 1.15 * pitch));
        if new_row {
            rows.push(vec![Vec::new(); cols.len()]);
        }
        lowest = Some(lowest.map_or(f.y, |y: f32| y.max(f.y)));
        rows.last_mut().expect("a row exists")[c].push(f);
    }
    let rows = rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .map(|mut lines| {
                    lines.sort_by(|a, b| a.y.total_cmp(&b.y));
                    let mut paras: Vec<Vec<Frag>> = Vec::new();
                    for l in lines {
                        match paras.last_mut() {
                            Some(p) if l.y - p.last().map_or(0.0, |x| x.y) <= 1.35 * pitch => {
                                p.push(l)
                            }
                            _ => paras.push(vec![l]),
                        }
                    }
                    paras
                })
                .collect()
        })
        .collect();
    ProtoTable { cols, rows }
}

/// Group a page's ordered body fragments into blocks.
pub fn blocks(mut frags: Vec<Frag>, ctx: &Context) -> Vec<ProtoBlock> {
    // Fragments on one baseline (give or take a table cell's offset) left to right.
    for r in rows_of(&frags) {
        frags[r].sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    let right_edge = frags.iter().map(|f| f.x1).fold(0.0f32, f32::max);
    let regions = table_regions(&frags, ctx.pitch);
    // A number set apart from its title by a tab (`1.1.` then `Title`) is read with the rest
    // of its line.
    // Its type is the title's.
    let mut line_text: Vec<Option<(String, Look)>> = vec![None; frags.len()];
    for r in rows_of(&frags) {
        if r.len() > 1 && is_label(&frags[r.start].text) {
            let joined: Vec<&str> = frags[r.clone()].iter().map(|f| f.text.as_str()).collect();
            let title = &frags[r.start + 1];
            line_text[r.start] = Some((
                joined.join(" "),
                Look {
                    style: title.style_all,
                    size: title.size,
                    family: title.family,
                },
            ));
        }
    }
    let mut out: Vec<ProtoBlock> = Vec::new();
    let mut region = regions.into_iter().peekable();
    let mut in_table: Vec<Frag> = Vec::new();
    for (i, f) in frags.into_iter().enumerate() {
        if let Some((r, _)) = region.peek() {
            if r.contains(&i) {
                in_table.push(f);
                if i + 1 == r.end {
                    let (_, cols) = region.next().expect("peeked");
                    out.push(ProtoBlock {
                        kind: BlockKind::Table(Default::default()),
                        lines: Vec::new(),
                        table: Some(build_table(std::mem::take(&mut in_table), cols, ctx.pitch)),
                    });
                }
                continue;
            }
        }
        let tag_heading = matches!(f.tag_kind(), Some(TagKind::Heading(_)));
        let contents = f.contents || f.tag_kind() == Some(TagKind::Contents);
        // A numbered line is a heading when the tags say so or its type sets it apart from
        // the body text: bold, larger, or another family (Word's `Heading` styles).
        // A deep number (`3.2.3.1. Estimated requirements ...`) on a short line marks a
        // heading whatever its type.
        let (
            text,
            Look {
                style,
                size,
                family,
            },
        ) = match &line_text[i] {
            Some((t, look)) => (t.as_str(), *look),
            None => (
                f.text.as_str(),
                Look {
                    style: f.style_all,
                    size: f.size,
                    family: f.family,
                },
            ),
        };
        let stands_out = style & (BOLD | ITALIC) != 0
            || size >= 1.1 * ctx.body
            || (family != ctx.body_family && size >= 0.95 * ctx.body)
            || is_subsection_line(text);
        let heading = !contents && (tag_heading || (stands_out && is_heading_line(text)));
        // Not a heading: a numbered line is a list item (`1. Providing flexibility ...`).
        let marker = if heading || contents {
            None
        } else {
            list_marker(&f.text, true)
        };
        let starts_new = match out.last() {
            None => true,
            Some(cur) if cur.table.is_some() => true,
            Some(cur) => {
                let last = cur.lines.last().expect("blocks have lines");
                let same_row = (f.y - last.y).abs() < 0.3 * f.size;
                // In a tagged PDF, lines of different block elements are different blocks,
                // and lines of one heading or contents entry are one.
                let other_element = match (f.tag, last.tag) {
                    (Some(a), Some(b)) => Some(a.block != b.block),
                    _ => None,
                };
                if other_element == Some(false)
                    && (tag_heading || contents)
                    && f.tag_kind() == last.tag_kind()
                {
                    false
                } else if other_element == Some(true) && !same_row {
                    true
                } else if same_row {
                    false
                } else {
                    let gap = f.y - last.y;
                    let size_change = (f.size - last.size).abs() > 0.08 * last.size.max(f.size);
                    let bold_change = (f.style_all & BOLD) != (last.style_all & BOLD);
                    let short_end = last.x1 < right_edge - 0.15 * (right_edge - last.x0).max(1.0)
                        && last.text.trim_end().ends_with(['.', ':', ';', '!', '?']);
                    // A line that stops well short of the measure ends its paragraph when a
                    // capital opens the next (tight paragraph spacing leaves no gap to see).
                    let stops_short = last.x1 < last.x0 + 0.7 * (right_edge - last.x0)
                        && f.text.starts_with(char::is_uppercase)
                        && !matches!(cur.kind, BlockKind::Heading { .. });
                    // A list item's next line: indented under its text, or, without a hanging
                    // indent, not left of the marker and after a line that does not end it.
                    let first = &cur.lines[0];
                    let list_cont = matches!(cur.kind, BlockKind::ListItem { .. })
                        && (f.x0 > first.x0 + 0.5 * f.size
                            || (f.x0 >= first.x0 - 1.0
                                && gap <= 1.3 * ctx.pitch * (f.size / ctx.body).max(0.5)
                                && !last.text.trim_end().ends_with(['.', ':', ';', '!', '?'])));
                    // A heading's title wrapped onto a second line: same type, close below,
                    // not indented left of the heading, the first line not ended.
                    let same_type = (f.size - last.size).abs() <= 0.05 * last.size
                        && (f.style_all & (BOLD | ITALIC)) == (last.style_all & (BOLD | ITALIC))
                        && f.family == last.family;
                    // A line left open (`... and`) goes on even when the next one reads as
                    // a heading of its own (`Article 18 Right to ...`).
                    let open = OPEN_END.is_match(last.text.trim_end());
                    let heading_cont = matches!(cur.kind, BlockKind::Heading { .. })
                        && (!heading || open)
                        && marker.is_none()
                        && cur.lines.len() < 4
                        && same_type
                        && gap <= 1.25 * ctx.pitch * (f.size / ctx.body).max(0.5)
                        && f.x0 >= cur.lines[0].x0 - 1.0
                        && !last.text.trim_end().ends_with(['.', ':', ';']);
                    gap > 1.45 * ctx.pitch * (f.size / ctx.body).max(0.5)
                        || gap < -0.5 * f.size
                        || size_change
                        || bold_change
                        || marker.is_some()
                        || (heading && !heading_cont)
                        || ((short_end || stops_short) && !list_cont)
                        || (matches!(cur.kind, BlockKind::Heading { .. }) && !heading_cont)
                        || (matches!(cur.kind, BlockKind::ListItem { .. }) && !list_cont)
                }
            }
        };
        let heading = heading && starts_new;
        if starts_new {
            let kind = if contents {
                BlockKind::Contents
            } else if heading {
                heading_kind(&f.text)
            } else if let Some((m, depth, _)) = marker {
                BlockKind::ListItem { marker: m, depth }
            } else {
                BlockKind::Paragraph
            };
            out.push(ProtoBlock {
                kind,
                lines: vec![f],
                table: None,
            });
        } else if let Some(cur) = out.last_mut() {
            cur.lines.push(f);
        }
    }
    out
}

/// A heading block for `text`, numbered and levelled by the number it starts with.
fn heading_kind(text: &str) -> BlockKind {
    let number = heading_number(text).map(|(n, _)| n);
    let level = number.as_deref().map_or(1, |n| {
        if n.contains(' ') {
            1
        } else {
            n.split('.').count().min(6) as u8
        }
    });
    BlockKind::Heading { level, number }
}

/// Turn proto-blocks into model blocks, appending their text to `doc_text`.
pub fn emit(
    proto: ProtoBlock,
    footnote: Option<u32>,
    ctx: &Context,
    doc_text: &mut String,
    out: &mut Vec<Block>,
) {
    if let Some(table) = proto.table {
        emit_table(table, ctx, doc_text, out);
        return;
    }
    let page = proto.lines.first().map(|f| f.page);
    let kind = match footnote {
        Some(n) => BlockKind::Footnote { number: n },
        None => proto.kind,
    };
    if !doc_text.is_empty() {
        doc_text.push_str("\n\n");
    }
    // Converter output that leaked HTML into a code block: read the markup.
    if let Some(paras) = leaked_html(&proto.lines, doc_text) {
        for para in paras {
            out.push(Block {
                kind: if footnote.is_some() {
                    kind.clone()
                } else {
                    BlockKind::Paragraph
                },
                para,
                page,
            });
        }
        return;
    }
    let strip = match &kind {
        BlockKind::ListItem { .. } => {
            list_marker(&proto.lines[0].text, true).map_or(0, |(_, _, at)| at)
        }
        _ => 0,
    };
    let para = build_para(&proto.lines, strip, ctx, None, doc_text);
    if para.text.is_empty() && footnote.is_none() {
        return;
    }
    // A heading whose number and title sit apart (`1.1.` then a tab) is numbered by its text.
    let kind = match kind {
        BlockKind::Heading { number: None, .. } => heading_kind(&para.text),
        kind => kind,
    };
    out.push(Block { kind, para, page });
}

/// Lines all in a monospaced font holding `<p>` markup: the paragraphs the markup makes.
fn leaked_html(lines: &[Frag], doc_text: &mut String) -> Option<Vec<crate::model::Para>> {
    if !lines.iter().all(|f| f.style_all & MONO != 0) {
        return None;
    }
    let joined = lines
        .iter()
        .map(|f| f.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    if !joined.contains("<p>") && !joined.contains("</p>") {
        return None;
    }
    let off = doc_text.len();
    doc_text.push_str(&joined);
    let page = lines.first().map(|f| f.page);
    Some(
        parse_html_paragraphs(&joined, off)
            .into_iter()
            .map(|para| match page {
                Some(p) => {
                    let mut b = ParaBuilder::new();
                    b.page(p);
                    let mut with_page = b.finish();
                    with_page.append("", &para);
                    with_page
                }
                None => para,
            })
            .collect(),
    )
}

fn emit_table(table: ProtoTable, ctx: &Context, doc_text: &mut String, out: &mut Vec<Block>) {
    // Narrow cells make some producers break words without a hyphen (`contributio` / `n`);
    // the words the document has written so far tell a split word from two words. The index
    // grows with the text instead of being rebuilt for every table.
    let mut index = ctx.words.lock().unwrap_or_else(|e| e.into_inner());
    let (done, words) = &mut *index;
    collect_words(&doc_text[(*done).min(doc_text.len())..], words);
    *done = doc_text.len();
    let words = &*words;
    if !doc_text.is_empty() {
        doc_text.push_str("\n\n");
    }
    let start = doc_text.len();
    let page = table
        .rows
        .iter()
        .flatten()
        .flatten()
        .flatten()
        .map(|f| f.page)
        .next();
    let mut model = crate::model::Table::default();
    for row in table.rows {
        let mut cells = Vec::new();
        for cell in row {
            let mut paras = Vec::new();
            for lines in cell {
                if !doc_text.ends_with(['\n', '\t']) && doc_text.len() > start {
                    doc_text.push('\t');
                }
                let para = build_para(&lines, 0, ctx, Some(words), doc_text);
                if !para.text.is_empty() {
                    paras.push(para);
                }
            }
            cells.push(crate::model::Cell { paras });
            doc_text.push('\t');
        }
        doc_text.push('\n');
        model.rows.push(cells);
    }
    let mut para = crate::model::Para::default();
    para.span = start..doc_text.len();
    out.push(Block {
        kind: BlockKind::Table(model),
        para,
        page,
    });
}

/// One paragraph from its lines: text appended to `doc_text`, styles and calls kept, line
/// ends joined with a space (or without one after a hyphen), the first `strip` bytes (a list
/// marker) left out.
fn build_para(
    lines: &[Frag],
    strip: usize,
    ctx: &Context,
    words: Option<&HashSet<String>>,
    doc_text: &mut String,
) -> crate::model::Para {
    let mut b = ParaBuilder::new();
    let (mut bold_on, mut italic_on) = (false, false);
    for (li, f) in lines.iter().enumerate() {
        b.page(f.page);
        let split_word =
            li > 0 && words.is_some_and(|w| broken_word(&lines[li - 1].text, &f.text, w));
        if li > 0 && !ends_hyphenated(&lines[li - 1].text) && !split_word {
            let off = doc_text.len();
            doc_text.push('\n');
            b.push_space(off);
        }
        // A hyphen (or soft hyphen) that splits a word at the line end is dropped.
        let drop_hyphen = li + 1 < lines.len()
            && ends_hyphenated(&f.text)
            && splits_word(&f.text, &lines[li + 1].text, ctx);
        let last_text = f
            .pieces
            .iter()
            .rposition(|p| matches!(p, Piece::Text { .. }));
        let mut skip = if li == 0 { strip } else { 0 };
        for (pi, piece) in f.pieces.iter().enumerate() {
            match piece {
                Piece::Call(n) => b.call(*n),
                Piece::Text { text, style } => {
                    let mut t = if skip > 0 {
                        let cut = skip.min(text.len());
                        skip -= cut;
                        &text[cut..]
                    } else {
                        text.as_str()
                    };
                    if Some(pi) == last_text {
                        t = if drop_hyphen {
                            t.trim_end_matches(['-', '\u{ad}'])
                        } else {
                            t.trim_end_matches('\u{ad}')
                        };
                    }
                    if t.is_empty() {
                        continue;
                    }
                    // Toggle styles only where they change, so a bold name broken over two
                    // lines stays one bold span.
                    let (bold, italic) = (style & BOLD != 0, style & ITALIC != 0);
                    if bold != bold_on {
                        b.bold(bold);
                        bold_on = bold;
                    }
                    if italic != italic_on {
                        b.italic(italic);
                        italic_on = italic;
                    }
                    let off = doc_text.len();
                    doc_text.push_str(t);
                    b.push_source(t, off);
                }
            }
        }
    }
    b.finish()
}

fn collect_words(text: &str, into: &mut HashSet<String>) {
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.len() > 1 {
            into.insert(w.to_lowercase());
        }
    }
}

/// A word broken over two lines without a hyphen: the line ends in letters, the next starts
/// in lower case, and the two pieces make a word the document knows while the first piece
/// alone is not one.
fn broken_word(prev: &str, next: &str, words: &HashSet<String>) -> bool {
    let head = trailing_letters(prev);
    let tail = leading_letters(next);
    if head.is_empty() || !tail.starts_with(char::is_lowercase) {
        return false;
    }
    // A line that starts with one or two letters that are no word (`n of Frontex`) holds the
    // end of the word before.
    const SHORT: [&str; 24] = [
        "a", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is", "it", "me", "my",
        "no", "of", "on", "or", "so", "to", "up", "us", "we",
    ];
    let next_is_word_end = next[tail.len()..]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    if tail.len() <= 2 && next_is_word_end && !SHORT.contains(&tail) {
        return true;
    }
    let whole = format!("{head}{tail}").to_lowercase();
    words.contains(&whole) && !words.contains(&head.to_lowercase())
}

/// Whether a line ends in a hyphen that joins it to the next line without a space.
fn ends_hyphenated(line: &str) -> bool {
    line.ends_with('\u{ad}') || (line.ends_with('-') && !line.ends_with(" -") && line.len() > 1)
}

/// Whether a line-end hyphen splits a word rather than a compound: the document writes the
/// word whole elsewhere (`gover-` + `nment`) and never hyphenated, so compounds such as
/// `cross-` + `border` keep their hyphen. A soft hyphen always goes.
fn splits_word(prev: &str, next: &str, ctx: &Context) -> bool {
    if prev.ends_with('\u{ad}') {
        return true;
    }
    let Some((head, tail)) = split_pair(prev, next) else {
        return false;
    };
    let whole = format!("{head}{tail}").to_lowercase();
    let hyphenated = format!("{head}-{tail}").to_lowercase();
    let h = &ctx.hyphens;
    if h.known.contains(&hyphenated) {
        return false;
    }
    // Where the producer hyphenates, a break whose first half is no word of its own
    // (`immi-` / `gration`) splits a word; `cross-` / `border` keeps its hyphen.
    h.known.contains(&whole)
        || (h.automatic
            && tail.starts_with(char::is_lowercase)
            && !h.standalone_heads.contains(&head.to_lowercase()))
}

#[cfg(test)]
mod tests;
