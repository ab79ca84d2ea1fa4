//! References stage: every reference to another EU document — in body text, footnotes, list
//! items and table cells — as one entry per distinct document with all its mentions, the
//! names the text gives it, and links.
//!
//! Citations are recognised by [`crate::citation`]. Names come from three places:
//! - the phrase a footnote call follows, when the footnote holds the reference
//!   (`**Fourth Anti Money Laundering Directive**<sup>1</sup>` with footnote 1 `COM(2013) 45/3.`),
//!   or a bold name in apposition before the call (`The **Cybersecurity Strategy**, adopted in
//!   February 2013<sup>15</sup>`);
//! - a quoted title just before a citation (`Communication 'A community approach ...',
//!   COM(2009) 82 final`) or a bold name just before it;
//! - the subject clause after an act (`Directive 2011/36/EU on preventing and combating ...`).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use crate::re::{Guarded, Regex};

use crate::citation::{self, Citation, squash};
use crate::lang::Language;
use crate::model::{BlockKind, Document, Para};
use crate::output::{Mention, Metadata, Reference, ReferenceKind};
use crate::sentence::sentence_around;
use crate::structure::Structure;

/// A citation found in one paragraph, before merging.
struct Found {
    citation: Citation,
    block: usize,
}

/// Run the references stage, in the language the document's text is written in.
pub fn extract(doc: &Document, structure: &Structure) -> Vec<Reference> {
    extract_in(doc, structure, doc.language())
}

/// Run the references stage for a document in `language`: its words are read first where a
/// word belongs to several languages, and the links go to the texts in that language.
pub fn extract_in(
    doc: &Document,
    structure: &Structure,
    language: &'static Language,
) -> Vec<Reference> {
    let mut refs: Vec<Reference> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    // Citations per footnote body block, in order, for naming through the call sites.
    let mut in_footnote: HashMap<usize, Vec<Found>> = HashMap::new();
    let cover = structure.cover_note.clone().unwrap_or(0..0);
    for (at, para) in doc.paras() {
        let mut found = citation::find_in(&para.text, Some(language));
        if cover.contains(&at.block) {
            found.extend(cover_note_number(&para.text));
            found.sort_by_key(|c| c.range.start);
        } else if at.block < 40 && PREVIOUS_DOCUMENTS.is_match(&para.text) {
            found.extend(previous_documents(&para.text));
            found.sort_by_key(|c| c.range.start);
        } else if matches!(doc.blocks[at.block].kind, BlockKind::Footnote { .. })
            && BARE_COUNCIL_NOTE.is_match(&para.text)
        {
            // A note that is only a number cites that Council document: `1 14603/19.`
            found.extend(cover_note_number(&para.text));
        }
        for (k, c) in found.iter().enumerate() {
            let key = id_key(&c.id);
            let idx = *by_id.entry(key).or_insert_with(|| {
                refs.push(Reference {
                    id: c.id.clone(),
                    kind: c.kind,
                    forms: Vec::new(),
                    titles: Vec::new(),
                    links: citation::links_in(c.kind, &c.id, &c.details, language.code),
                    details: c.details.clone(),
                    mentions: Vec::new(),
                });
                refs.len() - 1
            });
            let r = &mut refs[idx];
            let form = squash(&para.text[c.range.clone()]);
            if !r.forms.contains(&form) {
                r.forms.push(form.clone());
            }
            r.details.is_final |= c.details.is_final;
            let sentence = sentence_around(&para.text, c.range.clone());
            r.mentions.push(Mention {
                text: form,
                location: structure.locate(doc, at, para, c.range.clone()),
                sentence: para.text[sentence].to_string(),
            });
            let next_start = found.get(k + 1).map_or(para.text.len(), |n| n.range.start);
            for title in stated_titles(para, c, next_start) {
                add_title(r, &title);
            }
        }
        if let BlockKind::Footnote { .. } = doc.blocks[at.block].kind {
            in_footnote
                .entry(at.block)
                .or_default()
                .extend(found.into_iter().map(|citation| Found {
                    citation,
                    block: at.block,
                }));
        }
    }
    name_through_footnote_calls(doc, structure, &in_footnote, &by_id, &mut refs);
    refs
}

