//! Content-stream interpreter: runs a page's operators with the graphics and text state and
//! places every glyph — position, width, size, style — plus the horizontal rules that mark
//! footnote areas. Form XObjects are followed; work per page is bounded.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use lopdf::{Dictionary, Document, Object, ObjectId};
use rayon::prelude::*;

use super::font::Font;
use super::lexer::{Lexer, Operand, decode_hex, decode_literal, dict_integer};

/// Bounds on the work one page may ask for, so a hostile file cannot spin.
const MAX_OPS: usize = 3_000_000;
const MAX_GLYPHS: usize = 500_000;
const MAX_FORM_DEPTH: usize = 8;
const MAX_STACK: usize = 256;
const MAX_CONTENT: usize = 64 << 20;

pub const BOLD: u8 = 1;
pub const ITALIC: u8 = 2;
pub const MONO: u8 = 4;

/// A placed glyph. Coordinates are page units with y growing downwards from the page top.
#[derive(Debug, Clone, Copy)]
pub struct Glyph {
    pub x: f32,
    /// Baseline.
    pub y: f32,
    pub w: f32,
    pub size: f32,
    pub style: u8,
    /// Byte range of its text in [`PageContent::text`].
    pub start: u32,
    pub len: u16,
    /// The marked-content id the glyph is drawn in ([`NO_MCID`] outside one, or when the
    /// document is not tagged): the key into the structure tree.
    pub mcid: u32,
    /// Drawn inside `/Artifact` marked content: page furniture by the producer's own account.
    pub artifact: bool,
    /// The font's family ([`Font::family`]).
    pub family: u32,
}

/// [`Glyph::mcid`] of a glyph outside any marked-content sequence with an id.
pub const NO_MCID: u32 = u32::MAX;

/// A horizontal rule: from `x0` to `x1` at height `y` (y downwards).
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
}

/// What a page shows.
#[derive(Debug, Default)]
pub struct PageContent {
    pub glyphs: Vec<Glyph>,
    pub text: String,
    pub rules: Vec<Rule>,
    pub width: f32,
    pub height: f32,
    /// The page hit a work bound and was cut short.
    pub truncated: bool,
    /// Some text was in a font without any way to map it to Unicode.
    pub undecodable: bool,
}

impl Glyph {
    pub fn text<'a>(&self, page: &'a PageContent) -> &'a str {
        let s = self.start as usize;
        &page.text[s..s + self.len as usize]
    }
}

/// The letters of a typographic ligature (TeX and some Word fonts map their `ff`, `fi`, `ffi`
/// glyphs to these code points), so `traﬃcking` reads as `trafficking`.
fn expand_ligature(text: &str) -> &str {
    match text {
        "\u{fb00}" => "ff",
        "\u{fb01}" => "fi",
        "\u{fb02}" => "fl",
        "\u{fb03}" => "ffi",
        "\u{fb04}" => "ffl",
        "\u{fb05}" | "\u{fb06}" => "st",
        "\u{fb00}i" => "ffi",
        "\u{fb00}l" => "ffl",
        t => t,
    }
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `a × b` for affine matrices in PDF's row-vector convention.
fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<Arc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    h_scale: f32,
    leading: f32,
    rise: f32,
    render: i32,
}

impl Default for GState {
    fn default() -> Self {
        GState {
            ctm: IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            render: 0,
        }
    }
}

/// Fonts loaded once per document, shared by the page workers.
type FontCache = HashMap<ObjectId, Arc<Font>>;

/// Load every font the pages' resources (and their form XObjects') refer to.
fn collect_fonts(doc: &Document, pages: &[ObjectId]) -> FontCache {
    let mut ids: HashSet<ObjectId> = HashSet::new();
    let mut seen_res: HashSet<ObjectId> = HashSet::new();
    for &p in pages {
        for res in page_resources(doc, p) {
            font_ids(doc, res, &mut ids, &mut seen_res, 0);
        }
    }
    ids.into_iter()
        .filter_map(|id| {
            let dict = doc.get_object(id).ok()?.as_dict().ok()?;
            Some((id, Arc::new(Font::load(doc, dict))))
        })
        .collect()
}

