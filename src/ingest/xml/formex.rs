//! Formex 4, the Official Journal's own XML: one `<ACT>`, or a combined package
//! (`<COMBINED.FMX>`) that wraps the issue's `<PUBLICATION>`, the act and its `<ANNEX>`es.
//!
//! The elements are the vocabulary: [`ROLES`] maps each onto what it is in the model. Notes
//! stand inline (`<NOTE>` where the call is) and are numbered in reading order, as EUR-Lex
//! renders them; pages come from `<?PAGE NO="2"?>`; `<HT TYPE="UC">` is printed in capitals.

use crate::ingest::headings::{heading_number, part_level};
use crate::ingest::markup::Walk;
use crate::ingest::markup::build::Builder;
use crate::ingest::markup::tree::{Element, Node};
use crate::ingest::markup::{act_identifiers, iso_date, oj_date, words};
use crate::model::{BlockKind, Document, SourceFormat};

/// What a Formex element is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Metadata, read apart (`BIB.INSTANCE`), or a marker with no text.
    Skip,
    /// Holds blocks.
    Container,
    /// A paragraph of text (which may hold further blocks: a list after an alinea's text).
    Para,
    /// A numbered item: `NO.P` marker and `TXT` (recitals, points).
    Item,
    /// An article's numbered paragraph: `NO.PARAG` and its alineas.
    Parag,
    List,
    /// A heading-making container: an act's division, article, annex, an annex's group.
    Division,
    Article,
    Annex,
    Group,
    /// The act's title lines.
    Title,
    Note,
    QuoteStart,
    QuoteEnd,
    /// A quoted structure: an amending provision's new text, read as text, never as headings.
    Quoted,
    Table,
    Row,
    Cell,
    /// Inline text: `HT`, `DATE`, references, `FT`.
    Inline,
    /// A line break inside a paragraph.
    Break,
}

/// The Formex elements this reader knows. Anything else is read as text and reported.
const ROLES: &[(&str, Role)] = &[
    ("BIB.INSTANCE", Role::Skip),
    ("BIB.OJ", Role::Skip),
    ("PUBLICATION", Role::Skip),
    ("NO.P", Role::Skip),
    ("NO.PARAG", Role::Skip),
    ("TI.ART", Role::Skip),
    ("EEA", Role::Skip),
    ("ACT", Role::Container),
    ("COMBINED.FMX", Role::Container),
    ("PREAMBLE", Role::Container),
    ("GR.VISA", Role::Container),
    ("GR.CONSID", Role::Container),
    ("CONSID", Role::Container),
    ("ENACTING.TERMS", Role::Container),
    ("FINAL", Role::Container),
    ("SIGNATURE", Role::Container),
    ("SIGNATORY", Role::Container),
    ("CONTENTS", Role::Container),
    ("GR.NOTES", Role::Container),
    ("ITEM", Role::Container),
    ("CORPUS", Role::Container),
    ("TI", Role::Container),
    ("STI", Role::Container),
    ("PREAMBLE.INIT", Role::Para),
    ("PREAMBLE.FINAL", Role::Para),
    ("GR.CONSID.INIT", Role::Para),
    ("VISA", Role::Para),
    ("P", Role::Para),
    ("ALINEA", Role::Para),
    ("TXT", Role::Para),
    ("PL.DATE", Role::Para),
    ("STI.ART", Role::Para),
    ("NP", Role::Item),
    ("PARAG", Role::Parag),
    ("LIST", Role::List),
    ("DIVISION", Role::Division),
    ("ARTICLE", Role::Article),
    ("ANNEX", Role::Annex),
    ("GR.SEQ", Role::Group),
    ("TITLE", Role::Title),
    ("NOTE", Role::Note),
    ("QUOT.START", Role::QuoteStart),
    ("QUOT.END", Role::QuoteEnd),
    ("QUOT.S", Role::Quoted),
    ("TBL", Role::Table),
    ("ROW", Role::Row),
    ("CELL", Role::Cell),
    ("HT", Role::Inline),
    ("DATE", Role::Inline),
    ("FT", Role::Inline),
    ("REF.DOC.OJ", Role::Inline),
    ("REF.DOC", Role::Inline),
    ("REF.DOC.ECR", Role::Inline),
    ("IE", Role::Inline),
    ("BR", Role::Break),
];

