//! How deep an HTML page nests its elements, measured before it is parsed. html5ever's tree
//! builder looks down its stack of open elements at each block's start tag (is a `<p>` open
//! to close?), so its time grows with the square of the nesting: 20 000 nested `<div>` or
//! `<ul><li>` take seconds, 100 000 take minutes. No document nests more than a few dozen
//! deep; a page past [`MAX_NESTING`] is refused before the parser sees it.
//!
//! The measure follows the tree builder where it closes elements that a page leaves open
//! (`<p>`, `<li>`, table cells and rows, a `<p>` before a block), so that ordinary pages
//! measure their real depth, and counts what it does not know as open.

/// The deepest nesting read. The readers cut the tree at [`super::tree::MAX_DEPTH`] anyway.
pub const MAX_NESTING: usize = 1000;

/// What a tag is to the measure. Names are compared once, when read: the stack holds these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Never has content (`br`, `img`, `meta`).
    Void,
    /// Its content is text up to its end tag (`script`, `style`).
    Raw,
    P,
    Li,
    /// `dd` and `dt`.
    Def,
    /// `td` and `th`.
    Cell,
    Tr,
    Table,
    /// `ul` and `ol`.
    List,
    Dl,
    Select,
    Option,
    /// A block whose start tag closes an open `<p>`.
    Block,
    /// Where a search for an open `<p>` stops (the tree builder's button scope).
    Scope,
    Other,
}

fn kind(name: &str) -> Kind {
    let mut buf = [0u8; 12];
    if name.len() > buf.len() {
        return Kind::Other;
    }
    let lower = &mut buf[..name.len()];
    lower.copy_from_slice(name.as_bytes());
    lower.make_ascii_lowercase();
    match &*lower {
        b"area" | b"base" | b"basefont" | b"bgsound" | b"br" | b"col" | b"embed" | b"frame"
        | b"hr" | b"img" | b"input" | b"keygen" | b"link" | b"meta" | b"param" | b"source"
        | b"track" | b"wbr" => Kind::Void,
        b"script" | b"style" | b"textarea" | b"title" | b"xmp" | b"iframe" | b"noembed"
        | b"noframes" | b"plaintext" => Kind::Raw,
        b"p" => Kind::P,
        b"li" => Kind::Li,
        b"dd" | b"dt" => Kind::Def,
        b"td" | b"th" => Kind::Cell,
        b"tr" => Kind::Tr,
        b"table" => Kind::Table,
        b"ul" | b"ol" => Kind::List,
        b"dl" => Kind::Dl,
        b"select" => Kind::Select,
        b"option" => Kind::Option,
        b"address" | b"article" | b"aside" | b"blockquote" | b"center" | b"details" | b"dialog"
        | b"dir" | b"div" | b"fieldset" | b"figcaption" | b"figure" | b"footer" | b"form"
        | b"h1" | b"h2" | b"h3" | b"h4" | b"h5" | b"h6" | b"header" | b"hgroup" | b"main"
        | b"menu" | b"nav" | b"pre" | b"section" | b"summary" => Kind::Block,
        b"applet" | b"button" | b"caption" | b"html" | b"marquee" | b"object" | b"template" => {
            Kind::Scope
        }
        _ => Kind::Other,
    }
}

/// Read the tags of a page: the byte offset of the first start tag nested deeper than
/// `limit` as the error; else where the void elements' start tags written as HTML's (`<br>`,
/// not XHTML's `<br/>`) end, at their `>`.
pub fn scan(html: &str, limit: usize) -> Result<Vec<usize>, usize> {
    let b = html.as_bytes();
    let mut open: Vec<(&str, Kind)> = Vec::new();
    let mut voids = Vec::new();
    let mut i = 0;
    while let Some(k) = html[i..].find('<') {
        let at = i + k;
        let rest = &b[at + 1..];
        if rest.starts_with(b"!--") {
            i = html[at..].find("-->").map_or(b.len(), |e| at + e + 3);
            continue;
        }
        let end_tag = rest.first() == Some(&b'/');
        let name_at = at + 1 + usize::from(end_tag);
        if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            // `<!DOCTYPE`, `<?xml`, or a `<` in text.
            i = at + 1;
            continue;
        }
        let name_end = b[name_at..]
            .iter()
            .position(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>')
            .map_or(b.len(), |e| name_at + e);
        let name = &html[name_at..name_end];
        i = tag_end(b, name_end);
        if end_tag {
            // The end tag closes its element and what was left open inside it.
            if let Some(k) = open.iter().rposition(|(o, _)| o.eq_ignore_ascii_case(name)) {
                open.truncate(k);
            }
            continue;
        }
        let kind = kind(name);
        use Kind::*;
        if matches!(kind, Block | P | Li | Def | List | Dl | Table) {
            close_in_scope(&mut open, &[P], &[Scope, Table, Cell]);
        }
        match kind {
            Li => close_in_scope(&mut open, &[Li], &[List, Table]),
            Def => close_in_scope(&mut open, &[Def], &[Dl, Table]),
            Cell => close_in_scope(&mut open, &[Cell], &[Tr, Table]),
            Tr => close_in_scope(&mut open, &[Tr], &[Table]),
            Option => close_in_scope(&mut open, &[Option], &[Select]),
            Void => {
                if b.get(i - 1) == Some(&b'>') && b[i - 2] != b'/' {
                    voids.push(i - 1);
                }
                continue;
            }
            Raw => {
                // Its text is no markup: skip to its end tag.
                let close = format!("</{}", name.to_ascii_lowercase());
                i = find_ignore_case(&html[i..], &close).map_or(b.len(), |e| i + e);
                continue;
            }
            _ => {}
        }
        open.push((name, kind));
        if open.len() > limit {
            return Err(at);
        }
    }
    Ok(voids)
}

