//! Tagged PDF: the structure tree (`/StructTreeRoot`) read into a role for every
//! marked-content sequence, so the layout reader knows what the producer says a piece of text
//! is — a footnote body, a footnote call, a heading, a contents entry, a list item, a table
//! cell — and which lines belong to one paragraph.
//!
//! Tags are evidence, not truth: producers tag articles as plain paragraphs, some tag badly,
//! and most PDFs carry none. The layout reader weighs what is read here against geometry.

use std::collections::{HashMap, HashSet};

use lopdf::{Dictionary, Document, Object, ObjectId};

/// Bounds on the tree, so a hostile file cannot make the walk unbounded.
const MAX_NODES: usize = 2_000_000;
/// Marked-content ids above this are ignored (real pages number a few hundred).
const MAX_MCID: u32 = 1 << 16;
const NONE: u32 = u32::MAX;
const MAX_ROLE_HOPS: usize = 8;

/// What a structure element is, after the role map, reduced to what reading needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// `H`, `H1`…`H6`: a heading, with its level (0 for a plain `H`).
    Heading(u8),
    /// `P` and other elements whose content is one block of text.
    Paragraph,
    /// `Note` (`Footnote`, `Endnote` by the usual role maps).
    Note,
    /// `TOC`, `TOCI`: the table of contents.
    Contents,
    /// `LI`: a list item.
    ListItem,
    /// `Lbl`: a list item's label (bullet, number).
    Label,
    /// `TD`, `TH`: a table cell.
    Cell,
    /// `Table`, `TR`, `THead`, `TBody`, `TFoot`.
    TablePart,
    /// `Caption`.
    Caption,
    /// `Figure`, `Formula`.
    Figure,
    /// `Artifact` as a structure element (PDF 2.0).
    Artifact,
    /// Inline elements: `Span`, `Link`, `Reference`, `Quote`, `Em`, `Strong`, …
    Inline,
    /// Grouping elements: `Document`, `Part`, `Sect`, `Div`, `Art`, `L`, `LBody`, …
    Group,
}

impl Role {
    fn from_standard(name: &[u8]) -> Option<Role> {
        Some(match name {
            b"H" => Role::Heading(0),
            b"H1" => Role::Heading(1),
            b"H2" => Role::Heading(2),
            b"H3" => Role::Heading(3),
            b"H4" => Role::Heading(4),
            b"H5" => Role::Heading(5),
            b"H6" => Role::Heading(6),
            b"P" | b"BlockQuote" | b"Code" | b"BibEntry" | b"Index" | b"Title" | b"Aside" => {
                Role::Paragraph
            }
            b"Note" | b"FENote" => Role::Note,
            b"TOC" | b"TOCI" => Role::Contents,
            b"LI" => Role::ListItem,
            b"Lbl" => Role::Label,
            b"TD" | b"TH" => Role::Cell,
            b"Table" | b"TR" | b"THead" | b"TBody" | b"TFoot" => Role::TablePart,
            b"Caption" => Role::Caption,
            b"Figure" | b"Formula" | b"Form" => Role::Figure,
            b"Artifact" => Role::Artifact,
            b"Span" | b"Link" | b"Reference" | b"Quote" | b"Annot" | b"Ruby" | b"RB" | b"RT"
            | b"RP" | b"Warichu" | b"WT" | b"WP" | b"Em" | b"Strong" | b"Sub" => Role::Inline,
            b"Document" | b"DocumentFragment" | b"Part" | b"Art" | b"Sect" | b"Div" | b"L"
            | b"LBody" | b"NonStruct" | b"Private" => Role::Group,
            _ => return None,
        })
    }

    /// An element whose content forms one block of the page (a paragraph, a heading, a list
    /// item, a cell), as opposed to a group of blocks or a run inside one.
    fn is_block(self) -> bool {
        matches!(
            self,
            Role::Heading(_)
                | Role::Paragraph
                | Role::Contents
                | Role::ListItem
                | Role::Cell
                | Role::Caption
                | Role::Figure
        )
    }
}

struct Node {
    role: Role,
    parent: Option<u32>,
}

