//! Planned-actions stage: the annex tables of planned actions, one item per paragraph of a
//! cell, with its objective, action column and year.
//!
//! A table qualifies when one axis holds years and the other action labels (`Action 2: Cut
//! off ...`, `Cross cutting issues`). The objective comes from the table's own title row
//! (`OBJECTIVE 2: Prevent terrorism ...`) or, failing that, from the nearest preceding line
//! that names one. Years may run down the rows (the usual layout) or across the columns.

use std::sync::LazyLock;

use crate::re::{Guarded, Regex};

mod roadmap;

use crate::model::{BlockKind, CellRef, Document, Para, ParaRef, Table};
use crate::output::PlannedAction;
use crate::structure::Structure;

static OBJECTIVE: Guarded = Guarded::folded(&["objective"], || {
    crate::re::compile(r"(?i)^\s*(?:strategic\s+)?objective\s+(\d{1,2})\s*[:.\-–]?\s*(.*)$")
        .unwrap()
});
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^\s*((?:19|20)\d{2})\s*$").unwrap());
static ACTION_LABEL: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^\s*([^:]+?)\s*:\s*(.+)$").unwrap());
static ACTOR: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(
        r"^((?:[A-Z][0-9A-Za-z\u{c0}-\u{24f}-]*|and|the|of|EU)(?:\s+(?:[A-Z][0-9A-Za-z\u{c0}-\u{24f}-]*|and|the|of|EU)){0,6})\s*:\s+\S",
    )
    .unwrap()
});

static YEARS_AT_END: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"((?:19|20)\d{2})\s*$").unwrap());
static COLOUR_KEY: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"(?i)^colou?r\s+cod(?:ing|e)\b").unwrap());

/// Run the planned-actions stage.
pub fn extract(doc: &Document, structure: &Structure) -> Vec<PlannedAction> {
    let mut out = Vec::new();
    let mut objective_before: Option<(u32, String)> = None;
    let mut linear = Linear::default();
    // A legislative financial statement budgets; it plans no actions.
    let statement = structure
        .legislative
        .financial_statement
        .clone()
        .unwrap_or(0..0);
    let in_annex = |b: usize| {
        structure
            .section_of(b)
            .is_some_and(|s| s.number.starts_with("Annex") || s.number.starts_with("Appendix"))
    };
    // The theme a roadmap table falls under: the unnumbered heading before it.
    let mut theme: Option<String> = None;
    for (b, block) in doc.blocks.iter().enumerate() {
        if statement.contains(&b) {
            continue;
        }
        match &block.kind {
            BlockKind::Table(t) => {
                match roadmap::table(doc, structure, b, t, theme.as_deref()) {
                    Some(items) => out.extend(items),
                    None => table(doc, structure, b, t, objective_before.clone(), &mut out),
                }
                linear = Linear::default();
            }
            _ => {
                if let BlockKind::Heading { number, .. } = &block.kind {
                    theme = number.is_none().then(|| block.para.text.trim().to_string());
                }
                if let Some(c) = OBJECTIVE.captures(&block.para.text) {
                    if let Ok(n) = c[1].parse() {
                        objective_before = Some((n, c[2].trim().to_string()));
                    }
                }
                if in_annex(b) {
                    linear.block(doc, structure, b, &mut out);
                }
            }
        }
    }
    out.extend(roadmap::blocks(doc, structure, &in_annex, &|b| {
        statement.contains(&b)
    }));
    out.sort_by_key(|a| {
        (
            a.location.block,
            a.location.cell.map(|c| (c.row, c.col, c.para)),
        )
    });
    out
}

/// An annex table that the layout flattened into paragraphs (as converters and some PDFs
/// do): `OBJECTIVE 2: ...`, the column headers run together and ending with the first year,
/// then year lines, each followed by that year's items, up to the colour key. The column of
/// each item is lost; its objective and year are not.
#[derive(Default)]
struct Linear {
    objective: Option<(u32, String)>,
    year: Option<u32>,
}