fn font_ids(
    doc: &Document,
    res: &Dictionary,
    ids: &mut HashSet<ObjectId>,
    seen: &mut HashSet<ObjectId>,
    depth: usize,
) {
    if let Some(fonts) = get_dict(doc, res, b"Font") {
        for (_, v) in fonts.iter() {
            if let Object::Reference(id) = v {
                ids.insert(*id);
            }
        }
    }
    if depth >= MAX_FORM_DEPTH {
        return;
    }
    if let Some(xobjects) = get_dict(doc, res, b"XObject") {
        for (_, v) in xobjects.iter() {
            let Object::Reference(id) = v else { continue };
            if !seen.insert(*id) {
                continue;
            }
            if let Ok(Object::Stream(s)) = doc.get_object(*id) {
                if let Some(r) = get_dict(doc, &s.dict, b"Resources") {
                    font_ids(doc, r, ids, seen, depth + 1);
                }
            }
        }
    }
}

fn get_dict<'a>(doc: &'a Document, d: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
    let o = d.get(key).ok()?;
    let o = doc.dereference(o).ok()?.1;
    o.as_dict().ok()
}

/// The page's resource dictionaries, nearest first.
fn page_resources(doc: &Document, page: ObjectId) -> Vec<&Dictionary> {
    let mut out = Vec::new();
    if let Ok((inline, ids)) = doc.get_page_resources(page) {
        out.extend(inline);
        out.extend(ids.into_iter().filter_map(|id| doc.get_dictionary(id).ok()));
    }
    out
}

fn page_box(doc: &Document, page: ObjectId) -> [f32; 4] {
    let mut node = doc.get_dictionary(page).ok();
    for _ in 0..32 {
        let Some(d) = node else { break };
        for key in [&b"CropBox"[..], b"MediaBox"] {
            if let Ok(a) = d
                .get(key)
                .and_then(|o| doc.dereference(o).map(|x| x.1))
                .and_then(|o| o.as_array())
            {
                let v: Vec<f32> = a
                    .iter()
                    .filter_map(|o| match o {
                        Object::Integer(i) => Some(*i as f32),
                        Object::Real(r) => Some(*r),
                        _ => None,
                    })
                    .collect();
                if v.len() == 4 {
                    return [
                        v[0].min(v[2]),
                        v[1].min(v[3]),
                        v[0].max(v[2]),
                        v[1].max(v[3]),
                    ];
                }
            }
        }
        node = d
            .get(b"Parent")
            .ok()
            .and_then(|p| p.as_reference().ok())
            .and_then(|id| doc.get_dictionary(id).ok());
    }
    [0.0, 0.0, 595.0, 842.0]
}

struct Interp<'d> {
    doc: &'d Document,
    fonts: &'d FontCache,
    local_fonts: HashMap<Vec<u8>, Arc<Font>>,
    out: PageContent,
    ops: usize,
    page_top: f32,
    page_left: f32,
    scratch: Vec<u8>,
    path: Vec<(f32, f32, f32, f32)>,
    forms: Vec<ObjectId>,
    /// Read marked content (only for tagged documents, where ids mean something).
    tagged: bool,
    /// Open marked-content sequences: their id, and whether they are artifacts.
    marks: Vec<(u32, bool)>,
}

/// Interpret every page, in parallel, the fonts loaded once for all. `tagged`: as for
/// [`read_page`].
pub(super) fn read_pages(doc: &Document, pages: &[ObjectId], tagged: bool) -> Vec<PageContent> {
    let fonts = collect_fonts(doc, pages);
    pages
        .par_iter()
        .map(|&p| read_page(doc, p, &fonts, tagged))
        .collect()
}

/// Interpret one page. `tagged`: the document has a structure tree, so marked-content ids
/// and artifacts are recorded on the glyphs.
fn read_page(doc: &Document, page: ObjectId, fonts: &FontCache, tagged: bool) -> PageContent {
    let bx = page_box(doc, page);
    let mut it = Interp {
        doc,
        fonts,
        local_fonts: HashMap::new(),
        out: PageContent {
            width: bx[2] - bx[0],
            height: bx[3] - bx[1],
            ..PageContent::default()
        },
        ops: 0,
        page_top: bx[3],
        page_left: bx[0],
        scratch: Vec::new(),
        path: Vec::new(),
        forms: Vec::new(),
        tagged,
        marks: Vec::new(),
    };
    let content = match doc.get_page_content_with_limit(page, MAX_CONTENT) {
        Ok(c) => c,
        Err(_) => {
            it.out.truncated = true;
            return it.out;
        }
    };
    let resources = page_resources(doc, page);
    let mut gs = GState::default();
    it.run(&content, &resources, &mut gs, 0);
    it.out
}

