//! EUR-Lex HTML: an Official Journal act (`oj-*` classes, `oj`), a consolidated text
//! (`title-article-norm`, amendment markers, `consolidated`) and a Commission document made
//! from Word (`docVars`, `commission`). Each producer's class names are its vocabulary, kept
//! in one table per producer that maps them onto a [`Role`]; one walker reads every producer.
//! A page of no known producer is read by its tags (`h1`, `p`, `li`, `table`), with a warning.
//!
//! The parser is html5ever (through `scraper`), the HTML5 parsing rules (implied end tags,
//! misnested inline elements) for any page. But EUR-Lex writes XHTML, well-formed XML once
//! the void elements it leaves open (`<meta>`, `<link>`) are closed, and XML is read five
//! times faster: measured on the kit's four HTML files (parse only, release build),
//! html5ever reads 35–100 MB/s, roxmltree 280–390 MB/s, `tl` 360–715 MB/s (but `tl` follows
//! neither HTML5's rules nor XML's). html5ever took half of the extraction's time, so a
//! page that parses as XML is read as XML, and any other by html5ever.

mod commission;
mod consolidated;
mod nesting;
mod oj;

use std::collections::{HashMap, HashSet};

use crate::error::{Error, Result};
use crate::ingest::headings::{heading_number, part_level};
use crate::ingest::markup::build::Builder;
use crate::ingest::markup::tree::{self, Element, Node};
use crate::ingest::markup::words;
use crate::model::{BlockKind, Document, SourceFormat};

/// What an HTML element is, as a producer's table says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Not document text: scripts, running heads, amendment markers, a note's own number.
    Skip,
    Container,
    Para,
    /// A paragraph set in bold (an act's title lines).
    BoldPara,
    /// A part's label (`Article 1`, `CHAPTER I`, `ANNEX II`): its number; its title follows
    /// in an element of role [`Role::Title`].
    Label,
    /// The title of the label before it, or else a heading without a number.
    Title,
    /// A heading whose number its text or its `num` span gives (`1. CONTEXT`, `CHAPTER I`).
    Heading,
    /// A list item whose marker is its `num` span (or its grid's first column).
    Item,
    /// A list item in a two-cell table: marker cell, content cell (the OJ's recitals and
    /// points).
    MarkerTable,
    /// A footnote body; its number is the text of its first link.
    Note,
    /// A footnote call; its number is the body it links to.
    Call,
    Bold,
    Italic,
    Inline,
    Break,
    Table,
    Row,
    Cell,
}

/// What the standard tags are, where a producer's table names no class.
const TAGS: &[(&str, Role)] = &[
    ("head", Role::Skip),
    ("script", Role::Skip),
    ("style", Role::Skip),
    ("noscript", Role::Skip),
    ("img", Role::Skip),
    ("hr", Role::Skip),
    ("col", Role::Skip),
    ("colgroup", Role::Skip),
    ("html", Role::Container),
    ("body", Role::Container),
    ("div", Role::Container),
    ("section", Role::Container),
    ("article", Role::Container),
    ("main", Role::Container),
    ("ul", Role::Container),
    ("ol", Role::Container),
    ("dl", Role::Container),
    ("tbody", Role::Container),
    ("thead", Role::Container),
    ("tfoot", Role::Container),
    ("blockquote", Role::Container),
    ("center", Role::Container),
    ("p", Role::Para),
    ("dt", Role::Para),
    ("dd", Role::Para),
    ("pre", Role::Para),
    ("caption", Role::Para),
    ("address", Role::Para),
    ("li", Role::Item),
    ("h1", Role::Heading),
    ("h2", Role::Heading),
    ("h3", Role::Heading),
    ("h4", Role::Heading),
    ("h5", Role::Heading),
    ("h6", Role::Heading),
    ("b", Role::Bold),
    ("strong", Role::Bold),
    ("i", Role::Italic),
    ("em", Role::Italic),
    ("span", Role::Inline),
    ("a", Role::Inline),
    ("sup", Role::Inline),
    ("sub", Role::Inline),
    ("u", Role::Inline),
    ("font", Role::Inline),
    ("small", Role::Inline),
    ("abbr", Role::Inline),
    ("q", Role::Inline),
    ("cite", Role::Inline),
    ("br", Role::Break),
    ("table", Role::Table),
    ("tr", Role::Row),
    ("td", Role::Cell),
    ("th", Role::Cell),
];

