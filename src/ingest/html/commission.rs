//! A Commission document as EUR-Lex publishes it, HTML made from the Word file: its metadata
//! in a `docVars` comment (COM number, procedure, date, type and title), the cover's
//! `Emission`, `Rfrenceinstitutionnelle`, `Rfrenceinterinstitutionnelle`, headings
//! `li.ManualHeading1`–`4` with a `span.num`, numbered paragraphs and points (`ManualNumPar`,
//! `Point`, `Tiret`), recitals `ManualConsidrant`, articles `Titrearticle`, calls
//! `a.footnoteRef` and notes `dd#footnoteN`. A call's id is not its number (the body it links
//! to says which; a document made of several Word files numbers each file's notes from 1).

use std::sync::LazyLock;

use super::{Part, Producer, Role};
use crate::ingest::markup::build::Builder;
use crate::ingest::markup::tree::Element;

const CLASSES: &[(&str, Role)] = &[
    ("cpMarking", Role::Skip),
    ("pageBreak", Role::Skip),
    ("num", Role::Skip),
    ("footnote", Role::Skip),
    ("Logo", Role::Para),
    ("Emission", Role::Para),
    ("Rfrenceinstitutionnelle", Role::Para),
    ("Rfrenceinterinstitutionnelle", Role::Para),
    ("Statut", Role::Para),
    ("Typedudocument_cp", Role::Para),
    ("Typedudocument", Role::Para),
    ("Titreobjet_cp", Role::Para),
    ("Titreobjet", Role::Para),
    ("IntrtEEE_cp", Role::Para),
    ("IntrtEEE", Role::Para),
    ("CrossReference_cp", Role::Para),
    ("Accompagnant_cp", Role::Para),
    ("Typeacteprincipal_cp", Role::Para),
    ("Objetacteprincipal_cp", Role::Para),
    ("Exposdesmotifstitre", Role::Para),
    ("Fichefinanciretitre", Role::Para),
    ("Formuledadoption", Role::Para),
    ("Institutionquiagit", Role::Para),
    ("Fait", Role::Para),
    ("Institutionquisigne", Role::Para),
    ("Personnequisigne", Role::Para),
    ("Annexetitre", Role::Label),
    ("Titrearticle", Role::Label),
    ("ManualHeading1", Role::Heading),
    ("ManualHeading2", Role::Heading),
    ("ManualHeading3", Role::Heading),
    ("ManualHeading4", Role::Heading),
    ("ManualConsidrant", Role::Item),
    ("ManualNumPar1", Role::Item),
    ("ManualNumPar2", Role::Item),
    ("ManualNumPar3", Role::Item),
    ("Point0", Role::Item),
    ("Point1", Role::Item),
    ("Point2", Role::Item),
    ("Point3", Role::Item),
    ("Tiret0", Role::Item),
    ("Tiret1", Role::Item),
    ("Tiret2", Role::Item),
    ("Tiret3", Role::Item),
    ("ListDash2", Role::Item),
    ("li", Role::Item),
    ("Normal", Role::Para),
    ("BodyText", Role::Para),
    ("Text1", Role::Para),
    ("Text2", Role::Para),
    ("signature", Role::Container),
    ("content", Role::Container),
    ("contentWrapper", Role::Container),
    ("footnoteRef", Role::Call),
    ("FootnoteReference", Role::Inline),
    ("FootnoteReference0", Role::Inline),
    ("externalRef", Role::Inline),
    ("tab", Role::Break),
];

pub(super) const PRODUCER: Producer = Producer {
    name: "EUR-Lex Commission HTML",
    role,
    part,
    loose_headings: true,
    bracketed_calls: false,
};

/// The classes that open a proposal's parts: the memorandum's title, the act's first lines
/// (its procedure number, form and type), the financial statement's title.
fn part(e: &Element) -> Option<Part> {
    e.classes().find_map(|c| match c {
        "Exposdesmotifstitre" => Some(Part::Memorandum),
        "Rfrenceinterinstitutionnelle" | "Statut" | "Typedudocument" => Some(Part::ProposedAct),
        "Fichefinanciretitre" => Some(Part::FinancialStatement),
        _ => None,
    })
}

