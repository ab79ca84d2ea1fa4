//! Figures stage: every numeric fact — money, percentages, counts, durations, measures — with
//! its value, unit and qualifier.
//!
//! A number is a figure when something says what it measures: a currency (`€3 780`,
//! `US$2.1 trillion`, `1.4 billion of euros`), a percent sign or words (`40 per cent`), a time
//! unit (`24 hours`), a measure (`5 tonnes`), or the thing it counts (`231 cases`). Years,
//! dates, section and list numbers, numbers inside references (the references stage says where
//! those are), labels (`Article 222`, `Action 2`, `JAI 282`) and names with digits (`EC3`,
//! `G8`, `Euro 2012`) are not; nor is the last member of a list of labels (`Articles 74 and
//! 76`), a number after a capitalised name (`Attribution 4.0 International`), or a day and month
//! without a year (`31 May`, `10 juin`). A range keeps both ends, scaled by a multiplier written
//! once at its end (`EUR 15 to 50 million`) or after each end.
//!
//! Number formats: thousands grouped by a space, a no-break space (U+00A0), a narrow no-break
//! space (U+202F), a thin space (U+2009) or a comma (`200 000`, `5,000`); a point for decimals.
//! A comma followed by one or two digits and no more is a decimal comma (`1,5` is 1.5), as in
//! continental usage; followed by three it groups thousands (`1,500` is 1500).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use crate::re::{Guarded, Regex};

use crate::model::{BlockKind, Document, ParaRef};
use crate::output::{CellPosition, Figure, Reference};
use crate::sentence::sentence_around;
use crate::structure::Structure;

/// A figure found in a string, before it is located in the document.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Byte range of the whole figure text (qualifier to unit or counted thing).
    pub range: Range<usize>,
    pub value: f64,
    pub value_max: Option<f64>,
    pub unit: String,
    pub qualifier: Option<String>,
    pub counted: Option<String>,
    pub spelled: bool,
}

/// Run the figures stage.
pub fn extract(doc: &Document, structure: &Structure, refs: &[Reference]) -> Vec<Figure> {
    // Where the references are, by block and cell, as source spans.
    let mut ref_spans: HashMap<(usize, Option<CellPosition>), Vec<Range<usize>>> = HashMap::new();
    for r in refs {
        for m in &r.mentions {
            ref_spans
                .entry((m.location.block, m.location.cell))
                .or_default()
                .push(m.location.span.start..m.location.span.end);
        }
    }
    let digits = Digits::of(doc.paras().map(|(_, p)| p.text.as_str()));
    let english = doc.language().code == "en";
    let mut out = Vec::new();
    for (at, para) in doc.paras() {
        let block = &doc.blocks[at.block];
        // A heading's own number (`2.1.`) is not a figure; its title may hold one.
        let from = match &block.kind {
            BlockKind::Heading {
                number: Some(_), ..
            } => crate::ingest::headings::heading_number(&para.text).map_or(0, |(_, at)| at),
            _ => 0,
        };
        let key = (at.block, cell_position(at));
        let spans = ref_spans.get(&key).map(Vec::as_slice).unwrap_or(&[]);
        let masked: Vec<Range<usize>> = if spans.is_empty() {
            Vec::new()
        } else {
            // Map reference spans back to paragraph offsets by scanning the text once.
            para_ranges_of(para, spans)
        };
        for f in find_with(&para.text[from..], &shift(&masked, from), digits, english) {
            let range = f.range.start + from..f.range.end + from;
            let sentence = sentence_around(&para.text, range.clone());
            out.push(Figure {
                value: f.value,
                value_max: f.value_max,
                unit: f.unit,
                qualifier: f.qualifier,
                text: para.text[range.clone()].to_string(),
                counted: f.counted,
                spelled: f.spelled,
                location: structure.locate(doc, at, para, range),
                sentence: para.text[sentence].to_string(),
            });
        }
    }
    out
}

fn cell_position(at: ParaRef) -> Option<CellPosition> {
    at.cell.map(|c| CellPosition {
        row: c.row,
        col: c.col,
        para: c.para,
    })
}

fn shift(ranges: &[Range<usize>], by: usize) -> Vec<Range<usize>> {
    ranges
        .iter()
        .filter(|r| r.end > by)
        .map(|r| r.start.saturating_sub(by)..r.end - by)
        .collect()
}

/// The paragraph byte ranges whose source spans fall inside any of `spans`.
fn para_ranges_of(para: &crate::model::Para, spans: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, c) in para.text.char_indices() {
        let s = para.source_offset(i);
        if spans.iter().any(|sp| sp.start <= s && s < sp.end) {
            let end = i + c.len_utf8();
            match out.last_mut() {
                Some(last) if last.end == i => last.end = end,
                _ => out.push(i..end),
            }
        }
    }
    out
}

// Grouping separators: space, no-break space, narrow no-break space, thin space, and a point
// where the document groups thousands with points (see [`Digits`]).
static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        r"\d{1,3}(?:[ \u{a0}\u{202f}\u{2009}]\d{3})+(?:\.\d+)?",
        r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?-u:\b)",
        r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?",
        r"|\d+(?:[.,]\d+)?"
    ))
    .unwrap()
});

const SPELLED: [(&str, f64); 27] = [
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
];