/// The key references are merged on: the id without spaces, in upper case.
pub fn id_key(id: &str) -> String {
    id.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// The key of a reference as a person writes it (`COM (2012) 85 final` → `COM(2012)85`),
/// read by the same parser as the text; `None` when it is not a reference.
pub fn reference_key(written: &str) -> Option<String> {
    citation::normalise(written).map(|c| id_key(&c.id))
}

/// Whether a title ending on this (lower-case) word stops mid-clause: on a preposition, or on
/// the verb of `amending`/`repealing` before the acts it names.
fn cut_mid_clause(last: &str) -> bool {
    matches!(
        last,
        "amending"
            | "repealing"
            | "replacing"
            | "supplementing"
            | "of"
            | "to"
            | "for"
            | "on"
            | "with"
            | "from"
            | "under"
            | "by"
    )
}

fn add_title(r: &mut Reference, title: &str) {
    let t = title.trim().trim_end_matches([',', ';', ':', '.']).trim();
    if t.chars().filter(|c| c.is_alphabetic()).count() < 4 {
        return;
    }
    // A title is a complete name: one that stops on `of` or `and amending` was cut mid-clause
    // (or is prose before the citation, `In accordance with Article 12(1) of`).
    let last = t.rsplit(' ').next().unwrap_or("").to_lowercase();
    if cut_mid_clause(&last) || matches!(last.as_str(), "the" | "and" | "in" | "a" | "an") {
        return;
    }
    if !r.titles.iter().any(|x| x.eq_ignore_ascii_case(t)) {
        r.titles.push(t.to_string());
    }
}

static COVER_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(
        r"(?:^|[\s(])(?:ST\s+)?(\d{3,5}(?:/\d{1,2})?)/(\d{2})((?:\s+(?:REV|ADD|COR)\s*\d{1,2})*)(?:$|[\s),.])",
    )
    .unwrap()
});

/// A footnote whose whole text is a Council document's number.
static BARE_COUNCIL_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(
        r"^\s*(?:ST\s+)?\d{3,5}(?:/\d{1,2})?/\d{2}(?:\s+(?:REV|ADD|COR)\s*\d{1,2})*\s*\.?\s*$",
    )
    .unwrap()
});

/// In the cover note a bare `8410/13` is the Council document's own number.
fn cover_note_number(text: &str) -> Option<Citation> {
    let c = COVER_NUMBER.captures(text)?;
    let m = c.get(0)?;
    // Skip the separators the pattern takes on either side.
    let start = m.start() + m.as_str().find(|ch: char| ch.is_ascii_alphanumeric())?;
    let end = m.start() + m.as_str().trim_end_matches([' ', ')', ',', '.']).len();
    // `PE-CONS 123/24` is a number of that series, read by the citation parser.
    if text[..start].ends_with('/')
        || text[end..].starts_with('/')
        || text[..start].trim_end().ends_with("PE-CONS")
    {
        return None;
    }
    Some(citation::council_number(
        start..end,
        &c[1],
        &c[2],
        c.get(3).map_or("", |t| t.as_str()),
    ))
}

/// A Council header's field of earlier documents: `No. prev. doc.: 8811/22`,
/// `No. Cion doc.: 6543/22 + ADD 1`, in French `N° doc. préc.:`.
static PREVIOUS_DOCUMENTS: Guarded = Guarded::folded(&["doc"], || {
    crate::re::compile(r"(?i)^\s*(?:no\.?\s+(?:prev\.?|previous|cion)\s+docs?\.?|n°\s*docs?\.?\s*(?:préc\.?|cion))\s*:").unwrap()
});

/// Every Council document number of a previous-documents field.
fn previous_documents(text: &str) -> Vec<Citation> {
    // `6650/24 + ADD 1`: the addendum of the number before is a document of its own.
    static PART_OF_LAST: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::compile(r"^\s*(?:\+|,|and)\s*((?:REV|ADD|COR)\s*\d{1,2})\b").unwrap()
    });
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(mut c) = text.get(from..).and_then(cover_note_number) {
        c.range = c.range.start + from..c.range.end + from;
        from = c.range.end;
        while let Some(p) = PART_OF_LAST.captures(&text[from..]) {
            let whole = p.get(0).expect("the whole match");
            let base = c.id.split(' ').next().unwrap_or(&c.id).to_string();
            let (n, y) = base.rsplit_once('/').unwrap_or((&base, ""));
            let part = p.get(1).expect("the part");
            let mut addendum = citation::council_number(
                from + part.start()..from + part.end(),
                n,
                y,
                part.as_str(),
            );
            addendum.range = from + part.start()..from + whole.end();
            from += whole.end();
            out.push(std::mem::replace(&mut c, addendum));
        }
        out.push(c);
    }
    out
}

