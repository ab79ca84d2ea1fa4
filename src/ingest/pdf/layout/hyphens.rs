//! Words cut at a line end: which line-end hyphens split a word (and go) and which belong to
//! a compound (and stay), and words that a narrow cell breaks without a hyphen.

use std::collections::HashSet;

use super::fragments::Frag;

/// For de-hyphenation, from every line that ends in a hyphen and the line after it.
#[derive(Default)]
pub(super) struct Hyphens {
    /// The joined forms (`government`, `cross-border`), lower-cased, that the document also
    /// writes on one line.
    known: HashSet<String>,
    /// The first halves (`coop` of `coop-` / `erate`) that the document writes as words of
    /// their own, outside any hyphenated compound.
    standalone_heads: HashSet<String>,
    /// So many lines end in a hyphen that the producer hyphenates words (TeX does; Word and
    /// LibreOffice, as EU documents are set, do not).
    pub(super) automatic: bool,
}

/// Read what the document's line-end hyphens are.
pub(super) fn hyphens(pages: &[Vec<Frag>]) -> Hyphens {
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

/// Whether a line ends in a hyphen that joins it to the next line without a space.
pub(super) fn ends_hyphenated(line: &str) -> bool {
    line.ends_with('\u{ad}') || (line.ends_with('-') && !line.ends_with(" -") && line.len() > 1)
}

/// Whether a line-end hyphen splits a word rather than a compound: the document writes the
/// word whole elsewhere (`gover-` + `nment`) and never hyphenated, so compounds such as
/// `cross-` + `border` keep their hyphen. A soft hyphen always goes.
pub(super) fn splits_word(prev: &str, next: &str, h: &Hyphens) -> bool {
    if prev.ends_with('\u{ad}') {
        return true;
    }
    let Some((head, tail)) = split_pair(prev, next) else {
        return false;
    };
    let whole = format!("{head}{tail}").to_lowercase();
    let hyphenated = format!("{head}-{tail}").to_lowercase();
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

/// A word broken over two lines without a hyphen: the line ends in letters, the next starts
/// in lower case, and the two pieces make a word the document knows while the first piece
/// alone is not one.
pub(super) fn broken_word(prev: &str, next: &str, words: &HashSet<String>) -> bool {
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

/// Add the words of `text` (two characters or more, lower-cased) to `into`.
pub(super) fn collect_words(text: &str, into: &mut HashSet<String>) {
    for w in text.split(|c: char| !c.is_alphanumeric()) {
        if w.len() > 1 {
            into.insert(w.to_lowercase());
        }
    }
}
