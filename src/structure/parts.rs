//! The parts of a legislative document: a Commission proposal's explanatory memorandum, the
//! proposed act and its legislative financial statement; an Official Journal act's legal text.
//! Each part numbers its headings on its own (`1. CONTEXT` in the memorandum, `1. FRAMEWORK`
//! in the financial statement), so sections take their parent within their part.

use std::ops::Range;

use crate::model::{BlockKind, Document};
use crate::re::Guarded;

/// Where the parts of a legislative document lie, as block ranges.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LegislativeParts {
    pub memorandum: Option<Range<usize>>,
    pub legal_text: Option<Range<usize>>,
    pub financial_statement: Option<Range<usize>>,
}

static MEMORANDUM: Guarded = Guarded::folded(&["memorandum"], || {
    crate::re::compile(r"(?i)^\s*explanatory\s+memorandum\s*$").unwrap()
});
static FINANCIAL_STATEMENT: Guarded = Guarded::folded(&["statement"], || {
    crate::re::compile(
        r"(?i)^\s*(?:legislative\s+)?financial\s+(?:and\s+digital\s+)?statement(?:\s+for\s+proposals?.*)?\s*$",
    )
    .unwrap()
});
/// The institution that enacts: the first line of an act's preamble.
static ENACTING_INSTITUTION: Guarded = Guarded::new(&["EUROPEAN"], || {
    crate::re::compile(
        r"^\s*THE\s+(?:EUROPEAN\s+PARLIAMENT\s+AND\s+THE\s+COUNCIL|COUNCIL|EUROPEAN\s+COMMISSION|COMMISSION|EUROPEAN\s+CENTRAL\s+BANK)\s+OF\s+THE\s+EUROPEAN\s+(?:UNION|COMMUNITIES)\s*,",
    )
    .unwrap()
});
/// A proposed act's title: `Proposal for a REGULATION OF THE EUROPEAN PARLIAMENT ...`.
pub(crate) static PROPOSAL_TITLE: Guarded = Guarded::folded(&["proposal"], || {
    crate::re::compile(r"^\s*(?i:proposal\s+for\s+an?)\s+(?i:(council\s+|commission\s+)?(regulation|directive|decision|recommendation))\b").unwrap()
});
/// An adopted act's title: `REGULATION (EU) 2022/2065 OF THE EUROPEAN PARLIAMENT ...`.
pub(crate) static ACT_TITLE: Guarded = Guarded::new(
    &["REGULATION", "DIRECTIVE", "DECISION"],
    || {
        crate::re::compile(r"^\s*(?:(?:COUNCIL|COMMISSION)\s+(?:IMPLEMENTING\s+|DELEGATED\s+)?)?(REGULATION|DIRECTIVE|DECISION)\s+(?:\((?:EU|EC|EEC|EU,\s*Euratom|CFSP)\)\s+)?(?:No\s+)?\d+/\d+")
        .unwrap()
    },
);

/// Find the parts in `range` (the document after any cover note). Parts the source's markup
/// declares are taken as they are.
pub fn find(doc: &Document, range: Range<usize>) -> LegislativeParts {
    let declared = &doc.declared.parts;
    if declared.legal_text.is_some() || declared.memorandum.is_some() {
        return LegislativeParts {
            memorandum: declared.memorandum.clone(),
            legal_text: declared.legal_text.clone(),
            financial_statement: declared.financial_statement.clone(),
        };
    }
    let text = |i: usize| doc.blocks[i].para.text.as_str();
    let body = |i: usize| {
        !matches!(
            doc.blocks[i].kind,
            BlockKind::Footnote { .. } | BlockKind::Contents | BlockKind::Table(_)
        )
    };
    let short = |i: usize| text(i).len() <= 120;
    let memo = range
        .clone()
        .find(|&i| body(i) && short(i) && MEMORANDUM.is_match(text(i)));
    let statement = range
        .clone()
        .skip_while(|&i| memo.is_some_and(|m| i <= m))
        .find(|&i| body(i) && short(i) && FINANCIAL_STATEMENT.is_match(text(i)));
    let act_end = statement.unwrap_or(range.end);
    // The act starts at its title, or at the enacting institution when no title precedes it.
    let after_memo = memo.map_or(range.start, |m| m + 1);
    // An act's preamble follows its institution (`Having regard to ...`, `Whereas`);
    // Council conclusions open with the same words but go on with numbered paragraphs.
    let preamble = |k: usize| {
        let opens = |t: &str| {
            let t = t.trim_start().to_lowercase();
            t.starts_with("having regard") || t.starts_with("whereas")
        };
        let own = text(k);
        own.find(',').is_some_and(|c| opens(&own[c + 1..]))
            || (k + 1..(k + 4).min(act_end)).any(|i| opens(text(i)))
    };
    let institution = (after_memo..act_end)
        .find(|&i| body(i) && ENACTING_INSTITUTION.is_match(text(i)) && preamble(i));
    let legal_start = institution.map(|k| {
        (k.saturating_sub(4).max(after_memo)..k)
            .find(|&i| body(i) && (PROPOSAL_TITLE.is_match(text(i)) || ACT_TITLE.is_match(text(i))))
            .unwrap_or(k)
    });
    let mut parts = LegislativeParts::default();
    if let Some(start) = legal_start {
        parts.legal_text = Some(start..act_end);
        if let Some(m) = memo {
            parts.memorandum = Some(m..start);
        }
        if let Some(f) = statement {
            parts.financial_statement = Some(f..range.end);
        }
    } else if let (Some(m), Some(f)) = (memo, statement) {
        parts.memorandum = Some(m..f);
        parts.financial_statement = Some(f..range.end);
    }
    parts
}

impl LegislativeParts {
    /// The name of the part holding block `i`, if any.
    pub fn part_of(&self, i: usize) -> Option<&'static str> {
        let within = |r: &Option<Range<usize>>| r.as_ref().is_some_and(|r| r.contains(&i));
        if within(&self.memorandum) {
            Some("memorandum")
        } else if within(&self.legal_text) {
            Some("legal_text")
        } else if within(&self.financial_statement) {
            Some("financial_statement")
        } else {
            None
        }
    }
}
