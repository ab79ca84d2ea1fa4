//! Akoma Ntoso (OASIS LegalDocML), as the Commission's drafting tool exports it (AKN4EU):
//! the FRBR identification (`FRBRnumber` `COM(2025) 162`, `FRBRlanguage`), the preface's
//! `docStage` / `docType` / `docPurpose` and `docketNumber`, the preamble's citations and
//! recitals, the body's `chapter` / `section` / `article` with their `num` and `heading`,
//! and `authorialNote marker="(1)"` footnotes where they are called.
//!
//! [`ROLES`] maps each element onto what it is in the model.

use crate::citation::squash;
use crate::ingest::headings::part_level;
use crate::ingest::markup::Walk;
use crate::ingest::markup::build::Builder;
use crate::ingest::markup::tree::{Element, Node};
use crate::ingest::markup::words;
use crate::model::{BlockKind, Document, SourceFormat};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// Metadata, read apart, or a reference to a separate file (`documentRef`).
    Skip,
    Container,
    Para,
    /// A numbered unit whose `num` is its marker: a recital, a point, a numbered paragraph.
    Item,
    /// A unit of the act's hierarchy, named by its element: `Chapter I`, `Article 12`.
    Part(&'static str),
    Note,
    Quoted,
    Table,
    Row,
    Cell,
    Bold,
    Italic,
    Inline,
    Break,
}

/// The Akoma Ntoso elements this reader knows. Anything else is read as text and reported.
const ROLES: &[(&str, Role)] = &[
    ("meta", Role::Skip),
    ("documentRef", Role::Skip),
    ("num", Role::Skip),
    ("heading", Role::Skip),
    ("akomaNtoso", Role::Container),
    ("bill", Role::Container),
    ("act", Role::Container),
    ("doc", Role::Container),
    ("documentCollection", Role::Container),
    ("preface", Role::Container),
    ("preamble", Role::Container),
    ("body", Role::Container),
    ("mainBody", Role::Container),
    ("conclusions", Role::Container),
    ("citations", Role::Container),
    ("citation", Role::Container),
    ("recitals", Role::Container),
    ("formula", Role::Container),
    ("longTitle", Role::Container),
    ("container", Role::Container),
    ("intro", Role::Container),
    ("wrapUp", Role::Container),
    ("content", Role::Container),
    ("list", Role::Container),
    ("blockList", Role::Container),
    ("subparagraph", Role::Container),
    ("alinea", Role::Container),
    ("block", Role::Container),
    ("attachments", Role::Container),
    ("attachment", Role::Container),
    ("coverPage", Role::Container),
    ("p", Role::Para),
    ("docStage", Role::Para),
    ("docType", Role::Para),
    ("docPurpose", Role::Para),
    ("signature", Role::Para),
    ("recital", Role::Item),
    ("paragraph", Role::Item),
    ("point", Role::Item),
    ("indent", Role::Item),
    ("item", Role::Item),
    ("book", Role::Part("Book")),
    ("part", Role::Part("Part")),
    ("title", Role::Part("Title")),
    ("chapter", Role::Part("Chapter")),
    ("section", Role::Part("Section")),
    ("subsection", Role::Part("Section")),
    ("article", Role::Part("Article")),
    ("authorialNote", Role::Note),
    ("quotedStructure", Role::Quoted),
    ("table", Role::Table),
    ("tr", Role::Row),
    ("th", Role::Cell),
    ("td", Role::Cell),
    ("b", Role::Bold),
    ("i", Role::Italic),
    ("u", Role::Inline),
    ("sup", Role::Inline),
    ("sub", Role::Inline),
    ("span", Role::Inline),
    ("inline", Role::Inline),
    ("ref", Role::Inline),
    ("mref", Role::Inline),
    ("a", Role::Inline),
    ("date", Role::Inline),
    ("docketNumber", Role::Inline),
    ("docNumber", Role::Inline),
    ("docTitle", Role::Inline),
    ("docDate", Role::Inline),
    ("docProponent", Role::Inline),
    ("location", Role::Inline),
    ("organization", Role::Inline),
    ("role", Role::Inline),
    ("person", Role::Inline),
    ("term", Role::Inline),
    ("def", Role::Inline),
    ("quotedText", Role::Inline),
    ("shortTitle", Role::Inline),
    ("concept", Role::Inline),
    ("entity", Role::Inline),
    ("abbr", Role::Inline),
    ("eol", Role::Break),
    ("eop", Role::Break),
    ("br", Role::Break),
];

fn role(name: &str) -> Option<Role> {
    ROLES.iter().find(|(n, _)| *n == name).map(|&(_, r)| r)
}

struct Reader {
    b: Builder,
    notes: u32,
    in_note: bool,
    quoted: usize,
    depth: u8,
}