/// A producer: its name, the role its classes give an element (`None`: the tag's), and what
/// its markup declares about the document.
struct Producer {
    name: &'static str,
    role: fn(&Element) -> Option<Role>,
    /// Whether its calls stand in brackets outside the link (`(<a>8</a>)`), to be dropped.
    bracketed_calls: bool,
    /// Whether a part's label and title may be set as plain paragraphs (Word's `Normal`
    /// style where the heading styles were not used): a paragraph that is a label alone
    /// is a label, and a short paragraph after it that reads as a title is its title.
    loose_headings: bool,
    /// The part of a legislative document an element opens, as the producer marks it.
    part: fn(&Element) -> Option<Part>,
}

/// A part of a legislative document, where a producer's markup opens it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Memorandum,
    /// An act's text, from its title.
    LegalText,
    /// The act a proposal proposes: its text after the memorandum.
    ProposedAct,
    FinancialStatement,
}

/// Read an HTML document. A page nested deeper than any document is refused (see
/// `nesting`).
pub fn read(bytes: &str) -> Result<Document> {
    read_as(bytes, true)
}

/// Read an HTML document, as XML when `xml_first` and it can be.
fn read_as(bytes: &str, xml_first: bool) -> Result<Document> {
    let voids = nesting::scan(bytes, nesting::MAX_NESTING).map_err(|at| {
        Error::Budget(format!(
            "the HTML nests its elements more than {} deep (at byte {at})",
            nesting::MAX_NESTING
        ))
    })?;
    let xhtml = close_voids(bytes, &voids).filter(|_| xml_first);
    let xml = xhtml.as_deref().and_then(parse_xhtml);
    let html;
    let (root, cut) = match &xml {
        Some(doc) => tree::from_xml(doc),
        None => {
            html = scraper::Html::parse_document(bytes);
            tree::from_html(&html)
        }
    };
    let mut marks = Marks::default();
    marks.survey(&root);
    let (producer, declare): (Producer, fn(&Element, &mut Builder)) =
        if marks.commission || root.first_comment(&|c| c.contains("docVars")).is_some() {
            (commission::PRODUCER, commission::declare)
        } else if marks.consolidated {
            (consolidated::PRODUCER, consolidated::declare)
        } else if marks.oj {
            (oj::PRODUCER, oj::declare)
        } else {
            (
                Producer {
                    name: "HTML",
                    role: |_| None,
                    bracketed_calls: false,
                    loose_headings: false,
                    part: |_| None,
                },
                |_, _| {},
            )
        };
    let mut w = Walker::new(&root, producer);
    if w.producer.name == "HTML" {
        w.b.warn(
            "HTML: markup not known: no EUR-Lex producer's classes, read by its tags (headings, paragraphs, lists, tables)"
                .to_string(),
        );
    }
    if cut {
        w.b.warn(format!(
            "HTML: markup not known: elements nested more than {} deep read as their text",
            tree::MAX_DEPTH
        ));
    }
    declare(&root, &mut w.b);
    w.node_children(&root);
    Ok(w.finish())
}

/// The page with its void elements closed as XHTML closes them (`<br>` → `<br/>`), if it
/// opens as XHTML does: an XML declaration, a doctype or the `<html` tag first.
fn close_voids(page: &str, voids: &[usize]) -> Option<String> {
    let head = page.trim_start_matches('\u{feff}').trim_start();
    if !(head.starts_with("<?xml") || head.starts_with("<!DOCTYPE") || head.starts_with("<html")) {
        return None;
    }
    let mut out = String::with_capacity(page.len() + voids.len());
    let mut from = 0;
    for &at in voids {
        out.push_str(&page[from..at]);
        out.push('/');
        from = at;
    }
    out.push_str(&page[from..]);
    Some(out)
}

/// An XHTML page read as XML, when it is well-formed and writes its elements in HTML's
/// lower case (the readers' tables name them so); `None` sends it to the HTML parser.
fn parse_xhtml(text: &str) -> Option<roxmltree::Document<'_>> {
    let opts = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..roxmltree::ParsingOptions::default()
    };
    let doc = roxmltree::Document::parse_with_options(text, opts).ok()?;
    let lower = doc
        .descendants()
        .filter(|n| n.is_element())
        .all(|n| !n.tag_name().name().bytes().any(|c| c.is_ascii_uppercase()));
    lower.then_some(doc)
}

/// The classes that tell the producers apart, as a page uses them.
#[derive(Default)]
struct Marks {
    commission: bool,
    consolidated: bool,
    oj: bool,
}

