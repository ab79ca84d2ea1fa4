//! Self-checks: where an extraction shows that it cannot be trusted.
//!
//! [`check`] runs after the stages and reads only the document model and the findings (never
//! the input bytes), so every reader gets the same checks. It names each anomaly by its
//! [`AnomalyKind`]. The first thirteen kinds are the checks of the evaluation kit's
//! `selfcheck.py`, mirrored rule for rule (its regexes, thresholds and keys), so that the two
//! count the same on any extraction; the others are what only the library sees: the model's
//! tables and calls, heading numbers that skip, and the readers' warnings, each given a kind.
//!
//! Mirroring means keeping the script's rules where the library could do better: footnote
//! gaps are counted over all of a document's numbers even where numbering restarts on every
//! page (there a gap inside one page goes unseen), and the residue checks read the texts the
//! script reads (footnotes, mention and figure sentences, commitments), each mention's
//! sentence once per mention.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use crate::model::{BlockKind, Document};
use crate::output::{
    Anomaly, AnomalyKind, AnomalyPlace, Extraction, Footnote, Location, MAX_ANOMALY_PLACES, Section,
};
use crate::re::Regex;

fn unicode(pattern: &str) -> Regex {
    crate::re::compile_unicode(pattern).expect("a valid built-in pattern")
}

// The script's patterns, as written there (Python reads `\d`, `\b`, `\s` as Unicode).
static RESIDUE: LazyLock<Regex> =
    LazyLock::new(|| unicode(r"\(\^\s?\d*\s?\)|\[\^\d+\]|</?sup>|\^\d+\b"));
/// The script's FURNITURE is one pattern of three alternatives; the second ends in a
/// lookahead `(?! of)` the regex crate lacks, so each is its own pattern here.
static FOOTER: LazyLock<Regex> = LazyLock::new(|| unicode(r"(^|\s)EN\s+\d{1,3}\s+EN(\s|$)"));
static RUNNING_HEAD: LazyLock<Regex> = LazyLock::new(|| unicode(r"\bL \d{1,3}/\d{1,3}\b"));
static MASTHEAD: LazyLock<Regex> =
    LazyLock::new(|| unicode(r"\bOfficial Journal of the European Union\s+[LC] \d+/\d+"));
static NOTE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    unicode(
        r"^\d{1,3} (COM|OJ|SWD|SEC|JOIN|Directive|Regulation|Decision|See|Ibid|https?|European|Council|Commission)\b",
    )
});
static PROSE_START: LazyLock<Regex> = LazyLock::new(|| {
    unicode(
        r"^(The|This|These|Any|In|Where|When|If|Member States|Each|For|A|An)\b.*\b(shall|is|are|was|were|has|have|may|will|should)\b",
    )
});
static MAGNITUDE: LazyLock<Regex> =
    LazyLock::new(|| unicode(r"(?i)\b(million|billion|trillion|thousand|bn|m)\b"));
/// Python's `$` also matches before a final newline.
static CELEX: LazyLock<Regex> = LazyLock::new(|| {
    unicode(r"^[0-9CE][0-9]{4}[A-Z]{1,2}[0-9]{1,4}(\([0-9]+\))?(R\([0-9]+\))?\n?$")
});
static ACT_ID: LazyLock<Regex> =
    LazyLock::new(|| unicode(r"\((EU|EC|EEC)(?:, Euratom)?\)\s+(No\s+)?(\d+)/(\d+)"));
static DOMAIN_AND_SUFFIX: LazyLock<Regex> =
    LazyLock::new(|| unicode(r"\((EU|EC|EEC)\)\s+\d{4}/\d+/(EC|EEC|EU)\b"));
static DOTTED: LazyLock<Regex> = LazyLock::new(|| unicode(r"^\d+(\.\d+)*$"));
static CALL_WITHOUT_BODY: LazyLock<Regex> =
    LazyLock::new(|| unicode(r"call (\d+) has no (?:footnote )?body(?: on page (\d+))?"));
