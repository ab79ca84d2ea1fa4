//! Dates as EU documents write them (`12 April 2013`, `10.4.2013`, `14.7.2012`), to ISO 8601.

use std::sync::LazyLock;

use crate::re::Regex;

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Month number (1-12) of an English month name or its three-letter abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    if n.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| *m == n || (n.len() == 3 && m.starts_with(&n)) || (n == "sept"))
        .map(|i| if n == "sept" { 9 } else { i as u32 + 1 })
}

/// French month names, as the Council's French headers date a document (`Bruxelles, le 14 mars
/// 2023`).
const FRENCH_MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// Month number (1-12) of a French month name, with or without its accents.
pub(crate) fn french_month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.');
    // Compared a character at a time: the figures stage asks this of many words, and a
    // lowered, unaccented copy of each name took a twentieth of its time.
    let plain = |c: char| match c {
        'é' | 'è' => 'e',
        'û' => 'u',
        c => c,
    };
    FRENCH_MONTHS
        .iter()
        .position(|m| {
            m.chars()
                .map(plain)
                .eq(n.chars().flat_map(char::to_lowercase).map(plain))
        })
        .map(|i| i as u32 + 1)
}

/// The regex fragment that matches a date in any of the forms [`parse_date`] reads.
pub const DATE_PATTERN: &str = r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?i:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}|(?i:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},?\s+\d{4})";

static DMY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"^(\d{1,2})(?:st|nd|rd|th|er)?[\s\u{a0}]+(\p{L}+)\.?[\s\u{a0}]+(\d{4})$")
        .unwrap()
});
static MDY_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"^([A-Za-z]+)[\s\u{a0}]+(\d{1,2}),?[\s\u{a0}]+(\d{4})$").unwrap()
});
static NUMERIC: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^(\d{1,2})[./](\d{1,2})[./](\d{4})$").unwrap());
static ISO: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^(\d{4})-(\d{2})-(\d{2})$").unwrap());

/// Parse a whole string as a date; numeric dates are day first, as in EU documents.
pub fn parse_date(s: &str) -> Option<String> {
    let s = s.trim().trim_end_matches(['.', ',']);
    let (y, m, d) = if let Some(c) = DMY_WORDS.captures(s) {
        (
            c[3].parse().ok()?,
            month_number(&c[2]).or_else(|| french_month_number(&c[2]))?,
            c[1].parse().ok()?,
        )
    } else if let Some(c) = MDY_WORDS.captures(s) {
        (c[3].parse().ok()?, month_number(&c[1])?, c[2].parse().ok()?)
    } else if let Some(c) = NUMERIC.captures(s) {
        (c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)
    } else if let Some(c) = ISO.captures(s) {
        (c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
    } else {
        return None;
    };
    iso(y, m, d)
}

/// The latest year a document can carry: the coming one (the clock's year, and a year more for
/// a document dated ahead across the new year).
pub fn latest_year() -> u32 {
    static YEAR: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    *YEAR.get_or_init(|| {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        // The mean Gregorian year, 365.2425 days.
        1970 + (secs / 31_556_952) as u32 + 1
    })
}

/// `YYYY-MM-DD` for a valid calendar date.
pub fn iso(y: u32, m: u32, d: u32) -> Option<String> {
    if !(1900..=2199).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
        return None;
    }
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

pub fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Find the first date in `s` and return it as ISO 8601 with its byte range.
pub fn find_date(s: &str) -> Option<(String, std::ops::Range<usize>)> {
    static ANY: LazyLock<Regex> =
        LazyLock::new(|| crate::re::compile(&format!(r"\b{DATE_PATTERN}\b")).unwrap());
    ANY.find_iter(s)
        .find_map(|m| parse_date(m.as_str()).map(|d| (d, m.range())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms() {
        assert_eq!(parse_date("12 April 2013").as_deref(), Some("2013-04-12"));
        assert_eq!(parse_date("10.4.2013").as_deref(), Some("2013-04-10"));
        assert_eq!(parse_date("14.7.2012").as_deref(), Some("2012-07-14"));
        assert_eq!(
            parse_date("1st October 2013").as_deref(),
            Some("2013-10-01")
        );
        assert_eq!(parse_date("April 12, 2013").as_deref(), Some("2013-04-12"));
        assert_eq!(parse_date("2013-04-12").as_deref(), Some("2013-04-12"));
        assert_eq!(
            parse_date("12\u{a0}Sept\u{a0}2013").as_deref(),
            Some("2013-09-12")
        );
        assert_eq!(parse_date("31.2.2013"), None);
        assert_eq!(parse_date("29.2.2012").as_deref(), Some("2012-02-29"));
        assert_eq!(parse_date("12 Foo 2013"), None);
        assert_eq!(parse_date("14 mars 2023").as_deref(), Some("2023-03-14"));
        assert_eq!(
            parse_date("1er février 2023").as_deref(),
            Some("2023-02-01")
        );
        assert_eq!(parse_date("3 decembre 2021").as_deref(), Some("2021-12-03"));
    }

    #[test]
    fn french_months_with_or_without_accents() {
        for (name, n) in [
            ("Février", Some(2)),
            ("fevrier", Some(2)),
            ("AOUT", Some(8)),
            ("août", Some(8)),
            ("déc", None),
            ("mai.", Some(5)),
            ("mayo", None),
            ("", None),
        ] {
            assert_eq!(french_month_number(name), n, "{name}");
        }
    }

    #[test]
    fn finds_inside_text() {
        let (d, r) = find_date("Brussels, 12 April 2013 (OR. en)").unwrap();
        assert_eq!(d, "2013-04-12");
        assert_eq!(r, 10..23);
        assert!(find_date("in 2013").is_none());
    }
}