impl Marks {
    fn survey(&mut self, e: &Element) {
        for c in e.classes() {
            match c {
                "Rfrenceinstitutionnelle" => self.commission = true,
                "title-article-norm" | "hd-modifiers" => self.consolidated = true,
                _ => self.oj |= c.starts_with("oj-"),
            }
        }
        for c in e.elements() {
            if self.commission {
                return;
            }
            self.survey(c);
        }
    }
}

struct Walker<'a> {
    b: Builder,
    producer: Producer,
    /// Every element id of the page, to tell a note whose call the page leaves out.
    ids: HashSet<&'a str>,
    /// The number of each footnote body, by the ids of its links and of itself.
    note_numbers: HashMap<&'a str, u32>,
    /// A part's label waiting for its title: its number and the text it was written as.
    label: Option<(String, String)>,
    in_note: bool,
    depth: u8,
    /// Where each part opened (the first time it did).
    parts: Vec<(Part, usize)>,
}

impl<'a> Walker<'a> {
    fn new(root: &'a Element, producer: Producer) -> Self {
        let mut w = Walker {
            b: Builder::new(),
            producer,
            ids: HashSet::new(),
            note_numbers: HashMap::new(),
            label: None,
            in_note: false,
            depth: 0,
            parts: Vec::new(),
        };
        w.index(root);
        w
    }

    /// Every element's id, and each footnote body's number by its ids and its links' ids.
    fn index(&mut self, e: &'a Element) {
        self.ids.extend(e.attr("id"));
        if (self.producer.role)(e) == Some(Role::Note) {
            if let Some(number) = note_number(e) {
                self.note_numbers
                    .extend(e.attr("id").map(|id| (id, number)));
                let mut links = Vec::new();
                e.find_all(&|x| x.name == "a" && x.attr("id").is_some(), &mut links);
                for a in links {
                    self.note_numbers
                        .extend(a.attr("id").map(|id| (id, number)));
                }
            }
        }
        for c in e.elements() {
            self.index(c);
        }
    }

    fn finish(mut self) -> Document {
        self.flush_label();
        self.b.end();
        self.declare_parts();
        let bracketed = self.producer.bracketed_calls;
        let mut doc = self.b.finish(SourceFormat::Html, self.producer.name);
        if bracketed {
            for block in &mut doc.blocks {
                strip_call_brackets(&mut block.para);
            }
        }
        doc
    }

    fn role(&self, e: &Element) -> Option<Role> {
        (self.producer.role)(e).or_else(|| TAGS.iter().find(|(t, _)| *t == e.name).map(|&(_, r)| r))
    }

    fn node_children(&mut self, e: &Element) {
        for n in &e.children {
            self.node(n);
        }
    }

    fn node(&mut self, n: &Node) {
        match n {
            Node::Text(t) => {
                if !t.trim().is_empty() {
                    self.flush_label();
                }
                self.b.text(t);
            }
            Node::Element(e) => self.element(e),
            _ => {}
        }
    }

    /// The parts as the markup opened them: each runs to the next one or to the end. A
    /// proposal's act counts after its memorandum only (the cover page names the act too).
    fn declare_parts(&mut self) {
        let end = self.b.position();
        let memorandum = self
            .parts
            .iter()
            .find(|(p, _)| *p == Part::Memorandum)
            .map(|&(_, at)| at);
        let mut marks: Vec<(Part, usize)> = self
            .parts
            .iter()
            .copied()
            .filter(|&(p, at)| p != Part::ProposedAct || memorandum.is_some_and(|m| at > m))
            .collect();
        marks.sort_by_key(|&(_, at)| at);
        marks.dedup_by_key(|(p, _)| *p);
        let d = &mut self.b.declared.parts;
        for (k, &(part, start)) in marks.iter().enumerate() {
            let stop = marks.get(k + 1).map_or(end, |&(_, at)| at);
            if stop <= start {
                continue;
            }
            let range = Some(start..stop);
            match part {
                Part::Memorandum => d.memorandum = range,
                Part::LegalText | Part::ProposedAct => d.legal_text = range,
                Part::FinancialStatement => d.financial_statement = range,
            }
        }
    }

    /// Note where a part opens (an element of a class that opens one).
    fn mark_part(&mut self, e: &Element) {
        if e.attr("class").is_none() {
            return;
        }
        if let Some(part) = (self.producer.part)(e) {
            self.flush_label();
            self.b.end();
            self.parts.push((part, self.b.position()));
        }
    }

