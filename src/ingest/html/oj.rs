//! The Official Journal's HTML of an act (EUR-Lex's `oj-*` classes): `p.oj-doc-ti` title
//! lines, `div#cit_N` citations, `div#rct_N` recitals set as two-cell tables, `p.oj-ti-art`
//! / `p.oj-sti-art` articles, `oj-ti-section-1` / `-2` chapters and sections, calls
//! `<a href="#ntr…">(<span class="oj-note-tag">1</span>)</a>`, notes `p.oj-note`, the running
//! head `oj-hd-*` and the ELI in `<link rel="canonical">`.

use super::{Part, Producer, Role};
use crate::ingest::markup::build::Builder;
use crate::ingest::markup::tree::Element;
use crate::ingest::markup::{act_identifiers, eli_of, eli_parts, words};

/// The OJ's classes and what each is.
const CLASSES: &[(&str, Role)] = &[
    ("oj-hd-date", Role::Skip),
    ("oj-hd-lg", Role::Skip),
    ("oj-hd-ti", Role::Skip),
    ("oj-hd-oj", Role::Skip),
    ("oj-separator", Role::Skip),
    ("oj-doc-end", Role::Skip),
    ("oj-doc-ti", Role::BoldPara),
    ("oj-ti-art", Role::Label),
    ("oj-sti-art", Role::Title),
    ("oj-ti-section-1", Role::Label),
    ("oj-ti-section-2", Role::Title),
    ("oj-ti-annex", Role::Label),
    ("oj-ti-grseq-1", Role::Heading),
    ("oj-ti-tbl", Role::Para),
    ("oj-normal", Role::Para),
    ("oj-signatory", Role::Para),
    ("oj-tbl-txt", Role::Para),
    ("oj-tbl-hdr", Role::BoldPara),
    ("oj-tbl-num", Role::Para),
    ("oj-note", Role::Note),
    ("oj-note-tag", Role::Inline),
    ("oj-bold", Role::Bold),
    ("oj-italic", Role::Italic),
    ("oj-super", Role::Inline),
    ("oj-sub", Role::Inline),
    ("oj-table", Role::Table),
    ("oj-final", Role::Container),
];

pub(super) const PRODUCER: Producer = Producer {
    name: "EUR-Lex OJ HTML",
    role,
    part,
    loose_headings: false,
    bracketed_calls: false,
};

fn part(e: &Element) -> Option<Part> {
    e.has_class("eli-main-title").then_some(Part::LegalText)
}

fn role(e: &Element) -> Option<Role> {
    if e.name == "hr" {
        return Some(Role::Skip);
    }
    if e.name == "a" && e.attr("href").is_some_and(|h| h.starts_with("#ntr")) {
        return Some(Role::Call);
    }
    if e.name == "table" {
        // The running head is set as a table; recitals and points as two-cell tables.
        if has_descendant_class(e, "oj-hd-oj") {
            return Some(Role::Skip);
        }
        if !e.has_class("oj-table") {
            return Some(Role::MarkerTable);
        }
    }
    // An annex's title line is an `oj-doc-ti` too: `ANNEX I`.
    if e.has_class("oj-doc-ti")
        && words::part_number(&e.text()).is_some_and(|n| n.starts_with("Annex"))
    {
        return Some(Role::Label);
    }
    e.classes()
        .find_map(|c| CLASSES.iter().find(|(k, _)| *k == c).map(|&(_, r)| r))
}

fn has_descendant_class(e: &Element, class: &str) -> bool {
    e.find_first(&|x| x.has_class(class)).is_some()
}

/// The act's id, ELI and CELEX from the canonical link, its Journal reference from the
/// running head, its title and date from the title lines, its language from the head.
pub(super) fn declare(root: &Element, b: &mut Builder) {
    let d = &mut b.declared;
    let mut links = Vec::new();
    root.find_all(
        &|e| e.name == "link" && e.attr("rel") == Some("canonical"),
        &mut links,
    );
    let canonical = links.first().and_then(|l| l.attr("href"));
    let mut titles = Vec::new();
    root.find_all(&|e| e.has_class("oj-doc-ti"), &mut titles);
    let titles: Vec<String> = titles.iter().map(|t| t.text()).collect();
    let domain = titles.first().and_then(|t| domain_of(t));
    if let Some((kind, year, number)) = canonical.and_then(eli_parts) {
        if let Some((id, celex, eli)) = act_identifiers(kind, domain.as_deref(), year, number) {
            d.act = Some(id);
            d.celex = celex;
            d.eli = eli.or_else(|| canonical.and_then(eli_of));
        }
    }
    d.document_type_line = titles.first().cloned();
    // `of 30 May 2022`, then the title.
    let dated = titles.iter().position(|t| {
        crate::dates::find_date(t).is_some_and(|(_, r)| r.start <= 6) && t.len() < 40
    });
    if let Some(k) = dated {
        d.adoption_date = crate::dates::find_date(&titles[k]).map(|(iso, _)| iso);
    }
    d.title = titles
        .iter()
        .skip(dated.map_or(1, |k| k + 1))
        .find(|t| !t.starts_with('(') && !t.is_empty())
        .cloned();
    let head = |class: &str| {
        let mut found = Vec::new();
        root.find_all(&|e| e.has_class(class), &mut found);
        found.first().map(|e| e.text())
    };
    // `L 152/1` and `3.6.2022`: `OJ L 152, 3.6.2022, p. 1`.
    if let (Some(oj), Some(date)) = (head("oj-hd-oj"), head("oj-hd-date")) {
        if let Some((issue, page)) = oj.split_once('/') {
            d.oj_reference = Some(format!("OJ {issue}, {}, p. {page}", date.trim()));
        }
    }
    d.language = head("oj-hd-lg").map(|l| l.to_lowercase());
}

/// The domain an act's title gives its number: `REGULATION (EU) 2022/868` → `EU`,
/// `DIRECTIVE 2002/58/EC` → `EC`.
pub(super) fn domain_of(title: &str) -> Option<String> {
    if let Some(open) = title.find('(') {
        let inner = &title[open + 1..title[open..].find(')').map_or(open, |c| open + c)];
        if inner.starts_with(|c: char| c.is_uppercase())
            && inner.len() <= 14
            && inner
                .chars()
                .all(|c| c.is_alphabetic() || c == ',' || c == ' ')
        {
            return Some(inner.to_string());
        }
    }
    let number = title
        .split_whitespace()
        .find(|w| w.matches('/').count() == 2)?;
    number.rsplit('/').next().map(str::to_string)
}
