//! Metadata stage: what the document is and its own identifiers — a Council document's
//! number, subject codes, dates and marks (cover notes, notes, `PE-CONS`), a Commission
//! document's number, date, type line and title, a proposal's procedure, an adopted act's id,
//! date and Official Journal reference.
//!
//! Council documents come in several layouts: fields on their own lines or run together on one
//! (`... Director date of receipt: 10 April 2013`), labels in either case (`from:`/`From:`),
//! `(OR. en)` after the date, several subject codes on one line, `No Cion doc.:` or
//! `No. Cion doc.:`. The communication is dated `Brussels, 10.4.2013` or `Strasbourg, ...`.

use std::sync::LazyLock;

use crate::re::{Guarded, Regex};

use crate::citation::squash;
use crate::dates::{find_date, parse_date};
use crate::model::{BlockKind, Document};
use crate::output::{DocumentType, Metadata};
use crate::structure::parts::ACT_TITLE;
use crate::structure::{COMMISSION_DATE_LINE, DOC_TYPE_LINE, Structure};

static COUNCIL_NUMBER: Guarded = Guarded::new(&["/"], || {
    crate::re::compile(
        r"(?:^|[\s(])(?:ST\s+)?(\d{3,5}/\d{2}(?:\s+(?:REV|COR|ADD)\s*\d+)*)(?:$|[\s)(,])",
    )
    .unwrap()
});
static PLACE_DATE: Guarded = Guarded::folded(
    &["brussels", "strasbourg", "luxembourg", "bruxelles"],
    || {
        crate::re::compile(r"(?i)\b(Brussels|Strasbourg|Luxembourg|Bruxelles)\s*,\s*(?:le\s+)?([^()]+?)\s*(?:\(|$|\d{3,5}/\d{2}\b)").unwrap()
    },
);
static ORIGINAL_LANGUAGE: Guarded = Guarded::new(&["(OR."], || {
    crate::re::compile(r"\(OR\.\s*([a-zA-Z]{2}(?:\s*,\s*[a-zA-Z]{2})*)\)").unwrap()
});
static PROCEDURE: Guarded = Guarded::new(&["/"], || {
    crate::re::compile(r"\b(\d{4})\s*/\s*(\d{4})\s*\(\s*(COD|CNS|NLE|APP|INI|BUD|SYN|AVC)\s*\)")
        .unwrap()
});
static PE_CONS: Guarded = Guarded::new(&["PE-CONS"], || {
    crate::re::compile(r"\bPE-CONS\s+(\d{1,5})/(\d{2})\b").unwrap()
});
static LIMITE: Guarded = Guarded::new(&["LIMITE"], || crate::re::compile(r"\bLIMITE\b").unwrap());
/// A Council document's own kind, as it heads the document.
static COUNCIL_FORM: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r#"^\s*(COVER\s+NOTE|"?I(?:/A)?"?\s+ITEM\s+NOTE|NOTE\s+POINT\s+"?I(?:/A)?"?|NOTE\s+DE\s+TRANSMISSION|NOTE|OUTCOME\s+OF\s+PROCEEDINGS|LEGISLATIVE\s+ACTS\s+AND\s+OTHER\s+INSTRUMENTS|INFORMATION\s+NOTE)\s*$"#).unwrap()
});
/// The date an act was adopted: `of 19 October 2022` opening the line under its title.
static ACT_DATE: Guarded = Guarded::new(&["of"], || {
    crate::re::compile(r"^\s*of\s+(\d{1,2}\s+\p{L}+\s+\d{4})\b\s*(.*)$").unwrap()
});
/// [`ACT_DATE`] after the act's name on the same line.
static ACT_DATE_INLINE: Guarded = Guarded::new(&["of"], || {
    crate::re::compile(r"\s+of\s+(\d{1,2}\s+\p{L}+\s+\d{4})\b\s*(.*)$").unwrap()
});
/// An Official Journal page head: `L 277/1` with the issue's date nearby.
static OJ_HEAD: Guarded = Guarded::new(&["/"], || {
    crate::re::compile(r"\b([LC])\s+(\d{1,4})/(\d{1,4})\b").unwrap()
});
static SUBJECT_CODES: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^(?:[A-Z][A-Z0-9-]{1,11}\s+\d{1,4}\s*,?\s*)+$").unwrap());
static SUBJECT_CODE: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"([A-Z][A-Z0-9-]{1,11})\s+(\d{1,4})").unwrap());
static RECEIPT: Guarded = Guarded::folded(&["date"], || {
    crate::re::compile(r"(?i)\bdate\s+(?:of\s+receipt|de\s+réception)\s*:\s*(.+)$").unwrap()
});
static FROM: Guarded = Guarded::folded(&["from", "origine", "exp"], || {
    crate::re::compile(r"(?i)^(?:from|origine|expéditeur)\s*:\s*(.+?)\s*(?:\bdate\s+(?:of\s+receipt|de\s+réception)\s*:.*)?$").unwrap()
});
static TO: Guarded = Guarded::folded(&["to", "destinataire"], || {
    crate::re::compile(
        r"(?i)^(?:to|destinataires?)\s*:\s*(.+?)\s*(?:(?:\bno\.?\s+(?:prev\.?|previous)|n°\s*)\s*docs?\.?\s*(?:préc\.?\s*)?:.*)?$",
    )
    .unwrap()
});
static CION_DOC: Guarded = Guarded::folded(&["doc"], || {
    crate::re::compile(
        r"(?i)(?:\bno\.?\s*(?:cion|commission)\s+doc(?:ument)?\.?|n°\s*doc\.?\s*cion)\s*:\s*(.+)$",
    )
    .unwrap()
});
static SUBJECT_LABEL: Guarded = Guarded::folded(&["subject", "objet"], || {
    crate::re::compile(r"(?i)^(?:subject|objet)\s*:$").unwrap()
});
static SUBJECT: Guarded = Guarded::folded(&["subject", "objet"], || {
    crate::re::compile(r"(?i)^(?:subject|objet)\s*:\s*(.+)$").unwrap()
});
/// Run the metadata stage.
pub fn extract(doc: &Document, structure: &Structure) -> Metadata {
    let mut m = Metadata {
        language: Some(doc.language().code.to_string()),
        ..Metadata::default()
    };
    if let Some(cover) = &structure.cover_note {
        cover_note(doc, cover.clone(), &mut m);
    } else if looks_like_council_document(doc) {
        // A Council note, conclusions or `PE-CONS`: its first page carries the same fields.
        cover_note(doc, 0..doc.blocks.len().min(40), &mut m);
    }
    if let Some(comm) = &structure.communication {
        front_matter(doc, comm.clone(), &mut m);
    }
    if let Some(legal) = &structure.legislative.legal_text {
        legal_act(doc, legal.clone(), structure, &mut m);
    }
    footer_fields(doc, &mut m);
    // A `PE-CONS` document is numbered in that series only.
    if m.council_number.is_none() {
        m.council_number = m.pe_cons.clone();
    }
    if m.title.is_none() {
        m.title = first_page_title(doc);
    }
    super::declared::apply(doc, &mut m);
    classify(structure, &mut m);
    m
}