/// [`CLASSES`] sorted by name, with each class's rank in the table. Every element is
/// looked up, twice, so a search through the table took a tenth of the reader's time.
static BY_CLASS: LazyLock<Vec<(&'static str, usize, Role)>> = LazyLock::new(|| {
    let mut v: Vec<_> = CLASSES
        .iter()
        .enumerate()
        .map(|(k, &(name, role))| (name, k, role))
        .collect();
    v.sort_unstable_by_key(|&(name, _, _)| name);
    v
});

fn role(e: &Element) -> Option<Role> {
    if e.name == "dd" && e.attr("id").is_some_and(|id| id.starts_with("footnote")) {
        return Some(Role::Note);
    }
    // A heading's class names it first (`li ManualHeading1`): the most specific wins.
    e.classes()
        .filter_map(|c| {
            let k = BY_CLASS.binary_search_by_key(&c, |&(n, _, _)| n).ok()?;
            Some((BY_CLASS[k].1, BY_CLASS[k].2))
        })
        .min_by_key(|&(k, _)| k)
        .map(|(_, r)| r)
}

/// The `docVars` comment's pairs: `[name=LW_EMISSION_ISODATE;value="2025-03-26"]`.
fn docvars(comment: &str) -> Vec<(&str, &str)> {
    comment
        .split("[name=")
        .skip(1)
        .filter_map(|item| {
            let (name, rest) = item.split_once(";value=\"")?;
            let value = rest.split("\"]").next()?;
            Some((name, value))
        })
        .collect()
}

pub(super) fn declare(root: &Element, b: &mut Builder) {
    // The first Word file's variables: a document's annexes come as a second file.
    let Some(vars) = root.first_comment(&|c| c.contains("docVars")) else {
        return;
    };
    let vars = docvars(vars);
    let get = |name: &str| {
        vars.iter()
            .find(|(n, _)| *n == name)
            .map(|&(_, v)| v.trim())
            .filter(|v| !v.is_empty() && *v != "UNUSED" && *v != "EMPTY")
    };
    let d = &mut b.declared;
    if let (Some(family), Some(number)) = (get("LW_REF.INST.NEW"), get("LW_REF.INST.NEW_TEXT")) {
        let adopted = get("LW_REF.INST.NEW_ADOPTED").map_or(String::new(), |a| format!(" {a}"));
        d.commission_reference = Some(format!("{family}{number}{adopted}"));
    }
    if let (Some(kind), Some(number), Some(year)) = (
        get("LW_REF.II.NEW.CP"),
        get("LW_REF.II.NEW.CP_NUMBER"),
        get("LW_REF.II.NEW.CP_YEAR"),
    ) {
        d.procedure = Some(format!("{year}/{number}({kind})"));
    }
    d.commission_date = get("LW_EMISSION_ISODATE").map(str::to_string);
    d.language = get("LW_LANGUE").map(str::to_lowercase);
    d.document_type_line = match (get("LW_STATUT.CP"), get("LW_TYPE.DOC.CP")) {
        (Some(s), Some(t)) => Some(format!("{s} {t}")),
        (s, t) => s.or(t).map(str::to_string),
    };
    d.title = get("LW_TITRE.OBJ.CP").map(str::to_string);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_docvars() {
        let v = docvars(
            r#"all docVars name and value:(2),[name=LW_EMISSION;value="26.3.2025"],[name=LW_REF.INST.NEW_TEXT;value="(2025) 1"]"#,
        );
        assert_eq!(
            v,
            vec![
                ("LW_EMISSION", "26.3.2025"),
                ("LW_REF.INST.NEW_TEXT", "(2025) 1")
            ]
        );
    }
}
