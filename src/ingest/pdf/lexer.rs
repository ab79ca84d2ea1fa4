//! A zero-copy lexer for PDF content streams.
//!
//! lopdf's `Content::decode` builds an owned `Object` tree for every operand and spends about
//! 10 µs per operator on the shared fixture; this lexer borrows from the stream bytes, keeps
//! strings raw until a text operator needs them, and skips what text extraction does not use
//! (dictionaries, inline image data).

/// An operand as it appears in the stream.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Operand<'a> {
    Number(f32),
    Name(&'a [u8]),
    /// A literal string's raw contents, escapes not yet decoded.
    Literal(&'a [u8]),
    /// A hex string's raw contents.
    Hex(&'a [u8]),
    ArrayStart,
    ArrayEnd,
    /// A dictionary's raw bytes, `<<` to `>>`; read only for marked content (`/MCID n`).
    Dict(&'a [u8]),
    Other,
}

pub struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

impl<'a> Lexer<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Lexer { data, pos: 0 }
    }

    fn skip_white(&mut self) {
        while self.pos < self.data.len() {
            let b = self.data[self.pos];
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while self.pos < self.data.len() && !matches!(self.data[self.pos], b'\n' | b'\r') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn regular(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.pos < self.data.len()
            && !is_white(self.data[self.pos])
            && !is_delim(self.data[self.pos])
        {
            self.pos += 1;
        }
        &self.data[start..self.pos]
    }

    /// Read operands into `operands` (cleared first) up to the next operator and return it;
    /// `None` at the end of the stream.
    pub fn next_op(&mut self, operands: &mut Vec<Operand<'a>>) -> Option<&'a [u8]> {
        operands.clear();
        loop {
            self.skip_white();
            let &b = self.data.get(self.pos)?;
            match b {
                b'/' => {
                    self.pos += 1;
                    let name = self.regular();
                    operands.push(Operand::Name(name));
                }
                b'(' => {
                    let s = self.literal();
                    operands.push(Operand::Literal(s));
                }
                b'<' => {
                    if self.data.get(self.pos + 1) == Some(&b'<') {
                        let start = self.pos;
                        self.skip_dict();
                        operands.push(Operand::Dict(&self.data[start..self.pos]));
                    } else {
                        self.pos += 1;
                        let start = self.pos;
                        while self.pos < self.data.len() && self.data[self.pos] != b'>' {
                            self.pos += 1;
                        }
                        operands.push(Operand::Hex(&self.data[start..self.pos]));
                        self.pos += 1;
                    }
                }
                b'[' => {
                    self.pos += 1;
                    operands.push(Operand::ArrayStart);
                }
                b']' => {
                    self.pos += 1;
                    operands.push(Operand::ArrayEnd);
                }
                b'{' | b'}' | b')' | b'>' => {
                    self.pos += 1;
                    operands.push(Operand::Other);
                }
                b'+' | b'-' | b'.' | b'0'..=b'9' => {
                    let tok = self.regular();
                    if tok.is_empty() {
                        self.pos += 1;
                        continue;
                    }
                    operands.push(parse_number(tok).map_or(Operand::Other, Operand::Number));
                }
                _ => {
                    let word = self.regular();
                    if word.is_empty() {
                        self.pos += 1;
                        continue;
                    }
                    match word {
                        b"true" | b"false" | b"null" => operands.push(Operand::Other),
                        b"BI" => {
                            self.skip_inline_image();
                            operands.clear();
                        }
                        _ => return Some(word),
                    }
                }
            }
        }
    }

    /// A literal string starting at `(`; returns the raw bytes between the parentheses.
    fn literal(&mut self) -> &'a [u8] {
        self.pos += 1;
        let start = self.pos;
        let mut depth = 1;
        while self.pos < self.data.len() {
            match self.data[self.pos] {
                b'\\' => self.pos += 1,
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        let s = &self.data[start..self.pos];
                        self.pos += 1;
                        return s;
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
        &self.data[start.min(self.data.len())..]
    }

    fn skip_dict(&mut self) {
        let mut depth = 0;
        while self.pos < self.data.len() {
            match self.data[self.pos] {
                b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                    depth += 1;
                    self.pos += 2;
                }
                b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                    depth -= 1;
                    self.pos += 2;
                    if depth == 0 {
                        return;
                    }
                }
                b'(' => {
                    self.literal();
                }
                _ => self.pos += 1,
            }
        }
    }

    /// Skip `BI ... ID <data> EI`: the data ends at `EI` between whitespace.
    fn skip_inline_image(&mut self) {
        let d = self.data;
        while self.pos + 1 < d.len() {
            if d[self.pos] == b'I'
                && d[self.pos + 1] == b'D'
                && self.pos > 0
                && is_white(d[self.pos - 1])
            {
                self.pos += 3;
                break;
            }
            self.pos += 1;
        }
        while self.pos + 1 < d.len() {
            if d[self.pos] == b'E'
                && d[self.pos + 1] == b'I'
                && is_white(d[self.pos - 1])
                && d.get(self.pos + 2)
                    .is_none_or(|&b| is_white(b) || is_delim(b))
            {
                self.pos += 2;
                return;
            }
            self.pos += 1;
        }
        self.pos = d.len();
    }
}

/// The integer value of top-level key `key` (without the slash) in a dictionary's raw bytes,
/// such as `/MCID 3` in a marked-content property list.
pub fn dict_integer(raw: &[u8], key: &[u8]) -> Option<u32> {
    let mut lx = Lexer::new(raw.strip_prefix(b"<<")?);
    let mut depth = 0usize;
    let mut want = false;
    while lx.pos < lx.data.len() {
        lx.skip_white();
        let &b = lx.data.get(lx.pos)?;
        match b {
            b'/' => {
                lx.pos += 1;
                let name = lx.regular();
                want = depth == 0 && name == key;
                continue;
            }
            b'(' => {
                lx.literal();
            }
            b'<' if lx.data.get(lx.pos + 1) == Some(&b'<') => {
                lx.skip_dict();
            }
            b'[' => {
                depth += 1;
                lx.pos += 1;
            }
            b']' => {
                depth = depth.saturating_sub(1);
                lx.pos += 1;
            }
            b'0'..=b'9' if want => {
                let tok = lx.regular();
                return std::str::from_utf8(tok).ok()?.parse().ok();
            }
            _ => {
                let tok = lx.regular();
                if tok.is_empty() {
                    lx.pos += 1;
                }
            }
        }
        want = false;
    }
    None
}

/// Parse a PDF number (no exponents); `None` for malformed tokens.
pub fn parse_number(tok: &[u8]) -> Option<f32> {
    let (neg, digits) = match tok.first()? {
        b'-' => (true, &tok[1..]),
        b'+' => (false, &tok[1..]),
        _ => (false, tok),
    };
    let mut int: f64 = 0.0;
    let mut frac: f64 = 0.0;
    let mut scale = 1.0;
    let mut seen_dot = false;
    let mut any = false;
    for &b in digits {
        match b {
            b'0'..=b'9' => {
                any = true;
                if seen_dot {
                    scale /= 10.0;
                    frac += f64::from(b - b'0') * scale;
                } else {
                    int = int * 10.0 + f64::from(b - b'0');
                }
            }
            b'.' if !seen_dot => seen_dot = true,
            // Producers write `--5` or `1.2.3`; take what parsed so far.
            _ => break,
        }
    }
    if !any {
        return None;
    }
    let v = (int + frac) as f32;
    Some(if neg { -v } else { v })
}

/// Decode a literal string's escapes.
pub fn decode_literal(raw: &[u8], out: &mut Vec<u8>) {
    out.clear();
    let mut i = 0;
    while i < raw.len() {
        let b = raw[i];
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        i += 1;
        let Some(&e) = raw.get(i) else { break };
        match e {
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'0'..=b'7' => {
                let mut v: u32 = 0;
                let mut k = 0;
                while k < 3 && i < raw.len() && (b'0'..=b'7').contains(&raw[i]) {
                    v = v * 8 + u32::from(raw[i] - b'0');
                    i += 1;
                    k += 1;
                }
                out.push((v & 0xff) as u8);
                continue;
            }
            b'\r' => {
                if raw.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\n' => {}
            other => out.push(other),
        }
        i += 1;
    }
}

/// Decode a hex string (odd length: the last digit is followed by 0).
pub fn decode_hex(raw: &[u8], out: &mut Vec<u8>) {
    out.clear();
    let mut hi: Option<u8> = None;
    for &b in raw {
        let v = match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => continue,
        };
        match hi.take() {
            Some(h) => out.push(h << 4 | v),
            None => hi = Some(v),
        }
    }
    if let Some(h) = hi {
        out.push(h << 4);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(s: &[u8]) -> Vec<(String, Vec<Operand<'_>>)> {
        let mut lx = Lexer::new(s);
        let mut operands = Vec::new();
        let mut out = Vec::new();
        while let Some(op) = lx.next_op(&mut operands) {
            out.push((String::from_utf8_lossy(op).into_owned(), operands.clone()));
        }
        out
    }

    #[test]
    fn operators_and_operands() {
        let o = ops(b"BT /F1 12 Tf 1 0 0 -1 72.5 -.5 Tm [(a\\)b) -120 <0041>] TJ ET % comment\nQ");
        let names: Vec<&str> = o.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, vec!["BT", "Tf", "Tm", "TJ", "ET", "Q"]);
        assert_eq!(o[1].1, vec![Operand::Name(b"F1"), Operand::Number(12.0)]);
        assert_eq!(o[2].1[5], Operand::Number(-0.5));
        assert_eq!(
            o[3].1,
            vec![
                Operand::ArrayStart,
                Operand::Literal(b"a\\)b"),
                Operand::Number(-120.0),
                Operand::Hex(b"0041"),
                Operand::ArrayEnd
            ]
        );
    }

    #[test]
    fn skips_dicts_and_inline_images() {
        let o = ops(b"/P <</MCID 0 /A (x>>)>> BDC BI /W 2 /H 2 ID \x00EI\xffEI Q EI q");
        let names: Vec<&str> = o.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, vec!["BDC", "q"]);
        assert_eq!(
            o[0].1,
            vec![Operand::Name(b"P"), Operand::Dict(b"<</MCID 0 /A (x>>)>>")]
        );
    }

    #[test]
    fn reads_an_integer_from_a_raw_dictionary() {
        assert_eq!(dict_integer(b"<</MCID 12>>", b"MCID"), Some(12));
        assert_eq!(
            dict_integer(b"<</Lang (en /MCID 9) /X <</MCID 4>> /MCID 7 >>", b"MCID"),
            Some(7)
        );
        assert_eq!(dict_integer(b"<</MCIDX 3>>", b"MCID"), None);
        assert_eq!(dict_integer(b"<</Type /Pagination>>", b"MCID"), None);
        assert_eq!(dict_integer(b"<</MCID", b"MCID"), None);
    }

    #[test]
    fn strings_decode() {
        let mut out = Vec::new();
        decode_literal(b"a\\(b\\)\\101\\\nc\\n", &mut out);
        assert_eq!(out, b"a(b)Ac\n");
        decode_hex(b"00 4A 4", &mut out);
        assert_eq!(out, vec![0x00, 0x4a, 0x40]);
        assert_eq!(parse_number(b"-12.5"), Some(-12.5));
        assert_eq!(parse_number(b".5"), Some(0.5));
        assert_eq!(parse_number(b"-"), None);
    }

    #[test]
    fn garbage_never_loops_or_panics() {
        for s in [
            &b"((((("[..],
            b"<<<<",
            b"<",
            b"BI",
            b"] ] ) > }",
            b"\\",
            b"1 2 3",
        ] {
            let _ = ops(s);
        }
    }
}
