//! Artifacts: the text a tagged file's producer marks as page furniture. The marks are
//! followed unless they take in most of the text, and a page's own prose marked so stays.

use crate::ingest::pdf::interp::PageContent;

/// A document's artifact marks. Only a tagged file's glyphs carry them.
pub(crate) struct Artifacts {
    /// How many glyphs are marked.
    marked: usize,
    /// A file that marks most of its text so is tagged wrongly, and its marks are ignored.
    followed: bool,
    /// Per page: the marked text is the page's own prose.
    own_prose: Vec<bool>,
}

impl Artifacts {
    /// Count a document's artifact marks and judge where they hold.
    pub(crate) fn survey(contents: &[PageContent]) -> Artifacts {
        let (marked, glyphs) = contents.iter().fold((0, 0), |(a, n), c| {
            (
                a + c.glyphs.iter().filter(|g| g.artifact).count(),
                n + c.glyphs.len(),
            )
        });
        // Prose a producer marked as an artifact on one page only (Word's first-page footer:
        // "This Working Party was set up under Article 29 of Directive 95/46/EC ...") is
        // content: running furniture recurs, a page's own sentences do not. The layout rules
        // still drop the page number among them.
        let texts: Vec<String> = contents
            .iter()
            .map(|c| {
                marked_text(c)
                    .split_whitespace()
                    .filter(|w| !w.chars().all(|ch| ch.is_ascii_digit()))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let own_prose = texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                t.split_whitespace().count() >= 12
                    && t.contains(". ")
                    && !texts.iter().enumerate().any(|(k, o)| {
                        k != i
                            && !o.is_empty()
                            && (o.contains(t.as_str()) || t.contains(o.as_str()))
                    })
            })
            .collect();
        Artifacts {
            marked,
            followed: marked * 2 < glyphs,
            own_prose,
        }
    }

    /// Whether the text marked on page `page` (0-based) is left out.
    pub(super) fn dropped_on(&self, page: usize) -> bool {
        self.followed && !self.own_prose[page]
    }

    /// Whether the file marks text that was read all the same, the marks being ignored.
    pub(crate) fn ignored(&self) -> bool {
        self.marked > 0 && !self.followed
    }

    /// The text marked on the first two pages, with its page: furniture, for the metadata it
    /// carries.
    pub(crate) fn furniture(&self, contents: &[PageContent]) -> Vec<(u32, String)> {
        if !self.followed {
            return Vec::new();
        }
        contents
            .iter()
            .enumerate()
            .take(2)
            .filter_map(|(i, c)| {
                let text = marked_text(c)
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                (!text.is_empty()).then(|| (i as u32 + 1, text))
            })
            .collect()
    }
}

/// A page's marked text, in content order.
fn marked_text(page: &PageContent) -> String {
    page.glyphs
        .iter()
        .filter(|g| g.artifact)
        .map(|g| g.text(page))
        .collect()
}
