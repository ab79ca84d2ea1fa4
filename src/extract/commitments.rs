//! Commitments stage: "way forward" blocks as who-commits-to-do-what-by-when.
//!
//! A block starts at a heading or a line of its own such as `The way forward in 2013`,
//! `THE WAY FORWARD`, `Way forward` or `Next steps`, and runs to the next heading that is not
//! one of its lead-ins (or to the end of its section). Inside, a lead-in names the actor and
//! the modality (`The Commission will:`, `Member States are encouraged to:`, `The Council is
//! invited to:`, `EU agencies (Europol, Eurojust, EMCDDA) will:`) and the list after it holds
//! the commitments: bullets or numbered items, or, in plain text without bullets, lines that
//! start in lower case and end in `;`. Elsewhere in the body, a sentence in which the
//! Commission binds itself to future action ("The Commission will propose ...", "the Commission
//! intends to ...") is a commitment too (the `body` submodule).

use std::ops::Range;
use std::sync::LazyLock;

use crate::re::Regex;

use crate::dates;
use crate::model::{Block, BlockKind, Document, Para, ParaRef};
use crate::output::{Commitment, Deadline, Reference};
use crate::structure::Structure;

static WAY_FORWARD: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"(?i)^(?:\d+(?:\.\d+)*\.?\s+)?(?:the\s+)?(?:way\s+forward|next\s+steps|follow-up|future\s+actions?)\b[^.;:]*$").unwrap()
});

static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        r"(?i)^(?:in\s+\d{4},?\s+|in\s+addition,?\s+|furthermore,?\s+|moreover,?\s+)?",
        r"(?P<actor>[^:]+?)\s+",
        r"(?P<modal>will(?:\s+also)?(?:\s+continue\s+to)?",
        r"|should(?:\s+also)?(?:\s+continue\s+to)?|shall|must",
        r"|(?:is|are)\s+(?:also\s+)?(?:strongly\s+)?(?:encouraged|invited|called\s+upon|urged|requested|asked)\s+to(?:\s+continue\s+to)?",
        r"|intends?\s+to|plans?\s+to|commits?\s+to|undertakes?\s+to)",
        r"\s*:\s*$"
    ))
    .unwrap()
});

/// A lead-in: who commits, how, and the named parties.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadIn {
    pub actor: String,
    pub actor_text: String,
    pub modality: String,
    pub parties: Vec<String>,
}

/// Read a lead-in line (`Member States are encouraged to:`).
pub fn lead_in(text: &str) -> Option<LeadIn> {
    let c = LEAD_IN.captures(text.trim())?;
    let actor_text = c.name("actor")?.as_str().trim();
    if actor_text.split_whitespace().count() > 16 {
        return None;
    }
    let actor = canonical_actor(actor_text)?;
    let modal = c.name("modal")?.as_str().to_lowercase();
    let modality = if modal.contains("encouraged") {
        "encouraged"
    } else if modal.contains("invited")
        || modal.contains("called")
        || modal.contains("urged")
        || modal.contains("requested")
        || modal.contains("asked")
    {
        "invited"
    } else if modal.starts_with("should") || modal == "shall" || modal == "must" {
        "should"
    } else {
        "will"
    };
    Some(LeadIn {
        actor,
        actor_text: text.trim().to_string(),
        modality: modality.to_string(),
        parties: parenthesised_names(actor_text),
    })
}

/// Agencies and bodies named without the word "agency".
const AGENCIES: [&str; 16] = [
    "Europol", "Eurojust", "Frontex", "EMCDDA", "ENISA", "Cepol", "CEPOL", "EASO", "EUAA",
    "eu-LISA", "FRA", "EBCG", "EPPO", "OLAF", "EFCA", "EMSA",
];

