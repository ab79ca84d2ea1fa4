//! What the HTML and XML readers share: the element tree both parsers' output is copied into
//! ([`tree`]), the builder that turns a walk over it into the model's blocks ([`build`]), the
//! words that name a legal act's parts and kind in every language ([`words`]), and the
//! identifiers a producer's metadata gives.

pub mod build;
pub mod tree;
pub mod words;

use crate::citation;

/// The elements the XML readers (Formex, Akoma Ntoso) read alike: quoted structures and
/// tables. A reader gives its builder, its walk over an element's children and its depth in
/// quoted structures. (The HTML reader reads tables more leniently: a cell outside a table is
/// text there.)
pub trait Walk {
    fn builder(&mut self) -> &mut build::Builder;
    fn children(&mut self, e: &tree::Element);
    /// How many quoted structures the walk is in: their headings are text.
    fn quoted(&mut self) -> &mut usize;

    /// A quoted structure (an amending provision's new text): paragraphs of its own.
    fn quotation(&mut self, e: &tree::Element) {
        *self.quoted() += 1;
        self.builder().end();
        self.children(e);
        self.builder().end();
        *self.quoted() -= 1;
    }

    /// A table, or, inside a table's cell, its text (the model has no nested tables).
    fn table(&mut self, e: &tree::Element) {
        let opened = self.builder().table_start();
        self.children(e);
        if opened {
            self.builder().table_end();
        }
    }

    fn row(&mut self, e: &tree::Element) {
        self.builder().row_start();
        self.children(e);
    }

    fn cell(&mut self, e: &tree::Element) {
        self.builder().cell_start();
        self.children(e);
        self.builder().end();
    }
}

/// `20160427` → `2016-04-27`; `None` unless it is a valid date.
pub fn iso_date(compact: &str) -> Option<String> {
    let d = compact.trim();
    if d.len() != 8 || !d.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, m, day) = (
        d[..4].parse().ok()?,
        d[4..6].parse().ok()?,
        d[6..].parse().ok()?,
    );
    crate::dates::iso(y, m, day)
}

/// `2016-04-27` → `27.4.2016`, as the Official Journal writes a date in its references.
pub fn oj_date(iso: &str) -> Option<String> {
    let mut it = iso.split('-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    Some(format!(
        "{}.{}.{y}",
        d.trim_start_matches('0'),
        m.trim_start_matches('0')
    ))
}

/// An act's id, CELEX and ELI from its kind (`Regulation`), the domain its number carries
/// (`EU`, `EC`, `EEC`, `EU, Euratom`), its year and number: written as the act's time wrote
/// it (year first since 2015; `Regulation (EC) No 45/2001`, `Directive 95/46/EC` before)
/// and read back by the citation parser, so that it is the id every reference to the act
/// gets.
pub fn act_identifiers(
    kind: &str,
    domain: Option<&str>,
    year: u32,
    number: u32,
) -> Option<(String, Option<String>, Option<String>)> {
    let written = match (kind, domain) {
        (_, Some(d)) if year >= 2015 => format!("{kind} ({d}) {year}/{number}"),
        (_, None) if year >= 2015 => format!("{kind} (EU) {year}/{number}"),
        ("Regulation", Some(d)) => format!("{kind} ({d}) No {number}/{year}"),
        ("Regulation", None) => return None,
        (_, Some(d)) => format!("{kind} {year}/{number}/{}", d.replace(", ", "/")),
        (_, None) => return None,
    };
    let c = citation::find(&written).into_iter().next()?;
    let links = citation::links(c.kind, &c.id, &c.details);
    Some((c.id, links.celex, links.eli))
}

/// The kind, year and number an ELI names (`http://data.europa.eu/eli/reg/2022/868/oj`,
/// EUR-Lex's `https://eur-lex.europa.eu/eli/dir/2002/58/2009-12-19/eng`).
pub fn eli_parts(url: &str) -> Option<(&'static str, u32, u32)> {
    let rest = &url[url.find("/eli/")? + 5..];
    let mut it = rest.split('/');
    let kind = match it.next()? {
        "reg" | "reg_impl" | "reg_del" => "Regulation",
        "dir" | "dir_impl" | "dir_del" => "Directive",
        "dec" | "dec_impl" | "dec_del" => "Decision",
        _ => return None,
    };
    let year = it.next()?.parse().ok()?;
    let number = it.next()?.parse().ok()?;
    Some((kind, year, number))
}

/// The ELI of an act as the Publications Office writes it (`http://data.europa.eu/eli/...`,
/// without a consolidation date or a language), from EUR-Lex's address of it.
pub fn eli_of(url: &str) -> Option<String> {
    let rest = &url[url.find("/eli/")? + 5..];
    let parts: Vec<&str> = rest.split('/').take(3).collect();
    (parts.len() == 3).then(|| format!("http://data.europa.eu/eli/{}/oj", parts.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifiers_follow_the_era() {
        let (id, celex, eli) = act_identifiers("Regulation", Some("EU"), 2016, 679).unwrap();
        assert_eq!(id, "Regulation (EU) 2016/679");
        assert_eq!(celex.as_deref(), Some("32016R0679"));
        assert_eq!(
            eli.as_deref(),
            Some("http://data.europa.eu/eli/reg/2016/679/oj")
        );
        let (id, celex, _) = act_identifiers("Directive", Some("EC"), 2002, 58).unwrap();
        assert_eq!(id, "Directive 2002/58/EC");
        assert_eq!(celex.as_deref(), Some("32002L0058"));
        let (id, _, _) = act_identifiers("Regulation", Some("EC"), 2001, 45).unwrap();
        assert_eq!(id, "Regulation (EC) No 45/2001");
        assert_eq!(iso_date("20160427").as_deref(), Some("2016-04-27"));
        assert_eq!(iso_date("20161327"), None);
        assert_eq!(oj_date("2024-07-12").as_deref(), Some("12.7.2024"));
        assert_eq!(
            eli_parts("https://eur-lex.europa.eu/eli/dir/2002/58/2009-12-19/eng"),
            Some(("Directive", 2002, 58))
        );
        assert_eq!(
            eli_of("https://eur-lex.europa.eu/eli/reg/2022/868/oj/eng").as_deref(),
            Some("http://data.europa.eu/eli/reg/2022/868/oj")
        );
    }
}