pub fn read(top: &Element) -> Document {
    let mut r = Reader {
        b: Builder::new(),
        notes: 0,
        in_note: false,
        quoted: 0,
        depth: 0,
    };
    declare(top, &mut r.b);
    r.node_children(top);
    r.b.end();
    let end = r.b.position();
    if end > 0 {
        r.b.declared.parts.legal_text = Some(0..end);
    }
    r.b.finish(SourceFormat::Akn, "Akoma Ntoso")
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
            Node::Text(t) => self.b.text(t),
            Node::Element(e) => self.element(e),
            _ => {}
        }
    }

    fn element(&mut self, e: &Element) {
        let Some(role) = role(e.name) else {
            self.b.unknown(e.name);
            self.node_children(e);
            return;
        };
        if self.in_note && matches!(role, Role::Para | Role::Container | Role::Item) {
            self.b.space();
            self.node_children(e);
            self.b.space();
            return;
        }
        match role {
            Role::Skip => {}
            Role::Container => {
                self.b.end_unless_fresh();
                let start = self.b.position();
                // A list's points sit one level under its paragraph.
                let list = e.name == "list" || e.name == "blockList";
                self.depth += u8::from(list);
                self.node_children(e);
                self.depth -= u8::from(list);
                self.b.end_unless_fresh();
                if e.name == "recitals" && self.quoted == 0 {
                    self.b.declared.parts.recitals = Some(start..self.b.position());
                }
            }
            Role::Para => {
                let fresh = self.b.open_is_empty()
                    && matches!(self.b.open_kind(), Some(BlockKind::ListItem { .. }));
                if !fresh {
                    self.b.start(BlockKind::Paragraph);
                }
                if e.name == "signature" {
                    // A signature's parts stand apart (`For the Council The President`).
                    for c in &e.children {
                        self.node(c);
                        self.b.space();
                    }
                } else {
                    self.node_children(e);
                }
                self.b.end();
            }
            Role::Item => {
                match e.child("num").map(Element::text) {
                    Some(marker) => self.b.start(BlockKind::ListItem {
                        marker,
                        depth: self.depth.saturating_sub(1),
                    }),
                    None => self.b.end(),
                }
                self.node_children(e);
                self.b.end();
            }
            Role::Part(kind) => self.part(e, kind),
            Role::Note => {
                let number = e
                    .attr("marker")
                    .and_then(|m| m.trim_matches(|c: char| !c.is_ascii_digit()).parse().ok())
                    .unwrap_or(self.notes + 1);
                self.notes = number;
                self.b.call(number);
                self.b.note_start(number);
                let outer = std::mem::replace(&mut self.in_note, true);
                self.node_children(e);
                self.in_note = outer;
                self.b.note_end();
            }
            Role::Quoted => self.quotation(e),
            Role::Table => self.table(e),
            Role::Row => self.row(e),
            Role::Cell => self.cell(e),
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
            Role::Inline => self.node_children(e),
            Role::Break => self.b.space(),
        }
    }

    /// A unit of the hierarchy: a heading numbered by its kind and `num` (`Article 12`), its
    /// `heading` the title, then its content.
    fn part(&mut self, e: &Element, kind: &str) {
        let num = e.child("num").map(Element::text).unwrap_or_default();
        let number = if kind == "Article" {
            words::article_number(&num)
        } else {
            num.split_whitespace()
                .next_back()
                .map(|n| format!("{kind} {}", n.trim_end_matches(['.', ':'])))
        };
        let heading = e.child("heading");
        if self.quoted > 0 {
            self.b.start(BlockKind::Paragraph);
            self.b.text(&num);
            self.b.end();
            if let Some(h) = heading {
                self.b.start(BlockKind::Paragraph);
                self.node_children(h);
                self.b.end();
            }
        } else {
            if number.is_none() {
                self.b.warn(format!(
                    "Akoma Ntoso: markup not known: a {kind} whose number is not read ({num})"
                ));
            }
            let level = number.as_deref().map_or(5, part_level);
            self.b.start(BlockKind::Heading { level, number });
            if let Some(h) = heading {
                self.node_children(h);
            }
            self.b.end();
        }
        self.node_children(e);
        self.b.end();
    }
}

/// The ISO 639-1 code of an Akoma Ntoso language (`en`, or ISO 639-2 `eng`).
fn language(code: &str) -> Option<String> {
    const THREE: &[(&str, &str)] = &[
        ("bul", "bg"),
        ("ces", "cs"),
        ("dan", "da"),
        ("deu", "de"),
        ("ell", "el"),
        ("eng", "en"),
        ("spa", "es"),
        ("est", "et"),
        ("fin", "fi"),
        ("fra", "fr"),
        ("gle", "ga"),
        ("hrv", "hr"),
        ("hun", "hu"),
        ("ita", "it"),
        ("lit", "lt"),
        ("lav", "lv"),
        ("mlt", "mt"),
        ("nld", "nl"),
        ("pol", "pl"),
        ("por", "pt"),
        ("ron", "ro"),
        ("slk", "sk"),
        ("slv", "sl"),
        ("swe", "sv"),
    ];
    let c = code.trim().to_lowercase();
    match c.len() {
        2 => Some(c),
        3 => THREE
            .iter()
            .find(|(t, _)| *t == c)
            .map(|(_, two)| two.to_string()),
        _ => None,
    }
}

/// What the identification and the preface say about the document.
fn declare(top: &Element, b: &mut Builder) {
    let d = &mut b.declared;
    if let Some(work) = top.find("FRBRWork") {
        d.commission_reference = work
            .child("FRBRnumber")
            .and_then(|n| n.attr("value"))
            .map(squash)
            .filter(|v| !v.is_empty());
    }
    d.language = top
        .find("FRBRExpression")
        .and_then(|x| x.child("FRBRlanguage"))
        .and_then(|l| l.attr("language"))
        .and_then(language);
    let Some(preface) = top.find("preface") else {
        return;
    };
    d.procedure = preface.find("docketNumber").map(|n| {
        let t = squash(&n.text());
        t.replace(" (", "(")
    });
    let stage = preface.find("docStage").map(Element::text);
    let kind = preface.find("docType").map(Element::text);
    d.document_type_line = match (stage, kind) {
        (Some(s), Some(k)) => Some(format!("{s} {k}")),
        (s, k) => s.or(k),
    };
    d.title = preface
        .find("docPurpose")
        .map(Element::text)
        .filter(|t| !t.is_empty());
}