/// The canonical actor of a lead-in's actor text: `Commission`, `Member States`, `Council`,
/// `European Parliament and Council`, `agencies`, `High Representative`, or several of these
/// joined with `and` in that order.
fn canonical_actor(text: &str) -> Option<String> {
    let l = text.to_lowercase();
    let outside_parens: String = {
        let mut depth = 0;
        l.chars()
            .filter(|&c| {
                match c {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                depth == 0 && c != ')'
            })
            .collect()
    };
    let mut parts: Vec<&str> = Vec::new();
    if outside_parens.contains("parliament") {
        parts.push("European Parliament");
    }
    if outside_parens.contains("council") {
        parts.push("Council");
    }
    if outside_parens.contains("commission") {
        parts.push("Commission");
    }
    if outside_parens.contains("high representative") {
        parts.push("High Representative");
    }
    if outside_parens.contains("member state") {
        parts.push("Member States");
    }
    let agency = outside_parens.contains("agenc")
        || AGENCIES.iter().any(|a| {
            text.split(|c: char| !c.is_alphanumeric() && c != '-')
                .any(|w| w == *a)
        });
    if agency {
        parts.push("agencies");
    }
    if parts.is_empty() {
        // Some other actor (`The EU`, `The Union`, `All actors`): keep its words.
        let t = text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .trim_start_matches("The ")
            .trim_start_matches("the ");
        if t.is_empty() || t.split_whitespace().count() > 6 {
            return None;
        }
        return Some(t.to_string());
    }
    Some(parts.join(" and "))
}

/// Names in a trailing or inner parenthesis that lists bodies: `(Europol, Eurojust, EMCDDA)`,
/// `(Frontex and Europol)`.
fn parenthesised_names(text: &str) -> Vec<String> {
    static PAREN: LazyLock<Regex> = LazyLock::new(|| crate::re::compile(r"\(([^()]+)\)").unwrap());
    let mut out = Vec::new();
    for c in PAREN.captures_iter(text) {
        let names: Vec<String> = c[1]
            .split([',', ';'])
            .flat_map(|p| p.split(" and "))
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        let all_names = names.iter().all(|n| {
            n.split_whitespace().count() <= 4 && n.chars().next().is_some_and(|c| c.is_uppercase())
        });
        if all_names && !names.is_empty() {
            out.extend(names);
        }
    }
    out
}

/// Run the commitments stage: way-forward blocks, then commitment sentences in the body.
pub fn extract(doc: &Document, structure: &Structure, refs: &[Reference]) -> Vec<Commitment> {
    let (listed, covered) = way_forward(doc, structure, refs);
    with_body(doc, structure, refs, listed, &covered)
}

/// The commitments and what the document asks others to do (requests outside way-forward
/// lists, whose lead-ins already say who is invited), finding the lists once.
pub fn extract_with_requests(
    doc: &Document,
    structure: &Structure,
    refs: &[Reference],
) -> (Vec<Commitment>, Vec<Commitment>) {
    let (listed, covered) = way_forward(doc, structure, refs);
    let requests = body::requests(doc, structure, refs, &covered);
    (with_body(doc, structure, refs, listed, &covered), requests)
}

/// The way-forward items `listed` with the body's commitment sentences, in reading order.
fn with_body(
    doc: &Document,
    structure: &Structure,
    refs: &[Reference],
    mut listed: Vec<Commitment>,
    covered: &[Range<usize>],
) -> Vec<Commitment> {
    listed.extend(body::extract(doc, structure, refs, covered));
    listed.sort_by_key(|c| (c.location.block, c.location.span.start));
    listed
}

/// The items of way-forward blocks, and the blocks those blocks cover.
fn way_forward(
    doc: &Document,
    structure: &Structure,
    refs: &[Reference],
) -> (Vec<Commitment>, Vec<Range<usize>>) {
    let mut covered = Vec::new();
    let mut out = Vec::new();
    let n = doc.blocks.len();
    let mut i = 0;
    while i < n {
        let block = &doc.blocks[i];
        if !is_way_forward(block) {
            i += 1;
            continue;
        }
        let year = year_in(&block.para.text);
        let end = block_end(doc, structure, i);
        covered.push(i..end);
        let mut lead: Option<LeadIn> = None;
        let mut k = i + 1;
        while k < end {
            let b = &doc.blocks[k];
            match &b.kind {
                BlockKind::Footnote { .. } => {}
                BlockKind::ListItem { depth, .. } => {
                    if let Some(l) = &lead {
                        if *depth == 0 {
                            let (text, last) = item_with_subitems(doc, k, end);
                            // Items run together by a layout keep their bullets inline:
                            // `... 2017; • produce ...`.
                            let parts = split_inline_bullets(&text);
                            for r in parts {
                                let part = &text[r.clone()];
                                let span = if r.end <= b.para.text.len() {
                                    r
                                } else {
                                    0..b.para.text.len()
                                };
                                push(
                                    &mut out, doc, structure, refs, l, k, &b.para, span, part, year,
                                );
                            }
                            k = last;
                        }
                    }
                }
                _ => {
                    if let Some(l) = lead_in(&b.para.text) {
                        lead = Some(l);
                    } else if let (Some(l), BlockKind::Paragraph) = (&lead, &b.kind) {
                        // Items without bullets: lines in lower case ending in `;`.
                        if b.para.text.starts_with(|c: char| c.is_lowercase()) {
                            for r in split_items(&b.para.text) {
                                let text = b.para.text[r.clone()].to_string();
                                push(
                                    &mut out, doc, structure, refs, l, k, &b.para, r, &text, year,
                                );
                            }
                        } else {
                            lead = None; // running prose ends the list
                        }
                    }
                }
            }
            k += 1;
        }
        i = end.max(i + 1);
    }
    listed_elsewhere(doc, structure, refs, &mut out, &mut covered);
    (out, covered)
}

/// The Commission's lead-in lists outside way-forward blocks: in the body, the explanatory
/// memorandum, a financial statement's implementation timeline (`Once the Regulation is
/// adopted, the Commission:` / `- will convene the expert group ...`). An item that names
/// another subject (`Member States shall designate ...`) is theirs, not the Commission's.
fn listed_elsewhere(
    doc: &Document,
    structure: &Structure,
    refs: &[Reference],
    out: &mut Vec<Commitment>,
    covered: &mut Vec<Range<usize>>,
) {
    static OTHER_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::compile(r"^(?:[Tt]he\s+)?\p{Lu}[\w’'-]*(?:\s+[\w’'-]+){0,5}?\s+(?:shall|will|must|should|may|are|is)\s")
            .unwrap()
    });
    let n = doc.blocks.len();
    let outside = |i: usize| {
        !covered.iter().any(|r| r.contains(&i))
            && !structure
                .cover_note
                .as_ref()
                .is_some_and(|r| r.contains(&i))
            && structure.legislative.part_of(i) != Some("legal_text")
    };
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < n {
        let b = &doc.blocks[i];
        let lead = matches!(b.kind, BlockKind::Paragraph)
            .then(|| commission_lead_in(&b.para.text))
            .flatten();
        let Some(lead) = lead.filter(|_| outside(i)) else {
            i += 1;
            continue;
        };
        let mut k = i + 1;
        while k < n {
            let item = &doc.blocks[k];
            match item.kind {
                BlockKind::Footnote { .. } => {}
                BlockKind::ListItem { depth: 0, .. } => {
                    let (text, last) = item_with_subitems(doc, k, n);
                    let action = WILL.find(&text).map_or(text.as_str(), |m| &text[m.end()..]);
                    if !OTHER_SUBJECT.is_match(&text) {
                        let start = text.len() - action.len();
                        let span = start.min(item.para.text.len())..item.para.text.len();
                        push(
                            out, doc, structure, refs, &lead, k, &item.para, span, action, None,
                        );
                    }
                    k = last;
                }
                _ => break,
            }
            k += 1;
        }
        found.push(i..k);
        i = k.max(i + 1);
    }
    covered.extend(found);
}