/// What the tags say about one marked-content sequence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag {
    /// The innermost block element holding the content: text of one block shares it.
    pub block: u32,
    pub kind: TagKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TagKind {
    /// Ordinary text of a paragraph, list item or cell.
    Text,
    Heading(u8),
    ListItem,
    Cell,
    /// A table-of-contents entry.
    Contents,
    /// The text of a footnote body; `block` is the element under the note that holds it.
    NoteBody,
    /// A note's call in the running text (a number under the note but outside its body).
    NoteCall,
    Caption,
    Figure,
    Artifact,
}

/// The structure tree of a document, indexed by page and marked-content id.
pub struct Tags {
    nodes: Vec<Node>,
    /// Per page in page order, indexed by marked-content id: the element that owns it
    /// ([`NONE`] for none). Ids are small and dense, and a lookup runs for every glyph.
    pages: Vec<Vec<u32>>,
    /// Classification of each node, computed once.
    kinds: Vec<Option<Tag>>,
}

impl Tags {
    /// Read the structure tree, or `None` when the document is not tagged or its tree is
    /// unusable. `pages` lists the page objects in page order.
    pub fn read(doc: &Document, pages: &[ObjectId]) -> Option<Tags> {
        let catalog = doc.catalog().ok()?;
        let root = deref_dict(doc, catalog.get(b"StructTreeRoot").ok()?)?;
        let role_map = root.get(b"RoleMap").ok().and_then(|o| deref_dict(doc, o));
        let page_index: HashMap<ObjectId, usize> =
            pages.iter().enumerate().map(|(i, &p)| (p, i)).collect();
        let mut tags = Tags {
            nodes: Vec::new(),
            pages: vec![Vec::new(); pages.len()],
            kinds: Vec::new(),
        };
        let mut seen: HashSet<ObjectId> = HashSet::new();
        // (object, parent node, page inherited from the nearest element with /Pg)
        let mut stack: Vec<(&Object, Option<u32>, Option<usize>)> = Vec::new();
        if let Ok(k) = root.get(b"K") {
            stack.push((k, None, None));
        }
        while let Some((obj, parent, page)) = stack.pop() {
            if tags.nodes.len() >= MAX_NODES {
                break;
            }
            let obj = match obj {
                Object::Reference(id) => {
                    if !seen.insert(*id) {
                        continue; // shared or cyclic
                    }
                    match doc.get_object(*id) {
                        Ok(o) => o,
                        Err(_) => continue,
                    }
                }
                o => o,
            };
            match obj {
                Object::Integer(mcid) => {
                    if let (Some(p), Some(node), Ok(mcid)) = (page, parent, u32::try_from(*mcid)) {
                        tags.own(p, mcid, node);
                    }
                }
                Object::Array(items) => {
                    // Reversed, so the stack pops them in document order.
                    for item in items.iter().rev() {
                        stack.push((item, parent, page));
                    }
                }
                Object::Dictionary(d) => {
                    let own_page = d
                        .get(b"Pg")
                        .ok()
                        .and_then(|o| o.as_reference().ok())
                        .and_then(|id| page_index.get(&id).copied())
                        .or(page);
                    if let Ok(mcid) = d.get(b"MCID").and_then(Object::as_i64) {
                        // A marked-content reference; one inside a form XObject (`/Stm`)
                        // numbers the form's content, which the page's ids do not cover.
                        if d.get(b"Stm").is_err() {
                            if let (Some(p), Some(node), Ok(mcid)) =
                                (own_page, parent, u32::try_from(mcid))
                            {
                                tags.own(p, mcid, node);
                            }
                        }
                        continue;
                    }
                    let Ok(s) = d.get(b"S").and_then(Object::as_name) else {
                        continue; // an object reference (`/OBJR`) or junk
                    };
                    let role = resolve_role(doc, role_map, s);
                    let id = tags.nodes.len() as u32;
                    tags.nodes.push(Node { role, parent });
                    if let Ok(k) = d.get(b"K") {
                        stack.push((k, Some(id), own_page));
                    }
                }
                _ => {}
            }
        }
        if tags.pages.iter().all(Vec::is_empty) {
            return None;
        }
        tags.kinds = vec![None; tags.nodes.len()];
        for i in 0..tags.nodes.len() {
            tags.kinds[i] = Some(tags.classify(i as u32));
        }
        Some(tags)
    }

