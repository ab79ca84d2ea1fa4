//! Structure stage: the cover note and communication parts, the section tree, and the
//! footnotes with their call sites. Every later stage locates its findings through
//! [`Structure::locate`], so section numbers, pages and spans are computed one way.

use std::collections::HashMap;
use std::ops::Range;

use crate::re::Guarded;

use crate::ingest::headings::heading_number;
use crate::model::{BlockKind, Document, Para, ParaRef};
use crate::output::{BlockRange, CellPosition, Footnote, Location, Section};

mod legal;
mod notes;
pub mod parts;

pub use parts::LegislativeParts;

/// What the structure stage finds.
#[derive(Debug, Clone, Default)]
pub struct Structure {
    pub cover_note: Option<Range<usize>>,
    pub communication: Option<Range<usize>>,
    /// A proposal's or an act's parts (memorandum, legal text, financial statement).
    pub legislative: LegislativeParts,
    pub sections: Vec<Section>,
    pub footnotes: Vec<Footnote>,
    /// Innermost numbered section of each block (index into `sections`).
    block_section: Vec<Option<usize>>,
    /// The recital and the article paragraph of each block, in a legal act.
    block_recital: Vec<Option<u32>>,
    block_paragraph: Vec<Option<u32>>,
    /// The body block each footnote call points to, by the call's paragraph and offset.
    call_body: HashMap<(ParaRef, usize), usize>,
    pub warnings: Vec<String>,
}

/// The Commission's place-and-date line, `Brussels, 10.4.2013`: place and date captured.
pub(crate) static COMMISSION_DATE_LINE: Guarded = Guarded::new(
    &["Brussels", "Strasbourg", "Luxembourg", "Bruxelles"],
    || {
        crate::re::compile(
            r"^(Brussels|Strasbourg|Luxembourg|Bruxelles),?\s+(\d{1,2}\.\d{1,2}\.\d{4})",
        )
        .unwrap()
    },
);
/// The document-type line: `COMMUNICATION FROM THE COMMISSION ...`, `JOINT REPORT ...`.
pub(crate) static DOC_TYPE_LINE: Guarded = Guarded::new(
    &[
        "COMMUNICATION",
        "REPORT",
        "PROPOSAL",
        "COMMISSION",
        "PAPER",
        "RECOMMENDATION",
    ],
    || {
        crate::re::compile(r"^(?:JOINT\s+)?(?:COMMUNICATION|REPORT|PROPOSAL|COMMISSION\s+STAFF\s+WORKING|WHITE\s+PAPER|GREEN\s+PAPER|RECOMMENDATION)\b").unwrap()
    },
);
static COVER_MARK: Guarded = Guarded::folded(
    &["cover", "from", "to", "subject", "council", "cion"],
    || {
        crate::re::compile(r"(?i)^(?:cover\s+note|from\s*:|to\s*:|subject\s*:|council\s+of\s+the\s+european\s+union|no\.?\s+cion\s+doc)").unwrap()
    },
);

/// Run the structure stage over `doc`.
pub fn analyze(doc: &Document) -> Structure {
    let mut s = Structure {
        block_section: vec![None; doc.blocks.len()],
        ..Structure::default()
    };
    find_parts(doc, &mut s);
    let body = s.communication.clone().unwrap_or(0..doc.blocks.len());
    s.legislative = parts::find(doc, body);
    build_sections(doc, &mut s);
    (s.block_recital, s.block_paragraph) =
        legal::number(doc, s.legislative.legal_text.clone(), &s.sections);
    notes::build(doc, &mut s);
    s
}

fn find_parts(doc: &Document, s: &mut Structure) {
    let n = doc.blocks.len();
    let front = n.min(80);
    let comm_start = doc.blocks[..front]
        .iter()
        .position(|b| COMMISSION_DATE_LINE.is_match(&b.para.text))
        .or_else(|| {
            doc.blocks[..front]
                .iter()
                .position(|b| DOC_TYPE_LINE.is_match(&b.para.text))
        });
    let start = comm_start.unwrap_or(0);
    let has_cover = doc.blocks[..start]
        .iter()
        .any(|b| COVER_MARK.is_match(&b.para.text));
    if has_cover {
        s.cover_note = Some(0..start);
        s.communication = Some(start..n);
    } else {
        s.communication = Some(0..n);
    }
}