/// Every number word of [`SPELLED`] holds one of these (a test checks it).
const SPELLED_NEEDLES: &[&str] = &[
    "two", "three", "thirt", "four", "fort", "five", "fift", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "twenty", "hundred",
];
static SPELLED_NUMBER: Guarded = Guarded::folded(SPELLED_NEEDLES, || {
    let words = SPELLED
        .iter()
        .map(|(w, _)| *w)
        .collect::<Vec<_>>()
        .join("|");
    crate::re::compile(&format!(
        r"(?i)(?-u:\b)(?:({words})(?:-(one|two|three|four|five|six|seven|eight|nine))?)(?-u:\b)"
    ))
    .unwrap()
});

static DATES: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(&format!(
        concat!(
            r"{date}",
            r"|(?i:(?-u:\b)(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{{4}}(?-u:\b))",
            r"|(?-u:\b)\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}(?-u:\b)",
            r"|(?-u:\b)(?:19|20)\d{{2}}\s*[-–—/]\s*(?:19|20)?\d{{2}}(?-u:\b)",
            r"|https?://\S+"
        ),
        date = crate::dates::DATE_PATTERN
    ))
    .unwrap()
});

const QUALIFIERS: &[&str] = &[
    // Negated limits first: `no more than two` is a maximum, not `more than`.
    "no more than",
    "not more than",
    "no less than",
    "not less than",
    "no fewer than",
    "not fewer than",
    "not exceeding",
    "as much as",
    "as many as",
    "more than",
    "less than",
    "fewer than",
    "up to",
    "at least",
    "at most",
    "close to",
    "in excess of",
    "well over",
    "well below",
    "well above",
    "just over",
    "just under",
    "approximately",
    "roughly",
    "almost",
    "nearly",
    "around",
    "about",
    "some",
    "over",
    "under",
    "below",
    "above",
    "within",
    "circa",
    "between",
];

/// Words before a number that make it a label or a name, not a figure.
const LABELS: &[&str] = &[
    "recital",
    "recitals",
    "subparagraph",
    "subparagraphs",
    "annexes",
    "chapters",
    "footnote",
    "footnotes",
    "version",
    "sdg",
    "article",
    "articles",
    "art",
    "paragraph",
    "paragraphs",
    "point",
    "points",
    "annex",
    "section",
    "sections",
    "chapter",
    "objective",
    "objectives",
    "action",
    "actions",
    "table",
    "figure",
    "box",
    "no",
    "nr",
    "number",
    "page",
    "pages",
    "p",
    "pp",
    "recommendation",
    "priority",
    "phase",
    "level",
    "step",
    "option",
    "title",
    "part",
    "protocol",
    "rule",
    "item",
];

const TIME_UNITS: [(&str, &str); 14] = [
    ("hours", "hours"),
    ("hour", "hours"),
    ("days", "days"),
    ("day", "days"),
    ("weeks", "weeks"),
    ("week", "weeks"),
    ("months", "months"),
    ("month", "months"),
    ("years", "years"),
    ("year", "years"),
    ("minutes", "minutes"),
    ("minute", "minutes"),
    ("seconds", "seconds"),
    ("second", "seconds"),
];

/// (word, unit, factor): a scaled unit is reported in its base unit (`310 Mt` is
/// 310 000 000 tonnes). Words of three letters or fewer match only in their exact case.
const MEASURES: &[(&str, &str, f64)] = &[
    ("tonnes", "tonnes", 1.0),
    ("tonne", "tonnes", 1.0),
    ("tons", "tonnes", 1.0),
    ("ton", "tonnes", 1.0),
    ("megatonnes", "tonnes", 1e6),
    ("megatons", "tonnes", 1e6),
    ("Mt", "tonnes", 1e6),
    ("gigatonnes", "tonnes", 1e9),
    ("gigatons", "tonnes", 1e9),
    ("Gt", "tonnes", 1e9),
    ("kilograms", "kg", 1.0),
    ("kilogram", "kg", 1.0),
    ("kilos", "kg", 1.0),
    ("kg", "kg", 1.0),
    ("grams", "g", 1.0),
    ("grammes", "g", 1.0),
    ("g", "g", 1.0),
    ("kilometres", "km", 1.0),
    ("kilometers", "km", 1.0),
    ("kilometre", "km", 1.0),
    ("km", "km", 1.0),
    ("km2", "km2", 1.0),
    ("km²", "km2", 1.0),
    ("millimetres", "mm", 1.0),
    ("millimeters", "mm", 1.0),
    ("mm", "mm", 1.0),
    ("centimetres", "cm", 1.0),
    ("cm", "cm", 1.0),
    ("metres", "m", 1.0),
    ("meters", "m", 1.0),
    ("m3", "m3", 1.0),
    ("m³", "m3", 1.0),
    ("miles", "miles", 1.0),
    ("litres", "litres", 1.0),
    ("liters", "litres", 1.0),
    ("litre", "litres", 1.0),
    ("liter", "litres", 1.0),
    ("l", "litres", 1.0),
    ("hectares", "hectares", 1.0),
    ("hectare", "hectares", 1.0),
    ("ha", "hectares", 1.0),
    ("kW", "kW", 1.0),
    ("MW", "MW", 1.0),
    ("GW", "GW", 1.0),
    ("kWh", "kWh", 1.0),
    ("MWh", "MWh", 1.0),
    ("GWh", "GWh", 1.0),
    ("TWh", "TWh", 1.0),
    ("°C", "°C", 1.0),
];

