//! Fonts: from a PDF font dictionary to what text extraction needs — how to split a string
//! into character codes, each code's Unicode text and width, and the weight and style.
//!
//! Unicode comes from the font's `/ToUnicode` CMap first, as the PDF specification (9.10.2)
//! says; only codes it does not cover fall back to the font's `/Encoding` (standard encodings
//! and `/Differences`, read through lopdf's tables). lopdf's own text extraction does the
//! reverse, and its CMap type is not public, so the ToUnicode CMap is parsed here.

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::lexer::{Lexer, Operand, decode_hex};

/// A font ready for decoding shown strings.
#[derive(Debug, Clone, Default)]
pub struct Font {
    /// Code lengths in bytes by first-byte range, from the CMap's codespace ranges; empty
    /// means one byte per code.
    codespace: Vec<(u8, u32, u32)>,
    two_byte: bool,
    to_unicode: HashMap<u32, Box<str>>,
    /// `to_unicode` and `widths` as arrays indexed by code (codes are dense in the subset
    /// fonts producers embed); looked up once per glyph, so hashing showed in profiles.
    unicode_dense: Vec<Option<Box<str>>>,
    widths_dense: Vec<f32>,
    /// Fallback for one-byte fonts: the encoding's character for each code.
    simple: Vec<Option<char>>,
    /// Widths in thousandths of text space (glyph space for Type 3, scaled below).
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Multiplier from width units to text space: 0.001, or the Type 3 font matrix's.
    scale: f32,
    pub bold: bool,
    pub italic: bool,
    pub mono: bool,
    /// The font has neither a ToUnicode CMap nor a usable encoding.
    pub undecodable: bool,
    /// A hash of the family name without subset prefix and style (`TimesNewRoman` for
    /// `ABCDEE+TimesNewRomanPS-BoldMT`): a heading set in another family than the body text
    /// stands out even when it is neither bold nor larger.
    pub family: u32,
}

/// One decoded character code.
pub struct Code<'a> {
    pub text: &'a str,
    /// Advance in text space units per unit of font size.
    pub width: f32,
    /// A single-byte code 32, to which word spacing applies.
    pub is_space_byte: bool,
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map(|(_, o)| o).unwrap_or(o)
}

