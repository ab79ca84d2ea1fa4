//! Headings among a page's lines: a numbered line set apart by its type, a deep section
//! number, a label set apart from its title by a tab; and the heading a line's number makes.

use crate::ingest::headings::heading_number;
use crate::model::BlockKind;

/// A number, letter or bullet alone: the label of a heading or list item set apart by a tab.
pub(super) fn is_label(text: &str) -> bool {
    static LABEL: std::sync::LazyLock<crate::re::Regex> = std::sync::LazyLock::new(|| {
        crate::re::compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.?|[IVXLC]{1,6}\.|[A-Za-z][.)]|\(?[a-z0-9]{1,4}\)|[-•▪◦●■–—\u{f0b7}\u{f0a7}\u{f0fd}\u{f0a8}\u{f0d8}])$").unwrap()
    });
    LABEL.is_match(text.trim())
}

/// A short line opening with a number of two or more levels (`2.2.1.`) and not ending like a
/// sentence: a subsection heading even in the body's type.
pub(super) fn is_subsection_line(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() <= 120
        && !t.ends_with(['.', ';', ',', ':'])
        && heading_number(t).is_some_and(|(n, _)| {
            // `05.02.01` is a budget line, not a section.
            n.contains('.') && !n.contains(' ') && !n.starts_with('0')
        })
}

/// A line that ends where a heading cannot: on a function word, a comma or a dash.
pub(super) static OPEN_END: std::sync::LazyLock<crate::re::Regex> =
    std::sync::LazyLock::new(|| {
        crate::re::compile(r"(?i)(?:\b(?:and|or|of|the|to|for|in|on|with|by|a|an)|[,–—-])$")
            .unwrap()
    });

/// A bold line that is a numbered heading: a section number (`2.1.`, `Annex 1:`) and a title
/// in capitals or sentence case, not ending like a list item.
pub(super) fn is_heading_line(text: &str) -> bool {
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

/// A heading block for `text`, numbered and levelled by the number it starts with.
pub(super) fn heading_kind(text: &str) -> BlockKind {
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