    /// Record that `node` owns marked-content id `mcid` on page `page`; the first owner wins.
    fn own(&mut self, page: usize, mcid: u32, node: u32) {
        if mcid >= MAX_MCID {
            return;
        }
        let ids = &mut self.pages[page];
        if ids.len() <= mcid as usize {
            ids.resize(mcid as usize + 1, NONE);
        }
        if ids[mcid as usize] == NONE {
            ids[mcid as usize] = node;
        }
    }

    /// What the tags say of marked-content id `mcid` on page `page` (0-based).
    pub fn tag(&self, page: usize, mcid: u32) -> Option<Tag> {
        let node = *self.pages.get(page)?.get(mcid as usize)?;
        if node == NONE {
            return None;
        }
        self.kinds[node as usize]
    }

    /// Whether the producer tags footnotes at all: then a page without a tagged note has none.
    pub fn has_notes(&self) -> bool {
        self.nodes.iter().any(|n| n.role == Role::Note)
    }

    /// Whether page `page` (0-based) has any tagged content.
    pub fn page_is_tagged(&self, page: usize) -> bool {
        self.pages.get(page).is_some_and(|p| !p.is_empty())
    }

    fn classify(&self, node: u32) -> Tag {
        // Walk up: the innermost block element, and the first telling ancestor.
        let mut block: Option<u32> = None;
        let mut kind: Option<TagKind> = None;
        let mut below = node; // the element on the path just under the current one
        let mut cur = Some(node);
        let mut hops = 0;
        while let Some(i) = cur {
            hops += 1;
            if hops > 512 {
                break;
            }
            let n = &self.nodes[i as usize];
            match n.role {
                Role::Note => {
                    let under = &self.nodes[below as usize];
                    // Text straight under the note, or in an inline element right under it
                    // (the OJ links its `(1)` call this way), is the call; the note's
                    // paragraphs are its body.
                    let is_call = i != node && block.is_none() && under.role == Role::Inline;
                    return if is_call {
                        Tag {
                            block: below,
                            kind: TagKind::NoteCall,
                        }
                    } else {
                        Tag {
                            block: if i == node { i } else { below },
                            kind: TagKind::NoteBody,
                        }
                    };
                }
                Role::Artifact => {
                    return Tag {
                        block: i,
                        kind: TagKind::Artifact,
                    };
                }
                Role::Contents => {
                    kind.get_or_insert(TagKind::Contents);
                }
                Role::Heading(level) => {
                    kind.get_or_insert(TagKind::Heading(level));
                }
                Role::ListItem => {
                    kind.get_or_insert(TagKind::ListItem);
                }
                Role::Cell => {
                    kind.get_or_insert(TagKind::Cell);
                }
                Role::Caption => {
                    kind.get_or_insert(TagKind::Caption);
                }
                Role::Figure => {
                    kind.get_or_insert(TagKind::Figure);
                }
                _ => {}
            }
            if block.is_none() && n.role.is_block() {
                block = Some(i);
            }
            below = i;
            cur = n.parent;
        }
        // A table of contents entry stays one, even when its lines are tagged as paragraphs.
        let kind = kind.unwrap_or(TagKind::Text);
        Tag {
            block: block.unwrap_or(node),
            kind,
        }
    }
}

fn deref_dict<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    doc.dereference(o).ok()?.1.as_dict().ok()
}