    fn element(&mut self, e: &Element) {
        self.mark_part(e);
        let Some(role) = self.role(e) else {
            self.b.unknown(e.name);
            self.node_children(e);
            return;
        };
        if self.in_note
            && matches!(
                role,
                Role::Para | Role::BoldPara | Role::Container | Role::Item | Role::Heading
            )
        {
            self.b.space();
            self.node_children(e);
            self.b.space();
            return;
        }
        match role {
            Role::Skip => {}
            Role::Container => {
                self.b.end_unless_fresh();
                self.node_children(e);
                self.b.end_unless_fresh();
            }
            Role::Para | Role::BoldPara
                if self.producer.loose_headings && self.loose_heading(e) => {}
            Role::Para | Role::BoldPara => {
                self.para();
                if role == Role::BoldPara {
                    self.b.bold(true);
                }
                self.node_children(e);
                self.b.end();
            }
            Role::Label => {
                self.flush_label();
                let text = e.text();
                match words::part_number(&text).or_else(|| words::article_number(&text)) {
                    Some(n) => self.label = Some((n, text)),
                    None => self.heading(e),
                }
            }
            Role::Title if self.label.is_some() => self.title(e),
            Role::Title => self.heading(e),
            Role::Heading => self.heading(e),
            Role::Item => {
                self.flush_label();
                let marker = item_marker(e);
                self.b.start(BlockKind::ListItem {
                    marker,
                    depth: self.depth,
                });
                self.depth += 1;
                self.node_children(e);
                self.depth -= 1;
                self.b.end();
            }
            Role::MarkerTable => self.marker_table(e),
            Role::Note => {
                self.flush_label();
                let number = note_number(e).unwrap_or(0);
                self.b.end();
                self.b.start(BlockKind::Footnote { number });
                let backlink = first_link(e).and_then(|a| a.attr("href"));
                if backlink.is_some_and(|h| {
                    h.starts_with('#') && !self.ids.contains(&h[1..]) && h.len() > 1
                }) {
                    let at = self.b.position();
                    self.b.declared.called_outside.push(at);
                }
                let outer = std::mem::replace(&mut self.in_note, true);
                self.note_body(e);
                self.in_note = outer;
                self.b.end();
            }
            Role::Call => {
                let number = e
                    .attr("href")
                    .and_then(|h| h.strip_prefix('#'))
                    .and_then(|id| self.note_numbers.get(id).copied())
                    .or_else(|| digits(&e.text()));
                match number {
                    Some(n) => self.b.call(n),
                    None => self.node_children(e),
                }
            }
            Role::Bold | Role::Italic => {
                let bold = role == Role::Bold;
                if bold {
                    self.b.bold(true);
                } else {
                    self.b.italic(true);
                }
                self.node_children(e);
                if bold {
                    self.b.bold(false);
                } else {
                    self.b.italic(false);
                }
            }
            Role::Inline => {
                // A note's call as a plain `<a href="#...">` to a known body.
                let call = e
                    .attr("href")
                    .and_then(|h| h.strip_prefix('#'))
                    .and_then(|id| self.note_numbers.get(id).copied());
                match call {
                    Some(n) if !self.in_note => self.b.call(n),
                    _ => self.node_children(e),
                }
            }
            Role::Break => self.b.space(),
            Role::Table => {
                self.flush_label();
                if self.b.table_start() {
                    self.node_children(e);
                    self.b.table_end();
                } else {
                    self.node_children(e);
                }
            }
            Role::Row => {
                if self.b.in_table() {
                    self.b.row_start();
                }
                self.node_children(e);
            }
            Role::Cell => {
                if self.b.in_table() {
                    self.b.cell_start();
                } else {
                    self.b.space();
                }
                self.node_children(e);
                self.b.end_unless_fresh();
            }
        }
    }

