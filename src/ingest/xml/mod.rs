//! XML sources: Formex 4 (`formex`) and Akoma Ntoso (`akn`), told apart by their root
//! element.
//!
//! The parser is roxmltree: measured on the kit's three Formex and one AKN file (parse only,
//! release build) it reads 280–390 MB/s against quick-xml's 570–1100 MB/s for a bare event
//! loop; both are a few per cent of the extraction's time, and a tree lets each reader look
//! at an element's children (an article's `TI.ART` before its `STI.ART`, a note's body)
//! without a state machine of its own.

mod akn;
mod formex;

use crate::error::{Error, Result};
use crate::ingest::markup::build::Builder;
use crate::ingest::markup::tree::{self, Element, Node};
use crate::model::{BlockKind, Document, SourceFormat};

/// The root elements of Formex documents.
const FORMEX_ROOTS: &[&str] = &[
    "ACT",
    "COMBINED.FMX",
    "ANNEX",
    "CONS.ACT",
    "CONS.ANNEX",
    "CONS.DOC",
    "GENERAL",
    "DECISION.ECSC",
];

/// The format an XML document's root element names, read from its first bytes: `None` for
/// XML that is neither Formex nor Akoma Ntoso.
pub fn sniff(head: &str) -> Option<SourceFormat> {
    let root = root_element(head)?;
    let local = root.rsplit(':').next().unwrap_or(root);
    if local == "akomaNtoso" {
        Some(SourceFormat::Akn)
    } else if FORMEX_ROOTS.contains(&local) {
        Some(SourceFormat::Formex)
    } else {
        None
    }
}

/// Whether a text declares itself XML (`<?xml version="1.0"?>`).
pub fn declared(head: &str) -> bool {
    head.trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with("<?xml")
}

/// The name of the first element of an XML text, past its declaration, processing
/// instructions, comments and doctype.
fn root_element(head: &str) -> Option<&str> {
    let mut rest = head.trim_start_matches('\u{feff}');
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("<?") {
            rest = &r[r.find("?>")? + 2..];
        } else if let Some(r) = rest.strip_prefix("<!--") {
            rest = &r[r.find("-->")? + 3..];
        } else if let Some(r) = rest.strip_prefix("<!") {
            // A doctype's internal subset (`<!DOCTYPE ACT [ <!ENTITY ...> ]>`) holds `>`s.
            let end = match (r.find('['), r.find('>')) {
                (Some(open), Some(close)) if open < close => open + r[open..].find("]")?,
                _ => 0,
            };
            rest = &r[end + r[end..].find('>')? + 1..];
        } else if let Some(r) = rest.strip_prefix('<') {
            let end = r.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
            return Some(&r[..end]);
        } else {
            return None;
        }
    }
}

/// Read an XML document of `format`.
pub fn read(text: &str, format: SourceFormat) -> Result<Document> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, opts)
        .map_err(|e| Error::Xml(e.to_string()))?;
    let (root, cut) = tree::from_xml(&doc);
    let top = root
        .elements()
        .next()
        .ok_or_else(|| Error::Xml("no root element".to_string()))?;
    let mut read = match format {
        SourceFormat::Akn => akn::read(top),
        SourceFormat::Formex => formex::read(top),
        _ => plain(top),
    };
    if cut {
        read.warnings.push(format!(
            "XML: markup not known: elements nested more than {} deep read as their text",
            tree::MAX_DEPTH
        ));
    }
    Ok(read)
}

/// XML of a vocabulary eurodoc does not know, read as text: a paragraph for each element
/// that holds text of its own, with a warning that names its root.
fn plain(top: &Element) -> Document {
    fn walk(e: &Element, b: &mut Builder) {
        let own_text = e
            .children
            .iter()
            .any(|n| matches!(n, Node::Text(t) if !t.trim().is_empty()));
        if own_text {
            b.start(BlockKind::Paragraph);
            b.text(&e.text());
            b.end();
        } else {
            e.elements().for_each(|c| walk(c, b));
        }
    }
    let mut b = Builder::new();
    walk(top, &mut b);
    b.warn(format!(
        "XML: markup not known: <{}> is neither Formex nor Akoma Ntoso, read as plain text",
        top.name
    ));
    b.finish(SourceFormat::Text, "XML")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots() {
        assert_eq!(
            sniff("<?xml version=\"1.0\"?>\n<ACT xmlns:xsi=\"x\">"),
            Some(SourceFormat::Formex)
        );
        assert_eq!(
            sniff("<?xml version=\"1.0\"?><?xml-stylesheet href=\"a\"?><akomaNtoso xmlns=\"n\">"),
            Some(SourceFormat::Akn)
        );
        assert_eq!(sniff("<!-- c --><an:akomaNtoso>"), Some(SourceFormat::Akn));
        assert_eq!(sniff("<rss version=\"2.0\">"), None);
        assert_eq!(
            sniff("<?xml version=\"1.0\"?><!DOCTYPE ACT [<!ENTITY a \"b\">]>\n<ACT>"),
            Some(SourceFormat::Formex)
        );
        assert_eq!(sniff("plain text"), None);
    }
}