/// Follow the role map from a custom type to a standard one.
fn resolve_role(doc: &Document, role_map: Option<&Dictionary>, name: &[u8]) -> Role {
    let mut name = name;
    for _ in 0..MAX_ROLE_HOPS {
        if let Some(r) = Role::from_standard(name) {
            // Producers map their note types onto `Note` but sometimes name them only.
            return r;
        }
        let Some(next) = role_map
            .and_then(|m| m.get(name).ok())
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_name().ok())
        else {
            break;
        };
        if next == name {
            break;
        }
        name = next;
    }
    match name {
        b"Footnote" | b"Endnote" => Role::Note,
        _ => Role::Group,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{Object, dictionary};

    /// A two-page document whose structure tree holds what the producers write: a heading,
    /// a paragraph with a note (the OJ's call link and body), a contents entry under a custom
    /// type mapped by the role map, a Word `Footnote`, and an artifact element.
    fn document() -> (Document, Vec<ObjectId>) {
        let mut doc = Document::with_version("1.7");
        let p1 = doc.add_object(dictionary! { "Type" => "Page" });
        let p2 = doc.add_object(dictionary! { "Type" => "Page" });
        let elem = |s: &str, k: Object, pg: ObjectId| {
            Object::Dictionary(dictionary! { "S" => Object::Name(s.into()), "K" => k, "Pg" => pg })
        };
        let call = elem("Link", Object::Integer(2), p1);
        let body = elem("P", Object::Array(vec![Object::Integer(7)]), p1);
        let note = elem("NOTE", Object::Array(vec![call, body]), p1);
        let para = elem(
            "P",
            Object::Array(vec![Object::Integer(1), note, Object::Integer(3)]),
            p1,
        );
        let heading = elem("TI.ART", Object::Integer(0), p1);
        let mcr = Object::Dictionary(dictionary! { "Type" => "MCR", "MCID" => 0, "Pg" => p2 });
        let toc = elem("TOC.ITEM", mcr, p2);
        let word_note = elem(
            "Footnote",
            Object::Array(vec![elem("P", Object::Integer(4), p2)]),
            p2,
        );
        let furniture = elem("Artifact", Object::Integer(5), p2);
        let root = doc.add_object(dictionary! {
            "Type" => "StructTreeRoot",
            "RoleMap" => dictionary! { "NOTE" => "Note", "TI.ART" => "H1", "TOC.ITEM" => "TOCI" },
            "K" => elem("Document", Object::Array(vec![heading, para, toc, word_note, furniture]), p1),
        });
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "StructTreeRoot" => root });
        doc.trailer.set("Root", catalog);
        (doc, vec![p1, p2])
    }

    #[test]
    fn roles_from_the_structure_tree() {
        let (doc, pages) = document();
        let tags = Tags::read(&doc, &pages).expect("the document is tagged");
        let kind = |page, mcid| tags.tag(page, mcid).map(|t| t.kind);
        assert_eq!(
            kind(0, 0),
            Some(TagKind::Heading(1)),
            "a custom type through the role map"
        );
        assert_eq!(kind(0, 1), Some(TagKind::Text));
        assert_eq!(
            kind(0, 2),
            Some(TagKind::NoteCall),
            "a link straight under the note"
        );
        assert_eq!(kind(0, 7), Some(TagKind::NoteBody));
        assert_eq!(
            kind(1, 0),
            Some(TagKind::Contents),
            "a marked-content reference"
        );
        assert_eq!(kind(1, 4), Some(TagKind::NoteBody), "Word's Footnote type");
        assert_eq!(kind(1, 5), Some(TagKind::Artifact));
        assert_eq!(kind(0, 9), None);
        // Text before and after the note is one paragraph.
        assert_eq!(tags.tag(0, 1).unwrap().block, tags.tag(0, 3).unwrap().block);
        assert!(tags.has_notes());
    }

    #[test]
    fn an_untagged_or_cyclic_tree_is_read_safely() {
        let mut doc = Document::with_version("1.7");
        let page = doc.add_object(dictionary! { "Type" => "Page" });
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog" });
        doc.trailer.set("Root", catalog);
        assert!(Tags::read(&doc, &[page]).is_none());
        // An element that lists itself among its kids.
        let id = doc.new_object_id();
        doc.objects.insert(
            id,
            Object::Dictionary(dictionary! {
                "S" => "P", "Pg" => page,
                "K" => Object::Array(vec![Object::Integer(0), Object::Reference(id)]),
            }),
        );
        let root = doc.add_object(dictionary! { "K" => Object::Reference(id) });
        doc.get_object_mut(catalog)
            .unwrap()
            .as_dict_mut()
            .unwrap()
            .set("StructTreeRoot", root);
        let tags = Tags::read(&doc, &[page]).expect("tagged");
        assert_eq!(tags.tag(0, 0).map(|t| t.kind), Some(TagKind::Text));
    }
}
