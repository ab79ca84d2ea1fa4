//! Text ingest: the Markdown-with-HTML that PDF converters write, and plain text such as
//! `pdftotext` output.
//!
//! Markdown: `#` headings (with or without `**`), `**bold**`, `*italic*`, `<b>`/`<i>`/`<p>`/
//! `<sup>N</sup>`, footnote bodies as lines `<sup>N</sup> text` (or `[^N]: text`), `---` rules,
//! tab-separated HTML table rows and `|` pipe tables, `-`/`*`/`•`/`1.`/`(a)` list items.
//!
//! Plain text: pages split by form feeds, running headers and footers dropped, headings
//! recognised by their numbering, footnote bodies found at the foot of a page by their
//! sequential numbers, and calls glued to the word before them (`Directive1`) split off.
//!
//! Both: a paragraph cut by a page break and continued after the footnote block is joined.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::re::Regex;

use crate::model::{Block, BlockKind, Cell, Document, Para, ParaBuilder, SourceFormat, Table};

/// True when `s` shows Markdown or HTML markup that plain text would not have.
pub fn looks_like_markdown(s: &str) -> bool {
    s.contains("<sup>")
        || s.contains("**")
        || s.contains("</p>")
        || s.lines().any(|l| {
            let t = l.trim_start_matches('#');
            t.len() < l.len() && l.len() - t.len() <= 6 && t.starts_with(' ')
        })
}

/// Ingest a text document. `format` must be [`SourceFormat::Markdown`] or [`SourceFormat::Text`].
pub fn ingest(text: &str, format: SourceFormat) -> Document {
    let md = format == SourceFormat::Markdown;
    let mut lines = split_lines(text, !md);
    let mut warnings = Vec::new();
    let pages = if md {
        None
    } else {
        drop_page_furniture(&mut lines);
        Some(lines.last().map_or(1, |l| l.page))
    };
    let footnotes = if md {
        FootnoteZones::default()
    } else {
        find_footnote_zones(&lines)
    };
    let typical = typical_line_len(&lines);
    let mut asm = Assembler {
        md,
        typical,
        blocks: Vec::new(),
        cur: None,
        glued: GluedCalls::new(&footnotes.numbers),
    };
    let mut i = 0;
    while i < lines.len() {
        let line = &lines[i];
        if line.skip {
            i += 1;
            continue;
        }
        if let Some(&(number, body_at)) = footnotes.starts.get(&i) {
            asm.flush();
            let mut b = ParaBuilder::new();
            b.page(line.page);
            push_plain(&mut b, &line.text[body_at..], line.start + body_at, None);
            asm.cur = Some(Pending {
                kind: BlockKind::Footnote { number },
                b,
                page: Some(line.page),
                last_line: line.text,
            });
            i += 1;
            continue;
        }
        if footnotes.continued.contains(&i) {
            if let Some(p) = asm.cur.as_mut() {
                p.b.push_space(line.start);
                push_plain(&mut p.b, line.text, line.start, None);
            }
            i += 1;
            continue;
        }
        if md && is_table_row(line.text) {
            asm.flush();
            let start = i;
            while i < lines.len() && is_table_row(lines[i].text) && !lines[i].skip {
                i += 1;
            }
            asm.blocks.push(parse_table(&lines[start..i]));
            continue;
        }
        asm.line(line, lines.get(i + 1).map(|l| l.text).unwrap_or(""));
        i += 1;
    }
    asm.flush();
    let mut blocks = join_cut_paragraphs(asm.blocks);
    blocks.retain(|b| !b.para.text.is_empty() || matches!(b.kind, BlockKind::Table(_)));
    let have: HashSet<u32> = blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Footnote { number } => Some(number),
            _ => None,
        })
        .collect();
    if !md && have.is_empty() && text.contains('\u{c}') {
        warnings.push("no footnote bodies recognised in the plain text".to_string());
    }
    Document {
        format,
        text: text.to_string(),
        blocks,
        pages,
        warnings,
    }
}

struct Line<'a> {
    text: &'a str,
    start: usize,
    page: u32,
    skip: bool,
}

/// Split into lines (without their terminators) with byte offsets; form feeds start new pages.
fn split_lines(text: &str, paged: bool) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut page = 1;
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let mut body = piece.trim_end_matches(['\n', '\r']);
        let mut off = start;
        while let Some(rest) = body.strip_prefix('\u{c}') {
            if paged {
                page += 1;
            }
            body = rest;
            off += 1;
        }
        // A form feed inside a line (rare) still breaks the page.
        if let Some(ff) = body.find('\u{c}') {
            out.push(Line {
                text: &body[..ff],
                start: off,
                page,
                skip: false,
            });
            if paged {
                page += 1;
            }
            out.push(Line {
                text: &body[ff + 1..],
                start: off + ff + 1,
                page,
                skip: false,
            });
        } else {
            out.push(Line {
                text: body,
                start: off,
                page,
                skip: false,
            });
        }
        start += piece.len();
    }
    out
}

fn is_blank(s: &str) -> bool {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{a0}')
        .is_empty()
        || s.trim() == "&nbsp;"
}