static SUBJECT_START: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        r"^\s*(?:of\s+the\s+European\s+Parliament\s+and\s+(?:of\s+the\s+)?Council\s*)?",
        // A title follows the id or its date directly, or after a comma when it opens with an
        // act's own verb (`Regulation (EU) 2021/697, establishing the European Defence Fund`);
        // a preposition after a comma opens the sentence's own phrase (`Regulation (EU)
        // 2021/522, concerning the objective to reinforce ...`).
        r"(?:of\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*)?",
        r"(?:,\s*(laying\s+down|establishing|amending|setting\s+up|implementing|supplementing|repealing)\b",
        r"|((?:on|laying\s+down|establishing|amending|concerning|regarding|setting\s+up|implementing|supplementing|repealing|relating\s+to)\b))"
    ))
    .unwrap()
});

/// Titles the text states next to a citation: a quoted or bold name just before it, or, for
/// legal acts, the subject clause after it (up to the next citation, a bracket, a semicolon
/// or the end of the sentence).
fn stated_titles(para: &Para, c: &Citation, next_start: usize) -> Vec<String> {
    let text = &para.text;
    let mut out = Vec::new();
    let before = text[..c.range.start].trim_end();
    let before = before.trim_end_matches([',', '(', ' ']);
    if let Some(t) = quoted_before(before) {
        out.push(t);
    } else if let Some(b) = para.bold.iter().find(|b| {
        b.end <= c.range.start
            && text[b.end..c.range.start]
                .trim_matches([' ', ',', '('])
                .is_empty()
    }) {
        out.push(text[b.clone()].to_string());
    }
    let is_act = matches!(
        c.kind,
        ReferenceKind::Directive
            | ReferenceKind::Regulation
            | ReferenceKind::Decision
            | ReferenceKind::FrameworkDecision
    );
    if is_act {
        // A citation inside a bold name: the name ends the subject too.
        let bold_end = para
            .bold
            .iter()
            .find(|b| b.start <= c.range.start && c.range.end <= b.end)
            .map_or(usize::MAX, |b| b.end);
        let after = &text[c.range.end..next_start.max(c.range.end).min(bold_end.max(c.range.end))];
        // Prepositional phrases that open a clause of the sentence, not a title: `on the basis
        // of`, `on the grounds of`, `on behalf of`, `on the date`.
        static CLAUSE_OPENER: LazyLock<Regex> = LazyLock::new(|| {
            crate::re::compile(r"^on\s+(?:the\s+(?:basis|grounds?|date|day|one|other|part|occasion)|behalf|a\s+case|request|its\s+own|this|that|which|these|those)\b").unwrap()
        });
        let start = SUBJECT_START.captures(after).and_then(|m| {
            let appositive = m.get(1).is_some();
            m.get(1).or_else(|| m.get(2)).map(|m| (m, appositive))
        });
        if let Some((m, appositive)) =
            start.filter(|(m, _)| !CLAUSE_OPENER.is_match(&after[m.start()..]))
        {
            let rest = &after[m.start()..];
            let mut end = subject_end(rest);
            // A title set off by commas ends at the next one that goes on in lower case
            // (`Regulation (EU) 2021/697, establishing the European Defence Fund, follows`).
            if appositive {
                static CLOSE: LazyLock<Regex> =
                    LazyLock::new(|| crate::re::compile(r",\s+(?:and\s+|or\s+)?\p{Ll}").unwrap());
                if let Some(c) = CLOSE.find(&rest[..end]) {
                    let and = rest[c.start()..c.end()].contains(" and ")
                        || rest[c.start()..c.end()].contains(" or ");
                    if !and {
                        end = c.start();
                    }
                }
            }
            let mut subject = rest[..end]
                .trim_end()
                .trim_end_matches(" and")
                .trim_end_matches(',');
            // A title that names the acts it amends or repeals runs through them: `on
            // representative actions ... and repealing Directive 2009/22/EC` is the full title,
            // `... and repealing` (or `... certain provisions of`) a title cut mid-clause.
            if cut_mid_clause(subject.rsplit(' ').next().unwrap_or("")) {
                let from = c.range.end + (after.len() - after[m.start()..].len());
                let full = &text[from..bold_end.min(text.len()).max(from)];
                let end = subject_end(full);
                subject = full[..end].trim_end().trim_end_matches(',');
            }
            if subject.split_whitespace().count() >= 3 {
                out.push(subject.to_string());
            }
        }
    }
    out
}