fn num(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

impl Font {
    /// Read a font dictionary. Never fails: what cannot be read falls back to defaults.
    pub fn load(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = dict
            .get(b"Subtype")
            .ok()
            .and_then(|o| o.as_name().ok())
            .unwrap_or(b"");
        let base = dict
            .get(b"BaseFont")
            .ok()
            .and_then(|o| o.as_name().ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let mut f = Font {
            scale: 0.001,
            default_width: 500.0,
            ..Font::default()
        };
        let mut descriptor: Option<&Dictionary> = dict
            .get(b"FontDescriptor")
            .ok()
            .map(|o| deref(doc, o))
            .and_then(|o| o.as_dict().ok());
        if subtype == b"Type0" {
            f.two_byte = true;
            if let Some(desc) = dict
                .get(b"DescendantFonts")
                .ok()
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok())
            {
                f.default_width = desc.get(b"DW").ok().and_then(num).unwrap_or(1000.0);
                if let Ok(w) = desc
                    .get(b"W")
                    .map(|o| deref(doc, o))
                    .and_then(|o| o.as_array())
                {
                    read_cid_widths(doc, w, &mut f.widths);
                }
                descriptor = descriptor.or_else(|| {
                    desc.get(b"FontDescriptor")
                        .ok()
                        .map(|o| deref(doc, o))
                        .and_then(|o| o.as_dict().ok())
                });
            }
            // An embedded CMap as /Encoding gives the code lengths; named ones (Identity-H,
            // UniGB-UCS2-H ...) are two-byte.
            if let Ok(Object::Stream(s)) = dict.get(b"Encoding").map(|o| deref(doc, o)) {
                if let Ok(data) = s.decompressed_content() {
                    f.codespace = parse_cmap(&data, &mut HashMap::new());
                }
            }
        } else {
            let first = dict.get(b"FirstChar").ok().and_then(num).unwrap_or(0.0) as u32;
            if let Ok(ws) = dict
                .get(b"Widths")
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_array())
            {
                for (i, w) in ws.iter().enumerate() {
                    if let Some(w) = num(deref(doc, w)) {
                        f.widths.insert(first + i as u32, w);
                    }
                }
            }
            if let Some(missing) = descriptor
                .and_then(|d| d.get(b"MissingWidth").ok())
                .and_then(num)
            {
                if missing > 0.0 {
                    f.default_width = missing;
                }
            }
            if subtype == b"Type3" {
                if let Ok(m) = dict
                    .get(b"FontMatrix")
                    .map(|o| deref(doc, o))
                    .and_then(|o| o.as_array())
                {
                    if let Some(a) = m.first().and_then(num) {
                        f.scale = a;
                    }
                }
            }
            // The encoding's table, through lopdf, for codes the ToUnicode CMap lacks.
            if let Ok(enc) = dict.get_font_encoding(doc) {
                f.simple = (0..=255u8)
                    .map(|b| {
                        enc.bytes_to_string(&[b])
                            .ok()
                            .and_then(|s| s.chars().next())
                            .filter(|c| *c != '\u{fffd}')
                    })
                    .collect();
            }
        }
        if let Ok(Object::Stream(s)) = dict.get(b"ToUnicode").map(|o| deref(doc, o)) {
            if let Ok(data) = s.decompressed_content() {
                let ranges = parse_cmap(&data, &mut f.to_unicode);
                if f.two_byte && f.codespace.is_empty() && ranges.iter().any(|r| r.0 != 2) {
                    f.codespace = ranges;
                }
            }
        }
        f.undecodable =
            f.to_unicode.is_empty() && (f.two_byte || f.simple.iter().all(Option::is_none));
        f.densify();
        style(&base, descriptor, &mut f);
        f.family = family_hash(&base);
        if base.contains("Symbol") && f.to_unicode.is_empty() {
            // Word's bullet: Symbol font code 0xB7 (or its private-use twin U+F0B7).
            f.simple.resize(256, None);
            f.simple[0xB7] = Some('•');
        }
        f
    }

    /// Build the per-code arrays for codes below 65 536.
    fn densify(&mut self) {
        const LIMIT: u32 = 1 << 16;
        let top = |keys: &mut dyn Iterator<Item = u32>| {
            keys.filter(|&k| k < LIMIT)
                .max()
                .map_or(0, |m| m as usize + 1)
        };
        let n = top(&mut self.to_unicode.keys().copied());
        self.unicode_dense = vec![None; n];
        for (&k, v) in &self.to_unicode {
            if k < LIMIT {
                self.unicode_dense[k as usize] = Some(v.clone());
            }
        }
        let n = top(&mut self.widths.keys().copied());
        self.widths_dense = vec![f32::NAN; n];
        for (&k, &v) in &self.widths {
            if k < LIMIT {
                self.widths_dense[k as usize] = v;
            }
        }
    }

    fn width(&self, code: u32) -> f32 {
        let w = match self.widths_dense.get(code as usize) {
            Some(w) if !w.is_nan() => *w,
            Some(_) => self.default_width,
            None => self
                .widths
                .get(&code)
                .copied()
                .unwrap_or(self.default_width),
        };
        w * self.scale
    }

    fn unicode(&self, code: u32) -> Option<&str> {
        match self.unicode_dense.get(code as usize) {
            Some(u) => u.as_deref(),
            None => self.to_unicode.get(&code).map(|s| &**s),
        }
    }

    /// Split `bytes` into codes and call `each` with every code's text and width.
    pub fn decode(&self, bytes: &[u8], mut each: impl FnMut(Code<'_>)) {
        let mut i = 0;
        let mut buf = [0u8; 4];
        while i < bytes.len() {
            let len = self.code_len(&bytes[i..]);
            let code = bytes[i..(i + len).min(bytes.len())]
                .iter()
                .fold(0u32, |acc, &b| acc << 8 | u32::from(b));
            i += len;
            let width = self.width(code);
            let is_space_byte = len == 1 && code == 32;
            if let Some(t) = self.unicode(code) {
                each(Code {
                    text: t,
                    width,
                    is_space_byte,
                });
                continue;
            }
            let ch = if len == 1 {
                self.simple
                    .get(code as usize)
                    .copied()
                    .flatten()
                    .or_else(|| (32..127).contains(&code).then(|| char::from(code as u8)))
            } else {
                None
            };
            let ch = ch.unwrap_or('\u{fffd}');
            each(Code {
                text: ch.encode_utf8(&mut buf),
                width,
                is_space_byte,
            });
        }
    }

    fn code_len(&self, rest: &[u8]) -> usize {
        if !self.codespace.is_empty() {
            // The shortest codespace range the leading bytes fall in.
            for &(len, lo, hi) in &self.codespace {
                let len = usize::from(len).min(rest.len()).max(1);
                let v = rest[..len]
                    .iter()
                    .fold(0u32, |acc, &b| acc << 8 | u32::from(b));
                if v >= lo && v <= hi {
                    return len;
                }
            }
        }
        if self.two_byte { 2 } else { 1 }
    }
}

/// `/W [c [w1 w2 ...] cfirst clast w ...]`
fn read_cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f32>) {
    let mut i = 0;
    while i < w.len() {
        let Some(first) = num(deref(doc, &w[i])) else {
            break;
        };
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(ws)) => {
                for (k, x) in ws.iter().enumerate().take(65536) {
                    if let Some(x) = num(deref(doc, x)) {
                        out.insert(first as u32 + k as u32, x);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let (Some(last), Some(x)) =
                    (num(o), w.get(i + 2).map(|o| deref(doc, o)).and_then(num))
                else {
                    break;
                };
                let (a, b) = (first as u32, (last as u32).min(first as u32 + 65536));
                for c in a..=b {
                    out.insert(c, x);
                }
                i += 3;
            }
            None => break,
        }
    }
}