/// Page furniture: page numbers (`3`, `EN 3 EN`, `EN EN`, `Page 3 of 22`, `- 3 -`) and the
/// Council's footer lines (`8410/13 JV/fm 1`, `DG D 2C EN`).
static FOOTER: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        r"^\s*(?:",
        r"(?:[A-Z]{2}\s+)?\d{1,4}(?:\s+[A-Z]{2})?",
        r"|[A-Z]{2}\s+[A-Z]{2}",
        r"|[Pp]age\s+\d+(?:\s+of\s+\d+)?",
        r"|-\s*\d+\s*-",
        r"|\d{3,5}/\d{2}(?:\s+(?:REV|ADD|COR)\s*\d+)*\s+[A-Za-z]{1,5}/[A-Za-z]{1,5}\s+\d{1,3}",
        r"|DG\s+[A-H](?:\s+[0-9A-Z]{1,3}){0,2}\s+[A-Z]{2}",
        r")\s*$"
    ))
    .unwrap()
});

/// Drop running headers and footers: a page's first or last line that recurs (digits aside)
/// on many pages, or that is just a page number (`3`, `EN 3 EN`, `Page 3 of 22`, `- 3 -`).
fn drop_page_furniture(lines: &mut [Line]) {
    let mut by_page: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        if !is_blank(l.text) {
            by_page.entry(l.page).or_default().push(i);
        }
    }
    let shape = |s: &str| -> String {
        s.trim()
            .chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut edges: Vec<usize> = Vec::new();
    for idx in by_page.values() {
        let mut page_edges: Vec<usize> = idx.iter().take(2).copied().collect();
        page_edges.extend(idx.iter().rev().take(2));
        page_edges.sort_unstable();
        page_edges.dedup();
        for &i in &page_edges {
            *counts.entry(shape(lines[i].text)).or_default() += 1;
        }
        edges.extend(page_edges);
    }
    let n_pages = by_page.len();
    for i in edges {
        let s = shape(lines[i].text);
        let recurring = n_pages >= 3 && counts[&s] * 2 >= n_pages && s.len() < 120;
        if recurring || is_page_furniture(lines[i].text) {
            lines[i].skip = true;
        }
    }
}

/// A line that is a page number or a Council footer on its own (`EN 3 EN`, `Page 3 of 22`,
/// `8410/13 JV/fm 1`, `DG D 2C EN`).
pub(crate) fn is_page_furniture(line: &str) -> bool {
    FOOTER.is_match(line)
}

fn typical_line_len(lines: &[Line]) -> usize {
    let mut lens: Vec<usize> = lines
        .iter()
        .filter(|l| !l.skip && !is_blank(l.text))
        .map(|l| l.text.chars().count())
        .collect();
    if lens.is_empty() {
        return 80;
    }
    lens.sort_unstable();
    lens[lens.len() * 9 / 10].max(20)
}

/// Footnote bodies found in plain text: line index → (number, byte offset of the body text).
#[derive(Default)]
struct FootnoteZones {
    starts: HashMap<usize, (u32, usize)>,
    /// Lines after a start line that continue its body.
    continued: HashSet<usize>,
    /// Footnote numbers in order, with the page their body is on.
    numbers: Vec<(u32, u32)>,
}

static FN_MARK: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^\s*(\d{1,3})\.?(?:\s+|$)").unwrap());

/// In plain text the footnote bodies sit at the foot of each page, numbered in sequence across
/// the document. A page's zone starts at the first line carrying the next expected number whose
/// call appears glued to a word earlier on the page; each later line with the number after
/// starts the next body.
fn find_footnote_zones(lines: &[Line]) -> FootnoteZones {
    let mut zones = FootnoteZones::default();
    let mut next: u32 = 1;
    let mut i = 0;
    while i < lines.len() {
        let page = lines[i].page;
        let end = lines[i..]
            .iter()
            .position(|l| l.page != page)
            .map_or(lines.len(), |k| i + k);
        let live: Vec<usize> = (i..end).filter(|&k| !lines[k].skip).collect();
        let mut zone_start = None;
        for (pos, &k) in live.iter().enumerate().skip(1) {
            let Some(n) = mark_number(lines[k].text) else {
                continue;
            };
            // The next number, or the one after when a body went unrecognised.
            let fits = n == next || (n == next + 1 && next > 1);
            // A marker in the lower part of the page is a footnote even when its call was not
            // found (`20118` hides call 8 in a year); number 1 must have its call, since a
            // numbered list starts with 1 too.
            let low = pos * 10 >= live.len() * 6 && n > 1;
            if fits
                && !looks_like_heading(lines[k].text)
                && (low || call_glued_before(&lines[i..k], n))
            {
                zone_start = Some(k);
                next = n;
                break;
            }
        }
        if let Some(z) = zone_start {
            for (k, line) in lines.iter().enumerate().take(end).skip(z) {
                if line.skip {
                    continue;
                }
                match (mark_number(line.text), FN_MARK.find(line.text)) {
                    (Some(n), Some(m)) if n == next => {
                        zones.starts.insert(k, (n, m.end()));
                        zones.numbers.push((n, page));
                        next += 1;
                    }
                    _ => {
                        zones.continued.insert(k);
                    }
                }
            }
        }
        i = end;
    }
    zones
}

/// A numbered line that is surely a heading, not a footnote body: a dotted number (`2.1`) or
/// a title in capitals (`3. CONCLUSIONS`). `3 Directive 2014/41/EU ...` may be either.
fn looks_like_heading(s: &str) -> bool {
    match (text_heading(s), heading_number(s)) {
        (Some(n), Some((_, at))) => {
            let title = &s.trim()[at.min(s.trim().len())..];
            n.contains('.')
                || (!title.chars().any(char::is_lowercase)
                    && title.chars().filter(|c| c.is_alphabetic()).count() >= 3)
        }
        _ => false,
    }
}