fn role(name: &str) -> Option<Role> {
    ROLES.iter().find(|(n, _)| *n == name).map(|&(_, r)| r)
}

struct Reader {
    b: Builder,
    /// Notes met so far: the next one's number.
    notes: u32,
    /// Inside a note body: its paragraphs run together.
    in_note: bool,
    /// Inside a quoted structure: its headings are text.
    quoted: usize,
    /// Inside `<HT TYPE="UC">`: printed in capitals.
    upper: usize,
    /// List nesting, for the items' depth.
    depth: u8,
}

/// Read a Formex document (`root` is the tree's `#document`; `top` its root element).
pub fn read(top: &Element) -> Document {
    let mut r = Reader {
        b: Builder::new(),
        notes: 0,
        in_note: false,
        quoted: 0,
        upper: 0,
        depth: 0,
    };
    declare(top, &mut r.b);
    // The text before the first `<?PAGE?>` stands on the act's first page.
    let first_page = top
        .find("ACT")
        .unwrap_or(top)
        .child("BIB.INSTANCE")
        .and_then(|b| b.child("PAGE.FIRST"))
        .and_then(|p| p.text().parse().ok());
    if let Some(p) = first_page {
        r.b.page(p);
    }
    let start = r.b.position();
    r.node_children(top);
    r.b.end();
    let end = r.b.position();
    if end > start {
        r.b.declared.parts.legal_text = Some(start..end);
    }
    r.b.finish(SourceFormat::Formex, "Formex")
}

impl Walk for Reader {
    fn builder(&mut self) -> &mut Builder {
        &mut self.b
    }

    fn children(&mut self, e: &Element) {
        self.node_children(e);
    }

    fn quoted(&mut self) -> &mut usize {
        &mut self.quoted
    }
}

impl Reader {
    fn node_children(&mut self, el: &Element) {
        for n in &el.children {
            self.node(n);
        }
    }

    fn node(&mut self, n: &Node) {
        match n {
            Node::Text(t) => {
                if self.upper > 0 {
                    self.b.text(&t.to_uppercase());
                } else {
                    self.b.text(t);
                }
            }
            Node::Pi(target, data) if *target == "PAGE" => {
                if let Some(p) = pi_number(data) {
                    self.b.page(p);
                }
            }
            Node::Pi(..) | Node::Comment(_) => {}
            Node::Element(e) => self.element(e),
        }
    }