/// A document that names no type (guidelines, opinions): its title is the first line on the
/// first page set apart in bold (or as a heading) that reads as a title — several words, in
/// sentence case rather than an institution's name in capitals, not a date line.
fn first_page_title(doc: &Document) -> Option<String> {
    let first_page: Vec<&crate::model::Block> = doc
        .blocks
        .iter()
        .take(30)
        .filter(|b| b.page.is_none_or(|p| p <= 1))
        .collect();
    // Plain text carries no type styles: any short line of the first page may be the title.
    let unstyled = doc.blocks.iter().all(|b| b.para.bold.is_empty());
    let candidate = |b: &&&crate::model::Block| {
        let t = b.para.text.trim();
        let set_apart = b.para.all_bold()
            || matches!(b.kind, BlockKind::Heading { .. })
            || (unstyled
                && matches!(b.kind, BlockKind::Paragraph)
                && !is_reference_line(t)
                && !is_upper(t)
                && !DOC_TYPE_LINE.is_match(t));
        let words = t.split_whitespace().count();
        // `E U G r e e n D e a l`: letters spaced out for show are no title.
        let spaced = t
            .split_whitespace()
            .filter(|w| w.chars().count() == 1)
            .count()
            * 2
            > words;
        set_apart
            && !spaced
            && (3..=40).contains(&words)
            && t.starts_with(char::is_uppercase)
            && find_date(t).is_none()
            && !t.ends_with(['.', ':', ';'])
    };
    first_page
        .iter()
        .filter(candidate)
        .find(|b| !is_upper(&b.para.text))
        .or_else(|| first_page.iter().find(|b| candidate(b)))
        .map(|b| {
            // An annex sent on its own: `ANNEX Draft Council conclusions on ...`.
            let t = b.para.text.trim();
            match ANNEX_LABEL.find(t) {
                Some(m) if t[m.end()..].starts_with(char::is_uppercase) => t[m.end()..].to_string(),
                _ => t.to_string(),
            }
        })
}