fn mark_number(s: &str) -> Option<u32> {
    FN_MARK.captures(s).and_then(|c| c[1].parse().ok())
}

fn call_glued_before(lines: &[Line], n: u32) -> bool {
    let needle = n.to_string();
    lines.iter().filter(|l| !l.skip).any(|l| {
        let t = l.text;
        t.match_indices(&needle).any(|(at, _)| {
            let before = t[..at].chars().next_back();
            let after = t[at + needle.len()..].chars().next();
            matches!(before, Some(c) if c.is_alphabetic() || ".,;:)’”'\"".contains(c))
                && !matches!(after, Some(c) if c.is_alphanumeric())
                && glued_word_ok(&t[..at])
        })
    })
}

/// The word a glued call follows must have two letters or more (`14.7` is a date, `p.4` a
/// page). Names with digits (`EC3`, `FP7`) look the same as `EU6`, so callers also demand the
/// number be the next footnote, with its body on the same page.
fn glued_word_ok(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    let last = word.chars().next_back();
    letters.len() >= 2 && last.is_some()
}

/// Footnote numbers expected in plain text, with the page of their body, handed out in order
/// as their calls are found on that page.
struct GluedCalls {
    pending: Vec<(u32, u32)>,
}

impl GluedCalls {
    fn new(numbers: &[(u32, u32)]) -> Self {
        Self {
            pending: numbers.iter().rev().copied().collect(),
        }
    }
}

struct Pending<'a> {
    kind: BlockKind,
    b: ParaBuilder,
    page: Option<u32>,
    last_line: &'a str,
}

struct Assembler<'a> {
    md: bool,
    typical: usize,
    blocks: Vec<Block>,
    cur: Option<Pending<'a>>,
    glued: GluedCalls,
}

impl<'a> Assembler<'a> {
    fn flush(&mut self) {
        if let Some(p) = self.cur.take() {
            let para = p.b.finish();
            if !para.text.is_empty() {
                self.blocks.push(Block {
                    kind: p.kind,
                    para,
                    page: p.page,
                });
            }
        }
    }

    fn page(&self, l: &Line) -> Option<u32> {
        (!self.md).then_some(l.page)
    }

    fn start(&mut self, kind: BlockKind, line: &Line<'a>, content: &'a str, off: usize) {
        self.flush();
        let mut b = ParaBuilder::new();
        if !self.md {
            b.page(line.page);
        }
        self.push(&mut b, content, off, line.page);
        self.cur = Some(Pending {
            kind,
            b,
            page: self.page(line),
            last_line: line.text,
        });
    }

    fn push(&mut self, b: &mut ParaBuilder, s: &str, off: usize, page: u32) {
        if self.md {
            parse_inline(b, s, off, &mut |_| {});
        } else {
            push_plain(b, s, off, Some((&mut self.glued, page)));
        }
    }

    fn line(&mut self, line: &Line<'a>, next: &str) {
        let t = line.text;
        // Footnote bodies found in plain text end with their page.
        if let Some(p) = &self.cur {
            if matches!(p.kind, BlockKind::Footnote { .. }) && p.page != Some(line.page) {
                self.flush();
            }
        }
        if is_blank(t) || is_rule(t) {
            self.flush();
            return;
        }
        if self.md {
            if let Some((level, content, off)) = md_heading(t) {
                self.flush();
                let mut b = ParaBuilder::new();
                parse_inline(&mut b, content, line.start + off, &mut |_| {});
                let para = b.finish();
                let number = heading_number(&para.text).map(|(n, _)| n);
                self.blocks.push(Block {
                    kind: BlockKind::Heading { level, number },
                    para,
                    page: None,
                });
                return;
            }
            if let Some((n, off)) = md_footnote(t) {
                self.start(
                    BlockKind::Footnote { number: n },
                    line,
                    &t[off..],
                    line.start + off,
                );
                return;
            }
        } else if let Some(number) = text_heading(t) {
            // A numbered heading may wrap onto a second line that starts in lower case.
            // A numbered heading may wrap: onto a line in lower case after a long one, or, in
            // capitals, onto another line in capitals when it stops on a word that cannot end it.
            let long = t.chars().count() * 10 >= self.typical * 7;
            let open_end = FUNCTION_WORDS.contains(&last_word_lower(t).as_str());
            let wraps = (long && next.trim_start().starts_with(|c: char| c.is_lowercase()))
                || (is_caps_line(t)
                    && is_caps_line(next)
                    && (open_end || long)
                    && text_heading(next).is_none());
            self.flush();
            let mut b = ParaBuilder::new();
            b.page(line.page);
            push_plain(&mut b, t, line.start, None);
            let level = number.split('.').count().min(6) as u8;
            self.cur = Some(Pending {
                kind: BlockKind::Heading {
                    level,
                    number: Some(number),
                },
                b,
                page: Some(line.page),
                last_line: if wraps { "" } else { "." },
            });
            if !wraps {
                self.flush();
            }
            return;
        }
        if let Some((marker, depth, off)) = list_marker(t, self.md) {
            self.start(
                BlockKind::ListItem { marker, depth },
                line,
                &t[off..],
                line.start + off,
            );
            return;
        }
        // A continuation line, or the start of a paragraph.
        let continues = match &self.cur {
            None => false,
            Some(p) if matches!(p.kind, BlockKind::Heading { .. }) => p.last_line.is_empty(),
            Some(p) => self.md || !ends_paragraph(p.last_line, t, self.typical, &p.kind),
        };
        if continues {
            let mut p = self.cur.take().expect("checked above");
            p.b.push_space(line.start);
            if !self.md {
                p.b.page(line.page);
            }
            self.push(&mut p.b, t, line.start, line.page);
            p.last_line = t;
            self.cur = Some(p);
            if matches!(
                self.cur.as_ref().map(|p| &p.kind),
                Some(BlockKind::Heading { .. })
            ) {
                self.flush();
            }
        } else {
            self.start(BlockKind::Paragraph, line, t, line.start);
        }
    }
}