/// ISO 4217 codes written before or after an amount (`JPY 20 trillion`, `150 000 CHF`).
const CURRENCY_CODES: &[&str] = &[
    "EUR", "USD", "GBP", "JPY", "CHF", "CNY", "SEK", "DKK", "NOK", "ISK", "PLN", "CZK", "HUF",
    "RON", "BGN", "HRK", "CAD", "AUD", "NZD", "INR", "KRW", "RUB", "BRL", "TRY", "ZAR", "MXN",
    "HKD", "SGD", "UAH", "SAR", "AED", "ILS",
];

const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("yen", "JPY"),
    ("swiss francs", "CHF"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("of euros", "EUR"),
    ("of euro", "EUR"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("eur", "EUR"),
    ("€", "EUR"),
    ("us dollars", "USD"),
    ("dollars", "USD"),
    ("usd", "USD"),
    ("pounds sterling", "GBP"),
    ("pounds", "GBP"),
    ("gbp", "GBP"),
];

/// Words that cannot start or continue a counted noun phrase.
const STOP: [&str; 77] = [
    "were",
    "was",
    "is",
    "are",
    "have",
    "has",
    "had",
    "will",
    "would",
    "been",
    "be",
    "being",
    "that",
    "which",
    "who",
    "whose",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "with",
    "into",
    "per",
    "than",
    "as",
    "compared",
    "related",
    "including",
    "since",
    "during",
    "between",
    "across",
    "under",
    "over",
    "of",
    "the",
    "a",
    "an",
    "or",
    "and",
    "out",
    "times",
    "based",
    "received",
    "around",
    "this",
    "these",
    "those",
    "it",
    "its",
    "their",
    "there",
    "where",
    "still",
    "also",
    "only",
    "already",
    "now",
    "then",
    "each",
    "every",
    "alone",
    "respectively",
    "together",
    "more",
    "less",
    "overall",
    "currently",
    "recently",
    "again",
    "yet",
    "just",
    "can",
    "within",
];

/// How a document writes its numbers: whether a point groups thousands (`4.300`, `1.234.567`,
/// with a decimal comma, `2,5 %`) or marks decimals (`5,000`, `2.5 %`). Learnt from the
/// numbers only one reading fits, and used for those both fit (`250.000`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Digits {
    /// `Some(true)`: points group thousands; `Some(false)`: points mark decimals; `None`:
    /// the document does not say.
    pub point_groups: Option<bool>,
}

impl Digits {
    /// The digit style of the texts of one document.
    pub fn of<'a>(texts: impl Iterator<Item = &'a str>) -> Self {
        // Points that can only group (`1.234.567`, `1.234,5`), a decimal comma before a unit
        // (`2,5 %`); commas that can only group (`5,000,000`, `5,000.5`), a decimal point
        // before a unit (`2.5 %`). A plain `5,000` or `1.500` says nothing by itself.
        static GROUPING: LazyLock<Regex> = LazyLock::new(|| {
            crate::re::compile(concat!(
                r"(?-u:\b)(?:(\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?|\d{1,3}\.\d{3},\d+|\d+,\d{1,2}\s?(?:%|per\s?cent|million|billion|degree))",
                r"|(\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?|\d{1,3},\d{3}\.\d+|\d+\.\d{1,2}\s?(?:%|per\s?cent|million|billion|degree)))(?-u:\b)"
            ))
            .unwrap()
        });
        let (mut points, mut commas) = (0usize, 0usize);
        // Only a digit followed by a point or a comma can say anything.
        let separated = |t: &str| {
            let b = t.as_bytes();
            memchr::memchr2_iter(b'.', b',', b).any(|i| i > 0 && b[i - 1].is_ascii_digit())
        };
        for text in texts.filter(|t| separated(t)) {
            for c in GROUPING.captures_iter(text) {
                if c.get(1).is_some() {
                    points += 1;
                } else {
                    commas += 1;
                }
            }
        }
        Digits {
            point_groups: (points != commas).then_some(points > commas),
        }
    }

    /// The value of a number as written, read in this style.
    pub fn parse(self, raw: &str) -> Option<f64> {
        let t: String = raw
            .chars()
            .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
            .collect();
        let (int, frac) = t.split_once(',').unwrap_or((&t, ""));
        let groups: Vec<&str> = int.split('.').collect();
        let point_grouped = groups.len() > 1
            && (1..=3).contains(&groups[0].len())
            && !groups[0].starts_with('0')
            && groups[1..].iter().all(|g| g.len() == 3)
            && (groups.len() > 2 || !frac.is_empty() || self.point_groups != Some(false));
        if point_grouped && frac.bytes().all(|b| b.is_ascii_digit()) && !frac.contains(',') {
            let whole = groups.concat();
            return if frac.is_empty() {
                whole.parse().ok()
            } else {
                format!("{whole}.{frac}").parse().ok()
            };
        }
        // Where points group thousands, a comma is always the decimal one (`2,500` is 2.5).
        if self.point_groups == Some(true) && t.matches(',').count() == 1 && !t.contains('.') {
            return t.replace(',', ".").parse().ok();
        }
        parse_number(&t)
    }
}

/// Every figure in `text`; numbers inside `masked` byte ranges (references) are skipped.
pub fn find(text: &str, masked: &[Range<usize>]) -> Vec<Found> {
    find_with(text, masked, Digits::default(), true)
}