    fn element(&mut self, e: &Element) {
        let Some(role) = role(e.name) else {
            self.b.unknown(e.name);
            self.node_children(e);
            return;
        };
        // In a note every block runs into the note's one paragraph.
        if self.in_note
            && matches!(
                role,
                Role::Para | Role::Item | Role::Parag | Role::Container | Role::List
            )
        {
            self.b.space();
            if role == Role::Item {
                if let Some(m) = e.child("NO.P") {
                    self.b.text(&m.text());
                    self.b.space();
                }
            }
            self.node_children(e);
            self.b.space();
            return;
        }
        match role {
            Role::Skip => {}
            Role::Container => {
                self.b.end();
                let start = self.b.position();
                self.node_children(e);
                self.b.end();
                if e.name == "GR.CONSID" && self.quoted == 0 {
                    self.b.declared.parts.recitals = Some(start..self.b.position());
                }
            }
            Role::Para => {
                self.para();
                self.node_children(e);
                self.b.end();
            }
            Role::Item => {
                let marker = e.child("NO.P").map(Element::text).unwrap_or_default();
                self.b.start(BlockKind::ListItem {
                    marker,
                    depth: self.depth.saturating_sub(1),
                });
                self.node_children(e);
                self.b.end();
            }
            Role::Parag => {
                let marker = e.child("NO.PARAG").map(Element::text).unwrap_or_default();
                if marker.is_empty() {
                    self.b.end();
                } else {
                    self.b.start(BlockKind::ListItem {
                        marker,
                        depth: self.depth,
                    });
                }
                self.node_children(e);
                self.b.end();
            }
            Role::List => {
                self.b.end();
                self.depth += 1;
                self.node_children(e);
                self.depth -= 1;
            }
            Role::Division => self.division(e),
            Role::Article => self.article(e),
            Role::Annex => self.annex(e),
            Role::Group => self.group(e),
            Role::Title => self.title_lines(e),
            Role::Note => {
                self.notes += 1;
                self.b.call(self.notes);
                self.b.note_start(self.notes);
                let outer = std::mem::replace(&mut self.in_note, true);
                self.node_children(e);
                self.in_note = outer;
                self.b.note_end();
            }
            Role::QuoteStart | Role::QuoteEnd => {
                let fallback = if role == Role::QuoteStart {
                    '‘'
                } else {
                    '’'
                };
                let c = e
                    .attr("CODE")
                    .and_then(|c| u32::from_str_radix(c, 16).ok())
                    .and_then(char::from_u32)
                    .unwrap_or(fallback);
                self.b.text(c.encode_utf8(&mut [0; 4]));
            }
            Role::Quoted => self.quotation(e),
            Role::Table => self.table(e),
            Role::Row => self.row(e),
            Role::Cell => self.cell(e),
            Role::Inline => {
                let (bold, italic, upper) = match e.attr("TYPE") {
                    Some("BOLD") => (true, false, false),
                    Some("ITALIC") => (false, true, false),
                    Some("UC") => (false, false, true),
                    _ => (false, false, false),
                };
                if bold {
                    self.b.bold(true);
                }
                if italic {
                    self.b.italic(true);
                }
                self.upper += usize::from(upper);
                self.node_children(e);
                self.upper -= usize::from(upper);
                if bold {
                    self.b.bold(false);
                }
                if italic {
                    self.b.italic(false);
                }
            }
            Role::Break => self.b.space(),
        }
    }

    /// Open a paragraph, unless a list item or heading has just opened for this text.
    fn para(&mut self) {
        let fresh = self.b.open_is_empty()
            && matches!(
                self.b.open_kind(),
                Some(BlockKind::ListItem { .. } | BlockKind::Heading { .. })
            );
        if !fresh {
            self.b.start(BlockKind::Paragraph);
        }
    }

    /// A heading numbered `number` (`None`: the label names no part this reader knows) with
    /// the inline content of `title` as its text.
    fn heading(&mut self, number: Option<String>, title: Option<&Element>, label: &str) {
        if self.quoted > 0 {
            // An amending provision's new article is text of the act it amends.
            self.b.start(BlockKind::Paragraph);
            self.b.text(label);
            self.b.end();
            if let Some(t) = title {
                self.b.start(BlockKind::Paragraph);
                self.node_children(t);
                self.b.end();
            }
            return;
        }
        if number.is_none() && !label.is_empty() {
            self.b
                .warn(format!("Formex: markup not known: a heading label that names no part ({label}), read as a heading without a number"));
        }
        let level = number.as_deref().map_or(5, part_level);
        self.b.start(BlockKind::Heading { level, number });
        if let Some(t) = title {
            self.inline_title(t);
        }
        self.b.end();
    }

    /// [`Reader::heading`] with a title given as text.
    fn heading_text(&mut self, number: Option<String>, label: &str, title: &str) {
        if self.quoted > 0 || number.is_none() {
            self.heading(number, None, label);
            if !title.is_empty() {
                self.b.start(BlockKind::Paragraph);
                self.b.text(title);
                self.b.end();
            }
            return;
        }
        let level = number.as_deref().map_or(5, part_level);
        self.b.start(BlockKind::Heading { level, number });
        self.b.text(title);
        self.b.end();
    }

    /// A title's content as the open heading's text: its paragraphs run together.
    fn inline_title(&mut self, t: &Element) {
        for n in &t.children {
            match n {
                Node::Element(e) if e.name == "P" => {
                    self.b.space();
                    self.node_children(e);
                }
                _ => self.node(n),
            }
        }
    }

    fn division(&mut self, e: &Element) {
        let title = e.child("TITLE");
        let (label, rest) = label_lines(title);
        self.titled_heading(words::part_number(&label), title, &label, &rest);
        for c in &e.children {
            match c {
                Node::Element(t) if t.name == "TITLE" => {}
                _ => self.node(c),
            }
        }
        self.b.end();
    }