    /// A paragraph that is a part's label alone, or the title after one: read as such.
    fn loose_heading(&mut self, e: &Element) -> bool {
        // Without a label waiting, only a paragraph that opens with a part's word can be one
        // (most paragraphs do not, and this runs on each of them).
        if self.label.is_none() && !opens_with_part_word(e) {
            return false;
        }
        // A label and a title are a few words; a long paragraph can hold a title only on its
        // first line, after a label.
        let Some(text) = e.short_text(1000) else {
            return self.label.is_some() && self.first_line_title(e);
        };
        if is_lone_label(&text) {
            self.flush_label();
            self.label = words::part_number(&text).map(|n| (n, text));
            return true;
        }
        if self.label.is_some() && reads_as_title(&text) {
            self.title(e);
            return true;
        }
        // `<span>Section 4</span><br/>Removal obligations`: the label in a span or on a
        // line of its own, the title after it.
        if let Some((number, title)) = label_split(e).filter(|(_, t)| reads_as_title(t)) {
            self.flush_label();
            self.labelled_heading(number, &title);
            return true;
        }
        self.label.is_some() && self.first_line_title(e)
    }

    /// A title on the first line and more after a line break (`TEMPLATE FOR REPORTS<br/>
    /// referred to in Article 13(2)`): the first line is the label's title, the rest a
    /// paragraph.
    fn first_line_title(&mut self, e: &Element) -> bool {
        let Some(k) = e
            .children
            .iter()
            .position(|c| matches!(c, Node::Element(x) if x.name == "br"))
        else {
            return false;
        };
        let first = Element {
            name: e.name,
            attrs: Vec::new(),
            children: e.children[..k].to_vec(),
        };
        if !first.short_text(1000).is_some_and(|t| reads_as_title(&t)) {
            return false;
        }
        self.title(&first);
        self.b.start(BlockKind::Paragraph);
        for c in &e.children[k + 1..] {
            self.node(c);
        }
        self.b.end();
        true
    }

    /// A heading numbered `number` (a part's label) with `title` as its text.
    fn labelled_heading(&mut self, number: String, title: &str) {
        self.b.start(BlockKind::Heading {
            level: part_level(&number),
            number: Some(number),
        });
        self.b.text(title);
        self.b.end();
    }

    /// The pending label's heading with `e`'s content as its title.
    fn title(&mut self, e: &Element) {
        let Some((number, _)) = self.label.take() else {
            return;
        };
        let level = part_level(&number);
        self.b.start(BlockKind::Heading {
            level,
            number: Some(number),
        });
        for c in &e.children {
            match c {
                Node::Element(x) if x.has_class("num") => {}
                _ => self.node(c),
            }
        }
        self.b.end();
    }

    /// Open a paragraph, unless a list item has just opened for this text.
    fn para(&mut self) {
        self.flush_label();
        let fresh = self.b.open_is_empty()
            && matches!(
                self.b.open_kind(),
                Some(BlockKind::ListItem { .. } | BlockKind::Heading { .. })
            );
        if !fresh {
            self.b.start(BlockKind::Paragraph);
        }
    }

    /// A label whose title never came: a heading without a title.
    fn flush_label(&mut self) {
        if let Some((number, _)) = self.label.take() {
            let level = part_level(&number);
            self.b.start(BlockKind::Heading {
                level,
                number: Some(number),
            });
            self.b.end();
        }
    }

    /// A heading whose number is in its `num` span or its text; the title is the rest. A
    /// heading with no number of its own after a lone label is that label's title.
    fn heading(&mut self, e: &Element) {
        let text = e.text();
        // An empty `num` span numbers nothing (`<span class="num"/>CHAPTER III`).
        let num = e
            .elements()
            .find(|c| c.has_class("num"))
            .map(Element::text)
            .filter(|n| !n.trim().is_empty());
        let numbered =
            num.is_some() || words::part_number(&text).is_some() || heading_number(&text).is_some();
        if self.label.is_some() && !numbered {
            self.title(e);
            return;
        }
        self.flush_label();
        let num_decides = num
            .as_deref()
            .is_some_and(|n| n.trim().starts_with(|c: char| c.is_ascii_digit()));
        if !num_decides && words::part_number(&text).is_none() && opens_with_part_word(e) {
            // `<span>Section 1</span><span>Risk assessment</span>`: the label is its own span.
            if let Some((number, title)) = label_split(e) {
                self.labelled_heading(number, &title);
                return;
            }
        }
        let (number, title_at) = match num.as_deref().map(str::trim) {
            Some(n) if n.starts_with(|c: char| c.is_ascii_digit()) => {
                (Some(n.trim_end_matches('.').to_string()), None)
            }
            // A bullet (`•`), or a `num` span that HTML's parser let run over the text (Word's
            // `<span class="num"/>` opens a span): the text decides.
            _ => match words::part_number(&text) {
                // `CHAPTER I` alone: its title follows.
                Some(n) if text.split_whitespace().count() <= 2 => {
                    self.label = Some((n, text));
                    return;
                }
                _ => match heading_number(&text) {
                    Some((n, at)) => (Some(n), Some(at)),
                    None => (None, None),
                },
            },
        };
        let level = number.as_deref().map_or(2, |n| {
            if n.contains(' ') {
                part_level(n)
            } else {
                n.split('.').count().min(6) as u8
            }
        });
        // A `num` span that decided nothing holds the text itself (HTML's parser let
        // `<span class="num"/>` run over it): the whole text is the title.
        let runaway = num.is_some() && number.is_none();
        self.b.start(BlockKind::Heading { level, number });
        match title_at {
            // The number is in the text: the title is what follows it.
            Some(at) => self.b.text(text[at..].trim()),
            None if runaway => self.node_children(e),
            None => {
                for c in &e.children {
                    match c {
                        Node::Element(x) if x.has_class("num") => {}
                        _ => self.node(c),
                    }
                }
            }
        }
        self.b.end();
    }