/// [`find`], numbers read in the document's style `digits`; numbers written as English words
/// (`two`, `within one month`) only in an English text (`english`): elsewhere they are other
/// words (the Polish `ten` is `this`).
pub fn find_with(text: &str, masked: &[Range<usize>], digits: Digits, english: bool) -> Vec<Found> {
    // The dates and links a figure must not overlap, searched for when a candidate asks: most
    // paragraphs have none.
    let masks: std::cell::OnceCell<Vec<Range<usize>>> = std::cell::OnceCell::new();
    let is_masked = |r: &Range<usize>| {
        masks
            .get_or_init(|| {
                let mut all = masked.to_vec();
                all.extend(DATES.find_iter(text).map(|m| m.range()));
                all
            })
            .iter()
            .any(|m| r.start < m.end && m.start < r.end)
    };
    let mut out: Vec<Found> = Vec::new();
    let mut consumed_to = 0;
    // Every digit figure starts with an ASCII digit.
    let numbers = match text.bytes().any(|b| b.is_ascii_digit()) {
        true => NUMBER.find_iter(text).collect(),
        false => Vec::new(),
    };
    for m in numbers {
        if m.start() < consumed_to || is_masked(&m.range()) {
            continue;
        }
        if let Some(f) = digits_figure(text, m.range(), digits) {
            consumed_to = f.range.end;
            out.push(f);
        }
    }
    let spelled = english.then(|| SPELLED_NUMBER.captures_iter(text));
    for c in spelled.into_iter().flatten() {
        let Some(m) = c.get(0) else { continue };
        if is_masked(&m.range())
            || out
                .iter()
                .any(|f| f.range.start < m.end() && m.start() < f.range.end)
        {
            continue;
        }
        let tens = SPELLED
            .iter()
            .find(|(w, _)| w.eq_ignore_ascii_case(&c[1]))
            .map_or(0.0, |(_, v)| *v);
        let units = c.get(2).map_or(0.0, |u| {
            SPELLED
                .iter()
                .find(|(w, _)| w.eq_ignore_ascii_case(u.as_str()))
                .map_or(0.0, |(_, v)| *v)
        });
        if let Some(f) = spelled_figure(text, m.range(), tens + units) {
            out.push(f);
        }
    }
    // `one` is a figure only with a unit of time or measure (`within one month`); `one of
    // the`, `one Member State` are not.
    static ONE: LazyLock<Regex> =
        LazyLock::new(|| crate::re::compile(r"(?i)(?-u:\b)one(?-u:\b)").unwrap());
    // Most paragraphs have no `one`: a scan for its `o` (memchr's, a comparison of every
    // three bytes cost a sixth of the stage) spares them the search.
    let bytes = text.as_bytes();
    let has_one = english
        && memchr::memchr2_iter(b'o', b'O', bytes).any(|i| {
            bytes
                .get(i + 1..i + 3)
                .is_some_and(|ne| ne.eq_ignore_ascii_case(b"ne"))
        });
    let ones = if has_one {
        ONE.find_iter(text).collect()
    } else {
        Vec::new()
    };
    for m in ones {
        if is_masked(&m.range())
            || out
                .iter()
                .any(|f| f.range.start < m.end() && m.start() < f.range.end)
        {
            continue;
        }
        if let Some(f) = spelled_figure(text, m.range(), 1.0)
            .filter(|f| f.unit != "count" && !f.unit.chars().all(|c| c.is_ascii_uppercase()))
        {
            out.push(f);
        }
    }
    out.sort_by_key(|f| f.range.start);
    out
}

/// Parse a digit string: grouping separators dropped, a decimal comma read as a point.
pub fn parse_number(s: &str) -> Option<f64> {
    let mut t: String = s
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}'))
        .collect();
    if let Some(i) = t.rfind(',') {
        let tail = t.len() - i - 1;
        if (1..=2).contains(&tail) && t.matches(',').count() == 1 && !t.contains('.') {
            t.replace_range(i..i + 1, "."); // decimal comma
        } else {
            t = t.replace(',', "");
        }
    }
    t.parse().ok()
}