    /// A division's or annex's heading: its title the `STI`, else the label's further lines
    /// (`<TI><P>ANNEX X</P><P>Title</P></TI>`).
    fn titled_heading(
        &mut self,
        number: Option<String>,
        title: Option<&Element>,
        label: &str,
        rest: &str,
    ) {
        match title.and_then(|t| t.child("STI")) {
            Some(sti) => self.heading(number, Some(sti), label),
            None => self.heading_text(number, label, rest),
        }
    }

    fn article(&mut self, e: &Element) {
        let label = e.child("TI.ART").map(Element::text).unwrap_or_default();
        let number = words::article_number(&label);
        self.heading(number, e.child("STI.ART"), &label);
        for c in &e.children {
            match c {
                Node::Element(t) if t.name == "STI.ART" || t.name == "TI.ART" => {}
                _ => self.node(c),
            }
        }
        self.b.end();
    }

    fn annex(&mut self, e: &Element) {
        // An annex of a package starts on its own page.
        let first_page = e
            .child("BIB.INSTANCE")
            .and_then(|b| b.child("PAGE.FIRST"))
            .and_then(|p| p.text().parse().ok());
        if let Some(p) = first_page {
            self.b.page(p);
        }
        let title = e.child("TITLE");
        let (label, rest) = label_lines(title);
        let number = words::part_number(&label).filter(|n| n.starts_with("Annex"));
        let number = number.or_else(|| Some("Annex".to_string()));
        self.titled_heading(number, title, &label, &rest);
        for c in &e.children {
            match c {
                Node::Element(t) if t.name == "TITLE" || t.name == "BIB.INSTANCE" => {}
                _ => self.node(c),
            }
        }
        self.b.end();
    }

    /// An annex's group: its title a heading (`Section A. ...`, `1. ...`), or a plain one.
    fn group(&mut self, e: &Element) {
        if let Some(title) = e.child("TITLE") {
            let text = title.text();
            let (number, rest) = group_number(&text);
            if self.quoted > 0 {
                self.heading(None, Some(title), "");
            } else {
                let level = number.as_deref().map_or(5, part_level);
                self.b.start(BlockKind::Heading { level, number });
                self.b.text(rest);
                self.b.end();
            }
        }
        for c in &e.children {
            match c {
                Node::Element(t) if t.name == "TITLE" => {}
                _ => self.node(c),
            }
        }
        self.b.end();
    }

    /// The act's title lines, each a paragraph set in bold as the Journal prints them.
    fn title_lines(&mut self, e: &Element) {
        self.b.end();
        let lines: Vec<&Element> = e
            .elements()
            .flat_map(|ti| ti.elements().filter(|p| p.name == "P"))
            .collect();
        for p in lines {
            self.b.start(BlockKind::Paragraph);
            self.b.bold(true);
            self.node_children(p);
            self.b.end();
        }
    }
}

/// The number and title of an annex group's title: `Sekcja A. Wykaz ...` → (`Section A`,
/// `Wykaz ...`); `1. Title` → (`1`, `Title`); otherwise no number.
fn group_number(text: &str) -> (Option<String>, &str) {
    let mut words = text.split_whitespace();
    if let (Some(w), Some(n)) = (words.next(), words.next()) {
        if let Some(number) = words::part_number(&format!("{w} {n}")) {
            let at = text.find(n).map_or(0, |i| i + n.len());
            let rest = text[at..].trim_start_matches(['.', ':', ' ', '–', '-']);
            return (Some(number), rest);
        }
    }
    match heading_number(text) {
        Some((n, at)) if !n.contains(' ') => (Some(n), &text[at..]),
        _ => (None, text),
    }
}

/// A title's label and the lines after it: the first `P` of its `TI`, and the others
/// (`ANNEX X` / `Legislative acts ...`); the whole `TI` where it has no `P`.
fn label_lines(title: Option<&Element>) -> (String, String) {
    let Some(ti) = title.and_then(|t| t.child("TI")) else {
        return (String::new(), String::new());
    };
    let lines: Vec<String> = ti
        .elements()
        .filter(|p| p.name == "P")
        .map(Element::text)
        .collect();
    match lines.split_first() {
        Some((first, rest)) => (first.clone(), rest.join(" ")),
        None => (ti.text(), String::new()),
    }
}