    /// A two-cell table whose first cell is a marker: a list item, nested items deeper.
    fn marker_table(&mut self, e: &Element) {
        self.flush_label();
        let cells = marker_cells(e);
        let Some((marker, content)) = cells else {
            // Not of that shape after all: a table.
            if self.b.table_start() {
                self.node_children(e);
                self.b.table_end();
            }
            return;
        };
        self.b.start(BlockKind::ListItem {
            marker,
            depth: self.depth,
        });
        self.depth += 1;
        self.node_children(content);
        self.depth -= 1;
        self.b.end();
    }

    /// A note's text: its own number's link (and the brackets around it) left out.
    fn note_body(&mut self, e: &Element) {
        let mut seen_number = false;
        self.note_nodes(e, &mut seen_number);
    }

    fn note_nodes(&mut self, e: &Element, seen_number: &mut bool) {
        let mut after_number = false;
        for n in &e.children {
            match n {
                Node::Element(a) if !*seen_number && (a.name == "a" || a.has_class("num")) => {
                    *seen_number = true;
                    after_number = true;
                }
                Node::Element(x) if !*seen_number => self.note_nodes(x, seen_number),
                Node::Text(_) if !*seen_number => {}
                // The bracket closing the number when the link holds the digits only.
                Node::Text(t) if after_number => {
                    after_number = false;
                    let rest = t.trim_start();
                    self.b.text(rest.strip_prefix(')').unwrap_or(rest));
                }
                _ => {
                    after_number = false;
                    self.node(n);
                }
            }
        }
    }
}

/// A paragraph that holds a part's label alone: `Article 12`, `CHAPTER III`, `ANNEX I:`.
fn is_lone_label(text: &str) -> bool {
    text.split_whitespace().count() == 2 && words::part_number(text).is_some()
}

/// A part's label that the markup sets apart from the text after it, in spans of its own or
/// on a line of its own (`<span>Section</span><span> </span><span>2</span><span>Powers
/// of ...</span>`, `Section 4<br/>Removal obligations`): its number and the rest, which
/// opens with a capital (`<span>Chapter III</span><span> contains ...</span>` is a sentence).
fn label_split(e: &Element) -> Option<(String, String)> {
    let mut pieces = Vec::new();
    leaf_texts(e, &mut pieces);
    let mut label = String::new();
    for (k, piece) in pieces.iter().enumerate() {
        label.push_str(piece);
        if label.split_whitespace().count() > 2 {
            return None;
        }
        // `SECTION 1: Addressee` is a form's line, set the same way whether or not its label
        // has a span of its own.
        if !is_lone_label(&label) || label.trim_end().ends_with(':') {
            continue;
        }
        let rest: String = pieces[k + 1..].concat();
        // A number cut between two spans (`Annex I` + `I`) is not a label and its title.
        let glued = !label.ends_with(char::is_whitespace) && !rest.starts_with(char::is_whitespace);
        let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
        let first = rest.split_whitespace().next().unwrap_or("");
        if !rest.starts_with(|c: char| c.is_uppercase())
            || (glued && words::part_number(&format!("{label}{first}")).is_some())
        {
            continue;
        }
        return words::part_number(&label).map(|n| (n, rest));
    }
    None
}