static CALL_WITHOUT_BODY_SCRIPT: LazyLock<Regex> =
    LazyLock::new(|| unicode(r"call \d+ has no (footnote )?body"));
static PAGES: LazyLock<Regex> = LazyLock::new(|| unicode(r"^page\(s\) ([0-9, ]+)"));
/// A heading number with a kind word: `Article 12`, `Chapter IV`, `Annex 2`, `Section A`.
static WORD_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    unicode(r"^(Article|Chapter|Section|Title|Part|Annex|Subsection) ([0-9]+|[IVXLC]+|[A-Z])$")
});

/// The anomalies of an extraction `e` of the document `doc`: one entry per kind found, in
/// the order of [`AnomalyKind::ALL`]. `e.quality` itself is not read.
pub fn check(doc: &Document, e: &Extraction) -> Vec<Anomaly> {
    let mut r = Report::default();
    let at = Sections(&e.sections);
    footnotes(e, &at, &mut r);
    warnings(doc, e, &at, &mut r);
    headings(e, &mut r);
    residue(e, &at, &mut r);
    figures(e, &mut r);
    references(e, &mut r);
    heading_skips(e, &mut r);
    table_headers(doc, &at, &mut r);
    tables_unread(e, &mut r);
    r.finish()
}

/// The anomalies found so far, by kind: the places, and how many more were counted without
/// one.
#[derive(Default)]
struct Report {
    found: HashMap<AnomalyKind, (Vec<AnomalyPlace>, usize)>,
}

impl Report {
    fn add(&mut self, kind: AnomalyKind, place: AnomalyPlace) {
        self.found.entry(kind).or_default().0.push(place);
    }

    /// Count `n` more of `kind` that would never be listed (past the places a kind lists).
    fn add_unplaced(&mut self, kind: AnomalyKind, n: usize) {
        if n > 0 {
            self.found.entry(kind).or_default().1 += n;
        }
    }

    /// The kinds found, in their order, each with its count and its first places in document
    /// order (by block; places known only by page, from the warnings, after those).
    fn finish(mut self) -> Vec<Anomaly> {
        AnomalyKind::ALL
            .into_iter()
            .filter_map(|kind| {
                let (mut places, unplaced) = self.found.remove(&kind)?;
                let count = places.len() + unplaced;
                places.sort_by_key(|p| (p.block.is_none(), p.block));
                places.truncate(MAX_ANOMALY_PLACES);
                Some(Anomaly {
                    kind,
                    count,
                    places,
                })
            })
            .collect()
    }
}

/// The section tree, to name the section of a block.
struct Sections<'a>(&'a [Section]);

impl Sections<'_> {
    /// The innermost numbered section holding `block`: the last in document order whose
    /// blocks hold it (a subsection follows its parent and lies inside it).
    fn of(&self, block: usize) -> Option<String> {
        self.0
            .iter()
            .rev()
            .find(|s| s.blocks.start <= block && block < s.blocks.end)
            .map(|s| s.number.clone())
    }

    fn place(&self, page: Option<u32>, block: usize, excerpt: String) -> AnomalyPlace {
        AnomalyPlace {
            page,
            section: self.of(block),
            block: Some(block),
            footnote: None,
            excerpt,
        }
    }
}

fn at_location(loc: &Location, excerpt: String) -> AnomalyPlace {
    AnomalyPlace {
        page: loc.page,
        section: loc.section.clone(),
        block: Some(loc.block),
        footnote: loc.footnote,
        excerpt,
    }
}

/// The first `n` characters of `s`.
fn first_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// Up to `width` characters either side of `range` of `text`, with `…` where it was cut.
fn excerpt(text: &str, range: Range<usize>, width: usize) -> String {
    let start = text[..range.start]
        .char_indices()
        .rev()
        .nth(width.saturating_sub(1))
        .map_or(0, |(i, _)| i);
    let end = text[range.end..]
        .char_indices()
        .nth(width)
        .map_or(text.len(), |(i, _)| range.end + i);
    format!(
        "{}{}{}",
        if start > 0 { "…" } else { "" },
        &text[start..end],
        if end < text.len() { "…" } else { "" }
    )
}