static ANNEX_LABEL: Guarded = Guarded::new(&["ANNEX", "Annex"], || {
    crate::re::compile(r"^(?:ANNEX|Annex)(?:\s+[IVX]+)?\s+").unwrap()
});

/// A line that is mostly a document reference (`COM(2020) 605 final`), no title.
fn is_reference_line(t: &str) -> bool {
    let cited: usize = crate::citation::find(t).iter().map(|c| c.range.len()).sum();
    cited * 2 >= t.len()
}

/// Whether the document opens as the Council's documents do: its number with subject codes,
/// or `PE-CONS`, near the top.
fn looks_like_council_document(doc: &Document) -> bool {
    let top = block_texts(doc, 0..doc.blocks.len().min(25));
    let council = top.iter().any(|t| {
        let lower = t.to_lowercase().replace('’', "'");
        lower.contains("council of the european union")
            || lower.contains("conseil de l'union européenne")
            || PE_CONS.is_match(t)
    });
    let number = top
        .iter()
        .any(|t| council_number_in(t).is_some() || PE_CONS.is_match(t));
    council && number
}

/// The texts of these blocks, a table's cell by cell: converters set a Council masthead as a
/// table (`THE EUROPEAN PARLIAMENT | THE COUNCIL`, the date and number in the right column).
fn block_texts(doc: &Document, blocks: std::ops::Range<usize>) -> Vec<&str> {
    let mut out = Vec::new();
    for b in &doc.blocks[blocks] {
        match &b.kind {
            BlockKind::Table(t) => out.extend(
                t.rows
                    .iter()
                    .flatten()
                    .flat_map(|c| &c.paras)
                    .map(|p| p.text.as_str()),
            ),
            _ => out.push(b.para.text.as_str()),
        }
    }
    out
}

/// The Council document number in `t` (`8410/13`, `ST 9156/22 REV 1`), squashed. An Official
/// Journal page (`L 123/10`, `C 45/3`) has the same shape and is none; so is an act's number
/// (`Regulation (EC) No 322/97`, `Directive 95/46`).
fn council_number_in(t: &str) -> Option<String> {
    static NOT_COUNCIL: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::compile(
            r"(?:\b(?:OJ\s+)?[LC]|\bNo\.?|(?i:regulation|directive|decision)(?:\s+\([A-Za-z, ]+\))?)\s*$",
        )
        .unwrap()
    });
    COUNCIL_NUMBER
        .captures_iter(t)
        .filter_map(|c| c.get(1))
        .find(|m| !NOT_COUNCIL.is_match(&t[..m.start()]))
        .map(|m| squash(m.as_str()))
}

