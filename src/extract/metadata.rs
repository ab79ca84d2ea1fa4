//! Metadata stage: the Council cover note's fields and the communication's front matter.
//!
//! Cover notes come in several layouts: fields on their own lines or run together on one
//! (`... Director date of receipt: 10 April 2013`), labels in either case (`from:`/`From:`),
//! `(OR. en)` after the date, several subject codes on one line, `No Cion doc.:` or
//! `No. Cion doc.:`. The communication is dated `Brussels, 10.4.2013` or `Strasbourg, ...`.

use std::sync::LazyLock;

use crate::re::Regex;

use crate::citation::squash;
use crate::dates::{find_date, parse_date};
use crate::model::{BlockKind, Document};
use crate::output::Metadata;
use crate::structure::{COMMISSION_DATE_LINE, DOC_TYPE_LINE, Structure};

static COUNCIL_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(
        r"(?:^|[\s(])(?:ST\s+)?(\d{3,5}/\d{2}(?:\s+(?:REV|COR|ADD)\s*\d+)*)(?:$|[\s)(,])",
    )
    .unwrap()
});
static PLACE_DATE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"(?i)\b(Brussels|Strasbourg|Luxembourg|Bruxelles)\s*,\s*([^()]+?)\s*(?:\(|$|\d{3,5}/\d{2}\b)").unwrap()
});
static ORIGINAL_LANGUAGE: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"\(OR\.\s*([a-zA-Z]{2})\)").unwrap());
static SUBJECT_CODES: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^(?:[A-Z][A-Z0-9-]{1,11}\s+\d{1,4}\s*,?\s*)+$").unwrap());
static SUBJECT_CODE: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"([A-Z][A-Z0-9-]{1,11})\s+(\d{1,4})").unwrap());
static RECEIPT: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"(?i)\bdate\s+of\s+receipt\s*:\s*(.+)$").unwrap());
static FROM: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"(?i)^from\s*:\s*(.+?)\s*(?:\bdate\s+of\s+receipt\s*:.*)?$").unwrap()
});
static TO: LazyLock<Regex> = LazyLock::new(|| crate::re::compile(r"(?i)^to\s*:\s*(.+)$").unwrap());
static CION_DOC: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"(?i)\bno\.?\s*(?:cion|commission)\s+doc(?:ument)?\.?\s*:\s*(.+)$").unwrap()
});
static SUBJECT: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"(?i)^subject\s*:\s*(.+)$").unwrap());
/// Run the metadata stage.
pub fn extract(doc: &Document, structure: &Structure) -> Metadata {
    let mut m = Metadata::default();
    if let Some(cover) = &structure.cover_note {
        cover_note(doc, cover.clone(), &mut m);
    }
    if let Some(comm) = &structure.communication {
        front_matter(doc, comm.clone(), &mut m);
    }
    m
}

fn cover_note(doc: &Document, blocks: std::ops::Range<usize>, m: &mut Metadata) {
    let mut subject: Option<String> = None;
    for block in &doc.blocks[blocks] {
        let t = block.para.text.trim();
        if t.is_empty() {
            continue;
        }
        if m.council_number.is_none() && commission_ref(t).is_none() && !t.contains("(COD)") {
            if let Some(c) = COUNCIL_NUMBER.captures(t) {
                m.council_number = Some(squash(&c[1]));
            }
        }
        if m.council_date.is_none() {
            if let Some(c) = PLACE_DATE.captures(t) {
                m.council_date = parse_date(&c[2]).or_else(|| find_date(&c[2]).map(|d| d.0));
            }
        }
        if m.original_language.is_none() {
            if let Some(c) = ORIGINAL_LANGUAGE.captures(t) {
                m.original_language = Some(c[1].to_ascii_lowercase());
            }
        }
        // Subject codes stand on one line or on several (`JAI 850` / `CATS 165`).
        let rest = strip_heading_fields(t);
        if SUBJECT_CODES.is_match(&rest) {
            m.council_codes.extend(
                SUBJECT_CODE
                    .captures_iter(&rest)
                    .map(|c| format!("{} {}", &c[1], &c[2])),
            );
        }
        if let Some(c) = RECEIPT.captures(t) {
            m.receipt_date = find_date(&c[1]).map(|d| d.0);
        }
        if let Some(c) = FROM.captures(t) {
            m.sender = Some(c[1].trim_end_matches(',').trim().to_string());
        } else if let Some(c) = TO.captures(t) {
            m.recipient = Some(c[1].trim().to_string());
        }
        if let Some(c) = CION_DOC.captures(t) {
            m.commission_reference = commission_ref(&c[1])
                .map(|(_, r)| r)
                .or_else(|| Some(c[1].trim().to_string()));
        }
        if let Some(c) = SUBJECT.captures(t) {
            subject = Some(c[1].trim().to_string());
        }
    }
    m.council_code = m.council_codes.first().cloned();
    if let Some(subject) = subject {
        let (kind, title) = split_subject(&subject);
        if m.document_type.is_none() && !kind.is_empty() {
            m.document_type = Some(kind);
        }
        if m.title.is_none() && !title.is_empty() {
            m.title = Some(title);
        }
    }
}