/// `footnote-gap` and `footnote-uncalled`, from the footnotes.
fn footnotes(e: &Extraction, at: &Sections, r: &mut Report) {
    let mut numbers: Vec<u32> = e.footnotes.iter().map(|f| f.number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    // Gap by gap, not number by number: a misread number (2013) may open a wide one.
    for pair in numbers.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if b <= a + 1 {
            continue;
        }
        // Placed at the body before the gap.
        let before = e.footnotes.iter().find(|f| f.number == a);
        let placed = (b - a - 1).min(MAX_ANOMALY_PLACES as u32);
        for n in a + 1..a + 1 + placed {
            let mut place = match before {
                Some(f) => at.place(f.page, f.block, format!("footnote {n} is missing")),
                None => plain(&format!("footnote {n} is missing")),
            };
            place.footnote = Some(n);
            r.add(AnomalyKind::FootnoteGap, place);
        }
        r.add_unplaced(AnomalyKind::FootnoteGap, (b - a - 1 - placed) as usize);
    }
    for f in e
        .footnotes
        .iter()
        .filter(|f| f.calls.is_empty() && !f.call_omitted)
    {
        let mut place = at.place(f.page, f.block, first_chars(&f.text, 80).to_string());
        place.footnote = Some(f.number);
        r.add(AnomalyKind::FootnoteUncalled, place);
    }
}

/// The kind a reader's warning belongs to; `None` for a warning that only repeats what
/// the footnotes already show (a body never called), which is counted from them.
pub fn warning_kind(w: &str) -> Option<AnomalyKind> {
    // The script's two rules come first, as it reads them.
    if CALL_WITHOUT_BODY_SCRIPT.is_match(w) {
        return Some(AnomalyKind::CallWithoutBody);
    }
    if w.contains("more than one body") {
        return Some(AnomalyKind::BodyDropped);
    }
    let says = |words: &[&str]| words.iter().any(|w2| w.contains(w2));
    if says(&["is never called"]) || (w.contains("but only") && w.contains("of their calls")) {
        return None;
    }
    Some(if says(&["without a Unicode mapping"]) {
        AnomalyKind::TextUndecodable
    } else if says(&["hit a work limit"]) {
        AnomalyKind::PageTruncated
    } else if says(&[
        "footnote area",
        "foot of the page",
        "at the foot",
        "no footnote bodies",
    ]) {
        AnomalyKind::FootnoteAreaUnread
    } else if says(&["(artifacts)"]) {
        AnomalyKind::ArtifactsIgnored
    } else if says(&["markup not known"]) {
        AnomalyKind::MarkupUnread
    } else {
        AnomalyKind::OtherWarning
    })
}

/// The anomalies the readers' warnings name: one per warning, or one per page for a
/// warning that names pages (`page(s) 3, 5: ...`).
fn warnings(doc: &Document, e: &Extraction, at: &Sections, r: &mut Report) {
    for w in &e.warnings {
        // The script counts a warning under both of its rules when it matches both.
        if w.contains("more than one body") && CALL_WITHOUT_BODY_SCRIPT.is_match(w) {
            r.add(AnomalyKind::BodyDropped, plain(w));
        }
        let Some(kind) = warning_kind(w) else {
            continue;
        };
        if kind == AnomalyKind::CallWithoutBody {
            r.add(kind, orphan_call(doc, at, w));
            continue;
        }
        let pages: Vec<u32> = PAGES
            .captures(w)
            .map(|c| {
                c[1].split(',')
                    .filter_map(|p| p.trim().parse().ok())
                    .collect()
            })
            .unwrap_or_default();
        // What the warning says, without the pages it names.
        let what = w
            .split_once(": ")
            .filter(|_| !pages.is_empty())
            .map_or(w.as_str(), |(_, rest)| rest);
        if pages.is_empty() {
            r.add(kind, plain(w));
        }
        for page in pages {
            let mut place = plain(what);
            place.page = Some(page);
            r.add(kind, place);
        }
    }
}