impl Linear {
    fn block(
        &mut self,
        doc: &Document,
        structure: &Structure,
        b: usize,
        out: &mut Vec<PlannedAction>,
    ) {
        let block = &doc.blocks[b];
        let text = block.para.text.trim();
        if let Some(c) = OBJECTIVE.captures(text) {
            self.objective = c[1].parse().ok().map(|n| (n, c[2].trim().to_string()));
            self.year = None;
            return;
        }
        let Some(objective) = self.objective.clone() else {
            return;
        };
        if COLOUR_KEY.is_match(text) || matches!(block.kind, BlockKind::Heading { .. }) {
            *self = Linear::default();
            return;
        }
        if text.split_whitespace().all(|w| year_of(w).is_some()) {
            self.year = text.split_whitespace().last().and_then(year_of);
            return;
        }
        // The run-together column headers: `Action 1: ... Action 3: ... transport 2011`.
        if ACTION_LABEL.is_match(text) && text.to_lowercase().starts_with("action") {
            self.year = YEARS_AT_END.captures(text).and_then(|c| c[1].parse().ok());
            return;
        }
        let Some(year) = self.year else { return };
        out.push(PlannedAction {
            objective: Some(objective.0),
            objective_title: Some(objective.1),
            action: None,
            action_title: None,
            year: Some(year),
            timetable: None,
            quarter: None,
            actor: actor_prefix(text),
            text: text.to_string(),
            location: locate(doc, structure, b, &block.para, None),
        });
    }
}

