//! A small element tree that both parsers' output is copied into, so that the EUR-Lex HTML
//! and the XML readers walk one kind of node: an element with its name, attributes and
//! children, text, comments (where the Commission's HTML keeps its `docVars`) and processing
//! instructions (where Formex marks its pages, `<?PAGE NO="2"?>`).

use std::borrow::Cow;

/// Elements nested deeper than this are read as their text: no EUR-Lex document comes close,
/// and the readers walk the tree recursively.
pub const MAX_DEPTH: usize = 200;

/// The strings borrow from the parser's document: copying every name, attribute and text
/// took a third of the HTML reader's time.
#[derive(Debug, Clone, PartialEq)]
pub enum Node<'a> {
    Element(Element<'a>),
    Text(Cow<'a, str>),
    Comment(&'a str),
    /// A processing instruction: target and data (`PAGE`, `NO="2"`).
    Pi(&'a str, &'a str),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Element<'a> {
    /// The local name: lower case for HTML, as written for XML (`TI.ART`, `authorialNote`).
    pub name: &'a str,
    pub attrs: Vec<(&'a str, &'a str)>,
    pub children: Vec<Node<'a>>,
}

impl<'a> Element<'a> {
    pub fn attr(&self, name: &str) -> Option<&'a str> {
        self.attrs.iter().find(|(k, _)| *k == name).map(|&(_, v)| v)
    }

    /// The words of the `class` attribute.
    pub fn classes(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        self.attr("class").unwrap_or("").split_whitespace()
    }

    pub fn has_class(&self, class: &str) -> bool {
        self.classes().any(|c| c == class)
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element<'a>> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }

    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<&Element<'a>> {
        self.elements().find(|e| e.name == name)
    }

    /// The first element named `name` at or under this one, in document order.
    pub fn find(&self, name: &str) -> Option<&Element<'a>> {
        if self.name == name {
            return Some(self);
        }
        self.elements().find_map(|e| e.find(name))
    }

    /// The first element at or under this one for which `keep` holds, in document order.
    pub fn find_first(&self, keep: &dyn Fn(&Element) -> bool) -> Option<&Element<'a>> {
        if keep(self) {
            return Some(self);
        }
        self.elements().find_map(|e| e.find_first(keep))
    }

    /// The text under this element as [`Element::text`] gives it, unless its source runs
    /// past `max` bytes: a cheap look at elements that matter only when short.
    pub fn short_text(&self, max: usize) -> Option<String> {
        let mut raw = String::new();
        self.raw_text_upto(&mut raw, max)
            .then(|| raw.split_whitespace().collect::<Vec<_>>().join(" "))
    }

    fn raw_text_upto(&self, out: &mut String, max: usize) -> bool {
        for n in &self.children {
            match n {
                Node::Text(t) => {
                    if out.len() + t.len() > max {
                        return false;
                    }
                    out.push_str(t);
                }
                Node::Element(e) => {
                    if e.name == "br" {
                        out.push(' ');
                    }
                    if !e.raw_text_upto(out, max) {
                        return false;
                    }
                }
                _ => {}
            }
        }
        true
    }

    /// Every element at or under this one for which `keep` holds, in document order.
    pub fn find_all<'b>(&'b self, keep: &dyn Fn(&Element) -> bool, out: &mut Vec<&'b Element<'a>>) {
        if keep(self) {
            out.push(self);
        }
        for e in self.elements() {
            e.find_all(keep, out);
        }
    }

    /// The text under this element, whitespace runs collapsed to one space and trimmed.
    pub fn text(&self) -> String {
        let mut raw = String::new();
        self.raw_text(&mut raw);
        raw.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    fn raw_text(&self, out: &mut String) {
        for n in &self.children {
            match n {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => {
                    // Inline elements are glued (`<span>2</span><span>9</span>` is `29`);
                    // a line break separates words.
                    if e.name == "br" {
                        out.push(' ');
                    }
                    e.raw_text(out);
                }
                _ => {}
            }
        }
    }

    /// The first comment under this element for which `keep` holds, in document order.
    pub fn first_comment(&self, keep: &dyn Fn(&str) -> bool) -> Option<&'a str> {
        self.children.iter().find_map(|n| match n {
            Node::Comment(c) if keep(c) => Some(*c),
            Node::Element(e) => e.first_comment(keep),
            _ => None,
        })
    }

    /// The comments directly or deeply under this element, in document order.
    pub fn comments(&self, out: &mut Vec<&'a str>) {
        for n in &self.children {
            match n {
                Node::Comment(c) => out.push(c),
                Node::Element(e) => e.comments(out),
                _ => {}
            }
        }
    }
}