fn digits_figure(text: &str, num: Range<usize>, digits: Digits) -> Option<Found> {
    let raw = &text[num.clone()];
    // The next char must not continue the token as a digit (`12,3456`).
    let after = &text[num.end..];
    if after.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let before = &text[..num.start];
    let prev = before.chars().next_back();
    // Glued to a word (`EC3`, `G8`, `FP7`), inside a slash or hyphen compound (`24/7`,
    // `mid-2014`), or a time of day: not a figure. A currency symbol may touch it.
    if let Some(p) = prev {
        if p.is_alphabetic() && currency_before(before).is_none_or(|(_, at)| at + 3 < before.len())
        {
            return None;
        }
        if p == '/' || p == '.' || p == '_' {
            return None;
        }
        // The second term of a ratio (`14:1`).
        if p == ':' && before[..before.len() - 1].ends_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        if p == '-' && before[..before.len() - 1].ends_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
    }
    if after.starts_with('/')
        || (after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    // `(3)` alone is an enumerator.
    if before.ends_with('(') && after.starts_with(')') {
        return None;
    }
    let value = digits.parse(raw)?;
    let mut start = num.start;
    let mut currency = None;
    if let Some((code, at)) = currency_before(before) {
        currency = Some(code);
        start = at;
    }
    if currency.is_none() && (is_label(before) || is_label(list_head(before))) {
        return None;
    }
    let f = match finish(text, start, num.end, value, currency, false, raw, digits) {
        Some(f) => f,
        None => shared_percent(text, start, num.end, value)?,
    };
    // A count after a capitalised word is part of a name or a label (`Attribution 4.0
    // International`, `Convention 108`, `Recital 60`), not a number of things.
    if f.unit == "count" && f.qualifier.is_none() && name_before(before) {
        return None;
    }
    Some(f)
}

/// A number that shares the percent sign of the last member of its list (`45 and 58 %`, `10,
/// 20 or 30 per cent`).
fn shared_percent(text: &str, start: usize, end: usize, value: f64) -> Option<Found> {
    static REST: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::compile(
            r"^(?:\s*,\s*\d+(?:[.,]\d+)?)*,?\s+(?:and|or)\s+\d+(?:[.,]\d+)?\s*(?:%|per\s?cent(?-u:\b)|percent(?-u:\b))",
        )
        .unwrap()
    });
    REST.is_match(&text[end..]).then(|| Found {
        range: start..end,
        value,
        value_max: None,
        unit: "percent".to_string(),
        qualifier: None,
        counted: None,
        spelled: false,
    })
}

/// What precedes a list of label numbers that ends at `before`: for `Articles 21 to 27 and `
/// it is `Articles `, so the last member of a list of labels is a label too.
fn list_head(before: &str) -> &str {
    static LIST: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::compile(
            // A comma may join earlier members, not the last (`Article 12, 40 %`).
            r"(?:\d+[a-z]?(?:\([0-9a-z]{1,4}\))*\s*(?:,|-|–|and/or|and|or|to)\s*)*\d+[a-z]?(?:\([0-9a-z]{1,4}\))*\s*(?:-|–|and/or|and|or|to)\s*$",
        )
        .unwrap()
    });
    // Look at the last few words only: the search is per number.
    let mut from = before.len().saturating_sub(80);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    match LIST.find(&before[from..]) {
        Some(m) => &before[..from + m.start()],
        None => "",
    }
}

/// A capitalised word just before the number, inside a sentence: the number belongs to a
/// name. Function words and qualifiers that start a sentence (`These 18`, `Over 40`) do not.
fn name_before(before: &str) -> bool {
    let t = before.trim_end_matches([' ', '\u{a0}']);
    if t.len() == before.len() {
        return false;
    }
    let word = last_word(t);
    if !t.ends_with(word) || !word.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let lower = word.to_lowercase();
    if STOP.contains(&lower.as_str()) || QUALIFIERS.iter().any(|q| q.ends_with(lower.as_str())) {
        return false;
    }
    if lower == "only" || lower == "all" || lower == "some" {
        return false;
    }
    // The word starts the text or a sentence: it is not a name's first word by its capital.
    let head = t[..t.len() - word.len()].trim_end();
    !(head.is_empty() || head.ends_with(['.', ':', ';', '!', '?', '(', '•', '-', '–']))
}

fn spelled_figure(text: &str, word: Range<usize>, value: f64) -> Option<Found> {
    let before = &text[..word.start];
    let after = &text[word.end..];
    if before.ends_with('-')
        || after.starts_with('-')
        || after.starts_with('’')
        || after.starts_with('\'')
    {
        return None;
    }
    // Only the last words matter: lowering the whole text before every number word was most
    // of this stage's time on a long document.
    let tail = before.trim_end();
    let tail = &tail[tail.char_indices().rev().nth(6).map_or(0, |(i, _)| i)..];
    if tail.to_lowercase().ends_with(" of the") && after.trim_start().starts_with("of") {
        return None;
    }
    let f = finish(
        text,
        word.start,
        word.end,
        value,
        None,
        true,
        &text[word.clone()],
        Digits::default(),
    )?;
    // `the past two years` is a way of saying when, not a figure.
    if matches!(
        f.unit.as_str(),
        "years" | "months" | "weeks" | "days" | "hours"
    ) {
        let prev_word = last_word(before).to_lowercase();
        if [
            "past",
            "last",
            "next",
            "coming",
            "previous",
            "recent",
            "following",
            "first",
        ]
        .contains(&prev_word.as_str())
        {
            return None;
        }
    }
    Some(f)
}

