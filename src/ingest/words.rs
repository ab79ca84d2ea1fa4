//! Word-level tests that several readers share.

/// Words a sentence or a title does not end on: text that ends on one goes on.
pub(crate) const FUNCTION_WORDS: [&str; 24] = [
    "a", "an", "the", "of", "to", "in", "on", "for", "with", "by", "at", "from", "and", "or", "as",
    "into", "that", "which", "its", "their", "this", "these", "between", "under",
];

/// A line in capitals (a title or heading), with at least two words of letters.
pub(crate) fn is_caps_line(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    words.len() >= 2 && words.iter().all(|w| !w.chars().any(char::is_lowercase))
}