/// The first Commission document number in `t` (`COM(2013) 179 final`, `JOIN(2016) 18`) as
/// written, whitespace squashed, with where it starts; read by the citation parser.
fn commission_ref(t: &str) -> Option<(usize, String)> {
    use crate::output::ReferenceKind::{C, Com, Join, Sec, Swd};
    crate::citation::find(t)
        .into_iter()
        .find(|c| matches!(c.kind, Com | Join | Swd | Sec | C))
        .map(|c| (c.range.start, squash(&t[c.range])))
}

/// Remove what else may share a line with the subject codes in single-line layouts.
fn strip_heading_fields(t: &str) -> String {
    let t = COUNCIL_NUMBER.replace_all(t, " ");
    let t = ORIGINAL_LANGUAGE.replace_all(&t, " ");
    let t = PLACE_DATE.replace_all(&t, " ");
    let t = t.replace("COUNCIL OF THE EUROPEAN UNION", " ");
    t.replace("Council of the European Union", " ")
        .trim()
        .to_string()
}

/// `COMMUNICATION FROM THE COMMISSION ... COUNCIL Second Report on ...` → the capitalised
/// document type and the title.
fn split_subject(s: &str) -> (String, String) {
    let mut kind = Vec::new();
    let mut rest = Vec::new();
    for w in s.split_whitespace() {
        if rest.is_empty() && !w.chars().any(char::is_lowercase) {
            kind.push(w);
        } else {
            rest.push(w);
        }
    }
    if !DOC_TYPE_LINE.is_match(&kind.join(" ")) {
        return (String::new(), s.to_string());
    }
    (kind.join(" "), rest.join(" "))
}

fn front_matter(doc: &Document, blocks: std::ops::Range<usize>, m: &mut Metadata) {
    let mut saw_type = false;
    for block in doc.blocks[blocks].iter().take(40) {
        if let BlockKind::Heading {
            number: Some(_), ..
        } = block.kind
        {
            break; // the first numbered section ends the front matter
        }
        if matches!(block.kind, BlockKind::Footnote { .. } | BlockKind::Table(_)) {
            continue;
        }
        let t = block.para.text.trim();
        if let Some(c) = COMMISSION_DATE_LINE.captures(t) {
            if m.commission_date.is_none() {
                m.commission_date = parse_date(&c[2]);
                m.commission_place = Some(c[1].to_string());
            }
            if m.commission_reference.is_none() {
                m.commission_reference = commission_ref(t).map(|(_, r)| r);
            }
            continue;
        }
        if m.commission_reference.is_none() {
            if let Some((0, r)) = commission_ref(t) {
                m.commission_reference = Some(r);
                continue;
            }
        }
        if DOC_TYPE_LINE.is_match(t) && is_upper(t) {
            if !saw_type {
                m.document_type = Some(t.to_string());
            }
            saw_type = true;
            continue;
        }
        // A document type line broken in two (`... TO THE EUROPEAN` / `PARLIAMENT AND ...`).
        if let Some(kind) = m
            .document_type
            .as_mut()
            .filter(|_| saw_type && m.title.is_none())
        {
            if is_upper(t) && continues_type_line(kind, t) {
                kind.push(' ');
                kind.push_str(t);
                continue;
            }
        }
        if saw_type && is_title_like(t) {
            m.title = Some(t.to_string());
            break;
        }
    }
}

/// Whether `next` carries on the document type line `kind`: `kind` stops on a word that
/// cannot end it, or `next` starts with one that cannot start a title.
fn continues_type_line(kind: &str, next: &str) -> bool {
    const OPEN_END: [&str; 8] = ["THE", "TO", "AND", "OF", "ON", "FOR", "EUROPEAN", "A"];
    const CONTINUATION: [&str; 6] = ["PARLIAMENT", "AND", "COUNCIL", "THE", "COMMITTEE", "TO"];
    let last = kind.split_whitespace().next_back().unwrap_or("");
    let first = next.split_whitespace().next().unwrap_or("");
    OPEN_END.contains(&last) || CONTINUATION.contains(&first)
}

fn is_upper(t: &str) -> bool {
    let letters = t.chars().filter(|c| c.is_alphabetic());
    let (up, all) = letters.fold((0, 0), |(u, a), c| {
        (u + usize::from(c.is_uppercase()), a + 1)
    });
    all > 0 && up * 10 >= all * 9
}