static SUBJECT_STOP: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        r"\s(?:was|were|is|are|has|have|had|will|would|shall|should|can|could|may|must|remains?|applies|apply|entered)\b",
        r"|\sand\s+[a-z]+ed\b|,?\s+which\b",
        // A clause of the sentence after the title: `..., in so far as these`, `..., where`.
        r"|,\s+(?:in\s+so\s+far|insofar|where|provided|unless)\b"
    ))
    .unwrap()
});

/// Where an act's subject clause ends in `rest`: a semicolon, a bracket (but not a short
/// acronym such as `(PNR)`), a full stop that ends the sentence, or the verb of the sentence
/// the citation sits in (`... on combating terrorism was proposed`).
fn subject_end(rest: &str) -> usize {
    let mut end = SUBJECT_STOP.find(rest).map_or(rest.len(), |m| m.start());
    for (i, ch) in rest[..end].char_indices() {
        let acronym = || {
            rest[i + 1..].find(')').is_some_and(|j| {
                j <= 12 && !rest[i + 1..i + 1 + j].contains(|c: char| c.is_ascii_digit())
            })
        };
        if ch == ';' || (ch == '(' && !acronym()) {
            end = i;
            break;
        }
        if ch == '.' && rest[i + 1..].chars().next().is_none_or(char::is_whitespace) {
            end = i;
            break;
        }
    }
    end
}

/// A title in quotes ending `before` (the text just before a citation); the closing quote may
/// be missing (`Communication 'A community approach on ..., COM(2009) 82 final`).
fn quoted_before(before: &str) -> Option<String> {
    const OPEN: [char; 4] = ['\'', '‘', '“', '"'];
    const CLOSE: [char; 4] = ['\'', '’', '”', '"'];
    let mut from = before.len().saturating_sub(300);
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let tail = &before[from..];
    let body = tail.trim_end_matches(CLOSE);
    let closed = body.len() < tail.len();
    let open = body.rfind(OPEN)?;
    let title = &body[open + body[open..].chars().next()?.len_utf8()..];
    // An opening quote must start a word; an apostrophe inside one (`Union's`) does not count.
    let prev = body[..open].chars().next_back();
    if prev.is_some_and(char::is_alphanumeric) {
        return None;
    }
    let words = title.split_whitespace().count();
    if words < 2 || (!closed && words > 25) || title.contains(CLOSE) {
        return None;
    }
    Some(title.trim().to_string())
}

