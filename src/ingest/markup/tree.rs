//! A small element tree that both parsers' output is copied into, so that the EUR-Lex HTML
//! and the XML readers walk one kind of node: an element with its name, attributes and
//! children, text, comments (where the Commission's HTML keeps its `docVars`) and processing
//! instructions (where Formex marks its pages, `<?PAGE NO="2"?>`).

/// Elements nested deeper than this are read as their text: no EUR-Lex document comes close,
/// and the readers walk the tree recursively.
pub const MAX_DEPTH: usize = 200;

#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Element(Element),
    Text(String),
    Comment(String),
    /// A processing instruction: target and data (`PAGE`, `NO="2"`).
    Pi(String, String),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Element {
    /// The local name: lower case for HTML, as written for XML (`TI.ART`, `authorialNote`).
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The words of the `class` attribute.
    pub fn classes(&self) -> impl Iterator<Item = &str> {
        self.attr("class").unwrap_or("").split_whitespace()
    }

    pub fn has_class(&self, class: &str) -> bool {
        self.classes().any(|c| c == class)
    }

    /// The child elements.
    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            _ => None,
        })
    }

    /// The first child element named `name`.
    pub fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The first element named `name` at or under this one, in document order.
    pub fn find(&self, name: &str) -> Option<&Element> {
        if self.name == name {
            return Some(self);
        }
        self.elements().find_map(|e| e.find(name))
    }

    /// Every element at or under this one for which `keep` holds, in document order.
    pub fn find_all<'a>(&'a self, keep: &dyn Fn(&Element) -> bool, out: &mut Vec<&'a Element>) {
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

    /// The comments directly or deeply under this element, in document order.
    pub fn comments<'a>(&'a self, out: &mut Vec<&'a str>) {
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
/// `#document` element.
pub fn from_html(html: &scraper::Html) -> Element {
    let mut root = Element {
        name: "#document".to_string(),
        ..Element::default()
    };
    for child in html.tree.root().children() {
        html_node(child, &mut root, 0);
    }
    root
}

fn html_node(node: ego_tree::NodeRef<'_, scraper::Node>, parent: &mut Element, depth: usize) {
    use scraper::Node as H;
    match node.value() {
        H::Element(e) => {
            let mut el = Element {
                name: e.name().to_string(),
                attrs: e
                    .attrs()
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .collect(),
                children: Vec::new(),
            };
            if depth >= MAX_DEPTH {
                let text: String = node
                    .descendants()
                    .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
                    .collect();
                el.children.push(Node::Text(text));
            } else {
                for c in node.children() {
                    html_node(c, &mut el, depth + 1);
                }
            }
            parent.children.push(Node::Element(el));
        }
        H::Text(t) => parent.children.push(Node::Text(t.to_string())),
        H::Comment(c) => parent.children.push(Node::Comment(c.to_string())),
        H::ProcessingInstruction(p) => parent
            .children
            .push(Node::Pi(p.target.to_string(), p.data.to_string())),
        H::Document | H::Fragment | H::Doctype(_) => {
            for c in node.children() {
                html_node(c, parent, depth + 1);
            }
        }
    }
}

/// Copy an XML document parsed by roxmltree into a tree rooted at a `#document` element.
/// Names lose their namespace prefix (`leos:docPurpose` is `docPurpose`).
pub fn from_xml(doc: &roxmltree::Document<'_>) -> Element {
    let mut root = Element {
        name: "#document".to_string(),
        ..Element::default()
    };
    for child in doc.root().children() {
        xml_node(child, &mut root, 0);
    }
    root
}

fn xml_node(node: roxmltree::Node<'_, '_>, parent: &mut Element, depth: usize) {
    use roxmltree::NodeType as X;
    match node.node_type() {
        X::Element => {
            let mut el = Element {
                name: node.tag_name().name().to_string(),
                attrs: node
                    .attributes()
                    .map(|a| (a.name().to_string(), a.value().to_string()))
                    .collect(),
                children: Vec::new(),
            };
            if depth >= MAX_DEPTH {
                let text: String = node
                    .descendants()
                    .filter(|d| d.is_text())
                    .filter_map(|d| d.text())
                    .collect();
                el.children.push(Node::Text(text));
            } else {
                for c in node.children() {
                    xml_node(c, &mut el, depth + 1);
                }
            }
            parent.children.push(Node::Element(el));
        }
        X::Text => parent
            .children
            .push(Node::Text(node.text().unwrap_or("").to_string())),
        X::Comment => parent
            .children
            .push(Node::Comment(node.text().unwrap_or("").to_string())),
        X::PI => {
            if let Some(pi) = node.pi() {
                parent.children.push(Node::Pi(
                    pi.target.to_string(),
                    pi.value.unwrap_or("").to_string(),
                ));
            }
        }
        X::Root => {
            for c in node.children() {
                xml_node(c, parent, depth + 1);
            }
        }
    }
}