/// In plain text, does `prev` end a paragraph before `next`? Lines carry no blank line between
/// paragraphs in `pdftotext` output, so judge by punctuation and length: a paragraph's last
/// line ends a sentence and falls short of the measure; a short unpunctuated line (a title, a
/// lead-in) stands alone.
fn ends_paragraph(prev: &str, next: &str, typical: usize, kind: &BlockKind) -> bool {
    if FIELD_LABEL.is_match(next) || is_caps_line(next) != is_caps_line(prev) {
        return true;
    }
    // A short line ending in a colon introduces what follows (`Member States should:`).
    let n = next.trim();
    if n.ends_with(':') && n.chars().count() * 10 < typical * 7 && n.starts_with(char::is_uppercase)
    {
        return true;
    }
    let p = prev.trim_end();
    let len = p.chars().count();
    let last = p.chars().next_back().unwrap_or('.');
    let next_upper = next
        .trim_start()
        .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    let terminal = matches!(last, '.' | '!' | '?' | ':' | ';');
    if matches!(
        kind,
        BlockKind::ListItem { .. } | BlockKind::Footnote { .. }
    ) {
        return terminal && len * 10 < typical * 9 && next_upper;
    }
    (terminal && len * 10 < typical * 9 && next_upper)
        || (len * 10 < typical * 6 && next_upper && !last.is_lowercase() && last != ',')
        || (len * 10 < typical * 6 && next_upper && is_short_title(p))
}

/// Cover-note field labels, which start a new paragraph wherever they fall.
static FIELD_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"(?i)^\s*(?:(?:from|to|date\s+of\s+receipt|subject|no\.?\s+cion\s+doc\.?|encl\.?)\s*:|delegations\s+will\s+find\b)").unwrap()
});

fn last_word_lower(s: &str) -> String {
    s.trim_end()
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// A line in capitals (a title or heading), with at least two words of letters.
fn is_caps_line(s: &str) -> bool {
    let words: Vec<&str> = s
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    words.len() >= 2 && words.iter().all(|w| !w.chars().any(char::is_lowercase))
}

fn is_short_title(s: &str) -> bool {
    s.split_whitespace().count() <= 8
        && !s.ends_with(',')
        && s.starts_with(|c: char| c.is_uppercase())
}

fn is_rule(s: &str) -> bool {
    let t = s.trim();
    t.len() >= 3
        && (t.chars().all(|c| c == '-')
            || t.chars().all(|c| c == '*')
            || t.chars().all(|c| c == '_'))
}

fn md_heading(s: &str) -> Option<(u8, &str, usize)> {
    let hashes = s.len() - s.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &s[hashes..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let content = rest.trim().trim_end_matches('#').trim_end();
    if content.is_empty() {
        return None;
    }
    let off = hashes + (rest.len() - rest.trim_start().len());
    Some((hashes as u8, content, off))
}

static MD_FOOTNOTE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"^\s*(?:<sup>\s*(\d{1,3})\s*</sup>|\[\^(\d{1,3})\]:)\s*").unwrap()
});

fn md_footnote(s: &str) -> Option<(u32, usize)> {
    let c = MD_FOOTNOTE.captures(s)?;
    let n = c.get(1).or_else(|| c.get(2))?.as_str().parse().ok()?;
    Some((n, c.get(0)?.end()))
}

static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,4})\.?\s+(\S.*)$").unwrap());
static ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(
        r"^\s*(?i:(annex|appendix))(?:\s+([IVXLC]+|\d{1,2}|[A-Z]))?\b\s*[:.\-–—]?\s*(.*)$",
    )
    .unwrap()
});

/// A Roman or letter number with its dot: `IV. Title`, `B. Title`.
static LETTERED: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^\s*([IVX]{1,5}|[A-Z])\.\s+(\S.*)$").unwrap());
/// The parts of a legal act: `Article 12`, `CHAPTER IV`, `SECTION 2`, `Part I`, `TITLE II`.
static LEGAL_PART: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(
        r"^\s*(?i:(article|chapter|section|part|title))\s+(\d{1,3}[a-z]?|[IVXLC]{1,7})\b\s*[:.\-–—]?\s*(.*)$",
    )
    .unwrap()
});