fn build_sections(doc: &Document, s: &mut Structure) {
    let comm = s.communication.clone().unwrap_or(0..doc.blocks.len());
    // Open numbering styles, outermost first, with the section that opened each; a part of a
    // legislative document starts its own tree.
    let mut open: Vec<(Style, usize)> = Vec::new();
    let mut current_part: Option<&'static str> = None;
    for (i, block) in doc.blocks.iter().enumerate().skip(comm.start) {
        let BlockKind::Heading {
            number: Some(number),
            ..
        } = &block.kind
        else {
            continue;
        };
        let part = s.legislative.part_of(i);
        if part != current_part {
            open.clear();
            current_part = part;
        }
        let last_of = |st: Style| {
            open.iter()
                .rev()
                .find(|(o, _)| *o == st)
                .map(|&(_, k)| s.sections[k].number.as_str())
        };
        let style = Style::of(number, last_of(Style::Roman), last_of(Style::Letter));
        // Inside an article, `1.`, `2.` number its paragraphs, whatever the reader made of
        // a line that looked like a heading (a converter's long first line, say).
        let in_article = open.last().is_some_and(|&(st, _)| st == Style::Legal(5));
        if part == Some("legal_text") && in_article && style == Style::Arabic(1) {
            continue;
        }
        // Close what the new heading ends: an annex ends everything, a chapter ends the
        // sections and articles in it (not the annex it may sit in), a heading of a style already open ends what is inside it.
        match style {
            Style::Annex => open.clear(),
            // An annex's own sections and parts (`Section A`) stay inside it.
            Style::Legal(rank) => {
                open.retain(|(st, _)| {
                    matches!(st, Style::Legal(r) if *r < rank) || *st == Style::Annex
                });
            }
            _ => {
                if let Some(p) = open.iter().position(|(st, _)| *st == style) {
                    open.truncate(p);
                }
            }
        }
        let parent = open.last().map(|&(_, k)| s.sections[k].number.clone());
        let level = (open.len() + 1).min(255) as u8;
        let text = &block.para.text;
        // The number the text opens with is the heading's own; a heading whose text opens
        // with no number holds its title alone (as the markup readers write it).
        let title = heading_number(text)
            .filter(|(n, _)| n == number)
            .map(|(_, at)| text[at..].trim().to_string())
            .or_else(|| {
                // A part's label with its title joined from the next line (`ANNEX` / `Draft
                // Council conclusions ...`): the title is what follows the label.
                let t = text.trim_start();
                let head = t.get(..number.len())?;
                head.eq_ignore_ascii_case(number).then(|| {
                    t[number.len()..]
                        .trim_start_matches([' ', ':', '.', '-', '–', '—'])
                        .trim()
                        .to_string()
                })
            })
            .or_else(|| {
                heading_number(text)
                    .is_none()
                    .then(|| text.trim().to_string())
            })
            .unwrap_or_default();
        open.push((style, s.sections.len()));
        s.sections.push(Section {
            number: number.clone(),
            title,
            level,
            parent,
            part: part.map(str::to_string),
            block: i,
            blocks: BlockRange {
                start: i,
                end: doc.blocks.len(),
            },
            page: block.page,
            span: block.para.span.clone().into(),
        });
    }
    // A section runs to the next section of its level or above, within its part.
    for k in 0..s.sections.len() {
        let (level, part) = (s.sections[k].level, s.sections[k].part.clone());
        let part_end = s.sections[k].part.as_deref().and_then(|_| {
            [
                &s.legislative.memorandum,
                &s.legislative.legal_text,
                &s.legislative.financial_statement,
            ]
            .into_iter()
            .flatten()
            .find(|r| r.contains(&s.sections[k].block))
            .map(|r| r.end)
        });
        if let Some(next) = s.sections[k + 1..]
            .iter()
            .find(|n| n.level <= level || n.part != part)
        {
            s.sections[k].blocks.end = next.block;
        }
        if let Some(end) = part_end {
            s.sections[k].blocks.end = s.sections[k].blocks.end.min(end);
        }
    }
    // Innermost section of each block: the last section starting at or before it that still
    // contains it.
    let mut open: Vec<usize> = Vec::new();
    let mut next = 0;
    for b in 0..doc.blocks.len() {
        while next < s.sections.len() && s.sections[next].block <= b {
            open.push(next);
            next += 1;
        }
        open.retain(|&k| s.sections[k].blocks.end > b);
        s.block_section[b] = open.last().copied();
    }
}