/// `will` opening a list item after a lead-in without a modality (`the Commission:`).
static WILL: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^will\s+(?:also\s+)?").unwrap());

/// A lead-in that makes the Commission the actor of the list after it: `The Commission
/// will:`, `To this end, the Commission intends to:`, or, the modality in each item, `Once the
/// Regulation is adopted, the Commission:`.
fn commission_lead_in(text: &str) -> Option<LeadIn> {
    static BARE: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::compile(r"(?i)^(?:[^:]{0,120},\s*)?the\s+(?:european\s+)?commission\s*:\s*$")
            .unwrap()
    });
    let t = text.trim();
    if !t.ends_with(':') || !t.contains("ommission") {
        return None;
    }
    // An opening phrase set off by a comma names no actor (`To support the Member States,
    // the Commission will:`).
    let clause = t.rsplit_once(", ").map_or(t, |(_, c)| c);
    if let Some(l) = lead_in(clause).filter(|l| l.actor.starts_with("Commission")) {
        return (l.modality == "will").then_some(LeadIn {
            actor_text: t.to_string(),
            ..l
        });
    }
    BARE.is_match(t).then(|| LeadIn {
        actor: "Commission".to_string(),
        actor_text: t.to_string(),
        modality: "will".to_string(),
        parties: Vec::new(),
    })
}

