//! EUR-Lex's consolidated texts: `p.reference` (`02002L0058 — EN — 19.12.2009 — 002.001`),
//! the base act's title `title-doc-first` / `title-doc-last`, articles `title-article-norm` /
//! `stitle-article-norm`, paragraphs `div.norm` with `span.no-parag`, points as grid lists,
//! notes `p.footnote`, and the amendment markers (`►M1`, `▼B`, `◄`, in `p.modref`,
//! `p.arrow` and inline), which are not text. A consolidated text leaves out the preamble, so
//! the notes its citations called stand uncalled: their links back point nowhere.

use super::{Part, Producer, Role};
use crate::ingest::markup::build::Builder;
use crate::ingest::markup::tree::Element;
use crate::ingest::markup::{act_identifiers, eli_of, eli_parts};

const CLASSES: &[(&str, Role)] = &[
    ("reference", Role::Skip),
    ("arrow", Role::Skip),
    ("modref", Role::Skip),
    ("no-parag", Role::Skip),
    ("grid-list-column-1", Role::Skip),
    ("separator", Role::Skip),
    ("separator-short", Role::Skip),
    ("disclaimer", Role::Para),
    ("hd-modifiers", Role::Para),
    ("hd-toc-1", Role::Para),
    ("hd-toc-2", Role::Para),
    ("hd-toc-3", Role::Para),
    ("toc-1", Role::Para),
    ("toc-2", Role::Para),
    ("title-fam-member", Role::Para),
    ("title-fam-member-star", Role::Para),
    ("title-doc-first", Role::BoldPara),
    ("title-doc-last", Role::BoldPara),
    ("title-doc-oj-reference", Role::Para),
    ("title-article-norm", Role::Label),
    ("stitle-article-norm", Role::Title),
    ("title-division-1", Role::Label),
    ("title-division-2", Role::Title),
    ("title-annex-1", Role::Label),
    ("title-annex-2", Role::Title),
    ("title-gr-seq-level-1", Role::Heading),
    ("inline-element", Role::Para),
    ("grid-container", Role::Item),
    ("grid-list-column-2", Role::Container),
    ("footnote", Role::Note),
    ("superscript", Role::Inline),
    ("boldface", Role::Bold),
    ("italics", Role::Italic),
    ("norm", Role::Para),
];

pub(super) const PRODUCER: Producer = Producer {
    name: "EUR-Lex consolidated HTML",
    role,
    part,
    loose_headings: false,
    bracketed_calls: true,
};

/// An amendment marker: `►M1`, `▼B`, `◄`, `►C1`.
fn is_marker(t: &str) -> bool {
    let t = t.trim();
    let mut chars = t.chars();
    let tag = chars.as_str().get(3..).unwrap_or("");
    matches!(chars.next(), Some('►' | '▼' | '◄'))
        && tag.len() <= 5
        && (tag.is_empty() || tag.starts_with(|c: char| c.is_ascii_uppercase()))
        && tag.chars().all(|c| c.is_ascii_alphanumeric())
}

fn part(e: &Element) -> Option<Part> {
    e.has_class("eli-main-title").then_some(Part::LegalText)
}

fn role(e: &Element) -> Option<Role> {
    // A marker is a few characters: longer elements are not looked at.
    if matches!(e.name, "span" | "a") && e.short_text(32).is_some_and(|t| is_marker(&t)) {
        return Some(Role::Skip);
    }
    if e.name == "table" {
        // The header that repeats the base act's title beside its `►B`.
        if e.find_first(&|x| x.has_class("title-doc-first")).is_some() {
            return Some(Role::Skip);
        }
    }
    // A numbered paragraph: `span.no-parag` with its text beside it.
    if e.has_class("norm") && e.elements().any(|c| c.has_class("no-parag")) {
        return Some(Role::Item);
    }
    e.classes()
        .find_map(|c| CLASSES.iter().find(|(k, _)| *k == c).map(|&(_, r)| r))
}

pub(super) fn declare(root: &Element, b: &mut Builder) {
    let d = &mut b.declared;
    let text_of = |class: &str| {
        let mut found = Vec::new();
        root.find_all(&|e| e.has_class(class), &mut found);
        found.iter().map(|e| e.text()).collect::<Vec<_>>()
    };
    let mut links = Vec::new();
    root.find_all(
        &|e| e.name == "link" && e.attr("rel") == Some("canonical"),
        &mut links,
    );
    let canonical = links.first().and_then(|l| l.attr("href"));
    let firsts = text_of("title-doc-first");
    let domain = firsts.first().and_then(|t| super::oj::domain_of(t));
    if let Some((kind, year, number)) = canonical.and_then(eli_parts) {
        if let Some((id, celex, eli)) = act_identifiers(kind, domain.as_deref(), year, number) {
            d.act = Some(id);
            d.celex = celex;
            d.eli = eli.or_else(|| canonical.and_then(eli_of));
        }
    }
    // `02002L0058 — EN — 19.12.2009 — 002.001`: the consolidated version's language.
    if let Some(reference) = text_of("reference").first() {
        let parts: Vec<&str> = reference.split('—').map(str::trim).collect();
        d.language = parts
            .get(1)
            .filter(|l| l.len() == 2)
            .map(|l| l.to_lowercase());
    }
    d.document_type_line = firsts.first().cloned();
    d.adoption_date = firsts
        .iter()
        .find(|t| t.starts_with("of "))
        .and_then(|t| crate::dates::find_date(t))
        .map(|(iso, _)| iso);
    d.title = text_of("title-doc-last").into_iter().next();
    // `(OJ L 201 31.7.2002, p. 37)` → `OJ L 201, 31.7.2002, p. 37`.
    d.oj_reference = text_of("title-doc-oj-reference")
        .first()
        .and_then(|t| oj_reference(t));
}

fn oj_reference(t: &str) -> Option<String> {
    let t = t.trim_matches(['(', ')', ' ']);
    let words: Vec<&str> = t.split_whitespace().collect();
    let [oj, series, issue, date, p, page, ..] = words.as_slice() else {
        return None;
    };
    (*oj == "OJ" && p.starts_with('p')).then(|| {
        format!(
            "OJ {series} {}, {}, p. {page}",
            issue.trim_end_matches(','),
            date.trim_end_matches(',')
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_and_references() {
        assert!(is_marker("►M2"));
        assert!(is_marker(" ◄ "));
        assert!(is_marker("▼B"));
        assert!(!is_marker("► see Article 5"));
        assert_eq!(
            oj_reference("(OJ L 201 31.7.2002, p. 37)").as_deref(),
            Some("OJ L 201, 31.7.2002, p. 37")
        );
    }
}