/// The section number a heading text starts with (`2.1` from `2.1. Strategic ...`, `IV` from
/// `IV. SPECIFIC ...`, `B` from `B. Lawful ...`, `Annex 1` from `Annex 1: Graphic ...`,
/// `Article 12` or `Chapter IV` from a legal act's headings) and the byte offset of the title
/// after it.
pub fn heading_number(text: &str) -> Option<(String, usize)> {
    let titled = |t: &str| t.starts_with(|c: char| c.is_alphabetic() || "'‘\"“(".contains(c));
    for re in [&*NUMBERED, &*LETTERED] {
        if let Some(c) = re.captures(text) {
            let title = c.get(2)?;
            if titled(title.as_str()) {
                return Some((c[1].to_string(), title.start()));
            }
        }
    }
    if let Some(c) = LEGAL_PART.captures(text) {
        let word = &c[1];
        let word = format!("{}{}", word[..1].to_uppercase(), word[1..].to_lowercase());
        let title = c.get(3)?;
        // `Article 5 of Regulation ...` is prose: a title after the number starts in capitals.
        // An article's title is in sentence case: `ARTICLE 29 DATA PROTECTION WORKING PARTY`
        // names a body.
        let t = title.as_str();
        let shouting = word == "Article"
            && t.chars().filter(|c| c.is_alphabetic()).count() > 3
            && !t.chars().any(char::is_lowercase);
        if !shouting
            && (t.is_empty() || t.starts_with(|c: char| c.is_uppercase() || "'‘\"“".contains(c)))
        {
            return Some((format!("{word} {}", &c[2]), title.start()));
        }
    }
    let c = ANNEX.captures(text)?;
    let word = &c[1];
    let word = format!("{}{}", word[..1].to_uppercase(), word[1..].to_lowercase());
    let number = match c.get(2) {
        Some(n) => format!("{word} {}", n.as_str()),
        // A bare `ANNEX` heading needs a separator or nothing after it (`Annexes to` is prose).
        None if c[3].is_empty()
            || text.trim_start()[word.len()..]
                .trim_start()
                .starts_with([':', '.', '-', '–', '—']) =>
        {
            word
        }
        None => return None,
    };
    Some((number, c.get(3)?.start()))
}

/// A plain-text line that is a numbered heading: a section number, a title in capitals or
/// sentence case, short, and not ending like a sentence or a list item.
fn text_heading(s: &str) -> Option<String> {
    let t = s.trim();
    if t.chars().count() > 150 || t.ends_with(['.', ';', ',']) {
        return None;
    }
    let (number, title_at) = heading_number(t)?;
    let title = &t[title_at..];
    if !title.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    // "1 000 cases" or "3 May" are not headings; require a dotted number or a capitalised word.
    let first = title.split_whitespace().next().unwrap_or("");
    if MONTHS.contains(&first.to_ascii_lowercase().as_str()) {
        return None;
    }
    Some(number)
}

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

static LIST: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"^([ \t]*)([-*+•–—▪◦●■□➢►\u{f0b7}\u{f0a7}]|\d{1,2}[.)]|\((?:[a-z]{1,2}|[ivxlc]{1,5}|\d{1,2}|[A-Z])\)|[a-z][.)]|[ivx]{1,4}[.)])[ \t\u{a0}]+\S")
        .unwrap()
});

/// A list item's marker, depth and the offset of its content.
pub(crate) fn list_marker(s: &str, md: bool) -> Option<(String, u8, usize)> {
    let c = LIST.captures(s)?;
    let marker = c.get(2)?.as_str();
    // `**bold**` starts with `*` but is not a bullet; the regex demands a space after the marker.
    if !md && marker.starts_with(|c: char| c.is_ascii_digit()) && text_heading(s).is_some() {
        return None;
    }
    let indent: usize = c[1].chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
    // The match ends with the content's first character, which may be several bytes long.
    let end = c.get(0)?.end();
    let content = end - s[..end].chars().next_back()?.len_utf8();
    Some((marker.to_string(), (indent / 2).min(8) as u8, content))
}

fn is_table_row(s: &str) -> bool {
    s.contains('\t') || (s.trim_start().starts_with('|') && s.trim_end().ends_with('|'))
}

fn parse_table(rows: &[Line]) -> Block {
    let mut table = Table::default();
    let mut span: Option<std::ops::Range<usize>> = None;
    for line in rows {
        let t = line.text;
        let pipe = !t.contains('\t');
        if pipe && t.trim().chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
            continue; // the |---|---| separator of a pipe table
        }
        let mut cells = Vec::new();
        let (body, base) = if pipe {
            let inner = t.trim();
            let lead = t.len() - t.trim_start().len();
            (&inner[1..inner.len() - 1], line.start + lead + 1)
        } else {
            (t, line.start)
        };
        let sep = if pipe { '|' } else { '\t' };
        let mut off = 0;
        for piece in body.split(sep) {
            cells.push(parse_cell(piece, base + off));
            off += piece.len() + 1;
        }
        let s = line.start..line.start + t.len();
        span = Some(match span {
            Some(sp) => sp.start..s.end,
            None => s,
        });
        table.rows.push(cells);
    }
    let mut para = Para::default();
    para.span = span.unwrap_or(0..0);
    Block {
        kind: BlockKind::Table(table),
        para,
        page: None,
    }
}

fn parse_cell(s: &str, off: usize) -> Cell {
    Cell {
        paras: parse_html_paragraphs(s, off),
    }
}