/// The family of a base font name: subset prefix, separators and style words removed.
pub fn family_name(base: &str) -> String {
    let name: String = base
        .split_once('+')
        .map_or(base, |(_, n)| n)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    const STYLES: [&str; 12] = [
        "bold",
        "ital",
        "oblique",
        "regu",
        "medium",
        "light",
        "black",
        "heavy",
        "demi",
        "semi",
        "book",
        "condensed",
    ];
    let cut = STYLES
        .iter()
        .filter_map(|w| name.find(w).filter(|&i| i > 0))
        .min()
        .unwrap_or(name.len());
    let mut family = &name[..cut];
    for suffix in ["mt", "ps", "mt", "ps"] {
        if family.len() > suffix.len() + 2 {
            family = family.strip_suffix(suffix).unwrap_or(family);
        }
    }
    family.to_string()
}

fn family_hash(base: &str) -> u32 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    family_name(base).hash(&mut h);
    h.finish() as u32
}

/// Font weight and style from the base font name and the descriptor.
fn style(base: &str, descriptor: Option<&Dictionary>, f: &mut Font) {
    let name = base
        .split_once('+')
        .map_or(base, |(_, n)| n)
        .to_ascii_lowercase();
    let flags = descriptor
        .and_then(|d| d.get(b"Flags").ok())
        .and_then(num)
        .unwrap_or(0.0) as u32;
    let weight = descriptor
        .and_then(|d| d.get(b"FontWeight").ok())
        .and_then(num)
        .unwrap_or(0.0);
    let italic_angle = descriptor
        .and_then(|d| d.get(b"ItalicAngle").ok())
        .and_then(num)
        .unwrap_or(0.0);
    f.bold = [
        "bold", "black", "heavy", "semibold", "demi", "cmbx", "-bd", ",bd",
    ]
    .iter()
    .any(|w| name.contains(w))
        || weight >= 600.0
        || flags & (1 << 18) != 0;
    f.italic = name.contains("italic")
        || name.contains("oblique")
        || italic_angle.abs() > 0.5
        || flags & (1 << 6) != 0;
    f.mono = name.contains("mono")
        || name.contains("courier")
        || name.contains("consol")
        || name.contains("cmtt")
        || flags & 1 != 0;
}