/// Whether the text of `e` opens with a word that names a part (`Section`, `ARTICLE`),
/// looked at without building the text.
fn opens_with_part_word(e: &Element) -> bool {
    fn first_word(e: &Element, word: &mut String) -> bool {
        for n in &e.children {
            match n {
                Node::Text(t) => {
                    let t = if word.is_empty() { t.trim_start() } else { t };
                    let end = t.find(char::is_whitespace);
                    word.push_str(&t[..end.unwrap_or(t.len())]);
                    // Done at a space after the word, or when it is too long for one.
                    if (end.is_some() && !word.is_empty()) || word.len() > 24 {
                        return true;
                    }
                }
                Node::Element(x) if x.name == "br" && !word.is_empty() => return true,
                Node::Element(x) if first_word(x, word) => return true,
                _ => {}
            }
        }
        false
    }
    let mut word = String::new();
    first_word(e, &mut word);
    word.len() <= 24 && words::part_number(&word).is_some()
}

/// The texts under `e` as its markup cuts them: each text node a piece, a line break a
/// space of its own.
fn leaf_texts<'b>(e: &'b Element, out: &mut Vec<&'b str>) {
    for n in &e.children {
        match n {
            Node::Text(t) => out.push(t),
            Node::Element(x) if x.name == "br" => out.push(" "),
            Node::Element(x) => leaf_texts(x, out),
            _ => {}
        }
    }
}

/// A short line that reads as a title: a few words, not ending as a sentence or a lead-in.
fn reads_as_title(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.split_whitespace().count() <= 20
        && !t.ends_with(['.', ';', ':', ','])
        && !is_lone_label(t)
}

/// The number of a footnote body: the digits of its first link (`(1)`, `1`).
fn note_number(e: &Element) -> Option<u32> {
    first_link(e).and_then(|a| digits(&a.text()))
}

fn first_link<'b, 'a>(e: &'b Element<'a>) -> Option<&'b Element<'a>> {
    e.find("a")
}

fn digits(t: &str) -> Option<u32> {
    let d: String = t
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(char::is_ascii_digit)
        .collect();
    d.parse().ok()
}

/// A list item's marker: its `num` span, anywhere in its first element, or `-`.
fn item_marker(e: &Element) -> String {
    let found = e.find_first(&|x| {
        x.classes()
            .any(|c| matches!(c, "num" | "no-parag" | "grid-list-column-1"))
    });
    match found.map(Element::text) {
        // A Wingdings bullet (`\u{9f}`) is a bullet.
        Some(m) if m.chars().all(|c| c.is_control() || c == '\u{9f}') => "•".to_string(),
        Some(m) if !m.is_empty() => m,
        _ => "-".to_string(),
    }
}

/// The marker and content cells of a two-cell table whose first cell is a short marker
/// (`(1)`, `(a)`, `—`, `1.`).
fn marker_cells<'b, 'a>(table: &'b Element<'a>) -> Option<(String, &'b Element<'a>)> {
    // The table's own rows, not those of a table inside a cell.
    let rows: Vec<&Element<'a>> = table
        .elements()
        .flat_map(|c| {
            if c.name == "tr" {
                vec![c]
            } else if matches!(c.name, "tbody" | "thead" | "tfoot") {
                c.elements().filter(|r| r.name == "tr").collect()
            } else {
                Vec::new()
            }
        })
        .collect();
    let [row] = rows.as_slice() else {
        return None;
    };
    let cells: Vec<&Element> = row.elements().filter(|c| c.name == "td").collect();
    let [marker, content] = cells.as_slice() else {
        return None;
    };
    let m = marker.text();
    let short = !m.is_empty() && m.chars().count() <= 8 && !m.contains(' ');
    short.then_some((m, *content))
}