fn plain(excerpt: &str) -> AnomalyPlace {
    AnomalyPlace {
        page: None,
        section: None,
        block: None,
        footnote: None,
        excerpt: first_chars(excerpt, 160).to_string(),
    }
}

/// The place of the call a `call N [on page P] has no footnote body` warning names: the
/// first such call in the text.
fn orphan_call(doc: &Document, at: &Sections, warning: &str) -> AnomalyPlace {
    let mut place = plain(warning);
    let Some(c) = CALL_WITHOUT_BODY.captures(warning) else {
        return place;
    };
    let number: Option<u32> = c[1].parse().ok();
    let page: Option<u32> = c.get(2).and_then(|p| p.as_str().parse().ok());
    place.footnote = number;
    place.page = page;
    for (pr, para) in doc.paras() {
        let block = &doc.blocks[pr.block];
        if matches!(block.kind, BlockKind::Footnote { .. }) {
            continue;
        }
        for call in &para.calls {
            let call_page = para.page_at(call.at).or(block.page);
            if Some(call.number) == number && (page.is_none() || call_page == page) {
                let mut found = at.place(
                    call_page,
                    pr.block,
                    excerpt(&para.text, call.at..call.at, 40),
                );
                found.footnote = number;
                return found;
            }
        }
    }
    place
}

/// The script's `parse_number`: `2.4` → [2, 4]; `None` for anything but dotted digits.
fn dotted(number: &str) -> Option<Vec<u64>> {
    if !DOTTED.is_match(number) {
        return None;
    }
    number.split('.').map(|n| n.parse().ok()).collect()
}

/// `heading-repeated`, `heading-is-prose` and `heading-order`, as the script keys them, but
/// for one thing: a heading repeats only under the same parent. A regulation's Chapters III
/// and IV can each have a `Section 4 Cooperation`; a table of contents or a running title
/// read as headings repeats its parents too.
fn headings(e: &Extraction, r: &mut Report) {
    type Key<'a> = (Option<&'a str>, Option<&'a str>, String, String);
    let mut seen: HashSet<Key> = HashSet::new();
    // The last number of each series: part, parent and depth.
    type Siblings<'a> = (Option<&'a str>, Option<&'a str>, usize);
    let mut last: HashMap<Siblings, Vec<u64>> = HashMap::new();
    for s in &e.sections {
        let (number, title, part) = (s.number.as_str(), s.title.trim(), s.part.as_deref());
        let place = |excerpt: String| AnomalyPlace {
            page: s.page,
            section: Some(s.number.clone()),
            block: Some(s.block),
            footnote: None,
            excerpt,
        };
        let named = format!("{number} {}", first_chars(title, 60));
        let key = (
            part,
            s.parent.as_deref(),
            number.to_lowercase(),
            first_chars(&title.to_lowercase(), 60).to_string(),
        );
        if !number.is_empty() && seen.contains(&key) {
            r.add(AnomalyKind::HeadingRepeated, place(named.clone()));
        }
        seen.insert(key);
        let chars = title.chars().count();
        if chars > 400 || (chars > 60 && PROSE_START.is_match(title)) {
            r.add(AnomalyKind::HeadingIsProse, place(named));
        }
        if let Some(p) = dotted(number) {
            // Siblings under one parent; a restart at 1 opens a new series.
            let scope = (part, s.parent.as_deref(), p.len());
            if let Some(prev) = last.get(&scope) {
                if *prev >= p && p.last() != Some(&1) {
                    let prev = prev.iter().map(u64::to_string).collect::<Vec<_>>();
                    r.add(
                        AnomalyKind::HeadingOrder,
                        place(format!("{number} after {}", prev.join("."))),
                    );
                }
            }
            last.insert(scope, p);
        }
    }
}

