//! Roadmaps: an annex that lists actions with an indicative timetable — "Key actions |
//! Indicative timetable" — as a two-column table (its theme rows naming the objective), as
//! `- action - Q4 2021` items, or flattened into paragraphs that alternate between an action
//! and its timetable, a theme line before each group. Each action is a planned action with its
//! timetable as written, its year and quarter.

use std::sync::LazyLock;

use crate::model::{BlockKind, CellRef, Document, Table};
use crate::output::PlannedAction;
use crate::re::{Guarded, Regex};
use crate::structure::Structure;

/// Words a timetable is made of, besides years and month names (`Q4 2021`, `Spring 2020`, `From 2020`,
/// `2020-2021`, `End of 2023`, `Ongoing`).
const TIMETABLE_WORDS: [&str; 37] = [
    "q1",
    "q2",
    "q3",
    "q4",
    "h1",
    "h2",
    "spring",
    "summer",
    "autumn",
    "winter",
    "early",
    "mid",
    "late",
    "end",
    "first",
    "second",
    "half",
    "from",
    "by",
    "as",
    "of",
    "the",
    "in",
    "and",
    "or",
    "to",
    "until",
    "onwards",
    "beyond",
    "starting",
    "ongoing",
    "continuous",
    "before",
    "after",
    "quarter",
    "third",
    "fourth",
];

static YEAR: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"\b((?:19|20)\d{2})\b").unwrap());
static QUARTER: Guarded =
    Guarded::folded(&["q"], || crate::re::compile(r"(?i)\bQ([1-4])\b").unwrap());
/// The column header: `Actions` / `Key actions` then `(Indicative) timetable`.
static ACTIONS_HEADER: Guarded = Guarded::folded(&["action"], || {
    crate::re::compile(r"(?i)^(?:key\s+)?actions?(?:\s+(?:indicative\s+)?time\s*table)?$").unwrap()
});
static TIMETABLE_HEADER: Guarded = Guarded::folded(&["time"], || {
    crate::re::compile(r"(?i)^(?:indicative\s+)?time\s*table(?:\s+\d{1,2})?$").unwrap()
});
/// `action - Q4 2021` in one item or paragraph.
static DASHED: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^(.{8,})\s+[-–—]\s+(\S.{1,39})$").unwrap());

/// Whether `s` is a timetable as roadmaps write it: short, made of dates, and naming a year
/// or an ongoing action.
pub(super) fn is_timetable(s: &str) -> bool {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || "-–—/,()".contains(c))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let dated = YEAR.is_match(s) || words.iter().any(|w| w == "ongoing" || w == "continuous");
    dated
        && words.iter().all(|w| {
            TIMETABLE_WORDS.contains(&w.as_str())
                || crate::dates::month_number(w).is_some()
                || (w.len() <= 4 && w.bytes().all(|b| b.is_ascii_digit()))
        })
}

fn action(
    doc: &Document,
    structure: &Structure,
    block: usize,
    cell: Option<CellRef>,
    objective_title: Option<&str>,
    text: &str,
    timetable: &str,
) -> PlannedAction {
    let para = match (cell, &doc.blocks[block].kind) {
        (Some(c), BlockKind::Table(t)) => &t.rows[c.row][c.col].paras[c.para],
        _ => &doc.blocks[block].para,
    };
    PlannedAction {
        objective: None,
        objective_title: objective_title.map(str::to_string),
        action: None,
        action_title: None,
        year: YEAR.captures(timetable).and_then(|c| c[1].parse().ok()),
        quarter: QUARTER.captures(timetable).and_then(|c| c[1].parse().ok()),
        timetable: Some(timetable.trim().to_string()),
        actor: None,
        text: text.trim().trim_end_matches(['.', ';']).to_string(),
        location: super::locate(doc, structure, block, para, cell),
    }
}

/// A two-column table whose second column holds timetables: one action per row; a row
/// without a timetable names the theme of the rows after it. `None` when the table is not one.
pub(super) fn table(
    doc: &Document,
    structure: &Structure,
    b: usize,
    t: &Table,
    theme: Option<&str>,
) -> Option<Vec<PlannedAction>> {
    let width = t.rows.iter().map(Vec::len).max().unwrap_or(0);
    if !(2..=3).contains(&width) {
        return None;
    }
    let last = width - 1;
    let dated = (0..t.rows.len())
        .filter(|&r| is_timetable(&super::cell_text(t, r, last)))
        .count();
    if dated * 5 < t.rows.len() * 3 || dated < 2 {
        return None;
    }
    let mut theme = theme.map(str::to_string);
    let mut out = Vec::new();
    for r in 0..t.rows.len() {
        let when = super::cell_text(t, r, last);
        let what = super::cell_text(t, r, 0);
        if is_timetable(&when) && !what.trim().is_empty() {
            let cell = CellRef {
                row: r,
                col: 0,
                para: 0,
            };
            let cell = t.rows[r]
                .first()
                .is_some_and(|c| !c.paras.is_empty())
                .then_some(cell);
            out.push(action(
                doc,
                structure,
                b,
                cell,
                theme.as_deref(),
                &what,
                &when,
            ));
        } else if when.trim().is_empty() && !what.trim().is_empty() {
            theme = Some(what.trim().to_string());
        }
    }
    Some(out)
}