/// Read what follows a number (multiplier, currency, unit or counted noun) and what precedes
/// it (qualifier), and build the figure. `num_end` is where the number token ends.
#[allow(clippy::too_many_arguments)]
fn finish(
    text: &str,
    start: usize,
    num_end: usize,
    mut value: f64,
    mut currency: Option<&'static str>,
    spelled: bool,
    raw: &str,
    digits: Digits,
) -> Option<Found> {
    let mut end = num_end;
    let mut value_max = None;
    // Multiplier: `2.1 trillion`, `5 million`, `€10m`, `€1.5bn`.
    let first_mult = multiplier(text, end, currency.is_some());
    let mut scaled = first_mult.is_some();
    // A range: `10-20 %`, `10 to 20 per cent`, `between 10 and 20 per cent`, `EUR 15 to
    // 50 million` (the multiplier at the end scales both), `between EUR 15 million and EUR 50
    // million`, `from 250 up to 3000`.
    let lead = last_word(&text[..start]).to_lowercase();
    let after_first = first_mult.map_or(end, |(_, e)| e);
    let range =
        range_second(text, after_first, &lead, currency, digits).and_then(|(v2, cur2, e2)| {
            let money = currency.is_some() || cur2.is_some();
            let second_mult = multiplier(text, e2, money);
            let (m1, m2, e) = match (first_mult, second_mult) {
                (None, Some((m, e))) => (m, m, e),
                (Some((m1, _)), Some((m2, e))) => (m1, m2, e),
                (None, None) => (1.0, 1.0, e2),
                // `5 million to 10 ...`: the second number is something else.
                (Some(_), None) => return None,
            };
            // A range runs upwards and does not start at a year (`in 1990 to 438.99
            // million`).
            if v2 * m2 < value * m1 || (!money && is_year(raw)) {
                return None;
            }
            // Said what it measures: a currency, a multiplier, a unit after, `between`
            // or `from`; else `2011 to 2013` would be a range.
            let ok = money
                || second_mult.is_some()
                || unit_after(text, e).is_some()
                || currency_after(text, e).is_some()
                || lead == "between"
                || (lead == "from"
                    && !is_year(raw)
                    && v2.fract() == 0.0
                    && !(1900.0..=2100.0).contains(&v2));
            ok.then_some((value * m1, v2 * m2, cur2, e, second_mult.is_some()))
        });
    if let Some((v1, v2, cur2, e, m2)) = range {
        value = v1;
        value_max = Some(v2);
        currency = currency.or(cur2);
        end = e;
        scaled |= m2 || first_mult.is_some();
    } else if let Some((mult, e)) = first_mult {
        value *= mult;
        end = e;
    }
    // Currency after the number: `2 million euro`, `1.4 billion of euros`, `150 000 EUR`.
    if currency.is_none() {
        if let Some((code, e)) = currency_after(text, end) {
            currency = Some(code);
            end = e;
        }
    }
    let unit: String;
    let mut counted = None;
    if let Some(code) = currency {
        unit = code.to_string();
    } else if let Some((u, e, factor)) = unit_after(text, end) {
        unit = u.to_string();
        value *= factor;
        value_max = value_max.map(|v| v * factor);
        end = e;
    } else {
        // A count: needs the thing it counts; a bare year-like number is a year. A number
        // with a multiplier word (`set at 45 million,`) or a `from` range is a count alone.
        if !spelled && is_year(raw) {
            return None;
        }
        match counted_noun(text, end) {
            Some((noun, e)) => {
                counted = Some(noun);
                end = e;
            }
            None if scaled || (value_max.is_some() && lead == "from") => {}
            None => return None,
        }
        unit = "count".to_string();
    }
    // Qualifier before the figure; `between X and Y` makes a range.
    let mut qualifier = None;
    let mut q_start = start;
    let before = text[..start].trim_end_matches([' ', '\u{a0}']);
    // Only the words right before the figure can qualify it: the tail is lowered, one
    // character longer than the longest qualifier (to see the word boundary), not the
    // paragraph, which took a tenth of the stage's time on long texts.
    let longest = QUALIFIERS
        .iter()
        .map(|q| q.chars().count())
        .max()
        .unwrap_or(0);
    let tail = before
        .char_indices()
        .nth_back(longest)
        .map_or(0, |(i, _)| i);
    let lower = before[tail..].to_lowercase();
    for q in QUALIFIERS {
        if lower.ends_with(q)
            && lower[..lower.len() - q.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            // `under three pillars` says where, not how many.
            if *q == "under" && spelled && unit == "count" {
                break;
            }
            qualifier = Some(q.to_string());
            q_start = before.len() - q.len();
            break;
        }
    }
    // `from 250 up to 3000`: the range's text starts at `from`, which qualifies nothing.
    if qualifier.is_none() && value_max.is_some() && lower.ends_with("from") {
        q_start = before.len() - "from".len();
    }
    Some(Found {
        range: q_start..end,
        value,
        value_max,
        unit,
        qualifier,
        counted,
        spelled,
    })
}

fn is_year(raw: &str) -> bool {
    raw.len() == 4
        && raw.chars().all(|c| c.is_ascii_digit())
        && raw.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

fn last_word(s: &str) -> &str {
    s.trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
}

/// A label word or code just before a number: `Article 222`, `Action 2`, `JAI 282`, `No 5`.
fn is_label(before: &str) -> bool {
    let t = before.trim_end_matches([' ', '\u{a0}']);
    if t.len() == before.len() && !before.is_empty() && !before.ends_with(['(', '—', '–']) {
        // Glued to something other than a space: handled by the caller.
        return false;
    }
    let word = last_word(t);
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if LABELS.contains(&lower.as_str()) && t.ends_with(word) {
        return true;
    }
    // A code in capitals (`JAI 282`, `COSI 40`, `EU 27`), not a currency code.
    t.ends_with(word)
        && word.len() >= 2
        && word.chars().all(|c| c.is_ascii_uppercase())
        && !CURRENCY_CODES.contains(&word)
}

/// A currency just before position `before.len()`: its ISO code and where it starts.
fn currency_before(before: &str) -> Option<(&'static str, usize)> {
    let t = before.trim_end_matches([' ', '\u{a0}', '\u{202f}']);
    for (sym, code) in [
        ("US$", "USD"),
        ("US $", "USD"),
        ("€", "EUR"),
        ("$", "USD"),
        ("£", "GBP"),
        ("¥", "JPY"),
    ]
    .into_iter()
    .chain(CURRENCY_CODES.iter().map(|c| (*c, *c)))
    {
        if t.ends_with(sym) {
            let at = t.len() - sym.len();
            let word_ok = !sym.chars().all(char::is_alphabetic)
                || t[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric());
            if word_ok {
                return Some((code, at));
            }
        }
    }
    None
}

fn skip_space(text: &str, at: usize) -> usize {
    at + (text[at..].len()
        - text[at..]
            .trim_start_matches([' ', '\u{a0}', '\u{202f}', '\u{2009}'])
            .len())
}

/// The word starting at `at` (letters, digits, `²`), and where it ends.
fn word_at(text: &str, at: usize) -> (&str, usize) {
    let w: usize = text[at..]
        .char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '²'))
        .map_or(text.len() - at, |(i, _)| i);
    (&text[at..at + w], at + w)
}