/// How a heading is numbered, which says how deep it sits: the styles nest in the order the
/// document opens them (`I` > `A` > `1` in WP29's guidelines, `1` > `1.1` in a communication),
/// a legal act's parts in their fixed order, an annex at the top.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// `2`, `2.1`, `2.1.3`: Arabic numbers with this many parts.
    Arabic(usize),
    Roman,
    Letter,
    /// Part 1, Title 2, Chapter 3, Section 4, Article 5.
    Legal(u8),
    Annex,
}

impl Style {
    /// The style of `number`, given the last open Roman and letter numbers (`V` follows `IV`
    /// as a Roman number, `C` follows `B` as a letter).
    fn of(number: &str, roman_open: Option<&str>, letter_open: Option<&str>) -> Style {
        let kind = number.split(' ').next().unwrap_or("");
        match kind {
            "Annex" | "Appendix" => return Style::Annex,
            "Part" => return Style::Legal(1),
            "Title" => return Style::Legal(2),
            "Chapter" => return Style::Legal(3),
            "Section" => return Style::Legal(4),
            "Article" => return Style::Legal(5),
            _ => {}
        }
        if number.starts_with(|c: char| c.is_ascii_digit()) {
            return Style::Arabic(number.split('.').count());
        }
        let roman = roman_value(number);
        let follows_roman =
            roman.is_some() && roman_open.and_then(roman_value).map(|v| v + 1) == roman;
        let follows_letter = number.len() == 1
            && letter_open
                .and_then(|l| l.chars().next())
                .and_then(|c| char::from_u32(c as u32 + 1))
                == number.chars().next();
        match roman {
            _ if follows_roman => Style::Roman,
            _ if follows_letter => Style::Letter,
            Some(_) if number.len() > 1 || letter_open.is_none() => Style::Roman,
            _ => Style::Letter,
        }
    }
}

/// The value of a Roman number (`IV` → 4), for numbers made only of Roman digits.
fn roman_value(s: &str) -> Option<u32> {
    let digit = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let values: Vec<u32> = s.chars().map(digit).collect::<Option<_>>()?;
    let mut total = 0;
    for (k, v) in values.iter().enumerate() {
        if values.get(k + 1).is_some_and(|next| next > v) {
            total -= *v as i64;
        } else {
            total += *v as i64;
        }
    }
    u32::try_from(total).ok().filter(|&t| t > 0)
}

impl Structure {
    /// Number of the innermost numbered section containing block `block`.
    pub fn section_of(&self, block: usize) -> Option<&Section> {
        self.block_section
            .get(block)
            .copied()
            .flatten()
            .map(|k| &self.sections[k])
    }

    /// Where block `block` stands, for `eurodoc blocks`: its part, innermost section, recital
    /// and article paragraph, as `legal_text · Article 12 · ¶ 2` (empty when none applies).
    pub fn describe_block(&self, block: usize) -> String {
        let mut out: Vec<String> = Vec::new();
        if let Some(part) = self.legislative.part_of(block) {
            out.push(part.to_string());
        }
        if let Some(s) = self.section_of(block) {
            out.push(format!("§ {}", s.number));
        }
        if let Some(r) = self.block_recital.get(block).copied().flatten() {
            out.push(format!("recital ({r})"));
        }
        if let Some(p) = self.block_paragraph.get(block).copied().flatten() {
            out.push(format!("¶ {p}"));
        }
        out.join(" · ")
    }

