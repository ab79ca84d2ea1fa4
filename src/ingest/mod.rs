//! Ingesters: bytes in, [`Document`] out. The format is sniffed from the content first
//! (`%PDF-` magic; an `<html>` root or HTML doctype; a Formex or Akoma Ntoso root element),
//! then from the file name.

pub(crate) mod headings;
pub mod html;
mod join;
pub mod markup;
pub mod pdf;
pub mod text;
mod words;
pub mod xml;

use crate::error::{Error, Result};
use crate::model::{Document, SourceFormat};

/// Decide the format of `bytes`, using `name` (a file name or path) only as a hint.
pub fn sniff(bytes: &[u8], name: Option<&str>) -> Result<SourceFormat> {
    if bytes.is_empty() || bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    // The PDF spec lets a header sit after some junk; readers accept it within the first 1 KiB.
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(SourceFormat::Pdf);
    }
    let ext = name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, e)| e.to_ascii_lowercase());
    if ext.as_deref() == Some("pdf") {
        return Err(Error::NotPdf);
    }
    let probe = &bytes[..bytes.len().min(8192)];
    if probe.contains(&0) {
        return Err(Error::Binary("it contains NUL bytes"));
    }
    let controls = probe
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if controls * 20 > probe.len() {
        return Err(Error::Binary("it is mostly control bytes"));
    }
    let head = String::from_utf8_lossy(probe);
    if is_html(&head) {
        return Ok(SourceFormat::Html);
    }
    if let Some(format) = xml::sniff(&head) {
        return Ok(format);
    }
    // XML of another vocabulary: its text, read from its markup.
    if xml::declared(&head) {
        return Ok(SourceFormat::Text);
    }
    match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => Ok(SourceFormat::Html),
        Some("md" | "markdown") => Ok(SourceFormat::Markdown),
        Some("txt" | "text") => Ok(SourceFormat::Text),
        _ => Ok(
            if text::looks_like_markdown(&String::from_utf8_lossy(probe)) {
                SourceFormat::Markdown
            } else {
                SourceFormat::Text
            },
        ),
    }
}

/// Whether a text opens as an HTML page: an HTML doctype, or `<html` as its first element
/// (after an XML declaration and comments, as EUR-Lex's XHTML has them).
fn is_html(head: &str) -> bool {
    let mut rest = head.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        let lower = rest.get(..14).unwrap_or(rest).to_ascii_lowercase();
        if lower.starts_with("<!doctype html") || lower.starts_with("<html") {
            return true;
        }
        let skip = |r: &str, open: &str, close: &str| -> Option<usize> {
            r.starts_with(open)
                .then(|| r.find(close).map(|k| k + close.len()))
                .flatten()
        };
        match skip(rest, "<?", "?>")
            .or_else(|| skip(rest, "<!--", "-->"))
            .or_else(|| skip(rest, "<!", ">"))
        {
            Some(k) => rest = &rest[k..],
            None => return false,
        }
    }
}

/// Ingest `bytes` (named `name`, if known) into the document model.
pub fn ingest(bytes: &[u8], name: Option<&str>) -> Result<Document> {
    let mut doc = read(bytes, name)?;
    if matches!(
        doc.format,
        SourceFormat::Html | SourceFormat::Formex | SourceFormat::Akn
    ) {
        // The markup says which blocks are headings: nothing to join or settle.
        return Ok(doc);
    }
    doc.blocks = headings::join_legal_headings(std::mem::take(&mut doc.blocks));
    doc.blocks = headings::settle_headings(std::mem::take(&mut doc.blocks));
    Ok(doc)
}

fn read(bytes: &[u8], name: Option<&str>) -> Result<Document> {
    match sniff(bytes, name)? {
        SourceFormat::Pdf => pdf::ingest(bytes),
        format => {
            let text = std::str::from_utf8(bytes).map_err(|e| Error::InvalidUtf8 {
                offset: e.valid_up_to(),
            })?;
            let text = text.strip_prefix('\u{feff}').unwrap_or(text);
            let doc = match format {
                SourceFormat::Html => html::read(text)?,
                SourceFormat::Formex | SourceFormat::Akn => xml::read(text, format)?,
                SourceFormat::Text if xml::declared(text) => xml::read(text, format)?,
                _ => text::ingest(text, format),
            };
            if doc.blocks.is_empty() {
                return Err(Error::NoText(""));
            }
            Ok(doc)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content_then_name() {
        assert_eq!(
            sniff(b"%PDF-1.7\n", Some("x.txt")).unwrap(),
            SourceFormat::Pdf
        );
        assert_eq!(
            sniff(b"hello", Some("x.md")).unwrap(),
            SourceFormat::Markdown
        );
        assert_eq!(sniff(b"hello", Some("x.txt")).unwrap(), SourceFormat::Text);
        assert_eq!(sniff(b"a **b** c", None).unwrap(), SourceFormat::Markdown);
        assert!(matches!(sniff(b"hello", Some("x.pdf")), Err(Error::NotPdf)));
        assert!(matches!(sniff(b"", None), Err(Error::Empty)));
        assert!(matches!(sniff(b" \n\t", None), Err(Error::Empty)));
        assert!(matches!(sniff(b"a\0b", None), Err(Error::Binary(_))));
    }

    #[test]
    fn invalid_utf8_is_reported_with_offset() {
        let e = ingest(b"abc\xff", Some("a.txt")).unwrap_err();
        assert!(matches!(e, Error::InvalidUtf8 { offset: 3 }), "{e}");
    }
}