/// The script's RESIDUE search, where its literals (`^`, `sup>`) stand.
fn notation(t: &str) -> Option<Range<usize>> {
    if !t.contains('^') && !t.contains("sup>") {
        return None;
    }
    RESIDUE.find(t).map(|m| m.range())
}

/// The script's FURNITURE search: the leftmost match of its three alternatives.
/// Each alternative is searched only where its literal stands: most sentences have none, and
/// searching them all took three quarters of the stage's time.
fn furniture(t: &str) -> Option<Range<usize>> {
    let footer = t
        .contains("EN")
        .then(|| FOOTER.find(t).map(|m| m.range()))
        .flatten();
    // `L 277/4`, not followed by ` of` (the lookahead of the script's pattern). Each
    // candidate has one possible end, so the first that is not followed by ` of` is the match.
    let head = t
        .contains("L ")
        .then(|| {
            RUNNING_HEAD
                .find_iter(t)
                .find(|m| !t[m.end()..].starts_with(" of"))
                .map(|m| m.range())
        })
        .flatten();
    let masthead = t
        .contains("Official Journal")
        .then(|| MASTHEAD.find(t).map(|m| m.range()))
        .flatten();
    [footer, head, masthead]
        .into_iter()
        .flatten()
        .min_by_key(|m| m.start)
}