/// The roadmaps written as blocks: `- action - Q4 2021` items in an annex, and, after an
/// `Actions` / `Indicative timetable` header, paragraphs alternating between actions and their
/// timetables. `in_annex(b)` says whether block `b` stands in an annex.
pub(super) fn blocks(
    doc: &Document,
    structure: &Structure,
    in_annex: &dyn Fn(usize) -> bool,
    skip: &dyn Fn(usize) -> bool,
) -> Vec<PlannedAction> {
    let mut out = Vec::new();
    let mut theme: Option<String> = None;
    let mut b = 0;
    while b < doc.blocks.len() {
        let block = &doc.blocks[b];
        let text = block.para.text.trim();
        if skip(b) {
            b += 1;
            continue;
        }
        match &block.kind {
            BlockKind::Heading { number: None, .. } if in_annex(b) => {
                theme = Some(text.to_string());
            }
            BlockKind::Heading { .. } => theme = None,
            BlockKind::ListItem { .. } | BlockKind::Paragraph if in_annex(b) => {
                if let Some(c) = DASHED.captures(text) {
                    if is_timetable(&c[2]) {
                        out.push(action(
                            doc,
                            structure,
                            b,
                            None,
                            theme.as_deref(),
                            &c[1],
                            &c[2],
                        ));
                    }
                }
                if ACTIONS_HEADER.is_match(text) || TIMETABLE_HEADER.is_match(text) {
                    b = flattened(doc, structure, b, &mut out);
                    continue;
                }
            }
            BlockKind::Paragraph
                if ACTIONS_HEADER.is_match(text) || TIMETABLE_HEADER.is_match(text) =>
            {
                b = flattened(doc, structure, b, &mut out);
                continue;
            }
            _ => {}
        }
        b += 1;
    }
    out
}