fn is_way_forward(b: &Block) -> bool {
    let heading_like = matches!(b.kind, BlockKind::Heading { .. })
        || b.para.all_bold()
        // At most 8 words, counted no further than the ninth (this runs on every block).
        || b.para.text.split_whitespace().nth(8).is_none();
    heading_like && WAY_FORWARD.is_match(b.para.text.trim())
}

/// Where the way-forward block starting at `start` ends: the next numbered heading, the next
/// way-forward line, the next other heading that is not a lead-in, or its section's end.
fn block_end(doc: &Document, structure: &Structure, start: usize) -> usize {
    let section_end = structure
        .section_of(start)
        .map_or(doc.blocks.len(), |s| s.blocks.end);
    for (k, b) in doc
        .blocks
        .iter()
        .enumerate()
        .take(section_end)
        .skip(start + 1)
    {
        let heading = matches!(b.kind, BlockKind::Heading { .. });
        let numbered = matches!(
            b.kind,
            BlockKind::Heading {
                number: Some(_),
                ..
            }
        );
        if numbered || is_way_forward(b) || (heading && lead_in(&b.para.text).is_none()) {
            return k;
        }
        if matches!(b.kind, BlockKind::Table(_)) {
            return k;
        }
    }
    section_end
}

/// A top-level item's text with its sub-items (depth > 0) appended, and the last block used.
fn item_with_subitems(doc: &Document, k: usize, end: usize) -> (String, usize) {
    let mut text = doc.blocks[k].para.text.clone();
    let mut last = k;
    for (j, b) in doc.blocks.iter().enumerate().take(end).skip(k + 1) {
        match b.kind {
            BlockKind::ListItem { depth, .. } if depth > 0 => {
                text.push(' ');
                text.push_str(&b.para.text);
                last = j;
            }
            BlockKind::Footnote { .. } => {}
            _ => break,
        }
    }
    (text, last)
}

static INLINE_BULLET: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r";\s+[•–▪\u{f0b7}-]\s+").unwrap());

/// Ranges of an item's text split where a further bullet follows a `;` inside it.
fn split_inline_bullets(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for m in INLINE_BULLET.find_iter(text) {
        out.push(start..m.start());
        start = m.end();
    }
    out.push(start..text.len());
    out
}

/// Split a paragraph of bullet-less items at `;` (outside brackets).
fn split_items(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth -= 1,
            ';' if depth <= 0 => {
                out.push(start..i);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(start..text.len());
    out.into_iter()
        .map(|r| {
            let s = &text[r.clone()];
            let lead = s.len() - s.trim_start().len();
            r.start + lead..r.start + s.trim_end().len()
        })
        .filter(|r| !r.is_empty())
        .collect()
}

fn year_in(text: &str) -> Option<u32> {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| crate::re::compile(r"\b(19|20)\d{2}\b").unwrap());
    YEAR.find(text).and_then(|m| m.as_str().parse().ok())
}