/// What the document is, from what the other fields found.
fn classify(structure: &Structure, m: &mut Metadata) {
    let line = m
        .document_type_line
        .clone()
        .unwrap_or_default()
        .to_uppercase();
    let form_of = |l: &str| {
        ["REGULATION", "DIRECTIVE", "DECISION", "RECOMMENDATION"]
            .into_iter()
            .find(|f| l.contains(f))
            .map(str::to_lowercase)
    };
    let (kind, form) = if line.starts_with("PROPOSAL") || line.contains("PROPOSAL FOR") {
        (Some(DocumentType::Proposal), form_of(&line))
    } else if line.contains("STAFF WORKING") {
        (Some(DocumentType::StaffWorkingDocument), None)
    } else if line.contains("WHITE PAPER") {
        (
            Some(DocumentType::Communication),
            Some("white_paper".to_string()),
        )
    } else if line.contains("GREEN PAPER") {
        (
            Some(DocumentType::Communication),
            Some("green_paper".to_string()),
        )
    } else if line.contains("REPORT") {
        (Some(DocumentType::Report), None)
    } else if line.contains("COMMUNICATION") {
        (Some(DocumentType::Communication), None)
    } else if m.act.is_some() {
        let form = m
            .act
            .as_deref()
            .and_then(|a| a.split_whitespace().next())
            .map(str::to_lowercase);
        (Some(DocumentType::LegalAct), form)
    } else if structure.legislative.memorandum.is_some() {
        (Some(DocumentType::Proposal), None)
    } else if m.council_number.is_some() || m.pe_cons.is_some() {
        // A PE-CONS document is the act as agreed: its subject names the form.
        (Some(DocumentType::CouncilDocument), form_of(&line))
    } else if m.title.is_some() {
        (Some(DocumentType::Other), None)
    } else {
        (None, None)
    };
    m.document_type = kind;
    if m.document_form.is_none() {
        m.document_form = form;
    }
    if m.pe_cons.is_some() {
        m.council_form = Some("pe_cons".to_string());
    }
}

/// An adopted act's own id, date, title and Official Journal issue, from its title lines
/// (`REGULATION (EU) 2022/2065 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL` / `of 19 October
/// 2022 on a Single Market ...`) and the Journal's page head.
fn legal_act(
    doc: &Document,
    legal: std::ops::Range<usize>,
    structure: &Structure,
    m: &mut Metadata,
) {
    // A proposal's legal text is titled `Proposal for a ...`: its metadata is the front page's.
    if structure.legislative.memorandum.is_some() {
        return;
    }
    let head = legal.start.saturating_sub(6)..(legal.start + 4).min(doc.blocks.len());
    for i in head.clone() {
        let t = doc.blocks[i].para.text.trim();
        if m.act.is_none() && ACT_TITLE.is_match(t) {
            // The title lines may have run together into one paragraph (`COMMISSION
            // REGULATION (EC) No 318/2006 of 22 February 2006 on ...`).
            let own_date = ACT_DATE_INLINE.captures(t);
            let line = own_date
                .as_ref()
                .and_then(|c| c.get(0))
                .map_or(t, |d| t[..d.start()].trim_end());
            // `REGULATION (EU) 2022/2065 OF ...` in capitals reads as `Regulation (EU) ...`.
            let words: Vec<String> = line
                .split_whitespace()
                .map(|w| match w {
                    "REGULATION" | "DIRECTIVE" | "DECISION" | "COUNCIL" | "COMMISSION"
                    | "IMPLEMENTING" | "DELEGATED" => w[..1].to_string() + &w[1..].to_lowercase(),
                    _ => w.to_string(),
                })
                .collect();
            let readable = words.join(" ");
            if let Some(c) = crate::citation::find(&readable).into_iter().next() {
                m.act = Some(c.id);
                m.document_type_line = Some(line.to_string());
            }
            // The date and title follow, on the next line or on the same.
            let next = doc.blocks.get(i + 1).map_or("", |b| b.para.text.trim());
            if let Some(c) = own_date.or_else(|| ACT_DATE.captures(next)) {
                m.adoption_date = parse_date(&c[1]);
                let title = c[2].trim();
                if !title.is_empty() && m.title.is_none() {
                    m.title = Some(title.to_string());
                }
            }
        }
    }
    // The Journal's head on the first page (`L 277/1`, `27.10.2022`), kept in the text or
    // dropped as a running head.
    if m.oj_reference.is_none() {
        // The issue's date stands in the page head itself, never in the act's title lines.
        let first_page_furniture: Vec<&str> = doc
            .furniture
            .iter()
            .filter(|(p, _)| *p <= 1)
            .map(|(_, t)| t.as_str())
            .collect();
        let joined = first_page_furniture.join(" ");
        let heads = std::iter::once(joined.as_str())
            .chain(doc.blocks[head].iter().map(|b| b.para.text.as_str()))
            .filter(|t| t.len() < 200 && OJ_HEAD.is_match(t));
        for t in heads {
            let Some(c) = OJ_HEAD.captures(t) else {
                continue;
            };
            let date = find_date(t).map(|d| d.0);
            if let Some(date) = date {
                let (y, mo, d) = (&date[..4], &date[5..7], &date[8..10]);
                m.oj_reference = Some(format!(
                    "OJ {} {}, {}.{}.{}, p. {}",
                    &c[1],
                    &c[2],
                    d.trim_start_matches('0'),
                    mo.trim_start_matches('0'),
                    y,
                    &c[3]
                ));
                break;
            }
        }
    }
}