impl<'d> Interp<'d> {
    fn font(&mut self, resources: &[&'d Dictionary], name: &[u8]) -> Option<Arc<Font>> {
        for res in resources {
            let Some(fonts) = get_dict(self.doc, res, b"Font") else {
                continue;
            };
            match fonts.get(name) {
                Ok(Object::Reference(id)) => {
                    if let Some(f) = self.fonts.get(id) {
                        return Some(f.clone());
                    }
                    let dict = self.doc.get_object(*id).ok()?.as_dict().ok()?;
                    return Some(Arc::new(Font::load(self.doc, dict)));
                }
                Ok(Object::Dictionary(d)) => {
                    let key = name.to_vec();
                    if let Some(f) = self.local_fonts.get(&key) {
                        return Some(f.clone());
                    }
                    let f = Arc::new(Font::load(self.doc, d));
                    self.local_fonts.insert(key, f.clone());
                    return Some(f);
                }
                _ => continue,
            }
        }
        None
    }

    fn run(&mut self, content: &[u8], resources: &[&'d Dictionary], gs: &mut GState, depth: usize) {
        let mut lx = Lexer::new(content);
        let mut operands: Vec<Operand> = Vec::with_capacity(16);
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        while let Some(op) = lx.next_op(&mut operands) {
            self.ops += 1;
            if self.ops > MAX_OPS || self.out.glyphs.len() > MAX_GLYPHS {
                self.out.truncated = true;
                return;
            }
            let n = |i: usize| -> f32 {
                match operands.get(i) {
                    Some(Operand::Number(v)) if v.is_finite() => *v,
                    _ => 0.0,
                }
            };
            let args = operands.len();
            match op {
                b"q" if stack.len() < MAX_STACK => stack.push(gs.clone()),
                b"Q" => {
                    if let Some(s) = stack.pop() {
                        *gs = s;
                    }
                }
                b"cm" if args >= 6 => {
                    let m = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    gs.ctm = mul(&m, &gs.ctm);
                }
                b"BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                b"Tf" if args >= 2 => {
                    if let Some(Operand::Name(name)) = operands.first() {
                        gs.font = self.font(resources, name);
                    }
                    gs.size = n(1);
                }
                b"Tc" => gs.char_spacing = n(0),
                b"Tw" => gs.word_spacing = n(0),
                b"Tz" => gs.h_scale = n(0) / 100.0,
                b"TL" => gs.leading = n(0),
                b"Ts" => gs.rise = n(0),
                b"Tr" => gs.render = n(0) as i32,
                b"Td" if args >= 2 => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                b"TD" if args >= 2 => {
                    gs.leading = -n(1);
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                    tm = tlm;
                }
                b"Tm" if args >= 6 => {
                    tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    tm = tlm;
                }
                b"T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" => {
                    if op == b"'" || op == b"\"" {
                        if op == b"\"" && args >= 3 {
                            gs.word_spacing = n(0);
                            gs.char_spacing = n(1);
                        }
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading], &tlm);
                        tm = tlm;
                    }
                    if let Some(s) = operands.last().copied() {
                        self.show(s, gs, &mut tm);
                    }
                }
                b"TJ" => {
                    for &operand in &operands {
                        match operand {
                            Operand::Number(adj) if adj.is_finite() => {
                                let tx = -adj / 1000.0 * gs.size * gs.h_scale;
                                tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                            }
                            s @ (Operand::Literal(_) | Operand::Hex(_)) => {
                                self.show(s, gs, &mut tm)
                            }
                            _ => {}
                        }
                    }
                }
                b"Do" => {
                    if let Some(Operand::Name(name)) = operands.first() {
                        let name = name.to_vec();
                        self.form(&name, resources, gs, depth);
                    }
                }
                b"re" if args >= 4 => {
                    let (x, y, w, h) = (n(0), n(1), n(2), n(3));
                    self.path.push((x, y, x + w, y + h));
                }
                b"m" | b"l" if args >= 2 => {
                    let (x, y) = (n(0), n(1));
                    if op == b"l" {
                        if let Some(&(_, _, px, py)) = self.path.last() {
                            self.path.push((px, py, x, y));
                            continue;
                        }
                    }
                    self.path.push((x, y, x, y));
                }
                b"S" | b"s" | b"f" | b"F" | b"f*" | b"B" | b"B*" | b"b" | b"b*" => {
                    let segs = std::mem::take(&mut self.path);
                    for &(x0, y0, x1, y1) in &segs {
                        self.rule(gs, x0, y0, x1, y1);
                    }
                    // Two boxes of one width filled even-odd leave a thin strip where their
                    // edges differ: a rule drawn as a difference of rectangles.
                    if op.ends_with(b"*") {
                        for (i, a) in segs.iter().enumerate() {
                            for b in &segs[i + 1..] {
                                if (a.0 - b.0).abs() < 1.0 && (a.2 - b.2).abs() < 1.0 {
                                    for (ya, yb) in [(a.1, b.1), (a.3, b.3)] {
                                        if (ya - yb).abs() > 0.0 && (ya - yb).abs() <= 2.0 {
                                            self.rule(gs, a.0, ya, a.2, yb);
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                b"n" => self.path.clear(),
                b"BMC" | b"BDC" if self.tagged => {
                    let artifact = matches!(operands.first(), Some(Operand::Name(b"Artifact")));
                    // Ids inside a form XObject number the form's own content, not the page's.
                    let mcid = match operands.get(1) {
                        _ if depth > 0 || op == b"BMC" => None,
                        Some(Operand::Dict(raw)) => dict_integer(raw, b"MCID"),
                        Some(Operand::Name(name)) => self.property_mcid(resources, name),
                        _ => None,
                    };
                    if self.marks.len() < MAX_STACK {
                        self.marks.push((mcid.unwrap_or(NO_MCID), artifact));
                    }
                }
                b"EMC" if self.tagged => {
                    self.marks.pop();
                }
                _ => {}
            }
        }
    }

    /// The `/MCID` of a property list named in the resources' `/Properties`.
    fn property_mcid(&self, resources: &[&'d Dictionary], name: &[u8]) -> Option<u32> {
        resources.iter().find_map(|res| {
            let props = get_dict(self.doc, res, b"Properties")?;
            let o = self.doc.dereference(props.get(name).ok()?).ok()?.1;
            let id = o.as_dict().ok()?.get(b"MCID").ok()?.as_i64().ok()?;
            u32::try_from(id).ok()
        })
    }

    /// The id and artifact flag that glyphs drawn now carry.
    fn mark(&self) -> (u32, bool) {
        let mcid = self
            .marks
            .iter()
            .rev()
            .map(|m| m.0)
            .find(|&m| m != NO_MCID)
            .unwrap_or(NO_MCID);
        (mcid, self.marks.iter().any(|m| m.1))
    }

    /// Record a thin horizontal shape as a rule.
    fn rule(&mut self, gs: &GState, x0: f32, y0: f32, x1: f32, y1: f32) {
        let (ax, ay) = apply(&gs.ctm, x0, y0);
        let (bx, by) = apply(&gs.ctm, x1, y1);
        let (w, h) = ((bx - ax).abs(), (by - ay).abs());
        if w >= 20.0 && h <= 2.0 {
            self.out.rules.push(Rule {
                x0: ax.min(bx) - self.page_left,
                x1: ax.max(bx) - self.page_left,
                y: self.page_top - (ay + by) / 2.0,
            });
        }
    }

    fn form(&mut self, name: &[u8], resources: &[&'d Dictionary], gs: &GState, depth: usize) {
        if depth >= MAX_FORM_DEPTH {
            return;
        }
        let doc = self.doc;
        let found = resources.iter().find_map(|res| {
            let xo = get_dict(doc, res, b"XObject")?;
            match xo.get(name).ok()? {
                Object::Reference(id) => Some(*id),
                _ => None,
            }
        });
        let Some(id) = found else { return };
        if self.forms.contains(&id) {
            return; // a form that draws itself
        }
        let Ok(Object::Stream(s)) = doc.get_object(id) else {
            return;
        };
        if s.dict.get(b"Subtype").ok().and_then(|o| o.as_name().ok()) != Some(b"Form") {
            return;
        }
        let Ok(content) = s.decompressed_content_with_limit(MAX_CONTENT).or_else(|e| {
            if s.dict.get(b"Filter").is_err() {
                Ok(s.content.clone())
            } else {
                Err(e)
            }
        }) else {
            return;
        };
        let matrix = s
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|o| o.as_array().ok())
            .map(|a| {
                let v: Vec<f32> = a
                    .iter()
                    .map(|o| match o {
                        Object::Integer(i) => *i as f32,
                        Object::Real(r) => *r,
                        _ => 0.0,
                    })
                    .collect();
                if v.len() == 6 {
                    [v[0], v[1], v[2], v[3], v[4], v[5]]
                } else {
                    IDENTITY
                }
            })
            .unwrap_or(IDENTITY);
        let mut own: Vec<&'d Dictionary> = Vec::new();
        if let Some(r) = get_dict(doc, &s.dict, b"Resources") {
            own.push(r);
        }
        own.extend_from_slice(resources);
        let mut inner = gs.clone();
        inner.ctm = mul(&matrix, &gs.ctm);
        self.forms.push(id);
        self.run(&content, &own, &mut inner, depth + 1);
        self.forms.pop();
    }

    fn show(&mut self, s: Operand, gs: &GState, tm: &mut Matrix) {
        let Some(font) = gs.font.clone() else { return };
        let mut bytes = std::mem::take(&mut self.scratch);
        match s {
            Operand::Literal(raw) => decode_literal(raw, &mut bytes),
            Operand::Hex(raw) => decode_hex(raw, &mut bytes),
            _ => return,
        }
        if font.undecodable {
            self.out.undecodable = true;
        }
        let style = (if font.bold || gs.render == 2 { BOLD } else { 0 })
            | (if font.italic { ITALIC } else { 0 })
            | (if font.mono { MONO } else { 0 });
        let size = gs.size;
        let th = gs.h_scale;
        let (top, left) = (self.page_top, self.page_left);
        let (mcid, artifact) = self.mark();
        let out = &mut self.out;
        // Within one string the text matrix only moves along the baseline, so the combined
        // matrix is computed once and the origin advanced by each glyph's width.
        let m = mul(tm, &gs.ctm);
        let sx = (m[0] * m[0] + m[1] * m[1]).sqrt();
        let sy = (m[2] * m[2] + m[3] * m[3]).sqrt();
        let upright =
            m[0] > 0.0 && m[3] > 0.0 && m[1].abs() <= 0.05 * m[0] && m[2].abs() <= 0.05 * m[3];
        let (mut x, mut y) = apply(&m, 0.0, gs.rise);
        let mut moved = 0.0f32;
        font.decode(&bytes, |code| {
            let adv = (code.width * size
                + gs.char_spacing
                + if code.is_space_byte {
                    gs.word_spacing
                } else {
                    0.0
                })
                * th;
            if upright && out.glyphs.len() < MAX_GLYPHS && size != 0.0 {
                let first = code.text.chars().next().unwrap_or(' ');
                let text = if first.is_whitespace() && code.text.len() == first.len_utf8() {
                    " "
                } else {
                    expand_ligature(code.text)
                };
                if !first.is_control() || first.is_whitespace() {
                    let start = out.text.len() as u32;
                    out.text.push_str(text);
                    out.glyphs.push(Glyph {
                        x: x - left,
                        y: top - y,
                        w: code.width * size * th * sx,
                        size: (size * sy).abs(),
                        style,
                        start,
                        len: text.len().min(u16::MAX as usize) as u16,
                        mcid,
                        artifact,
                        family: font.family,
                    });
                }
            }
            x += adv * m[0];
            y += adv * m[1];
            moved += adv;
        });
        *tm = mul(&[1.0, 0.0, 0.0, 1.0, moved, 0.0], tm);
        self.scratch = bytes;
    }
}