/// Parse inline Markdown/HTML in `s` (at source offset `off`) into paragraphs split at `<p>`,
/// `<br>` and the like: table cells, and converter output that leaked HTML into code blocks.
pub(crate) fn parse_html_paragraphs(s: &str, off: usize) -> Vec<Para> {
    let mut paras = Vec::new();
    let mut b = ParaBuilder::new();
    parse_inline(&mut b, s, off, &mut |b| {
        let done = std::mem::take(b).finish();
        if !done.text.is_empty() {
            paras.push(done);
        }
    });
    let last = b.finish();
    if !last.text.is_empty() {
        paras.push(last);
    }
    paras
}

static TAG: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?(/?)>").unwrap());
static SUP: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^<sup\b[^<>]*>\s*([^<]*?)\s*</sup>").unwrap());
static LINK: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^\[([^\]]*)\]\(([^)\s]*)\)").unwrap());
static MD_CALL: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^\[\^(\d{1,3})\]").unwrap());
static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});").unwrap()
});

/// Parse one line (or cell) of Markdown-with-HTML into `b`. `off` is the byte offset of `s`
/// in the source. `para_break` is called at `<p>`/`</p>` boundaries (table cells hold several
/// paragraphs); elsewhere it may ignore them.
fn parse_inline(
    b: &mut ParaBuilder,
    s: &str,
    off: usize,
    para_break: &mut dyn FnMut(&mut ParaBuilder),
) {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut run = 0; // start of the pending run of literal text
    let mut italic_star = false;
    macro_rules! flush {
        () => {
            if run < i {
                b.push_source(&s[run..i], off + run);
            }
        };
    }
    while i < bytes.len() {
        let rest = &s[i..];
        match bytes[i] {
            b'\\' if rest.len() > 1 && rest.as_bytes()[1].is_ascii_punctuation() => {
                flush!();
                b.push_source(&rest[1..2], off + i + 1);
                i += 2;
                run = i;
            }
            b'*' | b'_' if rest.starts_with("**") || rest.starts_with("__") => {
                flush!();
                let open = !b.is_bold();
                b.bold(open);
                i += 2;
                run = i;
            }
            b'*' => {
                let prev_ws = i == 0 || s[..i].ends_with(char::is_whitespace);
                let next_ws = rest[1..].starts_with(char::is_whitespace) || rest.len() == 1;
                if !italic_star && !next_ws {
                    flush!();
                    b.italic(true);
                    italic_star = true;
                    i += 1;
                    run = i;
                } else if italic_star && !prev_ws {
                    flush!();
                    b.italic(false);
                    italic_star = false;
                    i += 1;
                    run = i;
                } else {
                    i += 1;
                }
            }
            b'<' => {
                if let Some(c) = SUP.captures(rest) {
                    flush!();
                    let inner = c.get(1).map_or("", |m| m.as_str());
                    match inner.parse::<u32>() {
                        Ok(n) if inner.len() <= 3 => b.call(n),
                        _ => {
                            let m = c.get(1).expect("group 1 always matches");
                            parse_inline(b, inner, off + i + m.start(), para_break);
                        }
                    }
                    i += c.get(0).map_or(1, |m| m.end());
                    run = i;
                } else if let Some(c) = TAG.captures(rest) {
                    flush!();
                    let close = !c[1].is_empty();
                    match c[2].to_ascii_lowercase().as_str() {
                        "b" | "strong" => b.bold(!close),
                        "i" | "em" => b.italic(!close),
                        "p" | "div" | "li" | "tr" | "br" => {
                            b.push_space(off + i);
                            para_break(b);
                        }
                        _ => b.push_space(off + i),
                    }
                    i += c.get(0).map_or(1, |m| m.end());
                    run = i;
                } else {
                    i += 1;
                }
            }
            b'&' => {
                if let Some(c) = ENTITY.captures(rest) {
                    if let Some(ch) = decode_entity(&c[1]) {
                        flush!();
                        let mut buf = [0u8; 4];
                        let len = c.get(0).map_or(1, |m| m.end());
                        b.push_source(ch.encode_utf8(&mut buf), off + i);
                        i += len;
                        run = i;
                        continue;
                    }
                }
                i += 1;
            }
            b'[' => {
                if let Some(c) = MD_CALL.captures(rest) {
                    flush!();
                    if let Ok(n) = c[1].parse() {
                        b.call(n);
                    }
                    i += c.get(0).map_or(1, |m| m.end());
                    run = i;
                } else if let Some(c) = LINK.captures(rest) {
                    flush!();
                    let m = c.get(1).expect("group 1 always matches");
                    parse_inline(b, m.as_str(), off + i + m.start(), para_break);
                    i += c.get(0).map_or(1, |m| m.end());
                    run = i;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
        // Keep `i` on a char boundary after single-byte steps over multi-byte chars.
        while i < bytes.len() && !s.is_char_boundary(i) {
            i += 1;
        }
    }
    flush!();
}

fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let v = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(v);
    }
    Some(match name {
        "nbsp" => '\u{a0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ndash" => '–',
        "mdash" => '—',
        "euro" => '€',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "thinsp" => '\u{2009}',
        "shy" => '\u{ad}',
        _ => return None,
    })
}

static GLUED: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"[A-Za-z\u{c0}-\u{24f}.,;:)’”'\x22](\d{1,3})(?:[\s.,;:)]|$)").unwrap()
});