fn multiplier(text: &str, at: usize, money: bool) -> Option<(f64, usize)> {
    // Glued short forms only with money: `€10m`, `€1.5bn`.
    let glued = word_at(text, at);
    if money && !glued.0.is_empty() {
        match glued.0 {
            "m" | "mn" | "mln" | "mio" => return Some((1e6, glued.1)),
            "bn" | "bln" | "mrd" => return Some((1e9, glued.1)),
            _ => {}
        }
    }
    let s = skip_space(text, at);
    let (w, e) = word_at(text, s);
    let mult = match w.to_lowercase().as_str() {
        "thousand" => 1e3,
        "million" | "millions" => 1e6,
        "billion" | "billions" => 1e9,
        "trillion" | "trillions" => 1e12,
        "bn" | "bln" => 1e9,
        "mln" => 1e6,
        "mn" | "m" | "mio" if money => 1e6,
        "mrd" if money => 1e9,
        _ => return None,
    };
    Some((mult, e))
}

fn currency_after(text: &str, at: usize) -> Option<(&'static str, usize)> {
    let s = skip_space(text, at);
    let rest = &text[s..];
    let lower = rest.get(..rest.len().min(20))?.to_lowercase();
    for &(w, code) in CURRENCY_WORDS {
        if lower.starts_with(w) {
            let e = s + w.len();
            if text[e..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
            {
                return Some((code, e));
            }
        }
    }
    // An ISO code, in capitals: `150 000 CHF`.
    let (w, e) = word_at(text, s);
    CURRENCY_CODES.iter().find(|c| **c == w).map(|c| (*c, e))
}

fn lower_prefix(text: &str, at: usize, n: usize) -> String {
    let rest = &text[at..];
    let mut end = rest.len().min(n);
    while !rest.is_char_boundary(end) {
        end -= 1;
    }
    rest[..end].to_lowercase()
}

/// A unit after the number: percent, percentage points, a time unit or a measure; with the
/// factor that brings the value to the unit (`Mt` to tonnes).
fn unit_after(text: &str, at: usize) -> Option<(&'static str, usize, f64)> {
    let s = skip_space(text, at);
    if text[s..].starts_with('%') {
        return Some(("percent", s + 1, 1.0));
    }
    let lower = lower_prefix(text, s, 24);
    for (w, unit) in [
        ("percentage points", "percentage_points"),
        ("percentage point", "percentage_points"),
        ("per cent", "percent"),
        ("percent", "percent"),
        // Days counted by the calendar they follow: a unit of their own.
        ("working days", "working_days"),
        ("working day", "working_days"),
        ("business days", "working_days"),
        ("calendar days", "calendar_days"),
        ("calendar day", "calendar_days"),
        ("degrees celsius", "°C"),
        ("degree celsius", "°C"),
        ("°c", "°C"),
        ("° c", "°C"),
    ] {
        if lower.starts_with(w)
            && text[s + w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            return Some((unit, s + w.len(), 1.0));
        }
    }
    let (w, e) = word_at(text, s);
    // `5-year` attributive forms count as durations too.
    let (w, e) = if w.is_empty() && text[s..].starts_with('-') {
        word_at(text, s + 1)
    } else {
        (w, e)
    };
    let lw = w.to_lowercase();
    for (name, unit) in TIME_UNITS {
        if lw == name {
            return Some((unit, e, 1.0));
        }
    }
    for &(name, unit, factor) in MEASURES {
        if w == name || (name.len() > 3 && lw == name) {
            return Some((unit, e, factor));
        }
    }
    None
}

/// The second number of a range after a number that ends at `at`: `-20`, ` to 20`, ` to EUR
/// 50`, ` and 20` after `between`, ` up to 3000` after `from`. Its value, its currency when it
/// repeats one (it must be the first's), and where its digits end.
fn range_second(
    text: &str,
    at: usize,
    lead: &str,
    currency: Option<&'static str>,
    digits: Digits,
) -> Option<(f64, Option<&'static str>, usize)> {
    static TO: LazyLock<Regex> =
        LazyLock::new(|| crate::re::compile(r"^\s*(?:-|–|—|to(?:\s|$)|up to(?:\s|$))\s*").unwrap());
    static AND: LazyLock<Regex> = LazyLock::new(|| crate::re::compile(r"^\s+and\s+").unwrap());
    let rest = &text[at..];
    let sep = if lead == "between" {
        AND.find(rest)?
    } else {
        TO.find(rest)?
    };
    if sep.as_str().trim_start().starts_with("up") && lead != "from" {
        return None;
    }
    let mut s = at + sep.end();
    let mut cur2 = None;
    // A repeated currency: `EUR 15 million and EUR 50 million`, `€15-€20`.
    if let Some((code, len)) = currency_at(text, s) {
        if currency.is_some_and(|c| c != code) {
            return None;
        }
        cur2 = Some(code);
        s = skip_space(text, s + len);
    }
    static NUMBER_AT: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::compile(concat!(
            r"^(?:\d{1,3}(?:[ \u{a0}\u{202f}\u{2009}]\d{3})+(?:\.\d+)?",
            r"|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?-u:\b)",
            r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?",
            r"|\d+(?:[.,]\d+)?)"
        ))
        .unwrap()
    });
    let m = NUMBER_AT.find(&text[s..])?;
    let e = s + m.end();
    if text[e..].starts_with(|c: char| c.is_ascii_digit() || c == '/') {
        return None;
    }
    Some((digits.parse(m.as_str())?, cur2, e))
}