/// Where a text the residue checks read stands.
enum Holder<'a> {
    Footnote(&'a Footnote),
    At(&'a Location),
}

/// `notation-residue` and `furniture-residue` in the texts the script reads: footnote
/// bodies, the sentences of mentions and figures, commitments.
fn residue(e: &Extraction, at: &Sections, r: &mut Report) {
    let texts = e
        .footnotes
        .iter()
        .map(|f| (f.text.as_str(), Holder::Footnote(f)))
        .chain(e.references.iter().flat_map(|reference| {
            reference
                .mentions
                .iter()
                .map(|m| (m.sentence.as_str(), Holder::At(&m.location)))
        }))
        .chain(
            e.figures
                .iter()
                .map(|g| (g.sentence.as_str(), Holder::At(&g.location))),
        )
        .chain(
            e.commitments
                .iter()
                .map(|c| (c.text.as_str(), Holder::At(&c.location))),
        );
    // A sentence with several mentions is searched once and counted once per mention.
    type Found = (Option<Range<usize>>, Option<Range<usize>>);
    let mut memo: HashMap<&str, Found> = HashMap::new();
    for (text, holder) in texts {
        let (notation, furniture_at) = memo
            .entry(text)
            .or_insert_with(|| (notation(text), furniture(text)))
            .clone();
        let place = |m: Range<usize>| {
            let x = excerpt(text, m, 30);
            match &holder {
                Holder::Footnote(f) => {
                    let mut p = at.place(f.page, f.block, x);
                    p.footnote = Some(f.number);
                    p
                }
                Holder::At(loc) => at_location(loc, x),
            }
        };
        if let Some(m) = notation {
            r.add(AnomalyKind::NotationResidue, place(m));
        }
        if let Some(m) = furniture_at {
            r.add(AnomalyKind::FurnitureResidue, place(m));
        }
    }
}

/// The first match of the script's `\b\d{1,3}(?:[. ]\d{3})+\b(?![.,]\d)` in `t`, as Python's
/// backtracking finds it (the lookahead can make it give back groups, at a space). Digits are
/// ASCII here; Python's `\d` takes every script's digits, which no EU document writes figures
/// in.
fn grouped_number(t: &str) -> Option<&str> {
    let chars: Vec<(usize, char)> = t.char_indices().collect();
    let n = chars.len();
    let digit = |i: usize| i < n && chars[i].1.is_ascii_digit();
    let word = |i: usize| i < n && (chars[i].1.is_alphanumeric() || chars[i].1 == '_');
    let byte = |i: usize| chars.get(i).map_or(t.len(), |c| c.0);
    for s in 0..n {
        if !digit(s) || (s > 0 && word(s - 1)) {
            continue;
        }
        let mut i = s;
        while digit(i) {
            i += 1;
        }
        if i - s > 3 {
            continue;
        }
        // Every end the greedy groups reach, longest last.
        let mut ends = Vec::new();
        while i < n && matches!(chars[i].1, '.' | ' ') && (1..=3).all(|k| digit(i + k)) {
            i += 4;
            ends.push(i);
        }
        for &end in ends.iter().rev() {
            let boundary = !word(end);
            let decimal_after = end < n && matches!(chars[end].1, '.' | ',') && digit(end + 1);
            if boundary && !decimal_after {
                return Some(&t[byte(s)..byte(end)]);
            }
        }
    }
    None
}

/// `figure-note-number` and `figure-grouping`.
fn figures(e: &Extraction, r: &mut Report) {
    for g in &e.figures {
        let t = g.text.as_str();
        // `\d` first: the pattern is tried only on a text that opens with a digit.
        if t.starts_with(char::is_numeric) && NOTE_NUMBER.is_match(t) {
            r.add(
                AnomalyKind::FigureNoteNumber,
                at_location(&g.location, t.to_string()),
            );
        }
        if let Some(m) = grouped_number(t) {
            let whole: f64 = m.replace(['.', ' '], "").parse().unwrap_or(0.0);
            if g.value.abs() < whole / 100.0 && !MAGNITUDE.is_match(t) {
                r.add(
                    AnomalyKind::FigureGrouping,
                    at_location(&g.location, format!("{t} -> {}", g.value)),
                );
            }
        }
    }
}

/// Whether `x` is a year as the script reads one: four digits, 1950 to 2035.
fn is_year(x: &str) -> bool {
    x.chars().count() == 4 && x.parse::<u32>().is_ok_and(|y| (1950..=2035).contains(&y))
}

/// Whether an act id has a domain that cannot exist in its year (the script's `id-era`).
fn impossible_era(id: &str) -> bool {
    // Both patterns need a domain in brackets.
    if !id.contains("(E") {
        return false;
    }
    if let Some(c) = ACT_ID.captures(id) {
        let (domain, no, a, b) = (&c[1], c.get(2).is_some(), &c[3], &c[4]);
        // Year-first (2016/679) since 2015 and for directives; number/year after `No`.
        let (year, year_first) = if is_year(a) && !(no && is_year(b)) {
            (a.parse::<u32>().ok(), true)
        } else if is_year(b) {
            (b.parse().ok(), false)
        } else if b.chars().count() == 2 {
            let yy: Option<u32> = b.parse().ok();
            (yy.map(|y| if y > 50 { 1900 + y } else { 2000 + y }), false)
        } else {
            (None, false)
        };
        let early_eu = domain == "EU" && year.is_some_and(|y| y < 2010);
        let late_ec = matches!(domain, "EC" | "EEC") && year.is_some_and(|y| y >= 2011);
        if early_eu || late_ec || (no && year_first) {
            return true;
        }
    }
    DOMAIN_AND_SUFFIX.is_match(id)
}

/// `celex-form` and `id-era`, placed at each reference's first mention.
fn references(e: &Extraction, r: &mut Report) {
    let mut flagged: HashSet<&str> = HashSet::new();
    for reference in &e.references {
        let place = |x: String| match reference.mentions.first() {
            Some(m) => at_location(&m.location, x),
            None => plain(&x),
        };
        if let Some(celex) = reference.links.celex.as_deref().filter(|c| !c.is_empty()) {
            if !CELEX.is_match(celex) {
                r.add(
                    AnomalyKind::CelexForm,
                    place(format!("{}: {celex}", reference.id)),
                );
            }
        }
        // One anomaly per id, as the script keeps its list without repeats.
        if impossible_era(&reference.id) && flagged.insert(&reference.id) {
            r.add(AnomalyKind::IdEra, place(reference.id.clone()));
        }
    }
}

/// A heading number's place in a numbered series: the series it belongs to and its ordinal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Series<'a> {
    /// Dotted digits (`2.3`), under one parent, at one depth.
    Dotted(Option<&'a str>, usize),
    /// Articles, numbered through the whole act whatever their chapter.
    Article,
    /// A kind word with a number (`Chapter IV`, `Annex 2`, `Section A`), under one parent.
    Word(Option<&'a str>, &'a str),
    /// Roman numerals or letters alone (`IV`, `B`), under one parent.
    Bare(Option<&'a str>),
}

/// How a number counts: digits, Roman numerals, or letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Arabic,
    Roman,
    Letter,
}

fn roman(s: &str) -> Option<u64> {
    let value = |c: char| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let digits: Vec<u64> = s.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, &d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|&next| next > d) {
            total -= d as i64;
        } else {
            total += d as i64;
        }
    }
    // Only the canonical spelling: `IIII` or `VX` is not a number here.
    (total > 0 && to_roman(total as u64) == s).then_some(total as u64)
}