/// Name the references a footnote holds after the phrase its call follows.
///
/// A footnote with one reference takes the name. When it holds several, the name goes to the
/// one reference whose kind fits the name's own type word (a `... Directive` name to a directive
/// or a Commission proposal, a `... Regulation` to a regulation, proposal or procedure); with no
/// type word, or several that fit, to the reference the footnote opens with, if it opens with
/// one; otherwise to none, since the name then belongs to the footnote as a whole
/// (`OJ L 186 ... (Australia) and OJ L 215 ... (the United States)`).
fn name_through_footnote_calls(
    doc: &Document,
    structure: &Structure,
    in_footnote: &HashMap<usize, Vec<Found>>,
    by_id: &HashMap<String, usize>,
    refs: &mut [Reference],
) {
    for f in &structure.footnotes {
        let Some(found) = in_footnote.get(&f.block) else {
            continue;
        };
        let mut ids: Vec<(usize, &Found)> = Vec::new();
        for x in found {
            if let Some(&i) = by_id.get(&id_key(&x.citation.id)) {
                if !ids.iter().any(|(j, _)| *j == i) {
                    ids.push((i, x));
                }
            }
        }
        if ids.is_empty() {
            continue;
        }
        for call in &f.calls {
            let Some(name) = call_name(doc, call, f.number) else {
                continue;
            };
            let target = if ids.len() == 1 {
                Some(ids[0].0)
            } else {
                let fitting: Vec<usize> = ids
                    .iter()
                    .filter(|(i, _)| fits(&name, refs[*i].kind))
                    .map(|(i, _)| *i)
                    .collect();
                let opens = ids.iter().find(|(_, x)| {
                    let text = &doc.blocks[x.block].para.text;
                    text[..x.citation.range.start].split_whitespace().count() <= 1
                });
                if fitting.len() == 1 && has_type_word(&name) {
                    Some(fitting[0])
                } else {
                    opens
                        .filter(|(i, _)| fits(&name, refs[*i].kind))
                        .map(|(i, _)| *i)
                }
            };
            if let Some(t) = target {
                add_title(&mut refs[t], &name);
            }
        }
    }
}

const TYPE_WORDS: [&str; 5] = [
    "directive",
    "regulation",
    "decision",
    "communication",
    "strategy",
];

fn has_type_word(name: &str) -> bool {
    let l = name.to_lowercase();
    TYPE_WORDS.iter().any(|w| l.contains(w))
}

/// Whether a name can belong to a reference of `kind`, judged by the type word it contains.
fn fits(name: &str, kind: ReferenceKind) -> bool {
    use ReferenceKind::*;
    let l = name.to_lowercase();
    let proposal = matches!(kind, Com | Procedure);
    if l.contains("directive") {
        proposal || kind == Directive
    } else if l.contains("regulation") {
        proposal || kind == Regulation
    } else if l.contains("framework decision") {
        proposal || kind == FrameworkDecision
    } else if l.contains("decision") {
        proposal || matches!(kind, Decision | C)
    } else if l.contains("communication") || l.contains("strategy") || l.contains("report") {
        matches!(kind, Com | Join | Swd | Sec)
    } else {
        !matches!(kind, Oj | TreatyArticle)
    }
}

/// The name a footnote call gives: its phrase when bold; otherwise a bold name in apposition
/// before the call in the same sentence (`The **X**, adopted in 2013<sup>15</sup>`); otherwise
/// the phrase, when it reads as an instrument's name (plain text has no bold to go by).
fn call_name(doc: &Document, call: &crate::output::FootnoteCall, number: u32) -> Option<String> {
    if call.bold {
        return Some(call.phrase.clone());
    }
    appositive_bold(doc, call, number).or_else(|| name_like(&call.phrase))
}

/// A bold name in apposition before a call in the same sentence.
fn appositive_bold(
    doc: &Document,
    call: &crate::output::FootnoteCall,
    number: u32,
) -> Option<String> {
    let block = doc.blocks.get(call.location.block)?;
    let para = match (&block.kind, call.location.cell) {
        (BlockKind::Table(t), Some(c)) => t.rows.get(c.row)?.get(c.col)?.paras.get(c.para)?,
        _ => &block.para,
    };
    let at = para.calls.iter().find(|c| c.number == number)?.at;
    let sentence: Range<usize> = sentence_around(&para.text, at..at);
    let b = para
        .bold
        .iter()
        .rev()
        .find(|b| b.end <= at && b.start >= sentence.start)?;
    let between = &para.text[b.end..at];
    let appositive = between.trim_start().starts_with([',', '('])
        && between.chars().count() <= 80
        && !between.contains(['.', ';']);
    appositive.then(|| para.text[b.clone()].trim().to_string())
}

static NAME: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        r"(?:\b[A-Z][0-9A-Za-z\u{c0}-\u{24f}’'-]*\s+){0,6}",
        r"(?:Directive|Regulation|Framework\s+Decision|Decision|Communication|(?i:strategy)|Action\s+Plan|Agenda|Programme|Report|Convention)",
        r"(?:\s+(?:on|for|of|against|to|concerning)\s+\S.*)?$"
    ))
    .unwrap()
});