/// Parse a CMap: fill `map` from `bfchar`/`bfrange` entries (destinations in UTF-16BE) and
/// return the codespace ranges as (byte length, low, high).
pub fn parse_cmap(data: &[u8], map: &mut HashMap<u32, Box<str>>) -> Vec<(u8, u32, u32)> {
    let mut lx = Lexer::new(data);
    let mut ops = Vec::new();
    let mut ranges = Vec::new();
    let mut a = Vec::new();
    let mut b = Vec::new();
    let code = |bytes: &[u8]| {
        bytes
            .iter()
            .take(4)
            .fold(0u32, |acc, &x| acc << 8 | u32::from(x))
    };
    // Bound the work a hostile CMap can ask for.
    let mut budget: usize = 1 << 20;
    while let Some(op) = lx.next_op(&mut ops) {
        match op {
            b"endcodespacerange" => {
                for pair in ops.chunks(2) {
                    if let [Operand::Hex(lo), Operand::Hex(hi)] = pair {
                        decode_hex(lo, &mut a);
                        decode_hex(hi, &mut b);
                        if !a.is_empty() {
                            ranges.push((a.len().min(4) as u8, code(&a), code(&b)));
                        }
                    }
                }
            }
            b"endbfchar" => {
                for pair in ops.chunks(2) {
                    if let [Operand::Hex(src), Operand::Hex(dst)] = pair {
                        decode_hex(src, &mut a);
                        decode_hex(dst, &mut b);
                        map.insert(code(&a), utf16(&b).into());
                    }
                }
            }
            b"endbfrange" => {
                let mut i = 0;
                while i + 2 < ops.len() {
                    let (Operand::Hex(lo), Operand::Hex(hi)) = (ops[i], ops[i + 1]) else {
                        i += 1;
                        continue;
                    };
                    decode_hex(lo, &mut a);
                    let lo = code(&a);
                    decode_hex(hi, &mut a);
                    let hi = code(&a).max(lo);
                    match ops[i + 2] {
                        Operand::Hex(dst) => {
                            decode_hex(dst, &mut b);
                            let mut units: Vec<u16> = b
                                .chunks(2)
                                .map(|c| u16::from(c[0]) << 8 | u16::from(*c.get(1).unwrap_or(&0)))
                                .collect();
                            for c in lo..=hi {
                                if budget == 0 {
                                    break;
                                }
                                budget -= 1;
                                map.insert(c, String::from_utf16_lossy(&units).into());
                                if let Some(last) = units.last_mut() {
                                    *last = last.wrapping_add(1);
                                }
                            }
                            i += 3;
                        }
                        Operand::ArrayStart => {
                            let mut k = i + 3;
                            let mut c = lo;
                            while k < ops.len() && ops[k] != Operand::ArrayEnd {
                                if let Operand::Hex(dst) = ops[k] {
                                    decode_hex(dst, &mut b);
                                    if c <= hi {
                                        map.insert(c, utf16(&b).into());
                                    }
                                    c = c.saturating_add(1);
                                }
                                k += 1;
                            }
                            i = k + 1;
                        }
                        _ => i += 3,
                    }
                }
            }
            _ => {}
        }
        if budget == 0 {
            break;
        }
    }
    ranges.sort_by_key(|r| r.0);
    ranges
}

fn utf16(b: &[u8]) -> String {
    let units: Vec<u16> = b
        .chunks(2)
        .map(|c| u16::from(c[0]) << 8 | u16::from(*c.get(1).unwrap_or(&0)))
        .collect();
    String::from_utf16_lossy(&units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cmap_chars_ranges_and_arrays() {
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
            1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0003> <0020> <0011> <002E> endbfchar
            2 beginbfrange <0024> <0026> <0041> <0050> <0051> [<00660069> <D835DC9C>] endbfrange
            endcmap";
        let mut map = HashMap::new();
        let ranges = parse_cmap(cmap, &mut map);
        assert_eq!(ranges, vec![(2, 0, 0xffff)]);
        assert_eq!(&*map[&3], " ");
        assert_eq!(&*map[&0x11], ".");
        assert_eq!(&*map[&0x25], "B");
        assert_eq!(&*map[&0x26], "C");
        assert_eq!(&*map[&0x50], "fi");
        assert_eq!(&*map[&0x51], "\u{1d49c}");
    }

    #[test]
    fn decode_two_byte_with_widths() {
        let mut f = Font {
            two_byte: true,
            scale: 0.001,
            default_width: 1000.0,
            ..Font::default()
        };
        f.to_unicode.insert(0x24, "A".into());
        f.widths.insert(0x24, 722.0);
        f.densify();
        let mut got = Vec::new();
        f.decode(&[0x00, 0x24, 0x00, 0x99], |c| {
            got.push((c.text.to_string(), (c.width * 1000.0).round()))
        });
        assert_eq!(
            got,
            vec![("A".to_string(), 722.0), ("\u{fffd}".to_string(), 1000.0)]
        );
    }

    #[test]
    fn family_names_drop_subset_and_style() {
        for (base, family) in [
            ("ABCDEE+TimesNewRomanPS-BoldMT", "timesnewroman"),
            ("TimesNewRomanPSMT", "timesnewroman"),
            ("EUAlbertina-Regu", "eualbertina"),
            ("EUAlbertina-Ital", "eualbertina"),
            ("Calibri,Bold", "calibri"),
            ("KZUJSR+Liberation-Serif-Bold", "liberationserif"),
            ("Georgia", "georgia"),
        ] {
            assert_eq!(family_name(base), family, "{base}");
        }
    }

    #[test]
    fn names_give_style() {
        let mut f = Font::default();
        style("KZUJSR+Liberation-Serif-Bold", None, &mut f);
        assert!(f.bold && !f.italic && !f.mono);
        style("ABCDEF+DejaVu-Sans-Mono", None, &mut f);
        assert!(!f.bold && f.mono);
        style("TimesNewRomanPS-BoldItalicMT", None, &mut f);
        assert!(f.bold && f.italic);
    }
}