/// Push a plain-text line on `page`; with `glued`, split off footnote calls glued to the word
/// before them.
fn push_plain(b: &mut ParaBuilder, s: &str, off: usize, glued: Option<(&mut GluedCalls, u32)>) {
    let Some((glued, page)) = glued else {
        b.push_source(s, off);
        return;
    };
    // A call missed on an earlier page (hidden in a year, say) must not block the later ones.
    while glued.pending.last().is_some_and(|&(_, p)| p < page) {
        glued.pending.pop();
    }
    let mut from = 0;
    for c in GLUED.captures_iter(s) {
        let Some(&(want, want_page)) = glued.pending.last() else {
            break;
        };
        if want_page != page {
            break;
        }
        let m = c.get(1).expect("group 1 always matches");
        if m.as_str().parse::<u32>().ok() != Some(want) || !glued_word_ok(&s[..m.start()]) {
            continue;
        }
        b.push_source(&s[from..m.start()], off + from);
        b.call(want);
        glued.pending.pop();
        from = m.end();
    }
    b.push_source(&s[from..], off + from);
}

const FUNCTION_WORDS: [&str; 24] = [
    "a", "an", "the", "of", "to", "in", "on", "for", "with", "by", "at", "from", "and", "or", "as",
    "into", "that", "which", "its", "their", "this", "these", "between", "under",
];

/// Text that ends where a document number must follow: `Regulation (EU)`, `No`, `Article`.
static CITES_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"(?i)(?:\((?:EU|EC|EEC|EU, Euratom|CFSP)\)|\bNo\.?|\b(?:Articles?|Regulations?|Directives?|Decisions?|COM|SWD|SEC|JOIN|OJ [LC]|p\.|pp\.))$").unwrap()
});

/// A paragraph that opens with its own number: `2. The technologies ...`, `3) ...`.
static NUMBERED_PARAGRAPH: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]?\s+\p{Lu}").unwrap());

static LABEL: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^[A-Za-z][A-Za-z .]{0,30}:\s").unwrap());

/// Join a paragraph (or list item) cut by a page break with its continuation after the
/// footnote block: the first does not end a sentence, and the second starts in lower case or
/// the first ends on a word that cannot end one (`of`, `the`, a comma).
pub(crate) fn join_cut_paragraphs(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut last_text: Option<usize> = None;
    for block in blocks {
        let joinable = matches!(block.kind, BlockKind::Paragraph);
        if joinable {
            if let Some(p) = last_text {
                if should_join(&out[p].para, &block.para) {
                    let sep =
                        if out[p].para.text.ends_with('-') && !out[p].para.text.ends_with(" -") {
                            ""
                        } else {
                            " "
                        };
                    out[p].para.append(sep, &block.para);
                    continue;
                }
            }
        }
        match block.kind {
            BlockKind::Paragraph | BlockKind::ListItem { .. } => last_text = Some(out.len()),
            BlockKind::Footnote { .. } => {}
            _ => last_text = None,
        }
        out.push(block);
    }
    out
}