/// `NO="2"` → 2.
fn pi_number(data: &str) -> Option<u32> {
    let at = data.find("NO=")? + 3;
    data[at..]
        .trim_start_matches(['"', '\''])
        .split(|c: char| !c.is_ascii_digit())
        .next()?
        .parse()
        .ok()
}

/// What the act's bibliographic record and title say about it.
fn declare(top: &Element, b: &mut Builder) {
    let act = top.find("ACT").unwrap_or(top);
    let Some(bib) = act.child("BIB.INSTANCE") else {
        return;
    };
    let field = |parent: &Element, name: &str| parent.child(name).map(Element::text);
    let d = &mut b.declared;
    d.language = field(bib, "LG.DOC").map(|l| l.to_lowercase());
    d.adoption_date = bib
        .child("DATE")
        .and_then(|x| x.attr("ISO"))
        .and_then(iso_date);
    let lines: Vec<&Element> = act
        .child("TITLE")
        .and_then(|t| t.child("TI"))
        .map(|ti| ti.elements().filter(|p| p.name == "P").collect())
        .unwrap_or_default();
    let upper = |p: &Element| {
        let mut s = String::new();
        uc_text(p, false, &mut s);
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    if let Some(first) = lines.first() {
        d.document_type_line = Some(upper(first));
    }
    // The title follows the date line (`of 27 April 2016`); `(Text with EEA relevance)` is
    // none.
    let dated = lines.iter().position(|p| p.child("DATE").is_some());
    d.title = lines
        .iter()
        .skip(dated.map_or(1, |k| k + 1))
        .map(|p| p.text())
        .find(|t| !t.is_empty() && !t.starts_with('('));
    let no_doc = bib.child("NO.DOC");
    let number: Option<u32> = no_doc
        .and_then(|n| field(n, "NO.CURRENT"))
        .and_then(|n| n.parse().ok());
    let year: Option<u32> = no_doc
        .and_then(|n| field(n, "YEAR"))
        .and_then(|n| n.parse().ok());
    let domain = no_doc.and_then(|n| field(n, "COM"));
    let kind = lines.first().and_then(|p| words::act_kind(&p.text()));
    if let (Some(kind), Some(year), Some(number)) = (kind, year, number) {
        if let Some((id, celex, eli)) = act_identifiers(kind, domain.as_deref(), year, number) {
            d.act = Some(id);
            d.celex = celex;
            d.eli = eli;
        }
    }
    // Where the act was published: the issue's date is in a combined package's record.
    let coll = bib
        .find("COLL")
        .map(Element::text)
        .unwrap_or_else(|| "L".into());
    let issue = bib.find("DOCUMENT.REF").and_then(|r| field(r, "NO.OJ"));
    let published = top
        .find("BIB.OJ")
        .and_then(|o| o.child("DATE"))
        .and_then(|x| x.attr("ISO"))
        .and_then(iso_date)
        .and_then(|d| oj_date(&d));
    let first_page = bib
        .find("DOCUMENT.REF")
        .and_then(|r| field(r, "PAGE.FIRST"));
    d.oj_reference = match (published, issue, year, number) {
        (Some(date), Some(no), _, _) => Some(format!(
            "OJ {coll} {}, {date}, p. {}",
            no.trim_start_matches('0'),
            first_page.unwrap_or_else(|| "1".into())
        )),
        (Some(date), None, Some(y), Some(n)) => Some(format!("OJ {coll}, {y}/{n}, {date}")),
        _ => None,
    };
}

/// The text of `e` with `<HT TYPE="UC">` in capitals, as printed.
fn uc_text(e: &Element, upper: bool, out: &mut String) {
    for n in &e.children {
        match n {
            Node::Text(t) if upper => out.push_str(&t.to_uppercase()),
            Node::Text(t) => out.push_str(t),
            Node::Element(c) if c.name == "NOTE" => {}
            Node::Element(c) => uc_text(c, upper || c.attr("TYPE") == Some("UC"), out),
            _ => {}
        }
    }
}