/// The item's text as written, without the trailing `;`, `.`, `; and` or `, and`.
fn clean_item(text: &str) -> String {
    let mut t = text.trim();
    loop {
        let before = t;
        t = t.trim_end_matches([';', '.', ',', ' ']);
        for tail in [" and", " or", ";and"] {
            if let Some(s) = t.strip_suffix(tail) {
                if s.ends_with([';', ',']) {
                    t = s;
                }
            }
        }
        if t == before {
            break;
        }
    }
    t.to_string()
}

#[allow(clippy::too_many_arguments)]
fn push(
    out: &mut Vec<Commitment>,
    doc: &Document,
    structure: &Structure,
    refs: &[Reference],
    lead: &LeadIn,
    block: usize,
    para: &Para,
    range: Range<usize>,
    text: &str,
    year: Option<u32>,
) {
    let text = clean_item(text);
    if text.split_whitespace().count() < 2 {
        return;
    }
    let section = structure.section_of(block);
    let mut parties = lead.parties.clone();
    if let Some(tail) = trailing_paren(&text) {
        for p in parenthesised_names(tail) {
            if !parties.contains(&p) {
                parties.push(p);
            }
        }
    }
    let location = structure.locate(doc, ParaRef { block, cell: None }, para, range.clone());
    // References in the item, and in the footnotes the item calls.
    let span = location.span.start..location.span.end;
    let called: Vec<usize> = para
        .calls
        .iter()
        .filter(|c| range.start <= c.at && c.at <= range.end)
        .filter_map(|c| structure.body_of_call(ParaRef { block, cell: None }, c.at))
        .collect();
    let references = refs
        .iter()
        .filter(|r| {
            r.mentions.iter().any(|m| {
                (m.location.block == block && span.contains(&m.location.span.start))
                    || called.contains(&m.location.block)
            })
        })
        .map(|r| r.id.clone())
        .collect();
    let action = text
        .split_whitespace()
        .next()
        .filter(|w| w.chars().all(char::is_alphabetic))
        .map(str::to_lowercase);
    // `propose ... and will review ...`: both actions.
    static AND_WILL: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::compile(r"\band\s+(?:it\s+)?will\s+(?:also\s+|further\s+)?([a-z]+)").unwrap()
    });
    let actions: Vec<String> = action
        .iter()
        .cloned()
        .chain(AND_WILL.captures_iter(&text).map(|c| c[1].to_string()))
        .collect();
    out.push(Commitment {
        section: section.map(|s| s.number.clone()),
        objective: section.map(|s| s.title.clone()),
        actor: lead.actor.clone(),
        actor_text: lead.actor_text.clone(),
        parties,
        modality: lead.modality.clone(),
        action,
        actions,
        deadline: deadline(&text, year),
        text,
        references,
        location,
    });
}

fn trailing_paren(text: &str) -> Option<&str> {
    let t = text.trim_end();
    if !t.ends_with(')') {
        return None;
    }
    let open = t.rfind('(')?;
    Some(&t[open..])
}

static DEADLINE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(&format!(
        concat!(
            r"(?i)\b(?P<rel>as\s+of|as\s+from|from|starting(?:\s+on)?|by|before|no\s+later\s+than|until|in|during|within)\s+",
            r"(?:(?P<date>{date})",
            r"|(?:the\s+)?end\s+of\s+(?P<endyear>\d{{4}})",
            r"|(?:the\s+)?(?P<half>first|second)\s+half\s+of\s+(?P<halfyear>\d{{4}})",
            r"|mid-(?P<midyear>\d{{4}})",
            r"|(?P<early>early|late)\s+(?P<elyear>\d{{4}})",
            r"|Q(?P<quarter>[1-4])\s+(?P<qyear>\d{{4}})",
            r"|(?:(?:the\s+)?end\s+of\s+)?(?P<month>January|February|March|April|May|June|July|August|September|October|November|December)\s+(?P<monthyear>\d{{4}})",
            r"|(?:the\s+)?(?P<season>spring|summer|autumn|winter)(?:\s+(?:of\s+)?(?P<seasonyear>\d{{4}}))?",
            r"|(?P<year>\d{{4}}))\b"
        ),
        date = dates::DATE_PATTERN
    ))
    .unwrap()
});

