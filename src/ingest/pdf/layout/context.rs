//! What the block builder and the emitter know of the whole document: the body text's size,
//! font family and line pitch and how it hyphenates, measured once over all pages.

use std::collections::{HashMap, HashSet};

use super::fragments::Frag;
use super::hyphens::{Hyphens, hyphens};

/// Everything the block builder needs to know about the document.
pub(crate) struct Context {
    pub(super) body: f32,
    /// The font family of the body text.
    pub(super) body_family: u32,
    pub(super) pitch: f32,
    /// What the document's line-end hyphens are: see [`Hyphens`].
    pub(super) hyphens: Hyphens,
    /// The lower-cased words of the document text emitted so far and how far that text was
    /// read; blocks are emitted in order on one thread, so the lock is never contended.
    pub(super) words: std::sync::Mutex<(usize, HashSet<String>)>,
}

impl Context {
    /// Measure the document's pages.
    pub(crate) fn measure(pages: &[Vec<Frag>]) -> Context {
        let body = body_size(pages);
        Context {
            body,
            body_family: body_family(pages, body),
            pitch: line_pitch(pages, body),
            hyphens: hyphens(pages),
            words: Default::default(),
        }
    }
}

/// The most common main font size over all fragments, weighted by text length.
fn body_size(pages: &[Vec<Frag>]) -> f32 {
    let mut counts: HashMap<i32, usize> = HashMap::new();
    for f in pages.iter().flatten() {
        *counts.entry((f.size * 2.0).round() as i32).or_default() += f.text.len();
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map_or(12.0, |(k, _)| k as f32 / 2.0)
}

/// The font family most body-size text is set in.
fn body_family(pages: &[Vec<Frag>], body: f32) -> u32 {
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

/// Distance between consecutive baselines inside a paragraph of body text: the most common
/// spacing between body-size lines, unless a clearly smaller spacing also recurs (in a
/// document of short paragraphs the most common spacing is the paragraph gap).
fn line_pitch(pages: &[Vec<Frag>], body: f32) -> f32 {
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