fn should_join(prev: &Para, next: &Para) -> bool {
    let p = prev.text.trim_end_matches(['’', '”', '"', '\'', ')', ' ']);
    let Some(last) = p.chars().next_back() else {
        return false;
    };
    // A line in capitals is a title, not the first half of a cut paragraph.
    if matches!(last, '.' | '!' | '?' | ':' | ';') || LABEL.is_match(&next.text) || is_caps_line(p)
    {
        return false;
    }
    let Some(first) = next.text.chars().next() else {
        return false;
    };
    let last_word = p
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    // A number that opens the next page continues a citation cut by the break
    // (`Regulation (EU)` / `2020/852 by applying ...`), unless it numbers a paragraph.
    let continues_number = first.is_ascii_digit()
        && CITES_NUMBER.is_match(prev.text.trim_end())
        && !NUMBERED_PARAGRAPH.is_match(&next.text);
    first.is_lowercase()
        || continues_number
        || FUNCTION_WORDS.contains(&last_word.as_str())
        || matches!(last, ',' | '–' | '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(s: &str) -> Document {
        ingest(s, SourceFormat::Markdown)
    }

    #[test]
    fn headings_with_and_without_bold() {
        let d = md(
            "### 1. INTRODUCTION\n\n## **2.2. Strategic objective 2: Prevent**\n\n## Annex 1: Overview\n",
        );
        let nums: Vec<_> = d
            .blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Heading { number, .. } => number.clone(),
                _ => None,
            })
            .collect();
        assert_eq!(
            nums,
            vec![Some("1".into()), Some("2.2".into()), Some("Annex 1".into())]
        );
        assert!(d.blocks[1].para.all_bold());
        assert_eq!(d.blocks[1].para.text, "2.2. Strategic objective 2: Prevent");
    }

    #[test]
    fn footnote_calls_and_bodies() {
        let src = "a **Fourth Directive**<sup>1</sup> and a **Fund**<sup>2</sup>.\n\n---\n\n<sup>1</sup> COM(2013) 45/3.\n\n<sup>2</sup> COM(2013) 44/2.\n";
        let d = md(src);
        assert_eq!(d.blocks.len(), 3);
        let p = &d.blocks[0].para;
        assert_eq!(p.text, "a Fourth Directive and a Fund.");
        assert_eq!(p.calls.len(), 2);
        assert_eq!(&p.text[..p.calls[0].at], "a Fourth Directive");
        assert_eq!(p.bold[0], 2..18);
        assert_eq!(d.blocks[1].kind, BlockKind::Footnote { number: 1 });
        assert_eq!(d.blocks[1].para.text, "COM(2013) 45/3.");
        let span = d.blocks[1].para.span.clone();
        assert_eq!(&src[span], "COM(2013) 45/3.");
    }

    #[test]
    fn paragraph_cut_by_footnotes_is_joined() {
        let d = md(
            "was agreed, in close\n\n<sup>6</sup> COM(2012) 85 final.\n\ncooperation with the Commission.\n\nThe Strait of\n\nGibraltar is narrow.\n\nno period here\n\nThe next one.\n",
        );
        let texts: Vec<_> = d.blocks.iter().map(|b| b.para.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "was agreed, in close cooperation with the Commission.",
                "COM(2012) 85 final.",
                "The Strait of Gibraltar is narrow.",
                "no period here",
                "The next one."
            ]
        );
    }

    #[test]
    fn cover_note_fields_are_not_joined() {
        let d = md(
            "from: Secretary-General,  \nsigned by Mr X, Director\n\ndate of receipt: 10 April 2013\n",
        );
        assert_eq!(d.blocks.len(), 2);
        assert_eq!(
            d.blocks[0].para.text,
            "from: Secretary-General, signed by Mr X, Director"
        );
    }

    #[test]
    fn list_items_starting_with_multibyte_characters() {
        let d = md("- €5 million for Europol;\n- «quoted» item\n");
        assert_eq!(d.blocks[0].para.text, "€5 million for Europol;");
        assert_eq!(d.blocks[1].para.text, "«quoted» item");
    }

    #[test]
    fn list_items_and_entities() {
        let d = md(
            "- **publish the report;**\n- *propose* a&nbsp;reform\n  of Eurojust;\n\n1. first\n(a) second\n",
        );
        let kinds: Vec<_> = d.blocks.iter().map(|b| b.kind.clone()).collect();
        assert!(matches!(&kinds[0], BlockKind::ListItem { marker, depth: 0 } if marker == "-"));
        assert_eq!(d.blocks[1].para.text, "propose a\u{a0}reform of Eurojust;");
        assert_eq!(d.blocks[1].para.italic, vec![0..7]);
        assert!(matches!(&kinds[2], BlockKind::ListItem { marker, .. } if marker == "1."));
        assert!(matches!(&kinds[3], BlockKind::ListItem { marker, .. } if marker == "(a)"));
        assert!(d.blocks[0].para.all_bold());
    }

    #[test]
    fn html_table_rows_and_cells() {
        let d = md(
            "<b>OBJECTIVE 2: Prevent</b>\t\t\n\t<i>Action 1: A</i>\t<i>Action 2: B</i>\n2012\t<p>One</p> <p>Two</p>\t<p>Member States: Three</p>\n\nafter\n",
        );
        let BlockKind::Table(t) = &d.blocks[0].kind else {
            panic!("not a table: {:?}", d.blocks[0].kind)
        };
        assert_eq!(t.rows.len(), 3);
        assert_eq!(t.rows[0][0].paras[0].text, "OBJECTIVE 2: Prevent");
        assert_eq!(t.rows[1][2].paras[0].text, "Action 2: B");
        let cell: Vec<_> = t.rows[2][1].paras.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(cell, vec!["One", "Two"]);
        assert_eq!(d.blocks[1].para.text, "after");
    }

    #[test]
    fn markdown_footnote_syntax() {
        let d = md("A directive[^1] applies.\n\n[^1]: Directive 2011/36/EU.\n");
        assert_eq!(d.blocks[0].para.text, "A directive applies.");
        assert_eq!(d.blocks[0].para.calls[0].number, 1);
        assert_eq!(d.blocks[1].kind, BlockKind::Footnote { number: 1 });
        assert_eq!(d.blocks[1].para.text, "Directive 2011/36/EU.");
    }

    #[test]
    fn escapes_and_links() {
        let d = md("US\\$2.1 trillion, see [http://a\\_b](http://a\\_b)\n");
        assert_eq!(d.blocks[0].para.text, "US$2.1 trillion, see http://a_b");
    }

    #[test]
    fn plain_text_pages_headings_footnotes() {
        let txt = "2.1. Strategic objective 1: Disrupt networks\nIn early 2013 the Commission adopted a Fourth Directive1 together with\na Fund Regulation2. The EC3 centre opened.\n\n1.\nCOM(2013) 45/3.\n2.\nCOM(2013) 44/2.\n\nEN 2 EN\n\u{c}The next page starts here.\nEN 3 EN\n\u{c}Third page.\nEN 4 EN\n";
        let d = ingest(txt, SourceFormat::Text);
        assert_eq!(d.pages, Some(3));
        assert!(
            matches!(&d.blocks[0].kind, BlockKind::Heading { number: Some(n), level: 2 } if n == "2.1")
        );
        let p = &d.blocks[1].para;
        assert_eq!(
            p.text,
            "In early 2013 the Commission adopted a Fourth Directive together with a Fund Regulation. The EC3 centre opened."
        );
        assert_eq!(
            p.calls.iter().map(|c| c.number).collect::<Vec<_>>(),
            vec![1, 2]
        );
        assert_eq!(d.blocks[2].kind, BlockKind::Footnote { number: 1 });
        assert_eq!(d.blocks[2].para.text, "COM(2013) 45/3.");
        assert!(d.blocks.iter().all(|b| !b.para.text.contains("EN 2 EN")));
        assert_eq!(d.blocks.last().unwrap().page, Some(3));
    }
}