/// Drop the brackets a producer sets around a call outside its link (`Directive (8) shall`
/// → `Directive shall`), and a body's own `()` left where its number was.
fn strip_call_brackets(para: &mut crate::model::Para) {
    for k in (0..para.calls.len()).rev() {
        let at = para.calls[k].at;
        let t = &para.text;
        let before = t[..at].trim_end_matches(' ');
        let after = &t[at..];
        if before.ends_with('(') && after.trim_start_matches(' ').starts_with(')') {
            let open = before.len() - 1;
            let close = at + (after.len() - after.trim_start_matches(' ').len()) + 1;
            // Keep one space where the brackets stood between two words.
            let space_before = t[..open].ends_with(' ');
            let start = if space_before && !t[close..].starts_with([' ', '.', ',', ';', ')']) {
                open
            } else {
                open - usize::from(space_before)
            };
            para.remove(start..close);
            para.calls[k].at = start;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The headings (number, title) and the other blocks' texts of a Commission page.
    fn commission(body: &str) -> (Vec<(Option<String>, String)>, Vec<String>) {
        let page = format!(
            "<html><head><!-- docVars [name=LW_LANGUE;value=\"EN\"] --></head><body>{body}</body></html>"
        );
        let doc = read(&page).unwrap();
        let mut headings = Vec::new();
        let mut paras = Vec::new();
        for b in &doc.blocks {
            match &b.kind {
                BlockKind::Heading { number, .. } => {
                    headings.push((number.clone(), b.para.text.clone()))
                }
                _ => paras.push(b.para.text.clone()),
            }
        }
        (headings, paras)
    }

    #[test]
    fn a_label_set_apart_by_markup_is_a_heading() {
        let (h, p) = commission(concat!(
            // Word's empty `num` span, which HTML's parser lets run over the text.
            r#"<p class="li ManualHeading2"><span class="num"/><span>Section 1</span><span>Risk assessment </span><span>obligations</span></p>"#,
            r#"<p class="li ManualHeading2"><span class="num"/><span>Section</span><span> </span><span>2</span><span>Powers</span></p>"#,
            r#"<p class="Normal"><span>Section 4</span><span><br/>Removal obligations</span></p>"#,
            r#"<p class="Normal"><span>Section 5</span><br/><span>B</span><span>locking obligations</span></p>"#,
            // A sentence that opens with a label, a number cut in two spans, a form's line.
            r#"<p class="Normal"><span>Chapter III</span><span> contains provisions.</span></p>"#,
            r#"<p class="BodyText"><span>SECTION 1: </span><span>Authorities</span></p>"#,
            r#"<p class="li ManualHeading2"><span class="num"/><span>Annex I</span><span>I</span></p>"#,
        ));
        let numbered = |n: &str, t: &str| (Some(n.to_string()), t.to_string());
        assert_eq!(
            h,
            [
                numbered("Section 1", "Risk assessment obligations"),
                numbered("Section 2", "Powers"),
                numbered("Section 4", "Removal obligations"),
                numbered("Section 5", "Blocking obligations"),
                numbered("Annex II", ""),
            ]
        );
        assert_eq!(
            p,
            ["Chapter III contains provisions.", "SECTION 1: Authorities"]
        );
    }

    #[test]
    fn a_title_is_the_first_line_of_a_longer_paragraph() {
        let (h, p) = commission(concat!(
            r#"<p class="Annexetitre"><span>ANNEX II:</span></p>"#,
            r#"<p class="Normal"><span>TEMPLATE FOR REPORTS</span><br/><span>referred to in Article 13(2) of Regulation (EU) .../... [laying down rules to prevent and combat child sexual abuse]</span></p>"#,
        ));
        assert_eq!(
            h,
            [(
                Some("Annex II".to_string()),
                "TEMPLATE FOR REPORTS".to_string()
            )]
        );
        assert_eq!(p.len(), 1);
        assert!(p[0].starts_with("referred to in Article 13(2)"), "{p:?}");
    }

    /// The fixtures' pages read by html5ever and as XML give the same blocks.
    #[test]
    fn xhtml_reads_the_same_as_xml_and_as_html() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        for name in ["html-oj-act", "html-consolidated", "html-commission"] {
            let page = std::fs::read_to_string(dir.join(name).join("input.html")).unwrap();
            let voids = nesting::scan(&page, 100).unwrap();
            assert!(
                close_voids(&page, &voids).is_some_and(|x| parse_xhtml(&x).is_some()),
                "{name} is no XHTML"
            );
            let blocks = |xml: bool| {
                let doc = read_as(&page, xml).unwrap();
                let blocks: Vec<String> = doc
                    .blocks
                    .iter()
                    .map(|b| format!("{:?} {} {:?}", b.kind, b.para.text, b.para.calls))
                    .collect();
                (blocks, doc.declared.act, doc.declared.title)
            };
            assert_eq!(blocks(true), blocks(false), "{name}");
        }
    }

    #[test]
    fn brackets_around_a_call_go() {
        let mut b = crate::model::ParaBuilder::new();
        b.push_source("Framework Directive (", 0);
        b.call(8);
        b.push_source(") shall apply.", 21);
        let mut p = b.finish();
        strip_call_brackets(&mut p);
        assert_eq!(p.text, "Framework Directive shall apply.");
        assert_eq!(p.calls[0].at, "Framework Directive".len());
    }
}
