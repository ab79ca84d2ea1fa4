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

/// Elements that never have content.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is text up to their end tag.
const RAW: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// Elements whose start tag closes an open `<p>`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "dd",
    "dt",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// Where a search for an open `<p>` stops (the tree builder's button scope).
const P_SCOPE: &[&str] = &[
    "applet", "button", "caption", "html", "marquee", "object", "table", "td", "template", "th",
];

/// The byte offset of the first start tag nested deeper than `limit`, if any.
pub fn too_deep(html: &str, limit: usize) -> Option<usize> {
    let b = html.as_bytes();
    let mut open: Vec<&str> = Vec::new();
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
            if let Some(k) = open.iter().rposition(|o| o.eq_ignore_ascii_case(name)) {
                open.truncate(k);
            }
            continue;
        }
        let is = |list: &[&str]| list.iter().any(|n| n.eq_ignore_ascii_case(name));
        if is(CLOSES_P) {
            close_in_scope(&mut open, &["p"], P_SCOPE);
        }
        let eq = |n: &str| name.eq_ignore_ascii_case(n);
        if eq("li") {
            close_in_scope(&mut open, &["li"], &["ul", "ol", "table"]);
        } else if eq("dd") || eq("dt") {
            close_in_scope(&mut open, &["dd", "dt"], &["dl", "table"]);
        } else if eq("td") || eq("th") {
            close_in_scope(&mut open, &["td", "th"], &["tr", "table"]);
        } else if eq("tr") {
            close_in_scope(&mut open, &["tr"], &["table"]);
        } else if eq("option") {
            close_in_scope(&mut open, &["option"], &["select"]);
        }
        if is(VOID) {
            continue;
        }
        if is(RAW) {
            // Its text is no markup: skip to its end tag.
            let close = format!("</{}", name.to_ascii_lowercase());
            i = find_ignore_case(&html[i..], &close).map_or(b.len(), |e| i + e);
            continue;
        }
        open.push(name);
        if open.len() > limit {
            return Some(at);
        }
    }
    None
}

/// Close the innermost of `names` that is open above the nearest of `scope`, with what is
/// open inside it.
fn close_in_scope(open: &mut Vec<&str>, names: &[&str], scope: &[&str]) {
    for k in (0..open.len()).rev() {
        let o = open[k];
        if names.iter().any(|n| n.eq_ignore_ascii_case(o)) {
            open.truncate(k);
            return;
        }
        if scope.iter().any(|n| n.eq_ignore_ascii_case(o)) {
            return;
        }
    }
}

/// The byte after the `>` that ends a tag whose attributes start at `from` (a `>` inside a
/// quoted value does not end it).
fn tag_end(b: &[u8], from: usize) -> usize {
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
        let deep = |html: &str| too_deep(html, 4).is_some();
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
}