/// A currency symbol or ISO code starting at `at`, and its length.
fn currency_at(text: &str, at: usize) -> Option<(&'static str, usize)> {
    let rest = &text[at..];
    for (sym, code) in [
        ("US$", "USD"),
        ("€", "EUR"),
        ("$", "USD"),
        ("£", "GBP"),
        ("¥", "JPY"),
    ] {
        if rest.starts_with(sym) {
            return Some((code, sym.len()));
        }
    }
    let (w, _) = word_at(text, at);
    CURRENCY_CODES
        .iter()
        .find(|c| **c == w)
        .map(|c| (*c, w.len()))
}

/// The noun phrase a count counts: up to four words after the number, stopping at
/// punctuation, a function word or a verb form; `X and Ys` joins two plural nouns.
fn counted_noun(text: &str, at: usize) -> Option<(String, usize)> {
    let mut pos = skip_space(text, at);
    if pos == at && at < text.len() {
        return None; // glued to what follows
    }
    let mut words: Vec<&str> = Vec::new();
    let mut end = at;
    let mut first_start = pos;
    while words.len() < 4 {
        let (w, e) = noun_word(text, pos);
        if w.is_empty() {
            break;
        }
        let lw = w.to_lowercase();
        let first = words.is_empty();
        if STOP.contains(&lw.as_str()) {
            // `institutions and sectors`: a second plural noun after `and`.
            if lw == "and" && !first {
                let after = skip_space(text, e);
                let (w2, e2) = noun_word(text, after);
                if w2.len() > 3 && w2.ends_with('s') && !STOP.contains(&w2.to_lowercase().as_str())
                {
                    words.push(&text[pos..e2]);
                    end = e2;
                }
            }
            break;
        }
        // A day and month without a year (`31 May`, `10 juin`) is a date. `may` in lower
        // case is the verb.
        if first
            && (crate::dates::month_number(w).is_some()
                && (w.len() > 3 || w.starts_with(|c: char| c.is_uppercase()))
                || crate::dates::french_month_number(&lw).is_some()
                || w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        {
            return None;
        }
        // A participle ends the phrase (`countries participating in`) unless a noun follows
        // it (`training activities`).
        if !first && (lw.ends_with("ing") || lw.ends_with("ed")) && lw.len() > 4 {
            let (next, _) = noun_word(text, skip_space(text, e));
            let next = next.to_lowercase();
            let modifier = text[e..].starts_with(' ')
                && !next.is_empty()
                && !STOP.contains(&next.as_str())
                && !next.ends_with("ing")
                && !next.ends_with("ed");
            if !modifier {
                break;
            }
        }
        if first {
            first_start = e - w.len();
        }
        words.push(w);
        end = e;
        // A plural noun heads the phrase; what follows is a verb or a modifier of it
        // (`5,000 investigations concerned ...`), unless `and` joins another noun.
        let plural = lw.len() > 3 && lw.ends_with('s') && !lw.ends_with("ss");
        if plural
            && !noun_word(text, skip_space(text, e))
                .0
                .eq_ignore_ascii_case("and")
        {
            break;
        }
        if text[e..].starts_with(|c: char| !c.is_whitespace() && c != '\u{a0}') {
            break; // punctuation ends the phrase
        }
        pos = skip_space(text, e);
    }
    if words.is_empty() {
        return None;
    }
    Some((text[first_start..end].to_string(), end))
}

/// A word for a noun phrase: letters, digits, hyphens and apostrophes inside.
fn noun_word(text: &str, at: usize) -> (&str, usize) {
    // An opening quote may precede the noun: `three 'peers'`.
    let at = if text[at..].starts_with(['‘', '\'', '“']) {
        at + text[at..].chars().next().map_or(0, char::len_utf8)
    } else {
        at
    };
    let rest = &text[at..];
    if !rest.starts_with(char::is_alphabetic) {
        return ("", at);
    }
    let mut end = 0;
    for (i, c) in rest.char_indices() {
        if c.is_alphanumeric() {
            end = i + c.len_utf8();
        } else if matches!(c, '-' | '’' | '\'')
            && rest[i + c.len_utf8()..].starts_with(char::is_alphanumeric)
        {
            continue;
        } else {
            break;
        }
    }
    (&rest[..end], at + end)
}

#[cfg(test)]
mod tests;
