//! Paragraphs cut by a page break (and by the footnotes set at its foot), joined again.

use std::sync::LazyLock;

use crate::ingest::words::{FUNCTION_WORDS, is_caps_line};
use crate::model::{Block, BlockKind, Para};
use crate::re::Regex;

/// Text that ends where a document number must follow: `Regulation (EU)`, `No`, `Article`.
pub(crate) static CITES_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"(?i)(?:\((?:EU|EC|EEC|EU, Euratom|CFSP)\)|\bNo\.?|\b(?:Articles?|Regulations?|Directives?|Decisions?|COM|SWD|SEC|JOIN|OJ [LC]|p\.|pp\.))$").unwrap()
});
/// A paragraph that opens with its own number: `2. The technologies ...`, `3) ...`.
pub(crate) static NUMBERED_PARAGRAPH: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^\d{1,3}(?:\.\d{1,3})*[.)]?\s+\p{Lu}").unwrap());
/// The opening words of an act's citations.
static PREAMBLE_CITATION: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(
        r"^(?:Having\s+regard\s+to|After\s+(?:transmission|consulting|having\s+consulted)|Acting\s+in\s+accordance\s+with|In\s+cooperation\s+with|Whereas\b)",
    )
    .unwrap()
});
pub(crate) static LABEL: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^[A-Za-z][A-Za-z .]{0,30}:\s").unwrap());
/// Join a paragraph (or list item) cut by a page break with its continuation after the
/// footnote block: the first does not end a sentence, and the second starts in lower case or
/// the first ends on a word that cannot end one (`of`, `the`, a comma).
pub(crate) fn join_cut_paragraphs(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut last_text: Option<usize> = None;
    for block in blocks {
        let joinable = matches!(block.kind, BlockKind::Paragraph);
        if joinable {
            if let Some(p) = last_text {
                let prev = &out[p];
                let prev_end = prev.para.page_at(prev.para.text.len()).or(prev.page);
                let page_break = matches!((prev_end, block.page), (Some(a), Some(b)) if a < b);
                if should_join(&prev.para, &block.para)
                    || (page_break && cut_mid_sentence(&prev.para, &block.para))
                {
                    let sep =
                        if out[p].para.text.ends_with('-') && !out[p].para.text.ends_with(" -") {
                            ""
                        } else {
                            " "
                        };
                    out[p].para.append(sep, &block.para);
                    continue;
                }
            }
        }
        match block.kind {
            BlockKind::Paragraph | BlockKind::ListItem { .. } => last_text = Some(out.len()),
            BlockKind::Footnote { .. } => {}
            _ => last_text = None,
        }
        out.push(block);
    }
    out
}
/// Across a page break, a paragraph of prose that stops on a word goes on in the next, even
/// when that opens with a capital (`... under the European` / `Coal and Steel Community can be
/// used.`); a title in capitals on the next page does not continue it.
fn cut_mid_sentence(prev: &Para, next: &Para) -> bool {
    let p = prev.text.trim_end();
    let first_word = next.text.split_whitespace().next().unwrap_or("");
    p.len() >= 150
        && p.ends_with(char::is_alphabetic)
        && !is_caps_line(p)
        && first_word.starts_with(char::is_alphabetic)
        && first_word.chars().any(char::is_lowercase)
        && !LABEL.is_match(&next.text)
}

pub(crate) fn should_join(prev: &Para, next: &Para) -> bool {
    let p = prev.text.trim_end_matches(['’', '”', '"', '\'', ')', ' ']);
    let Some(last) = p.chars().next_back() else {
        return false;
    };
    // A line in capitals is a title, not the first half of a cut paragraph; nor is a legal
    // part's label alone (`Section A`, whose `A` is no article).
    if matches!(last, '.' | '!' | '?' | ':' | ';')
        || LABEL.is_match(&next.text)
        || is_caps_line(p)
        || crate::ingest::headings::is_part_label(p)
    {
        return false;
    }
    let Some(first) = next.text.chars().next() else {
        return false;
    };
    // An act's citations each end in a comma and each stand alone (`Having regard to the
    // Treaty ...,` / `Having regard to the proposal ...,` / `Acting in accordance with ...,`).
    if PREAMBLE_CITATION.is_match(&next.text) {
        return false;
    }
    let last_word = p
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    // A number that opens the next page continues a citation cut by the break
    // (`Regulation (EU)` / `2020/852 by applying ...`), unless it numbers a paragraph.
    // A year alone is a roadmap's timetable (`... Energy Regulation` / `2020`), not the
    // rest of a citation.
    let lone_year =
        next.text.trim().len() == 4 && next.text.trim().bytes().all(|b| b.is_ascii_digit());
    let continues_number = first.is_ascii_digit()
        && CITES_NUMBER.is_match(prev.text.trim_end())
        && !NUMBERED_PARAGRAPH.is_match(&next.text)
        && !lone_year;
    first.is_lowercase()
        || continues_number
        || FUNCTION_WORDS.contains(&last_word.as_str())
        || matches!(last, ',' | '–' | '-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParaBuilder;

    fn block(text: &str, page: u32) -> Block {
        let mut b = ParaBuilder::new();
        b.page(page);
        b.push_source(text, 0);
        Block {
            kind: BlockKind::Paragraph,
            para: b.finish(),
            page: Some(page),
        }
    }

    #[test]
    fn prose_cut_by_a_page_break_goes_on_after_it_even_in_capitals() {
        let prose = "As an example, the Commission will support clean steel breakthrough technologies \
                     by 2030 and will explore whether part of the funding being liquidated under the European";
        let out = join_cut_paragraphs(vec![
            block(prose, 8),
            block("Coal and Steel Community can be used.", 9),
        ]);
        assert_eq!(out.len(), 1);
        assert!(
            out[0]
                .para
                .text
                .ends_with("European Coal and Steel Community can be used.")
        );
        // On one page, or before a title in capitals, they stay apart.
        assert_eq!(
            join_cut_paragraphs(vec![block(prose, 8), block("Coal and Steel Community.", 8)]).len(),
            2
        );
        assert_eq!(
            join_cut_paragraphs(vec![block(prose, 8), block("EXPLANATORY MEMORANDUM", 9)]).len(),
            2
        );
    }
}