fn is_title_like(t: &str) -> bool {
    t.len() <= 400
        && t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || "'‘\"“".contains(c))
        && !COMMISSION_DATE_LINE.is_match(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text;
    use crate::model::SourceFormat;
    use crate::structure;

    fn meta(src: &str) -> Metadata {
        let d = text::ingest(src, SourceFormat::Markdown);
        let s = structure::analyze(&d);
        extract(&d, &s)
    }

    #[test]
    fn classic_layout() {
        let m = meta(
            "**COUNCIL OF  \nTHE EUROPEAN UNION**\n\n**Brussels, 12 April 2013**\n\n**8410/13**\n\n**JAI 282**\n\n**COVER NOTE**\n\nfrom: Secretary-General of the European Commission,  \nsigned by Mr Jordi AYET PUIGARNAU, Director\n\ndate of receipt: 10 April 2013\n\nto: Mr Uwe CORSEPIUS, Secretary-General\n\nNo Cion doc.: COM(2013) 179 final\n\nSubject: COMMUNICATION FROM THE COMMISSION TO THE COUNCIL  \nSecond Report on things\n\nBrussels, 10.4.2013  \nCOM(2013) 179 final\n\n**COMMUNICATION FROM THE COMMISSION TO THE COUNCIL**\n\n**Second Report on things**\n\n# 1. INTRODUCTION\n",
        );
        assert_eq!(m.council_number.as_deref(), Some("8410/13"));
        assert_eq!(m.council_code.as_deref(), Some("JAI 282"));
        assert_eq!(m.council_date.as_deref(), Some("2013-04-12"));
        assert_eq!(m.receipt_date.as_deref(), Some("2013-04-10"));
        assert_eq!(
            m.sender.as_deref(),
            Some(
                "Secretary-General of the European Commission, signed by Mr Jordi AYET PUIGARNAU, Director"
            )
        );
        assert_eq!(
            m.recipient.as_deref(),
            Some("Mr Uwe CORSEPIUS, Secretary-General")
        );
        assert_eq!(
            m.commission_reference.as_deref(),
            Some("COM(2013) 179 final")
        );
        assert_eq!(m.commission_date.as_deref(), Some("2013-04-10"));
        assert_eq!(m.commission_place.as_deref(), Some("Brussels"));
        assert_eq!(
            m.document_type.as_deref(),
            Some("COMMUNICATION FROM THE COMMISSION TO THE COUNCIL")
        );
        assert_eq!(m.title.as_deref(), Some("Second Report on things"));
    }

    #[test]
    fn compact_layout_with_or_and_several_codes() {
        let m = meta(
            "COUNCIL OF THE EUROPEAN UNION\n\nBrussels, 3 May 2016 (OR. en)\n\n8579/16\n\nJAI 361 COSI 77 ENFOPOL 123\n\nCOVER NOTE\n\nFrom: Secretary-General of the European Commission, signed by Mr Jordi AYET PUIGARNAU, Director date of receipt: 2 May 2016\n\nTo: Mr Jeppe TRANHOLM-MIKKELSEN\n\nNo. Cion doc.: COM(2016) 230 final\n\nSubject: COMMUNICATION FROM THE COMMISSION delivering on the agenda\n\nStrasbourg, 20.4.2016  \nCOM(2016) 230 final\n\nCOMMUNICATION FROM THE COMMISSION TO THE EUROPEAN PARLIAMENT\n\nDelivering on the European Agenda on Security\n\n1. INTRODUCTION\n",
        );
        assert_eq!(m.council_number.as_deref(), Some("8579/16"));
        assert_eq!(m.council_codes, vec!["JAI 361", "COSI 77", "ENFOPOL 123"]);
        assert_eq!(m.council_code.as_deref(), Some("JAI 361"));
        assert_eq!(m.council_date.as_deref(), Some("2016-05-03"));
        assert_eq!(m.original_language.as_deref(), Some("en"));
        assert_eq!(m.receipt_date.as_deref(), Some("2016-05-02"));
        assert_eq!(
            m.sender.as_deref(),
            Some(
                "Secretary-General of the European Commission, signed by Mr Jordi AYET PUIGARNAU, Director"
            )
        );
        assert_eq!(
            m.commission_reference.as_deref(),
            Some("COM(2016) 230 final")
        );
        assert_eq!(m.commission_date.as_deref(), Some("2016-04-20"));
        assert_eq!(m.commission_place.as_deref(), Some("Strasbourg"));
        assert_eq!(
            m.title.as_deref(),
            Some("Delivering on the European Agenda on Security")
        );
    }

    #[test]
    fn no_cover_note() {
        let m = meta(
            "Brussels, 10.4.2013  \nCOM(2013) 179 final\n\nREPORT FROM THE COMMISSION\n\nOn things\n\n1. INTRO\n",
        );
        assert_eq!(m.council_number, None);
        assert_eq!(
            m.commission_reference.as_deref(),
            Some("COM(2013) 179 final")
        );
        assert_eq!(
            m.document_type.as_deref(),
            Some("REPORT FROM THE COMMISSION")
        );
        assert_eq!(m.title.as_deref(), Some("On things"));
    }
}
