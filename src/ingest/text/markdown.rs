//! The Markdown-with-HTML that PDF converters write: headings, footnote bodies, tables and
//! inline markup (`**bold**`, `<sup>N</sup>`, `[^N]`, entities).

use std::sync::LazyLock;

use crate::re::Regex;

use crate::model::{Block, BlockKind, Cell, Para, ParaBuilder, Table};

use super::*;

pub(crate) fn md_heading(s: &str) -> Option<(u8, &str, usize)> {
    let hashes = s.len() - s.trim_start_matches('#').len();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &s[hashes..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let content = rest.trim().trim_end_matches('#').trim_end();
    if content.is_empty() {
        return None;
    }
    let off = hashes + (rest.len() - rest.trim_start().len());
    Some((hashes as u8, content, off))
}
pub(crate) static MD_FOOTNOTE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"^\s*(?:<sup>\s*(\d{1,3})\s*</sup>|\[\^(\d{1,3})\]:)\s*").unwrap()
});
pub(crate) fn md_footnote(s: &str) -> Option<(u32, usize)> {
    let c = MD_FOOTNOTE.captures(s)?;
    let n = c.get(1).or_else(|| c.get(2))?.as_str().parse().ok()?;
    Some((n, c.get(0)?.end()))
}
pub(crate) fn is_table_row(s: &str) -> bool {
    s.contains('\t') || (s.trim_start().starts_with('|') && s.trim_end().ends_with('|'))
}
pub(crate) fn parse_table(rows: &[Line]) -> Block {
    let mut table = Table::default();
    let mut span: Option<std::ops::Range<usize>> = None;
    for line in rows.iter().filter(|l| !l.skip && is_table_row(l.text)) {
        let t = line.text;
        let pipe = !t.contains('\t');
        if pipe && t.trim().chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
            continue; // the |---|---| separator of a pipe table
        }
        let mut cells = Vec::new();
        let (body, base) = if pipe {
            let inner = t.trim();
            let lead = t.len() - t.trim_start().len();
            (&inner[1..inner.len() - 1], line.start + lead + 1)
        } else {
            (t, line.start)
        };
        let sep = if pipe { '|' } else { '\t' };
        let mut off = 0;
        for piece in body.split(sep) {
            cells.push(parse_cell(piece, base + off));
            off += piece.len() + 1;
        }
        let s = line.start..line.start + t.len();
        span = Some(match span {
            Some(sp) => sp.start..s.end,
            None => s,
        });
        table.rows.push(cells);
    }
    let mut para = Para::default();
    para.span = span.unwrap_or(0..0);
    Block {
        kind: BlockKind::Table(table),
        para,
        page: None,
    }
}
pub(crate) fn parse_cell(s: &str, off: usize) -> Cell {
    Cell {
        paras: parse_html_paragraphs(s, off),
    }
}
/// Parse inline Markdown/HTML in `s` (at source offset `off`) into paragraphs split at `<p>`,
/// `<br>` and the like: table cells, and converter output that leaked HTML into code blocks.
pub(crate) fn parse_html_paragraphs(s: &str, off: usize) -> Vec<Para> {
    let mut paras = Vec::new();
    let mut b = ParaBuilder::new();
    parse_inline(&mut b, s, off, &mut |b| {
        let done = std::mem::take(b).finish();
        if !done.text.is_empty() {
            paras.push(done);
        }
    });
    let last = b.finish();
    if !last.text.is_empty() {
        paras.push(last);
    }
    paras
}
pub(crate) static TAG: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*?(/?)>").unwrap());
pub(crate) static SUP: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^<sup\b[^<>]*>\s*([^<]*?)\s*</sup>").unwrap());
pub(crate) static LINK: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^\[([^\]]*)\]\(([^)\s]*)\)").unwrap());
pub(crate) static MD_CALL: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^\[\^(\d{1,3})\]").unwrap());
pub(crate) static ENTITY: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});").unwrap()
});
/// Parse one line (or cell) of Markdown-with-HTML into `b`. `off` is the byte offset of `s`
/// in the source. `para_break` is called at `<p>`/`</p>` boundaries (table cells hold several
/// paragraphs); elsewhere it may ignore them.
pub(crate) fn parse_inline(
    b: &mut ParaBuilder,
    s: &str,
    off: usize,
    para_break: &mut dyn FnMut(&mut ParaBuilder),
) {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut run = 0; // start of the pending run of literal text
    let mut italic_star = false;
    macro_rules! flush {
        () => {
            if run < i {
                b.push_source(&s[run..i], off + run);
            }
        };
    }
    while i < bytes.len() {
        let rest = &s[i..];
        match bytes[i] {
            b'\\' if rest.len() > 1 && rest.as_bytes()[1].is_ascii_punctuation() => {
                flush!();
                b.push_source(&rest[1..2], off + i + 1);
                i += 2;
                run = i;
            }
            b'*' | b'_' if rest.starts_with("**") || rest.starts_with("__") => {
                flush!();
                let open = !b.is_bold();
                b.bold(open);
                i += 2;
                run = i;
            }
            b'*' => {
                let prev_ws = i == 0 || s[..i].ends_with(char::is_whitespace);
                let next_ws = rest[1..].starts_with(char::is_whitespace) || rest.len() == 1;
                if !italic_star && !next_ws {
                    flush!();
                    b.italic(true);
                    italic_star = true;
                    i += 1;
                    run = i;
                } else if italic_star && !prev_ws {
                    flush!();
                    b.italic(false);
                    italic_star = false;
                    i += 1;
                    run = i;
                } else {
                    i += 1;
                }
            }
            b'<' => {
                if let Some(c) = SUP.captures(rest) {
                    flush!();
                    let inner = c.get(1).map_or("", |m| m.as_str());
                    match inner.parse::<u32>() {
                        Ok(n) if inner.len() <= 3 => b.call(n),
                        _ => {
                            let m = c.get(1).expect("group 1 always matches");
                            parse_inline(b, inner, off + i + m.start(), para_break);
                        }
                    }
                    i += c.get(0).map_or(1, |m| m.end());
                    run = i;
                } else if let Some(c) = TAG.captures(rest) {
                    flush!();
                    let close = !c[1].is_empty();
                    match c[2].to_ascii_lowercase().as_str() {
                        "b" | "strong" => b.bold(!close),
                        "i" | "em" => b.italic(!close),
                        "p" | "div" | "li" | "tr" | "br" => {
                            b.push_space(off + i);
                            para_break(b);
                        }
                        _ => b.push_space(off + i),
                    }
                    i += c.get(0).map_or(1, |m| m.end());
                    run = i;
                } else {
                    i += 1;
                }
            }
            b'&' => {
                if let Some(c) = ENTITY.captures(rest) {
                    if let Some(ch) = decode_entity(&c[1]) {
                        flush!();
                        let mut buf = [0u8; 4];
                        let len = c.get(0).map_or(1, |m| m.end());
                        b.push_source(ch.encode_utf8(&mut buf), off + i);
                        i += len;
                        run = i;
                        continue;
                    }
                }
                i += 1;
            }
            b'[' => {
                if let Some(c) = MD_CALL.captures(rest) {
                    flush!();
                    if let Ok(n) = c[1].parse() {
                        b.call(n);
                    }
                    i += c.get(0).map_or(1, |m| m.end());
                    run = i;
                } else if let Some(c) = LINK.captures(rest) {
                    flush!();
                    let m = c.get(1).expect("group 1 always matches");
                    parse_inline(b, m.as_str(), off + i + m.start(), para_break);
                    i += c.get(0).map_or(1, |m| m.end());
                    run = i;
                } else {
                    i += 1;
                }
            }
            _ => i += 1,
        }
        // Keep `i` on a char boundary after single-byte steps over multi-byte chars.
        while i < bytes.len() && !s.is_char_boundary(i) {
            i += 1;
        }
    }
    flush!();
}
pub(crate) fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let v = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(v);
    }
    Some(match name {
        "nbsp" => '\u{a0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ndash" => '–',
        "mdash" => '—',
        "euro" => '€',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "thinsp" => '\u{2009}',
        "shy" => '\u{ad}',
        _ => return None,
    })
}