/// Copy an HTML document parsed by html5ever (through `scraper`) into a tree rooted at a
/// `#document` element; and whether elements nested deeper than [`MAX_DEPTH`] were cut to
/// their text.
pub fn from_html(html: &scraper::Html) -> (Element<'_>, bool) {
    let mut root = Element {
        name: "#document",
        ..Element::default()
    };
    let mut cut = false;
    for child in html.tree.root().children() {
        html_node(child, &mut root, 0, &mut cut);
    }
    (root, cut)
}

fn html_node<'a>(
    node: ego_tree::NodeRef<'a, scraper::Node>,
    parent: &mut Element<'a>,
    depth: usize,
    cut: &mut bool,
) {
    use scraper::Node as H;
    match node.value() {
        H::Element(e) => {
            let mut el = Element {
                name: e.name(),
                attrs: e.attrs().collect(),
                children: Vec::new(),
            };
            if depth >= MAX_DEPTH {
                *cut = true;
                let text: String = node
                    .descendants()
                    .filter_map(|d| d.value().as_text().map(|t| &**t))
                    .collect();
                el.children.push(Node::Text(Cow::Owned(text)));
            } else {
                for c in node.children() {
                    html_node(c, &mut el, depth + 1, cut);
                }
            }
            parent.children.push(Node::Element(el));
        }
        H::Text(t) => parent.children.push(Node::Text(Cow::Borrowed(&**t))),
        H::Comment(c) => parent.children.push(Node::Comment(c)),
        H::ProcessingInstruction(p) => parent.children.push(Node::Pi(&p.target, &p.data)),
        H::Document | H::Fragment | H::Doctype(_) => {
            for c in node.children() {
                html_node(c, parent, depth + 1, cut);
            }
        }
    }
}

/// Copy an XML document parsed by roxmltree into a tree rooted at a `#document` element.
/// Names lose their namespace prefix (`leos:docPurpose` is `docPurpose`). And whether
/// elements nested deeper than [`MAX_DEPTH`] were cut to their text.
pub fn from_xml<'a>(doc: &'a roxmltree::Document<'_>) -> (Element<'a>, bool) {
    let mut root = Element {
        name: "#document",
        ..Element::default()
    };
    let mut cut = false;
    for child in doc.root().children() {
        xml_node(child, &mut root, 0, &mut cut);
    }
    (root, cut)
}

fn xml_node<'a>(
    node: roxmltree::Node<'a, '_>,
    parent: &mut Element<'a>,
    depth: usize,
    cut: &mut bool,
) {
    use roxmltree::NodeType as X;
    match node.node_type() {
        X::Element => {
            let mut el = Element {
                name: node.tag_name().name(),
                attrs: node.attributes().map(|a| (a.name(), a.value())).collect(),
                children: Vec::new(),
            };
            if depth >= MAX_DEPTH {
                *cut = true;
                let text: String = node
                    .descendants()
                    .filter(|d| d.is_text())
                    .filter_map(|d| d.text())
                    .collect();
                el.children.push(Node::Text(Cow::Owned(text)));
            } else {
                for c in node.children() {
                    xml_node(c, &mut el, depth + 1, cut);
                }
            }
            parent.children.push(Node::Element(el));
        }
        X::Text => parent
            .children
            .push(Node::Text(Cow::Borrowed(node.text().unwrap_or("")))),
        X::Comment => parent
            .children
            .push(Node::Comment(node.text().unwrap_or(""))),
        X::PI => {
            if let Some(pi) = node.pi() {
                parent
                    .children
                    .push(Node::Pi(pi.target, pi.value.unwrap_or("")));
            }
        }
        X::Root => {
            for c in node.children() {
                xml_node(c, parent, depth + 1, cut);
            }
        }
    }
}