/// Close the innermost element of `kinds` that is open above the nearest of `scope`, with
/// what is open inside it.
fn close_in_scope(open: &mut Vec<(&str, Kind)>, kinds: &[Kind], scope: &[Kind]) {
    for k in (0..open.len()).rev() {
        let o = open[k].1;
        if kinds.contains(&o) {
            open.truncate(k);
            return;
        }
        if scope.contains(&o) {
            return;
        }
    }
}

/// The byte after the `>` that ends a tag whose attributes start at `from` (a `>` inside a
/// quoted value does not end it).
fn tag_end(b: &[u8], from: usize) -> usize {
    let Some(gt) = b[from..].iter().position(|&c| c == b'>') else {
        return b.len();
    };
    if !b[from..from + gt].iter().any(|&c| c == b'"' || c == b'\'') {
        return from + gt + 1;
    }
    let mut quote = None;
    for (k, &c) in b[from..].iter().enumerate() {
        match (quote, c) {
            (None, b'>') => return from + k + 1,
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            _ => {}
        }
    }
    b.len()
}

fn find_ignore_case(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    h.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_measure_their_real_depth() {
        let deep = |html: &str| scan(html, 4).is_err();
        // Paragraphs, items, cells and rows closed by the next one, as the parser closes them.
        assert!(!deep("<html><body><p>a<p>b<p>c<p>d<p>e<p>f</body></html>"));
        assert!(!deep("<ul><li>a<li>b<li>c<li>d<li>e<li>f</ul>"));
        assert!(!deep(
            "<table><tr><td>a<td>b<td>c<tr><td>d<td>e<tr><td>f</table>"
        ));
        assert!(!deep(
            "<div><p>a<div>b</div><div>c</div><div>d</div><div>e</div></div>"
        ));
        // Word's `<span/>` opens a span that the paragraph's end closes.
        assert!(!deep(
            "<p><span/>a</p><p><span/>b</p><p><span/>c</p><p><span/>d</p><p><span/>e</p>"
        ));
        // Void elements, scripts and comments hold nothing that nests.
        assert!(!deep("<br><br><br><br><br><img><meta><link><hr>"));
        assert!(!deep(
            "<script>if (a<b && c<d) { x = '<div><div><div><div><div>' }</script>"
        ));
        assert!(!deep(
            "<!-- <div><div><div><div><div> --><p title='>'>a</p>"
        ));
        // Real nesting counts.
        assert!(deep(
            "<div><div><div><div><div>a</div></div></div></div></div>"
        ));
        assert!(deep("<ul><li><ul><li><ul><li>a</ul></ul></ul>"));
        assert!(deep("<div/><div/><div/><div/><div/>"));
    }

    #[test]
    fn void_elements_written_as_html_are_found() {
        let page =
            "<head><meta charset=utf-8><link rel='a'/></head><p>a<br>b<br/>c<img src=\"x>\"></p>";
        let ends: Vec<&str> = scan(page, 10)
            .unwrap()
            .iter()
            .map(|&at| &page[..=at])
            .collect();
        assert_eq!(ends.len(), 3);
        assert!(ends[0].ends_with("<meta charset=utf-8>"));
        assert!(ends[1].ends_with("a<br>"));
        assert!(ends[2].ends_with("<img src=\"x>\">"));
    }
}