    /// The footnote body block that the call at byte `call_at` of paragraph `at` points to.
    pub fn body_of_call(&self, at: ParaRef, call_at: usize) -> Option<usize> {
        self.call_body.get(&(at, call_at)).copied()
    }

    /// The location of `range` (bytes of `para.text`) in paragraph `at` of `doc`.
    pub fn locate(
        &self,
        doc: &Document,
        at: ParaRef,
        para: &Para,
        range: Range<usize>,
    ) -> Location {
        let block = &doc.blocks[at.block];
        Location {
            section: self.section_of(at.block).map(|s| s.number.clone()),
            block: at.block,
            cell: at.cell.map(|c| CellPosition {
                row: c.row,
                col: c.col,
                para: c.para,
            }),
            span: para.source_span(range.clone()).into(),
            page: para.page_at(range.start).or(block.page),
            footnote: match block.kind {
                BlockKind::Footnote { number } => Some(number),
                _ => None,
            },
            recital: self.block_recital.get(at.block).copied().flatten(),
            paragraph: self.block_paragraph.get(at.block).copied().flatten(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text;
    use crate::model::SourceFormat;

    fn doc(s: &str) -> Document {
        text::ingest(s, SourceFormat::Markdown)
    }

    #[test]
    fn section_tree_and_parts() {
        let d = doc(
            "**COVER NOTE**\n\nfrom: Someone\n\nBrussels, 10.4.2013  \nCOM(2013) 179 final\n\n# 1. INTRO\n\n## 1.1. Context\n\ntext\n\n### The way forward\n\nmore\n\n# 2. NEXT\n\n## Annex 1: Tables\n",
        );
        let s = analyze(&d);
        assert_eq!(s.cover_note, Some(0..2));
        let nums: Vec<_> = s
            .sections
            .iter()
            .map(|x| (x.number.as_str(), x.level, x.parent.as_deref()))
            .collect();
        assert_eq!(
            nums,
            vec![
                ("1", 1, None),
                ("1.1", 2, Some("1")),
                ("2", 1, None),
                ("Annex 1", 1, None)
            ]
        );
        assert_eq!(s.sections[1].title, "Context");
        let more = d.blocks.iter().position(|b| b.para.text == "more").unwrap();
        assert_eq!(s.section_of(more).unwrap().number, "1.1");
        assert_eq!(s.sections[0].blocks.end, s.sections[2].block);
    }

    #[test]
    fn footnote_call_sites_and_phrases() {
        let d = doc(
            "# 2.1. Crime\n\nIn 2013 a **Fourth Anti Money Laundering Directive**<sup>1</sup> came, and the Directive adopted in 2011<sup>2</sup>.\n\n<sup>1</sup> COM(2013) 45/3.\n\n<sup>2</sup> Directive 2011/36/EU.\n\n<sup>3</sup> Orphan.\n",
        );
        let s = analyze(&d);
        assert_eq!(s.footnotes.len(), 3);
        let c1 = &s.footnotes[0].calls[0];
        assert_eq!(c1.phrase, "Fourth Anti Money Laundering Directive");
        assert!(c1.bold);
        assert_eq!(c1.location.section.as_deref(), Some("2.1"));
        let c2 = &s.footnotes[1].calls[0];
        assert_eq!(c2.phrase, "and the Directive adopted in 2011");
        assert!(!c2.bold);
        assert!(
            s.warnings
                .iter()
                .any(|w| w.contains("footnote 3 is never called"))
        );
        assert_eq!(s.section_of(s.footnotes[0].block).unwrap().number, "2.1");
    }
}