/// The deadline an item gives, or the block's year as the horizon.
///
/// `as of 1 October 2013` → 2013-10-01 `from`; `by the end of 2016` → 2016-12-31 `by`;
/// `by mid-2014` → 2014-06-30; `in the first half of 2013` → 2013-06-30; `during the spring`
/// → the end of spring (meteorological: 31 May) of the block's year, `within`; `in 2014` →
/// 2014-12-31 `within`. Without any: the block's year, `horizon`.
pub(super) fn deadline(text: &str, block_year: Option<u32>) -> Option<Deadline> {
    for c in DEADLINE.captures_iter(text) {
        let rel = c["rel"].to_lowercase();
        let relation = match rel.split_whitespace().next().unwrap_or("") {
            "as" | "from" | "starting" => "from",
            "in" | "during" | "within" => "within",
            _ => "by",
        };
        let date = if let Some(d) = c.name("date") {
            dates::parse_date(d.as_str())
        } else if let Some(y) = c.name("endyear") {
            dates::iso(y.as_str().parse().ok()?, 12, 31)
        } else if let Some((part, y)) = (c.name("half").zip(c.name("halfyear")))
            .or_else(|| c.name("early").zip(c.name("elyear")))
        {
            // `first half of 2020` by June; `early 2020` by the end of its first quarter;
            // `second half of`, `late 2020` by its end.
            let y: u32 = y.as_str().parse().ok()?;
            match part.as_str().to_ascii_lowercase().as_str() {
                "first" => dates::iso(y, 6, 30),
                "early" => dates::iso(y, 3, 31),
                _ => dates::iso(y, 12, 31),
            }
        } else if let (Some(q), Some(y)) = (c.name("quarter"), c.name("qyear")) {
            let (y, q): (u32, u32) = (y.as_str().parse().ok()?, q.as_str().parse().ok()?);
            dates::iso(y, q * 3, dates::days_in_month(y, q * 3))
        } else if let Some(y) = c.name("midyear") {
            dates::iso(y.as_str().parse().ok()?, 6, 30)
        } else if let (Some(m), Some(y)) = (c.name("month"), c.name("monthyear")) {
            let (y, m): (u32, u32) = (y.as_str().parse().ok()?, dates::month_number(m.as_str())?);
            dates::iso(y, m, dates::days_in_month(y, m))
        } else if let Some(s) = c.name("season") {
            let y = c
                .name("seasonyear")
                .and_then(|y| y.as_str().parse().ok())
                .or(block_year);
            let Some(y) = y else { continue };
            match s.as_str().to_lowercase().as_str() {
                "spring" => dates::iso(y, 5, 31),
                "summer" => dates::iso(y, 8, 31),
                "autumn" => dates::iso(y, 11, 30),
                _ => dates::iso(y + 1, 2, dates::days_in_month(y + 1, 2)),
            }
        } else if let Some(y) = c.name("year") {
            let y: u32 = y.as_str().parse().ok()?;
            if rel == "from" || rel == "until" {
                // `from 2014` / `until 2020` as bare years read as periods, not deadlines.
                continue;
            }
            dates::iso(y, 12, 31)
        } else {
            None
        };
        if let Some(date) = date {
            let relation =
                if rel.starts_with("until") || rel.starts_with("before") || rel.starts_with("no") {
                    "by"
                } else {
                    relation
                };
            return Some(Deadline {
                date,
                relation: relation.to_string(),
                text: Some(c.get(0)?.as_str().to_string()),
            });
        }
    }
    block_year
        .and_then(|y| dates::iso(y, 12, 31))
        .map(|date| Deadline {
            date,
            relation: "horizon".to_string(),
            text: None,
        })
}

mod body;
#[cfg(test)]
mod tests;