/// A Council document's number and marks from its page footers (`9365/22 ABC/de 1`,
/// `COMPET.2 LIMITE EN`), when its first page did not give them.
fn footer_fields(doc: &Document, m: &mut Metadata) {
    for (_, t) in &doc.furniture {
        // An Official Journal page head (`L 123/10 EN Official Journal ...`) numbers a page.
        if t.contains("Official Journal") {
            continue;
        }
        if m.council_number.is_none() && commission_ref(t).is_none() {
            m.council_number = council_number_in(t);
        }
        if m.pe_cons.is_none() {
            if let Some(c) = PE_CONS.captures(t) {
                m.pe_cons = Some(format!("PE-CONS {}/{}", &c[1], &c[2]));
            }
        }
        if LIMITE.is_match(t) && (m.council_number.is_some() || m.pe_cons.is_some()) {
            m.limite = true;
        }
    }
}

fn cover_note(doc: &Document, blocks: std::ops::Range<usize>, m: &mut Metadata) {
    let mut subject: Option<String> = None;
    // The label `Subject:` on a line of its own, its text on the next lines (the act's name in
    // capitals, perhaps broken, then the title).
    let mut subject_follows = false;
    for t in block_texts(doc, blocks) {
        let t = t.trim();
        if t.is_empty() {
            continue;
        }
        if subject_follows {
            let s = subject.get_or_insert_with(String::new);
            if !s.is_empty() {
                s.push(' ');
            }
            s.push_str(t);
            subject_follows = !t.chars().any(char::is_lowercase);
            continue;
        }
        if SUBJECT_LABEL.is_match(t) {
            subject_follows = true;
            continue;
        }
        if m.council_number.is_none()
            && commission_ref(t).is_none()
            && !PROCEDURE.is_match(t)
            && !PE_CONS.is_match(t)
        {
            m.council_number = council_number_in(t);
        }
        if m.council_date.is_none() {
            if let Some(c) = PLACE_DATE.captures(t) {
                m.council_date = parse_date(&c[2]).or_else(|| find_date(&c[2]).map(|d| d.0));
            }
        }
        if m.original_language.is_none() {
            if let Some(c) = ORIGINAL_LANGUAGE.captures(t) {
                m.original_languages = c[1]
                    .split(',')
                    .map(|l| l.trim().to_ascii_lowercase())
                    .collect();
                m.original_language = m.original_languages.first().cloned();
            }
        }
        if m.procedure.is_none() {
            if let Some(c) = PROCEDURE.captures(t) {
                m.procedure = Some(format!("{}/{}({})", &c[1], &c[2], &c[3]));
            }
        }
        if m.pe_cons.is_none() {
            if let Some(c) = PE_CONS.captures(t) {
                m.pe_cons = Some(format!("PE-CONS {}/{}", &c[1], &c[2]));
            }
        }
        if LIMITE.is_match(t) && t.len() < 80 {
            m.limite = true;
        }
        if m.council_form.is_none() {
            if let Some(c) = COUNCIL_FORM.captures(t) {
                let form = c[1].to_lowercase().replace(['"', '/'], " ");
                let form: Vec<&str> = form.split_whitespace().collect();
                m.council_form = Some(match form.join("_").as_str() {
                    "i_a_item_note" | "i_item_note" | "item_note" | "note_point_i_a"
                    | "note_point_i" => "i_a_item_note".to_string(),
                    "note_de_transmission" => "cover_note".to_string(),
                    "legislative_acts_and_other_instruments" => "pe_cons".to_string(),
                    other => other.to_string(),
                });
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
        if m.document_type_line.is_none() && !kind.is_empty() {
            m.document_type_line = Some(kind);
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
    let t = PE_CONS.replace_all(t, " ");
    let t = PROCEDURE.replace_all(&t, " ");
    let t = LIMITE.replace_all(&t, " ");
    let t = COUNCIL_NUMBER.replace_all(&t, " ");
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
    let joined = kind.join(" ");
    // A legislative act's subject opens with the act's name: `DIRECTIVE OF THE EUROPEAN
    // PARLIAMENT AND OF THE COUNCIL on ...`.
    let act = ["REGULATION", "DIRECTIVE", "DECISION"]
        .iter()
        .any(|a| joined.starts_with(a));
    if !DOC_TYPE_LINE.is_match(&joined) && !act {
        return (String::new(), s.to_string());
    }
    (kind.join(" "), rest.join(" "))
}

/// A Commission place and date inside a cover page's text, where a converter ran its boxes
/// together (`EUROPEAN COMMISSION Strasbourg, 12.10. 2021 COM(2021) 644 final`) or split the
/// year off (`Brussels, 3.4.`): place, day, month and the year if it follows.
static PLACE_DAY_MONTH: Guarded = Guarded::new(
    &["Brussels", "Strasbourg", "Luxembourg", "Bruxelles"],
    || {
        crate::re::compile(
        r"\b(Brussels|Strasbourg|Luxembourg|Bruxelles),?\s+(\d{1,2})\.(\d{1,2})\.(?:\s?(\d{4})\b)?",
    )
    .unwrap()
    },
);
/// The form that heads a proposal's title: `Proposal for a`, `Amended proposal for a`.
static PROPOSAL_FORM: Guarded = Guarded::folded(&["proposal"], || {
    crate::re::compile(r"^\s*(?i:(?:amended|modified|revised)\s+)?(?i:proposal)\s+for\s+an?\b")
        .unwrap()
});

fn front_matter(doc: &Document, blocks: std::ops::Range<usize>, m: &mut Metadata) {
    let mut saw_type = false;
    // A form line on its own (`Amended proposal for a`), waiting for the act's name.
    let mut form_alone = false;
    // The day and month of a date line without its year, and a year seen on its own.
    let mut day_month: Option<(String, u32, u32)> = None;
    let mut lone_year: Option<u32> = None;
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
        if let Some(c) = PLACE_DAY_MONTH.captures(t) {
            // A year that opens a procedure number (`2019/0105`) is not the date's.
            let year = c
                .get(4)
                .filter(|y| !t[y.end()..].starts_with('/'))
                .and_then(|y| y.as_str().parse::<u32>().ok());
            if day_month.is_none() {
                let (d, mo) = (c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
                day_month = Some((c[1].to_string(), d, mo));
                lone_year = lone_year.or(year);
            }
            if m.commission_reference.is_none() {
                m.commission_reference = commission_ref(t).map(|(_, r)| r);
            }
            if m.procedure.is_none() {
                if let Some(p) = PROCEDURE.captures(t) {
                    m.procedure = Some(format!("{}/{}({})", &p[1], &p[2], &p[3]));
                }
            }
            continue;
        }
        if day_month.is_some() && lone_year.is_none() && t.len() == 4 {
            if let Ok(y) = t.parse::<u32>() {
                lone_year = (1950..2100).contains(&y).then_some(y);
                continue;
            }
        }
        if m.commission_reference.is_none() {
            if let Some((0, r)) = commission_ref(t) {
                m.commission_reference = Some(r);
                // The procedure may share the number's line (`COM(2021) 644 final 2021/0331
                // (NLE)`).
                if m.procedure.is_none() {
                    if let Some(p) = PROCEDURE.captures(t) {
                        m.procedure = Some(format!("{}/{}({})", &p[1], &p[2], &p[3]));
                    }
                }
                continue;
            }
        }
        if m.procedure.is_none() {
            if let Some(c) = PROCEDURE.captures(t) {
                if c.get(0).is_some_and(|g| g.start() == 0) {
                    m.procedure = Some(format!("{}/{}({})", &c[1], &c[2], &c[3]));
                    continue;
                }
            }
        }
        // `Proposal for a REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL establishing
        // ...`: the type is the run in capitals, the title what follows. The form may stand
        // alone on its line, the act's name and the title on the next ones.
        if !saw_type && PROPOSAL_FORM.is_match(t) {
            let (line, title) = split_proposal(t);
            form_alone = matches!(line.split_whitespace().last(), Some("a" | "an"));
            m.document_type_line = Some(line);
            saw_type = true;
            if !title.is_empty() {
                m.title = Some(title);
                break;
            }
            continue;
        }
        if form_alone && is_upper(t) {
            // The act's name under its form line: `REGULATION OF THE EUROPEAN PARLIAMENT ...`,
            // perhaps with the title after it.
            let (name, title) = split_caps(t);
            if let Some(line) = m.document_type_line.as_mut() {
                line.push(' ');
                line.push_str(&name);
            }
            form_alone = false;
            if !title.is_empty() {
                m.title = Some(title);
                break;
            }
            continue;
        }
        if DOC_TYPE_LINE.is_match(t) && is_upper(t) {
            if !saw_type {
                m.document_type_line = Some(t.to_string());
            }
            saw_type = true;
            continue;
        }
        // A document type line broken in two (`... TO THE EUROPEAN` / `PARLIAMENT AND ...`).
        if let Some(kind) = m
            .document_type_line
            .as_mut()
            .filter(|_| saw_type && m.title.is_none())
        {
            if is_upper(t) && continues_type_line(kind, t) {
                kind.push(' ');
                kind.push_str(t);
                continue;
            }
        }
        // A proposal's title opens in lower case after the act's name (`on ...`).
        let proposal = m
            .document_type_line
            .as_deref()
            .is_some_and(|l| PROPOSAL_FORM.is_match(l));
        if saw_type && (is_title_like(t) || (proposal && opens_act_title(t))) {
            m.title = Some(t.to_string());
            break;
        }
    }
    // The year of a date line that lost it: after it or on its own nearby, else the
    // document's number.
    if m.commission_date.is_none() {
        if let Some((place, d, mo)) = day_month {
            let year = lone_year.or_else(|| {
                let r = m.commission_reference.as_deref()?;
                crate::citation::find(r).first()?.details.year
            });
            if let Some(y) = year {
                m.commission_date = parse_date(&format!("{d}.{mo}.{y}"));
                m.commission_place = m.commission_date.as_ref().map(|_| place);
            }
        }
    }
}

/// Whether `t` opens an act's title in lower case: `on ...`, `establishing ...`, `amending ...`.
fn opens_act_title(t: &str) -> bool {
    let first = t.split_whitespace().next().unwrap_or("");
    t.len() <= 400
        && matches!(
            first,
            "on" | "establishing"
                | "amending"
                | "laying"
                | "concerning"
                | "repealing"
                | "setting"
                | "supplementing"
                | "implementing"
                | "relating"
                | "as"
        )
}

/// `Proposal for a REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL establishing ...`
/// (or `Amended proposal for a ...`) → the type line (up to the end of the words in capitals)
/// and the title after it.
fn split_proposal(t: &str) -> (String, String) {
    let words: Vec<&str> = t.split_whitespace().collect();
    // The form up to its article (`a` or `an`), then the act's name in capitals.
    let form = words
        .iter()
        .position(|w| matches!(*w, "a" | "an"))
        .map_or(words.len().min(3), |k| k + 1);
    let (name, title) = split_caps(&words[form..].join(" "));
    let line = words[..form]
        .iter()
        .copied()
        .chain(name.split_whitespace())
        .collect::<Vec<_>>()
        .join(" ");
    (line, title)
}

/// An act's name in capitals and the title after it: `REGULATION OF THE EUROPEAN PARLIAMENT
/// AND OF THE COUNCIL on ...` → (`REGULATION ... COUNCIL`, `on ...`).
fn split_caps(t: &str) -> (String, String) {
    let words: Vec<&str> = t.split_whitespace().collect();
    let end = words
        .iter()
        .position(|w| w.chars().any(char::is_lowercase))
        .unwrap_or(words.len());
    (words[..end].join(" "), words[end..].join(" "))
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
            m.document_type_line.as_deref(),
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
    fn an_official_journal_page_is_no_council_number() {
        assert_eq!(council_number_in("L 123/10 EN Official Journal"), None);
        assert_eq!(council_number_in("OJ C 145/12"), None);
        assert_eq!(
            council_number_in("Having regard to Regulation (EC) No 322/97 on statistics"),
            None
        );
        assert_eq!(
            council_number_in("8410/13 JV/fm 1").as_deref(),
            Some("8410/13")
        );
        assert_eq!(
            council_number_in("ST 9156/22 REV 1").as_deref(),
            Some("9156/22 REV 1")
        );
    }

    #[test]
    fn pe_cons_number_is_the_council_number() {
        let m = meta(
            "EUROPEAN UNION\n\nTHE EUROPEAN PARLIAMENT THE COUNCIL\n\nBrussels, 6 November 2024 (OR. en)\n\n2023/0177(COD) PE-CONS 43/24\n\nEF 71\n\nLEGISLATIVE ACTS AND OTHER INSTRUMENTS\n\nSubject: REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL on widgets\n",
        );
        assert_eq!(m.council_number.as_deref(), Some("PE-CONS 43/24"));
        assert_eq!(m.pe_cons.as_deref(), Some("PE-CONS 43/24"));
        assert_eq!(m.council_date.as_deref(), Some("2024-11-06"));
    }

    #[test]
    fn proposal_form_line_apart_and_date_without_its_year() {
        let m = meta(
            "Brussels, 3.4.\n\nCOM(2019) 208 final\n\n2019/0105 (COD)\n\nAmended proposal for a\n\nREGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL\n\non widgets\n\n# EXPLANATORY MEMORANDUM\n",
        );
        assert_eq!(
            m.commission_reference.as_deref(),
            Some("COM(2019) 208 final")
        );
        assert_eq!(m.commission_date.as_deref(), Some("2019-04-03"));
        assert_eq!(
            m.document_type_line.as_deref(),
            Some("Amended proposal for a REGULATION OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL")
        );
        assert_eq!(m.title.as_deref(), Some("on widgets"));
        assert_eq!(m.document_type, Some(DocumentType::Proposal));
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
            m.document_type_line.as_deref(),
            Some("REPORT FROM THE COMMISSION")
        );
        assert_eq!(m.title.as_deref(), Some("On things"));
    }
}
