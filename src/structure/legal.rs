//! The inside of a legal act's text: which recital a block belongs to (between `Whereas:` and
//! the enacting formula `HAVE ADOPTED THIS REGULATION:`), and which numbered paragraph of its
//! article (`1.`, `2.` under `Article 12`). Mentions carry both in their location, so an index
//! can say that recital (5) or paragraph 2 of Article 12 cites a document.

use std::ops::Range;
use std::sync::LazyLock;

use crate::model::{BlockKind, Document};
use crate::output::Section;
use crate::re::Regex;

/// `Whereas:` on its own, or ending the citations a reader joined into one paragraph.
static WHEREAS: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"(?i)(?:^|[\s,])whereas\s*:?\s*$").unwrap());
static ENACTING: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"(?i)^\s*(?:has|have)\s+adopted\s+th(?:is|e\s+present)\b").unwrap()
});
/// `(12)` alone, or opening a paragraph.
static PAREN_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^\s*\((\d{1,3})\)(?:\s|$)").unwrap());
/// `2.` opening an article's paragraph (`2.   The tasks ...`).
static PARAGRAPH_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^\s*(\d{1,3})\.(?:\s|$)").unwrap());

/// Per block: the recital and the article paragraph it belongs to.
pub fn number(
    doc: &Document,
    legal_text: Option<Range<usize>>,
    sections: &[Section],
) -> (Vec<Option<u32>>, Vec<Option<u32>>) {
    let n = doc.blocks.len();
    let mut recital = vec![None; n];
    let mut paragraph = vec![None; n];
    let Some(range) = legal_text else {
        return (recital, paragraph);
    };
    let text = |i: usize| doc.blocks[i].para.text.as_str();
    // A list item keeps its marker apart from its text.
    let marker_number = |i: usize, re: &Regex| -> Option<u32> {
        match &doc.blocks[i].kind {
            BlockKind::ListItem { marker, .. } => re.captures(marker)?[1].parse().ok(),
            BlockKind::Paragraph => re.captures(text(i))?[1].parse().ok(),
            _ => None,
        }
    };
    // Recitals: from `Whereas:` to the enacting formula or the first article.
    let first_article = sections
        .iter()
        .find(|s| s.block >= range.start && s.number.starts_with("Article"))
        .map_or(range.end, |s| s.block);
    // Where the markup marks the recitals, they are its; else the text's words mark them.
    let recitals = match doc.declared.parts.recitals.clone() {
        Some(r) => Some(r),
        None => range
            .clone()
            .find(|&i| WHEREAS.is_match(text(i)))
            .map(|start| {
                let end = (start..first_article)
                    .find(|&i| ENACTING.is_match(text(i)))
                    .unwrap_or(first_article);
                start + 1..end
            }),
    };
    if let Some(recitals) = recitals {
        let mut current = None;
        for (i, slot) in recital
            .iter_mut()
            .enumerate()
            .take(recitals.end)
            .skip(recitals.start)
        {
            if matches!(doc.blocks[i].kind, BlockKind::Footnote { .. }) {
                continue;
            }
            if let Some(k) = marker_number(i, &PAREN_NUMBER) {
                current = Some(k);
            }
            *slot = current;
        }
    }
    // Paragraphs: the numbered paragraphs of each article, up to the next section.
    for s in sections.iter().filter(|s| s.number.starts_with("Article")) {
        let mut current = None;
        let end = s.blocks.end.min(n);
        for (i, slot) in paragraph.iter_mut().enumerate().take(end).skip(s.block + 1) {
            let heading_paragraph = match &doc.blocks[i].kind {
                BlockKind::Footnote { .. } => continue,
                // A paragraph the reader took for a heading (the structure stage did not).
                BlockKind::Heading {
                    number: Some(k), ..
                } if !k.is_empty() && k.bytes().all(|b| b.is_ascii_digit()) => k.parse().ok(),
                BlockKind::Heading { .. } => break,
                _ => None,
            };
            if let Some(k) = heading_paragraph.or_else(|| marker_number(i, &PARAGRAPH_NUMBER)) {
                // Paragraphs run 1, 2, 3: a `1.` inside a quoted amendment starts again.
                if k == 1 || current.is_some_and(|c: u32| k == c + 1) {
                    current = Some(k);
                }
            }
            *slot = current;
        }
    }
    (recital, paragraph)
}