/// A roadmap flattened into paragraphs, from its header at `start`: runs of action lines, each
/// followed by a run of timetables. Where a run has more lines than timetables, the first
/// lines are themes (the last of them the objective of the actions after it); the actions pair
/// with the timetables in order. Returns the block after the roadmap.
fn flattened(
    doc: &Document,
    structure: &Structure,
    start: usize,
    out: &mut Vec<PlannedAction>,
) -> usize {
    let header = doc.blocks[start].para.text.trim();
    let mut b = start + 1;
    // The header's second column on a line of its own (`Indicative Timetable`), or the header
    // is that column alone (its `Actions` joined to a heading before it).
    let joined = header.to_lowercase().contains("timetable");
    if !joined {
        match doc.blocks.get(b) {
            Some(next) if TIMETABLE_HEADER.is_match(next.para.text.trim()) => b += 1,
            _ => return start + 1,
        }
    }
    let mut theme: Option<String> = None;
    let mut lines: Vec<usize> = Vec::new();
    let mut times: Vec<usize> = Vec::new();
    let flush = |lines: &mut Vec<usize>,
                 times: &mut Vec<usize>,
                 theme: &mut Option<String>,
                 out: &mut Vec<PlannedAction>| {
        let themes = lines.len().saturating_sub(times.len());
        if let Some(&t) = lines[..themes].last() {
            *theme = Some(doc.blocks[t].para.text.trim().to_string());
        }
        for (&a, &t) in lines[themes..].iter().zip(times.iter()) {
            out.push(action(
                doc,
                structure,
                a,
                None,
                theme.as_deref(),
                &doc.blocks[a].para.text,
                doc.blocks[t].para.text.trim(),
            ));
        }
        lines.clear();
        times.clear();
    };
    while b < doc.blocks.len() {
        let block = &doc.blocks[b];
        let text = block.para.text.trim();
        let ends = match &block.kind {
            BlockKind::Paragraph | BlockKind::ListItem { .. } => {
                text.split_whitespace().count() > 80
            }
            BlockKind::Heading { number: None, .. } => false,
            _ => true,
        };
        if ends {
            break;
        }
        if is_timetable(text) {
            times.push(b);
        } else {
            if !times.is_empty() {
                flush(&mut lines, &mut times, &mut theme, out);
            }
            lines.push(b);
        }
        b += 1;
    }
    if !times.is_empty() {
        flush(&mut lines, &mut times, &mut theme, out);
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text;
    use crate::model::SourceFormat;

    /// Objective title, text, timetable, year, quarter.
    type Row = (Option<String>, String, String, Option<u32>, Option<u8>);

    fn roadmap(src: &str, format: SourceFormat) -> Vec<Row> {
        let d = text::ingest(src, format);
        let s = crate::structure::analyze(&d);
        super::super::extract(&d, &s)
            .into_iter()
            .map(|a| {
                (
                    a.objective_title,
                    a.text,
                    a.timetable.unwrap_or_default(),
                    a.year,
                    a.quarter,
                )
            })
            .collect()
    }

    #[test]
    fn a_flattened_roadmap_with_themes() {
        let got = roadmap(
            concat!(
                "1. INTRODUCTION\n\nText.\n\nANNEX\n\nRoadmap - Key actions\n\nActions\n\n",
                "Indicative Timetable\n\nClimate ambition\n\n\n",
                "Proposal on a European Climate Law\n\nMarch 2020\n\n",
                "New EU Strategy on Adaptation to Climate Change\n\n2020/2021\n\n",
                "Greening the Common Agricultural Policy\n\n\n",
                "Farm to Fork Strategy\n\n",
                "Measures to reduce the use of chemical pesticides\n\n",
                "Spring 2020\n\n2021\n\n",
                "Review of the Trans-European Network Energy Regulation\n\n2020\n",
            ),
            SourceFormat::Text,
        );
        let climate = Some("Climate ambition".to_string());
        let farm = Some("Greening the Common Agricultural Policy".to_string());
        assert_eq!(
            got,
            vec![
                (
                    climate.clone(),
                    "Proposal on a European Climate Law".into(),
                    "March 2020".into(),
                    Some(2020),
                    None
                ),
                (
                    climate,
                    "New EU Strategy on Adaptation to Climate Change".into(),
                    "2020/2021".into(),
                    Some(2020),
                    None
                ),
                (
                    farm.clone(),
                    "Farm to Fork Strategy".into(),
                    "Spring 2020".into(),
                    Some(2020),
                    None
                ),
                (
                    farm.clone(),
                    "Measures to reduce the use of chemical pesticides".into(),
                    "2021".into(),
                    Some(2021),
                    None
                ),
                (
                    farm,
                    "Review of the Trans-European Network Energy Regulation".into(),
                    "2020".into(),
                    Some(2020),
                    None
                ),
            ]
        );
    }

    #[test]
    fn tables_and_dashed_items_in_an_annex() {
        let got = roadmap(
            concat!(
                "# 1. Introduction\n\nText.\n\n# ANNEX\n\n# ACTIONS\n\n",
                "|Proposal for a legislative framework for sustainable food systems|2023|\n",
                "|---|---|\n",
                "|Develop a contingency plan for ensuring food supply|Q4 2021|\n\n",
                "# REDUCE FOOD LOSS AND WASTE\n\n",
                "- Proposal for EU-level targets for food waste reduction - 2023\n",
                "- Enhance coordination to tackle food fraud - 2021-2022\n",
                "- A line without a timetable - the end\n",
            ),
            SourceFormat::Markdown,
        );
        let texts: Vec<(&str, &str, Option<u8>)> = got
            .iter()
            .map(|g| (g.1.as_str(), g.2.as_str(), g.4))
            .collect();
        assert_eq!(
            texts,
            vec![
                (
                    "Proposal for a legislative framework for sustainable food systems",
                    "2023",
                    None
                ),
                (
                    "Develop a contingency plan for ensuring food supply",
                    "Q4 2021",
                    Some(4)
                ),
                (
                    "Proposal for EU-level targets for food waste reduction",
                    "2023",
                    None
                ),
                (
                    "Enhance coordination to tackle food fraud",
                    "2021-2022",
                    None
                ),
            ]
        );
        assert_eq!(got[0].0.as_deref(), Some("ACTIONS"));
        assert_eq!(got[2].0.as_deref(), Some("REDUCE FOOD LOSS AND WASTE"));
    }

    #[test]
    fn dashed_lines_outside_an_annex_and_statistics_plan_nothing() {
        let got = roadmap(
            concat!(
                "# 1. Introduction\n\n- Some point of the body - 2021\n\n",
                "|Country|Share|\n|---|---|\n|Bulgaria|1,8|\n|Romania|2,1|\n",
            ),
            SourceFormat::Markdown,
        );
        assert_eq!(got, vec![]);
    }

    #[test]
    fn timetables() {
        for t in [
            "2021",
            "Q4 2021",
            "Spring 2020",
            "From 2020",
            "2020/2021",
            "2020-2021",
            "End of 2023",
            "March 2020",
            "Summer 2020",
            "Q1 2022 - Q2 2023",
        ] {
            assert!(is_timetable(t), "{t}");
        }
        for t in [
            "Climate ambition",
            "Proposal for a revision of the Energy Taxation Directive",
            "EUR 2 billion",
            "45%",
            "Ongoing discussions with partners in 2021 and beyond the region",
            "",
        ] {
            assert!(!is_timetable(t), "{t}");
        }
    }
}