fn to_roman(mut n: u64) -> String {
    let mut out = String::new();
    for (v, s) in [
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

fn ordinal(s: &str, style: Style) -> Option<u64> {
    match style {
        Style::Arabic => s.parse().ok(),
        Style::Roman => roman(s),
        Style::Letter => {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c @ 'A'..='Z'), None) => Some(u64::from(c) - u64::from('A') + 1),
                _ => None,
            }
        }
    }
}

/// `heading-skip`: a numbered heading that moves on by more than one among its siblings.
/// Only forward moves count (a move back is `heading-order`'s), and only between headings of
/// one series: dotted numbers under one parent and at one depth (`2.1`, `2.3`), the articles
/// of an act (`Article 5`, `Article 7`), a kind word's numbers under one parent (`Chapter II`,
/// `Chapter IV`), Roman numerals or letters alone under one parent, counted in the style the
/// series opened with (`C` after `B` is a letter, after `II` it is no Roman number).
fn heading_skips(e: &Extraction, r: &mut Report) {
    // The style and last number of each series in each part.
    type InPart<'a> = (Option<&'a str>, Series<'a>);
    let mut last: HashMap<InPart, (Style, Vec<u64>)> = HashMap::new();
    for s in &e.sections {
        let number = s.number.as_str();
        let parent = s.parent.as_deref();
        let (series, style, value): (Series, Style, Vec<u64>) = if let Some(p) = dotted(number) {
            (Series::Dotted(parent, p.len()), Style::Arabic, p)
        } else if let Some(c) = WORD_NUMBER.captures(number) {
            let (word, n) = (
                c.get(1).map_or("", |m| m.as_str()),
                c.get(2).map_or("", |m| m.as_str()),
            );
            let series = if word == "Article" {
                Series::Article
            } else {
                Series::Word(parent, &number[..word.len()])
            };
            let key = (s.part.as_deref(), series.clone());
            let style = match last.get(&key) {
                Some(&(style, _)) if ordinal(n, style).is_some() => style,
                _ => first_style(n),
            };
            match ordinal(n, style) {
                Some(v) => (series, style, vec![v]),
                None => continue,
            }
        } else if number.chars().all(|c| c.is_ascii_uppercase()) && !number.is_empty() {
            let key = (s.part.as_deref(), Series::Bare(parent));
            let style = match last.get(&key) {
                Some(&(style, _)) if ordinal(number, style).is_some() => style,
                _ => first_style(number),
            };
            match ordinal(number, style) {
                Some(v) => (Series::Bare(parent), style, vec![v]),
                None => continue,
            }
        } else {
            continue;
        };
        let key = (s.part.as_deref(), series);
        if let Some((prev_style, prev)) = last.get(&key) {
            let same_prefix = prev[..prev.len() - 1] == value[..value.len() - 1];
            let (a, b) = (prev[prev.len() - 1], value[value.len() - 1]);
            if *prev_style == style && same_prefix && b > a + 1 {
                let prev_number = match style {
                    Style::Arabic if value.len() > 1 => prev
                        .iter()
                        .map(u64::to_string)
                        .collect::<Vec<_>>()
                        .join("."),
                    _ => previous_name(number, a, style),
                };
                r.add(
                    AnomalyKind::HeadingSkip,
                    AnomalyPlace {
                        page: s.page,
                        section: Some(s.number.clone()),
                        block: Some(s.block),
                        footnote: None,
                        excerpt: format!("{number} after {prev_number}"),
                    },
                );
            }
        }
        last.insert(key, (style, value));
    }
}

