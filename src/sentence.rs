//! Sentence boundaries, for reporting the sentence a finding sits in.

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 24] = [
    "no", "nos", "p", "pp", "art", "arts", "e.g", "i.e", "etc", "mr", "mrs", "ms", "dr", "cf",
    "vol", "para", "paras", "op", "cit", "ibid", "doc", "cion", "or", "st",
];

/// The byte range of the sentence of `text` that contains `range`.
pub fn sentence_around(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    // Only the stops near the range are looked at, back to the sentence's start and on to
    // its end: reading every boundary from the text's start, for each figure and mention,
    // made long texts quadratic.
    let stop = |i: usize| boundary_at(text, i).map(|b| (i, b));
    let (from, start) = (0..range.start.min(text.len()))
        .rev()
        .filter_map(stop)
        .find(|&(_, b)| b <= range.start)
        .map_or((0, 0), |(i, b)| (i + 1, b));
    let end = (from..text.len())
        .filter_map(stop)
        .map(|(_, b)| b)
        .find(|&b| b >= range.end && b > range.start)
        .unwrap_or(text.len());
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    start + lead..start + s.trim_end().len()
}

/// The byte ranges of the sentences of `text`, trimmed.
pub fn sentences(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for b in boundaries(text).chain(std::iter::once(text.len())) {
        let s = &text[start..b];
        let lead = s.len() - s.trim_start().len();
        if !s.trim().is_empty() {
            out.push(start + lead..start + s.trim_end().len());
        }
        start = b;
    }
    out
}

/// Byte offsets where a new sentence starts: after `.`, `!`, `?` (and closing quotes or
/// brackets), then whitespace, then an upper-case letter, digit or opening quote; not after
/// an abbreviation, a single initial, or a number (`p. 4`, `No. 1049`).
fn boundaries(text: &str) -> impl Iterator<Item = usize> + '_ {
    (0..text.len()).filter_map(move |i| boundary_at(text, i))
}

/// Where the sentence after a stop at byte `i` starts, if a sentence ends there.
fn boundary_at(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let c = *bytes.get(i)?;
    if !matches!(c, b'.' | b'!' | b'?') {
        return None;
    }
    let mut j = i + 1;
    while j < bytes.len() && matches!(bytes[j], b'"' | b'\'' | b')') {
        j += 1;
    }
    let after = &text[j..];
    let ws = after.len() - after.trim_start().len();
    if ws == 0 {
        return None;
    }
    let next = after[ws..].chars().next()?;
    if !(next.is_uppercase() || next.is_ascii_digit() || "‘“'\"(".contains(next)) {
        return None;
    }
    if c == b'.' {
        // The word before the stop, looked at in place (the abbreviations are ASCII).
        let from = text[..i]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
            .last()
            .map_or(i, |(k, _)| k);
        let word = &text[from..i];
        if ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
            || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        {
            return None;
        }
    }
    Some(j + ws)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn around<'a>(t: &'a str, needle: &str) -> &'a str {
        let i = t.find(needle).unwrap();
        &t[sentence_around(t, i..i + needle.len())]
    }

    #[test]
    fn picks_the_sentence() {
        let t = "First one. See OJ L 186, 14.7.2012, p. 4 (Australia). Regulation (EC) No. 1049/2001 applies. Last!";
        assert_eq!(
            around(t, "186"),
            "See OJ L 186, 14.7.2012, p. 4 (Australia)."
        );
        assert_eq!(around(t, "1049"), "Regulation (EC) No. 1049/2001 applies.");
        assert_eq!(around(t, "First"), "First one.");
        assert_eq!(around(t, "Last"), "Last!");
    }
}