fn cell_text(t: &Table, r: usize, c: usize) -> String {
    t.rows
        .get(r)
        .and_then(|row| row.get(c))
        .map(|cell| {
            cell.paras
                .iter()
                .map(|p| p.text.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

fn year_of(s: &str) -> Option<u32> {
    YEAR.captures(s).and_then(|c| c[1].parse().ok())
}

/// `Action 2: Cut off ...` → (`Action 2`, `Cut off ...`); `Cross cutting issues` → itself.
fn action_label(header: &str) -> (String, Option<String>) {
    match ACTION_LABEL.captures(header) {
        Some(c) => (c[1].trim().to_string(), Some(c[2].trim().to_string())),
        None => (header.trim().to_string(), None),
    }
}

fn table(
    doc: &Document,
    structure: &Structure,
    b: usize,
    t: &Table,
    objective_before: Option<(u32, String)>,
    out: &mut Vec<PlannedAction>,
) {
    // The title row, if the first row's first cell names the objective.
    let (objective, first_row) = match OBJECTIVE.captures(&cell_text(t, 0, 0)) {
        Some(c) => (
            c[1].parse().ok().map(|n: u32| (n, c[2].trim().to_string())),
            1,
        ),
        None => (objective_before, 0),
    };
    let year_rows: Vec<usize> = (first_row..t.rows.len())
        .filter(|&r| year_of(&cell_text(t, r, 0)).is_some())
        .collect();
    if !year_rows.is_empty() {
        // Years down the rows; the header is the last row before the first year row.
        let header = (first_row..year_rows[0]).last();
        let Some(header) = header else { return };
        for &r in &year_rows {
            let year = year_of(&cell_text(t, r, 0)).unwrap_or(0);
            for c in 1..t.rows[r].len() {
                let label = cell_text(t, header, c);
                if label.trim().is_empty() {
                    continue;
                }
                items(doc, structure, b, t, (r, c), year, &label, &objective, out);
            }
        }
        return;
    }
    // Years across the columns: the header row holds years, the first column the actions.
    let Some(header) = (first_row..t.rows.len()).find(|&r| {
        (1..t.rows[r].len())
            .filter(|&c| year_of(&cell_text(t, r, c)).is_some())
            .count()
            >= 2
    }) else {
        return;
    };
    for r in header + 1..t.rows.len() {
        let label = cell_text(t, r, 0);
        if label.trim().is_empty() {
            continue;
        }
        for c in 1..t.rows[r].len() {
            let Some(year) = year_of(&cell_text(t, header, c)) else {
                continue;
            };
            items(doc, structure, b, t, (r, c), year, &label, &objective, out);
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn items(
    doc: &Document,
    structure: &Structure,
    b: usize,
    t: &Table,
    (r, c): (usize, usize),
    year: u32,
    label: &str,
    objective: &Option<(u32, String)>,
    out: &mut Vec<PlannedAction>,
) {
    let (action, action_title) = action_label(label);
    let Some(cell) = t.rows.get(r).and_then(|row| row.get(c)) else {
        return;
    };
    for (p, para) in cell.paras.iter().enumerate() {
        let text = para.text.trim();
        // An action is said in words: a cell of figures (`3,026`) is a budget line.
        if text.chars().filter(|c| c.is_alphabetic()).count() < 3 {
            continue;
        }
        out.push(PlannedAction {
            objective: objective.as_ref().map(|o| o.0),
            objective_title: objective.as_ref().map(|o| o.1.clone()),
            action: Some(action.clone()),
            action_title: action_title.clone(),
            year: Some(year),
            timetable: None,
            quarter: None,
            actor: actor_prefix(text),
            text: text.to_string(),
            location: locate(
                doc,
                structure,
                b,
                para,
                Some(CellRef {
                    row: r,
                    col: c,
                    para: p,
                }),
            ),
        });
    }
}

fn locate(
    doc: &Document,
    structure: &Structure,
    block: usize,
    para: &Para,
    cell: Option<CellRef>,
) -> crate::output::Location {
    structure.locate(doc, ParaRef { block, cell }, para, 0..para.text.len())
}

/// `Member States: Implement ...` → `Member States`.
fn actor_prefix(text: &str) -> Option<String> {
    ACTOR.captures(text).map(|c| c[1].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text;
    use crate::model::SourceFormat;
    use crate::structure;

    fn planned(src: &str) -> Vec<PlannedAction> {
        let d = text::ingest(src, SourceFormat::Markdown);
        let s = structure::analyze(&d);
        extract(&d, &s)
    }

    #[test]
    fn years_down_the_rows() {
        let p = planned(concat!(
            "## Annex 1: Overview\n\n",
            "<b>OBJECTIVE 4: Strengthen security through border management</b>\t\t\t\n",
            "\t<i>Action 1: Exploit Eurosur</i>\t<i>Action 2: Frontex</i>\t<i>Cross cutting issues</i>\n",
            "2011\t<p>Proposal for Eurosur</p> <p>Pilot project</p>\t\t\n",
            "2012\t<p>Member States and Frontex: Continue their efforts</p>\t\t<p>Member States: Implement the Policy Cycle</p>\n",
            "2013\t\t\t\n",
            "<p><b>Colour coding:</b> Green: done</p>\t\t\t\n",
        ));
        type Row<'a> = (Option<u32>, &'a str, u32, Option<&'a str>, &'a str);
        let got: Vec<Row> = p
            .iter()
            .map(|a| {
                (
                    a.objective,
                    a.action.as_deref().unwrap_or(""),
                    a.year.expect("a grid row has its year"),
                    a.actor.as_deref(),
                    a.text.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(4), "Action 1", 2011, None, "Proposal for Eurosur"),
                (Some(4), "Action 1", 2011, None, "Pilot project"),
                (
                    Some(4),
                    "Action 1",
                    2012,
                    Some("Member States and Frontex"),
                    "Member States and Frontex: Continue their efforts"
                ),
                (
                    Some(4),
                    "Cross cutting issues",
                    2012,
                    Some("Member States"),
                    "Member States: Implement the Policy Cycle"
                ),
            ]
        );
        assert_eq!(p[0].action_title.as_deref(), Some("Exploit Eurosur"));
        assert_eq!(
            p[0].objective_title.as_deref(),
            Some("Strengthen security through border management")
        );
        assert_eq!(p[0].location.section.as_deref(), Some("Annex 1"));
        assert!(p[0].location.cell.is_some());
    }

    #[test]
    fn years_across_and_objective_before_the_table() {
        let p = planned(concat!(
            "**Objective 1: Disrupt networks**\n\n",
            "| Action | 2015 | 2016 |\n|---|---|---|\n",
            "| Action 1: Money | Adopt the directive | Evaluate it |\n",
        ));
        let got: Vec<(Option<u32>, &str, u32, &str)> = p
            .iter()
            .map(|a| {
                (
                    a.objective,
                    a.action.as_deref().unwrap_or(""),
                    a.year.expect("a grid row has its year"),
                    a.text.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (Some(1), "Action 1", 2015, "Adopt the directive"),
                (Some(1), "Action 1", 2016, "Evaluate it"),
            ]
        );
    }

    #[test]
    fn flattened_tables_in_an_annex() {
        let p = planned(concat!(
            "# 1. Intro\n\nOBJECTIVE 9: not in an annex\n\n2012\n\nIgnored item\n\n",
            "# Annex 1: Overview\n\n",
            "**OBJECTIVE 2: Prevent terrorism**\n\n",
            "*Action 1: Empower communities Action 2: Cut off funding* 2011 2012\n\n",
            "Communication on financial messaging data\n\n",
            "2013\n\nMember States: Implement the Action Plan\n\n",
            "Colour coding: Green: done\n\nAfter the key\n",
        ));
        let got: Vec<(Option<u32>, u32, Option<&str>, &str)> = p
            .iter()
            .map(|a| {
                (
                    a.objective,
                    a.year.expect("a grid row has its year"),
                    a.actor.as_deref(),
                    a.text.as_str(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    Some(2),
                    2012,
                    None,
                    "Communication on financial messaging data"
                ),
                (
                    Some(2),
                    2013,
                    Some("Member States"),
                    "Member States: Implement the Action Plan"
                ),
            ]
        );
        assert_eq!(p[0].action, None);
    }

    #[test]
    fn ordinary_tables_give_nothing() {
        assert!(planned("| Instrument | Reference |\n|---|---|\n| Eurosur | Regulation (EU) No 1052/2013 |\n").is_empty());
    }
}