/// The style a series opens with: digits, `I` as a Roman one, a single other letter as a
/// letter (`A`, `C`), several Roman numerals as Roman (`IV`).
fn first_style(n: &str) -> Style {
    if n.chars().all(|c| c.is_ascii_digit()) {
        Style::Arabic
    } else if n == "I" || (n.chars().count() > 1 && roman(n).is_some()) {
        Style::Roman
    } else {
        Style::Letter
    }
}

/// `number` with its last number replaced by the ordinal `value` (`Article 7`, 5 → `Article 5`).
fn previous_name(number: &str, value: u64, style: Style) -> String {
    let (head, _) = number.rsplit_once(' ').unwrap_or(("", number));
    let n = match style {
        Style::Arabic => value.to_string(),
        Style::Roman => to_roman(value),
        Style::Letter => {
            char::from_u32(u32::from('A') + value as u32 - 1).map_or_else(String::new, String::from)
        }
    };
    if head.is_empty() {
        n
    } else {
        format!("{head} {n}")
    }
}

/// `call-in-table-header`: a footnote call in the first row of a table of several rows.
fn table_headers(doc: &Document, at: &Sections, r: &mut Report) {
    for (b, block) in doc.blocks.iter().enumerate() {
        let BlockKind::Table(table) = &block.kind else {
            continue;
        };
        if table.rows_marked {
            continue;
        }
        let [header, _, ..] = table.rows.as_slice() else {
            continue;
        };
        for para in header.iter().flat_map(|cell| &cell.paras) {
            for call in &para.calls {
                let page = para.page_at(call.at).or(block.page);
                let mut place = at.place(page, b, excerpt(&para.text, call.at..call.at, 40));
                place.footnote = Some(call.number);
                r.add(AnomalyKind::CallInTableHeader, place);
            }
        }
    }
}

/// `table-unread`: an annex table of planned actions that the layout gave as paragraphs, its
/// action columns lost (planned actions with an objective but no column), one per objective.
fn tables_unread(e: &Extraction, r: &mut Report) {
    let mut last: Option<Option<u32>> = None;
    for a in &e.planned_actions {
        let flattened = a.action.is_none() && a.timetable.is_none() && a.objective.is_some();
        if flattened && last != Some(a.objective) {
            let what = format!(
                "objective {}: actions read without their column",
                a.objective.unwrap_or_default()
            );
            r.add(AnomalyKind::TableUnread, at_location(&a.location, what));
        }
        last = flattened.then_some(a.objective);
    }
}

/// Compile the checks' patterns, for the pipeline's warm-up.
pub fn warm_up() {
    for pattern in [
        &RESIDUE,
        &FOOTER,
        &RUNNING_HEAD,
        &MASTHEAD,
        &NOTE_NUMBER,
        &PROSE_START,
        &MAGNITUDE,
        &CELEX,
        &ACT_ID,
        &DOMAIN_AND_SUFFIX,
        &DOTTED,
        &CALL_WITHOUT_BODY,
        &CALL_WITHOUT_BODY_SCRIPT,
        &PAGES,
        &WORD_NUMBER,
    ] {
        LazyLock::force(pattern);
    }
}

#[cfg(test)]
mod tests;