/// A plain phrase that reads as an instrument's name: capitalised words ending in a type word
/// (`Anti-Money Laundering Directive`), or a type word and its subject (`Directive on
/// combating terrorism`). `the Directive adopted in 2011` is not one.
fn name_like(phrase: &str) -> Option<String> {
    NAME.find(phrase).map(|m| m.as_str().trim().to_string())
}

/// Add the document's own title to the reference that is the document itself
/// (`COM(2013) 179` gets `Second Report on the implementation ...`).
pub fn attach_document_title(refs: &mut [Reference], metadata: &Metadata) {
    let (Some(own), Some(title)) = (&metadata.commission_reference, &metadata.title) else {
        return;
    };
    let Some(key) = reference_key(own) else {
        return;
    };
    if let Some(r) = refs.iter_mut().find(|r| id_key(&r.id) == key) {
        add_title(r, title);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text;
    use crate::model::SourceFormat;
    use crate::structure;

    fn refs(src: &str) -> Vec<Reference> {
        let d = text::ingest(src, SourceFormat::Markdown);
        let s = structure::analyze(&d);
        extract(&d, &s)
    }

    fn titles<'a>(r: &'a [Reference], id: &str) -> Vec<&'a str> {
        r.iter()
            .find(|x| x.id == id)
            .unwrap_or_else(|| panic!("no {id}"))
            .titles
            .iter()
            .map(String::as_str)
            .collect()
    }

    #[test]
    fn footnote_names_and_merging() {
        let r = refs(
            "# 2.1. Crime\n\nA **Fourth Anti Money Laundering Directive**<sup>1</sup> and a **Fund Transfer Regulation**<sup>2</sup>; also COM(2013) 45 final.\n\n<sup>1</sup> COM(2013) 45/3.\n\n<sup>2</sup> COM(2013) 44/2.\n",
        );
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].id, "COM(2013) 45");
        assert_eq!(r[0].mentions.len(), 2);
        assert_eq!(r[0].forms, vec!["COM(2013) 45 final", "COM(2013) 45/3"]);
        assert_eq!(
            titles(&r, "COM(2013) 45"),
            vec!["Fourth Anti Money Laundering Directive"]
        );
        assert_eq!(titles(&r, "COM(2013) 44"), vec!["Fund Transfer Regulation"]);
        let m = &r[0].mentions[1];
        assert_eq!(m.location.footnote, Some(1));
        assert_eq!(m.location.section.as_deref(), Some("2.1"));
        assert_eq!(r[0].details.revision, None, "first mention had no revision");
    }

    #[test]
    fn appositive_bold_name_and_shared_footnote() {
        let r = refs(
            "The **Cybersecurity Strategy for the European Union**, adopted in February 2013<sup>15</sup>, sets out a vision. The **PNR agreements**<sup>7</sup> apply.\n\n<sup>15</sup> JOIN(2013) 1 final.\n\n<sup>7</sup> OJ L 186, 14.7.2012, p. 4 (Australia) and OJ L 215, 11.8.2012, p. 5 (the United States).\n",
        );
        assert_eq!(
            titles(&r, "JOIN(2013) 1"),
            vec!["Cybersecurity Strategy for the European Union"]
        );
        assert!(titles(&r, "OJ L 186, 14.7.2012, p. 4").is_empty());
        assert!(titles(&r, "OJ L 215, 11.8.2012, p. 5").is_empty());
    }

    #[test]
    fn several_references_in_one_footnote_go_by_type_word() {
        let r = refs(
            "The **Directive on attacks against information systems**<sup>1</sup> is agreed.\n\n<sup>1</sup> COM(2010) 517 final; see also OJ L 218, 14.8.2013, p. 8 and SWD(2010) 100.\n",
        );
        assert_eq!(
            titles(&r, "COM(2010) 517"),
            vec!["Directive on attacks against information systems"]
        );
        assert!(titles(&r, "SWD(2010) 100").is_empty());
    }

    #[test]
    fn stated_titles_quoted_bold_and_subject() {
        let r = refs(
            "Set out in Communication 'A community approach on the prevention of natural and man-made disasters, COM(2009) 82 final.\n\nCouncil Decision 2005/387/JHA of 10 May 2005 on the information exchange, risk-assessment and control of new psychoactive substances and Council Framework Decision 2004/757/JHA of 25 October 2004 laying down minimum provisions on drug trafficking; the **Eurosur Regulation** (Regulation (EU) No 1052/2013) applies.\n",
        );
        assert_eq!(
            titles(&r, "COM(2009) 82"),
            vec!["A community approach on the prevention of natural and man-made disasters"]
        );
        assert_eq!(
            titles(&r, "Decision 2005/387/JHA"),
            vec![
                "on the information exchange, risk-assessment and control of new psychoactive substances"
            ]
        );
        assert_eq!(
            titles(&r, "Framework Decision 2004/757/JHA"),
            vec!["laying down minimum provisions on drug trafficking"]
        );
        assert_eq!(
            titles(&r, "Regulation (EU) No 1052/2013"),
            vec!["Eurosur Regulation"]
        );
        assert_eq!(r[1].details.issuer.as_deref(), Some("Council"));
    }

    #[test]
    fn a_clause_of_the_sentence_is_no_title() {
        let r = refs(
            "Processing is lawful under Regulation (EU) 2016/679 on the basis of consent, in so far as these rules apply. The programme established under Regulation (EU) 2021/522, concerning the objective to reinforce biotechnologies, continues. Amendments to Regulation (EU) 2021/697, establishing the European Defence Fund, follow. Directive 2011/36/EU on preventing and combating trafficking in human beings, where it applies, stays.\n",
        );
        assert!(titles(&r, "Regulation (EU) 2016/679").is_empty());
        assert!(titles(&r, "Regulation (EU) 2021/522").is_empty());
        assert_eq!(
            titles(&r, "Regulation (EU) 2021/697"),
            vec!["establishing the European Defence Fund"]
        );
        assert_eq!(
            titles(&r, "Directive 2011/36/EU"),
            vec!["on preventing and combating trafficking in human beings"]
        );
    }

    #[test]
    fn plain_phrases_that_read_as_names() {
        assert_eq!(
            name_like("The Anti-Money Laundering Directive").as_deref(),
            Some("The Anti-Money Laundering Directive")
        );
        assert_eq!(
            name_like("and the Directive on combating terrorism").as_deref(),
            Some("Directive on combating terrorism")
        );
        assert_eq!(
            name_like("The European strategy for a better internet for children").as_deref(),
            Some("The European strategy for a better internet for children")
        );
        assert_eq!(
            name_like("expanding and complementing the Directive adopted in 2011"),
            None
        );
        assert_eq!(name_like("Europol supported an increasing number"), None);
    }

    #[test]
    fn cover_note_number_needs_the_cover_note() {
        let r = refs(
            "**COVER NOTE**\n\n**8410/13**\n\nfrom: the Commission\n\nBrussels, 10.4.2013  \nCOM(2013) 179 final\n\n# 1. INTRO\n\nIn 2011/12 the figure 1234/56 is not a document.\n",
        );
        let ids: Vec<&str> = r.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids, vec!["8410/13", "COM(2013) 179"]);
    }

    #[test]
    fn previous_documents_of_a_council_header_are_references() {
        let r = refs(
            "NOTE\n\nFrom: General Secretariat of the Council\n\nNo. prev. doc.: 8811/22, 8812/22 REV 1 + ADD 1\n\nSubject: Draft conclusions\n\nIn 2011/12 the figure 1234/56 is not a document.\n",
        );
        let ids: Vec<&str> = r.iter().map(|x| x.id.as_str()).collect();
        assert_eq!(ids, vec!["8811/22", "8812/22", "8812/22 ADD 1"]);
    }

    #[test]
    fn document_title_goes_to_its_own_reference() {
        let mut r = refs("Delegations will find attached COM(2013) 179 final.\n");
        let m = Metadata {
            commission_reference: Some("COM(2013) 179 final".into()),
            title: Some("Second Report".into()),
            ..Metadata::default()
        };
        attach_document_title(&mut r, &m);
        assert_eq!(titles(&r, "COM(2013) 179"), vec!["Second Report"]);
    }
}
