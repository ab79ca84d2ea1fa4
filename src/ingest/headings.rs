//! Headings that every reader leaves in two pieces: a legal act prints `Article 12`,
//! `CHAPTER IV`, `SECTION 2` or `ANNEX III` on a line of its own and the title on the next.
//! Whatever the input format, the two lines become one numbered heading.

use std::sync::LazyLock;

use crate::ingest::join::should_join;
use crate::ingest::words::is_caps_line;
use crate::lang::{Order, Part};
use crate::model::{Block, BlockKind};
use crate::re::Regex;

/// `2.1. Title`, `2.1 Title`, and `2.1.Title` as EUR-Lex copies write it (no space; the
/// title must then start with a capital, so `1.5°C` is no heading).
pub(crate) static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,4})(?:\.?\s+|\.)(\S)").unwrap()
});
pub(crate) static ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(
        r"^\s*(?i:(annex|appendix))(?:\s+([IVXLC]+|\d{1,2}|[A-Z]))?\b\s*[:.\-–—]?\s*()",
    )
    .unwrap()
});
/// A Roman or letter number with its dot: `IV. Title`, `B. Title`.
pub(crate) static LETTERED: LazyLock<Regex> =
    LazyLock::new(|| crate::re::compile(r"^\s*([IVX]{1,5}|[A-Z])\.\s+(\S)").unwrap());
/// The parts of a legal act: `Article 12`, `CHAPTER IV`, `SECTION 2`, `Part I`, `TITLE II`, and
/// an annex's lettered sub-parts, `Section A`.
pub(crate) static LEGAL_PART: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(
        r"^\s*(?i:(article|chapter|section|part|title))\s+(\d{1,3}[a-z]?|[IVXLC]{1,7}|[A-Z])\b\s*[:.\-–—]?\s*()",
    )
    .unwrap()
});
/// The section number a heading text starts with (`2.1` from `2.1. Strategic ...`, `IV` from
/// `IV. SPECIFIC ...`, `B` from `B. Lawful ...`, `Annex 1` from `Annex 1: Graphic ...`,
/// `Article 12` or `Chapter IV` from a legal act's headings) and the byte offset of the title
/// after it.
pub fn heading_number(text: &str) -> Option<(String, usize)> {
    // Each pattern needs its own first word, and paragraphs are long: the lead spares the
    // searches that cannot match (this runs on every block, several times).
    let lead = text.trim_start();
    let numbered = lead.starts_with(|c: char| c.is_ascii_digit());
    let lettered = lead
        .bytes()
        .take(6)
        .position(|b| b == b'.')
        .is_some_and(|dot| dot > 0 && lead.as_bytes()[..dot].iter().all(u8::is_ascii_uppercase));
    let starts_word = |words: &[&str]| {
        words.iter().any(|w| {
            lead.get(..w.len())
                .is_some_and(|l| l.eq_ignore_ascii_case(w))
        })
    };
    let legal = starts_word(&["article", "chapter", "section", "part", "title"]);
    let annex = starts_word(&["annex", "appendix"]);
    // Another language's part word opens with a capital (`Artikel`, `KAPITEL`, `Άρθρο`).
    let foreign = !legal && !annex && lead.starts_with(char::is_uppercase);
    if !(numbered || lettered || legal || annex || foreign) {
        return None;
    }
    let titled = |t: &str| t.starts_with(|c: char| c.is_alphabetic() || "'‘\"“(".contains(c));
    // The patterns stop where the title starts (matching a long paragraph to its end cost
    // more than the rest of this); the title runs to the end of its line.
    let rest = |at: usize| Some(&text[at..]).filter(|t| !t.contains('\n'));
    // `12. cikk`, `II. FEJEZET`: a part whose number comes first, before `12.` reads as a
    // section number.
    if numbered || lettered {
        if let Some(found) = foreign_part(text) {
            return Some(found);
        }
    }
    let tried = [(&*NUMBERED, numbered), (&*LETTERED, lettered)];
    for re in tried.into_iter().filter(|&(_, may)| may).map(|(re, _)| re) {
        let Some(c) = re.captures(text) else { continue };
        let start = c.get(2)?.start();
        let Some(t) = rest(start) else { continue };
        // `D. M. SASSOLI` is a signatory's initials, not section D.
        let initials = (t.as_bytes().get(1) == Some(&b'.')
            && t.starts_with(|c: char| c.is_ascii_uppercase()))
            || signatures(t);
        let glued = !text[..start].ends_with(char::is_whitespace);
        let glued_ok = !glued || t.starts_with(char::is_uppercase);
        if titled(t) && !initials && glued_ok {
            return Some((c[1].to_string(), start));
        }
    }
    let legal = legal.then(|| LEGAL_PART.captures(text)).flatten();
    if legal.is_none() {
        if let Some(found) = foreign_part(text) {
            return Some(found);
        }
    }
    let titled_part = legal.and_then(|c| Some((rest(c.get(3)?.start())?, c)));
    if let Some((t, c)) = titled_part {
        let word = &c[1];
        let word = format!("{}{}", word[..1].to_uppercase(), word[1..].to_lowercase());
        // `Article 5 of Regulation ...` is prose: a title after the number starts in capitals.
        // An article's title is in sentence case: `ARTICLE 29 DATA PROTECTION WORKING PARTY`
        // names a body.
        let shouting = word == "Article"
            && t.chars().filter(|c| c.is_alphabetic()).count() > 3
            && !t.chars().any(char::is_lowercase);
        if !shouting
            && (t.is_empty() || t.starts_with(|c: char| c.is_uppercase() || "'‘\"“".contains(c)))
        {
            return Some((format!("{word} {}", &c[2]), text.len() - t.len()));
        }
    }
    if !annex {
        return None;
    }
    let c = ANNEX.captures(text)?;
    let start = c.get(3)?.start();
    let t = rest(start)?;
    let word = &c[1];
    let word = format!("{}{}", word[..1].to_uppercase(), word[1..].to_lowercase());
    let number = match c.get(2) {
        Some(n) => format!("{word} {}", n.as_str()),
        // A bare `ANNEX` heading needs a separator or nothing after it (`Annexes to` is prose).
        None if t.is_empty()
            || text.trim_start()[word.len()..]
                .trim_start()
                .starts_with([':', '.', '-', '–', '—']) =>
        {
            word
        }
        None => return None,
    };
    Some((number, start))
}
/// A legal part's number and the offset of its title, in another language than English:
/// `Artikel 12` → `Article 12`, `12. cikk` → `Article 12`, `Article premier` → `Article 1`,
/// `ANHANG II` → `Annex II`. The title follows on its line, as in English.
fn foreign_part(text: &str) -> Option<(String, usize)> {
    // The first three words, each with where it ends; a part word has at most two
    // (`antraštinė dalis`).
    let mut words: [(&str, usize); 3] = [("", 0); 3];
    let mut count = 0;
    for (slot, w) in words.iter_mut().zip(text.split_whitespace()) {
        *slot = (w, w.as_ptr() as usize - text.as_ptr() as usize + w.len());
        count += 1;
    }
    let words = &words[..count];
    // Prose has no part number among its first words: it is told so without the tables.
    if !words.iter().any(|(w, _)| may_number_part(w)) {
        return None;
    }
    // The part another language than English (its own patterns are above) names with these
    // words, its number on `order`'s side.
    let part = |ws: &[(&str, usize)], order: Order| {
        let key = ws
            .iter()
            .map(|(w, _)| crate::lang::fold(w.trim_end_matches(['.', ':'])))
            .collect::<Vec<_>>()
            .join(" ");
        crate::lang::parts_named(&key)
            .iter()
            .find(|&&(lang, _, o)| lang != 0 && o == order)
            .map(|&(_, p, _)| p)
    };
    // The number is looked at first: it is cheap, and prose has none where a part has one.
    for n in 1..count {
        let Some(number) = part_number(words[n].0) else {
            continue;
        };
        if let Some(part) = part(&words[..n], Order::WordFirst) {
            return titled_part(text, part, &number, words[n].1);
        }
    }
    let number = part_number(words.first()?.0)?;
    for n in 2..=count {
        if let Some(part) = part(&words[1..n], Order::NumberFirst) {
            return titled_part(text, part, &number, words[n - 1].1);
        }
    }
    None
}

/// Whether `word` may be a part's number ([`part_number`] before the tables are built): a
/// digit first, a Roman number, a capital letter, or a word that numbers a first article.
fn may_number_part(word: &str) -> bool {
    let n = word.trim_end_matches(['.', ':']);
    n.starts_with(|c: char| c.is_ascii_digit()) || part_number(word).is_some()
}

/// A part's number as written ([`crate::ingest::markup::words::is_part_number`]: `12`, `12a`, `IV`, `A`), or a word for
/// the first (`premier`, `1er`) as `1`.
fn part_number(word: &str) -> Option<String> {
    let n = word.trim_end_matches(['.', ':']);
    if crate::lang::is_first_article(n) {
        return Some("1".to_string());
    }
    crate::ingest::markup::words::is_part_number(n).then(|| n.to_string())
}

/// The part's English number and the offset of its title, where what follows the number reads
/// as a title: nothing, or a capital (`Artikel 5 der Verordnung ...` is prose), and not an
/// article's title in capitals throughout.
fn titled_part(text: &str, part: Part, number: &str, end: usize) -> Option<(String, usize)> {
    let rest = text[end..].trim_start_matches([' ', '\t', '.', ':', '-', '–', '—']);
    if rest.contains('\n') {
        return None;
    }
    let shouting = part == Part::Article
        && rest.chars().filter(|c| c.is_alphabetic()).count() > 3
        && !rest.chars().any(char::is_lowercase);
    let titled =
        rest.is_empty() || rest.starts_with(|c: char| c.is_uppercase() || "'‘\"“".contains(c));
    (titled && !shouting).then(|| {
        (
            format!("{} {number}", part.english()),
            text.len() - rest.len(),
        )
    })
}

/// `METSOLA M. BEK` after `R.`: the signatures of an act (`R. METSOLA` / `M. BEK` set side by
/// side), names in capitals with another initial among them.
fn signatures(title: &str) -> bool {
    let words: Vec<&str> = title.split_whitespace().collect();
    let initial =
        |w: &&str| w.len() == 2 && w.ends_with('.') && w.starts_with(|c: char| c.is_uppercase());
    words.len() <= 6 && words.iter().skip(1).any(initial) && !title.chars().any(char::is_lowercase)
}

/// A plain-text line that is a numbered heading: a section number, a title in capitals or
/// sentence case, short, and not ending like a sentence or a list item.
pub(crate) fn text_heading(s: &str) -> Option<String> {
    let t = s.trim();
    // A line ending in a colon introduces what follows (`2. The tasks ... shall include:`);
    // a deep number's title may end in one, or in a comma where it wraps (`1.3. The
    // proposal/initiative relates to:`, `2.2.1. Justification of the management mode(s),`).
    if t.chars().count() > 150 || t.ends_with(['.', ';']) {
        return None;
    }
    let (number, title_at) = heading_number(t)?;
    if t.ends_with([',', ':']) && !number.contains('.') {
        return None;
    }
    // Budget lines (`05.02.01 European Regional Development`) number with leading zeros.
    if number.starts_with('0') {
        return None;
    }
    let title = &t[title_at..];
    // Columns set apart by runs of spaces are a table row (`1   Diff   Yes   Yes`); a title in
    // capitals may be justified that wide (`3.   RESULTS   OF   EX-POST ...`).
    let caps = !title.chars().any(char::is_lowercase);
    if !caps && title.split("   ").filter(|c| !c.trim().is_empty()).count() >= 3 {
        return None;
    }
    // A legal part alone on its line (`ANNEX`, `Article 12`): its title, if any, follows.
    let legal = [
        "Article ", "Chapter ", "Section ", "Part ", "Title ", "Annex",
    ]
    .iter()
    .any(|k| number.starts_with(k));
    if title.is_empty() && legal {
        return Some(number);
    }
    // A title may open with a quote: `A. ‘Decision based solely on automated processing’`.
    // Only after a dotted number: `7   ‘Administrative expenditure’` is a table's cell.
    let unquoted = title.trim_start_matches(['‘', '“', '"', '\'']);
    let quoted = unquoted.len() < title.len();
    let dotted = t[..title_at].trim_end().ends_with('.');
    if !unquoted.starts_with(|c: char| c.is_uppercase()) || (quoted && !dotted) {
        return None;
    }
    // A numbered paragraph's first line (`1. The draft conclusions were examined by ...`,
    // `1. RECALLS that ...`) reads as a sentence.
    if plain_number(&number) && reads_as_sentence(title) {
        return None;
    }
    // "1 000 cases" or "3 May" are not headings; require a dotted number or a capitalised word.
    let first = title.split_whitespace().next().unwrap_or("");
    if MONTHS.contains(&first.to_ascii_lowercase().as_str()) {
        return None;
    }
    Some(number)
}
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
pub(crate) static LIST: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"^([ \t]*)([-*+•–—▪◦●■□➢►\u{f0b7}\u{f0a7}]|\d{1,2}[.)]|\((?:[a-z]{1,2}|[ivxlc]{1,5}|\d{1,2}|[A-Z])\)|[a-z][.)]|[ivx]{1,4}[.)])[ \t\u{a0}]+\S")
        .unwrap()
});
/// A list item's marker, depth and the offset of its content.
pub(crate) fn list_marker(s: &str, md: bool) -> Option<(String, u8, usize)> {
    let c = LIST.captures(s)?;
    let marker = c.get(2)?.as_str();
    // `**bold**` starts with `*` but is not a bullet; the regex demands a space after the marker.
    if !md && marker.starts_with(|c: char| c.is_ascii_digit()) && text_heading(s).is_some() {
        return None;
    }
    // `p. 1).` continues an OJ citation cut by a line end (`OJ L 169, 25.6.2019,` / `p. 1).`):
    // a letter item opens with a word, not a number.
    let end = c.get(0)?.end();
    let content_first = s[..end].chars().next_back();
    if marker.len() == 2
        && marker.ends_with('.')
        && marker.starts_with(|c: char| c.is_ascii_lowercase())
        && content_first.is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    let indent: usize = c[1].chars().map(|c| if c == '\t' { 4 } else { 1 }).sum();
    // The match ends with the content's first character, which may be several bytes long.
    let end = c.get(0)?.end();
    let content = end - s[..end].chars().next_back()?.len_utf8();
    Some((marker.to_string(), (indent / 2).min(8) as u8, content))
}

/// Join every lone legal-part number with the title line after it into one heading. The
/// footnotes at the foot of the number's page may stand between, when the title opens the next
/// page; they keep their place.
pub fn join_legal_headings(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    // The heading that waits for its title: where it stands in `out`, and its number.
    let mut pending: Option<(usize, String)> = None;
    for block in blocks {
        if let Some((at, number)) = pending.take() {
            if matches!(block.kind, BlockKind::Footnote { .. }) {
                out.push(block);
                pending = Some((at, number));
                continue;
            }
            if is_title_line(&block, &number) {
                out[at].para.append(" ", &block.para);
                continue;
            }
        }
        match lone_part_number(&block) {
            Some(number) => {
                let level = part_level(&number);
                pending = Some((out.len(), number.clone()));
                out.push(Block {
                    kind: BlockKind::Heading {
                        level,
                        number: Some(number),
                    },
                    para: block.para,
                    page: block.page,
                });
            }
            None => out.push(block),
        }
    }
    out
}

/// Headings a reader found that the document does not number as headings, whatever the
/// format: a numbered paragraph that reads as a sentence becomes a paragraph again (joined
/// with its continuation where the reader cut it), and a run of headings repeated later is a
/// contents list.
pub fn settle_headings(blocks: Vec<Block>) -> Vec<Block> {
    let blocks = demote_numbered_paragraphs(blocks);
    let mut blocks = join_capital_title_lines(blocks);
    demote_stray_letters(&mut blocks);
    mark_repeated_contents(&mut blocks);
    blocks
}

/// A legal part's title in capitals wrapped over lines (`ANNEX I INFORMATION TO BE PROVIDED`
/// / `IN THE APPLICATION FOR AUTHORISATION`): the lines in capitals after it are its title.
fn join_capital_title_lines(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut open: Option<(usize, u8)> = None; // the heading, and lines it may still take
    for block in blocks {
        if let Some((h, left)) = open.take() {
            let t = block.para.text.trim();
            let continues = left > 0
                && block.kind == BlockKind::Paragraph
                && is_caps_line(t)
                && t.split_whitespace().count() <= 12
                && !t.ends_with(['.', ':', ';'])
                && heading_number(t).is_none();
            if continues {
                out[h].para.append(" ", &block.para);
                open = Some((h, left - 1));
                continue;
            }
        }
        if let BlockKind::Heading {
            number: Some(number),
            ..
        } = &block.kind
        {
            let legal = ["Annex", "Chapter", "Section", "Part", "Title"]
                .iter()
                .any(|k| number.starts_with(k));
            let titled = heading_number(&block.para.text)
                .is_some_and(|(_, at)| !block.para.text[at..].trim().is_empty());
            if legal && titled && is_caps_line(block.para.text.trim()) {
                open = Some((out.len(), 2));
            }
        }
        out.push(block);
    }
    out
}

/// Lettered headings run A, B, C: a letter that neither opens a series nor follows the last
/// one is no heading. An act's signatures read like one (`R. METSOLA` under `The President`),
/// and so does a name's initial in a list of members.
fn demote_stray_letters(blocks: &mut [Block]) {
    let mut last: Option<u8> = None;
    for block in blocks.iter_mut() {
        let BlockKind::Heading {
            number: Some(number),
            ..
        } = &block.kind
        else {
            continue;
        };
        let &[letter] = number.as_bytes() else {
            continue;
        };
        if !letter.is_ascii_uppercase() {
            continue;
        }
        // `I`, `V`, `X` may be Roman numbers, which the structure stage tells apart.
        let opens = letter == b'A' || matches!(letter, b'I' | b'V' | b'X');
        if opens || last.is_some_and(|l| l + 1 == letter) {
            last = Some(letter);
        } else {
            block.kind = BlockKind::Paragraph;
        }
    }
}

/// Whether a numbered heading's `title` reads as the sentence of a numbered paragraph or
/// point rather than as a title: a title is short, has no finite verb and no closing full
/// stop. Council conclusions open their paragraphs with a verb in capitals (`STRESSES
/// that`), definitions with the quoted term (`‘notified body’ means`).
pub(crate) fn reads_as_sentence(title: &str) -> bool {
    let t = title.trim();
    let words = t.split_whitespace().count();
    // A template's heading may explain itself in brackets and end with a full stop (`Added
    // value of Union involvement (it may result from ...).`): the title before is short.
    let opening = t.split(['(', ':', '–']).next().unwrap_or(t);
    if opening.split_whitespace().count() >= 6 && t.ends_with('.') && !t.ends_with("etc.") {
        return true;
    }
    let mut w = t.split_whitespace();
    let (w1, w2) = (w.next().unwrap_or(""), w.next().unwrap_or(""));
    let verb_in_caps = w1.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !w1.chars().any(char::is_lowercase)
        && w2.starts_with(char::is_lowercase);
    // Cheap tests first: each pattern needs a word or a character most titles lack.
    let quoted = t.starts_with(['‘', '\'', '"', '“']);
    // As the pattern's ASCII `\b` sees words: `shall,` holds `shall`. (It never finds `été`
    // after a space, a non-word character beside another; a substring test keeps that.)
    let auxiliary = || {
        t.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .any(|w| AUXILIARIES.contains(&w))
            || AUXILIARIES.iter().any(|a| !a.is_ascii() && t.contains(a))
    };
    let dated = || t.contains(',') && t.bytes().any(|b| b.is_ascii_digit());
    let past = || {
        t.match_indices("ed")
            .any(|(i, _)| t[i + 2..].starts_with(char::is_whitespace))
    };
    verb_in_caps
        || (quoted && DEFINITION.is_match(t))
        || (words >= 6
            && ((auxiliary() && CLAUSE.is_match(t))
                || (dated() && DATED.is_match(t))
                || (past() && PAST_ACTION.is_match(t))))
}

/// The finite verbs [`CLAUSE`] looks for.
const AUXILIARIES: [&str; 30] = [
    "shall", "will", "should", "must", "may", "can", "could", "would", "is", "are", "was", "were",
    "has", "have", "had", "est", "sont", "a", "ont", "été", "était", "étaient", "sera", "seront",
    "doit", "doivent", "peut", "peuvent", "invite", "souligne",
];

/// A paragraph of a report opens with its date (`On 5 July 2023, the Commission ...`,
/// `At its meeting on 9 May 2023, ...`); a title does not.
static DATED: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"^(?:On|In|At|By|Since|From|Le|En|Au|Depuis)\s(?:[^,]{0,40}\s)?\d{1,2}(?:er)?\s+\p{L}+\s+\d{4}\s*,").unwrap()
});
/// A subject, a verb in the past and its object: `The Council adopted its general approach`,
/// `The Working Party examined the proposal`. A title's participle is followed by its noun
/// (`The revised text`), not by a determiner.
static PAST_ACTION: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"^(?:The|This|Its|All|Each|\p{Lu}\w+)(?:\s+\w+){0,3}\s+\w+ed\s+(?:its|their|the|a|an|this|these|that|those|his|her|our|on|by|to)\s").unwrap()
});

/// A definition: the quoted term, then `means`.
static DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(
        r#"^[‘'"“][^’'"”]{1,100}[’'"”],?\s+(?:means|shall\s+mean|refers\s+to|désigne|signifie)\b"#,
    )
    .unwrap()
});
/// A subject and its finite verb, in English and French: `The draft conclusions were
/// examined ...`, `The notified body shall assess ...`, `Le groupe a examiné ...`.
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(
        r"^(?:(?:The|This|These|Those|Any|Each|Every|All|Such|It|Its|Where|When|If|In|On|At|Member\s+States|A|An)\s.*\b(?:shall|will|should|must|may|can|could|would|is|are|was|were|has|have|had)\b|(?:Le|La|Les|L[’']|Ce|Cette|Ces|Il|Elle|Ils|Elles|Un|Une|Chaque|Tout|Toute|Lorsque|Si|Dans|Au|Aux|Lors)\s?.*\b(?:est|sont|a|ont|été|était|étaient|sera|seront|doit|doivent|peut|peuvent|invite|souligne)\b)",
    )
    .unwrap()
});

/// Whether a heading number is a section's own (`2.1`, `IV`, `B`), not a legal part's
/// (`Article 12`, `Annex II`), whose title may read like anything.
fn plain_number(number: &str) -> bool {
    !number.contains(' ') && !number.starts_with("Annex") && !number.starts_with("Appendix")
}

/// Numbered headings whose title reads as a sentence, made paragraphs again; a paragraph the
/// reader cut after such a line is joined back.
fn demote_numbered_paragraphs(blocks: Vec<Block>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
    let mut demoted: Option<usize> = None;
    for mut block in blocks {
        if let Some(p) = demoted.take() {
            if block.kind == BlockKind::Paragraph && should_join(&out[p].para, &block.para) {
                out[p].para.append(" ", &block.para);
                continue;
            }
        }
        if let BlockKind::Heading {
            number: Some(number),
            ..
        } = &block.kind
        {
            let text = block.para.text.trim_start();
            let title = heading_number(text)
                .filter(|(n, _)| n == number)
                .map_or(text, |(_, at)| &text[at..]);
            if plain_number(number) && reads_as_sentence(title) {
                block.kind = BlockKind::Paragraph;
                demoted = Some(out.len());
            }
        }
        out.push(block);
    }
    out
}

/// A run of three or more numbered headings with nothing between them, most of which come
/// back later with the same number and title, is a contents list (a financial statement's
/// own, without dot leaders or page numbers), not a second set of headings.
fn mark_repeated_contents(blocks: &mut [Block]) {
    let key = |b: &Block| -> Option<(String, String)> {
        let BlockKind::Heading {
            number: Some(number),
            ..
        } = &b.kind
        else {
            return None;
        };
        let text = b.para.text.trim_start();
        let title = heading_number(text)
            .filter(|(n, _)| n == number)
            .map_or(text, |(_, at)| &text[at..]);
        let title: String = title
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .take(60)
            .collect();
        Some((number.to_lowercase(), title))
    };
    let keys: Vec<Option<(String, String)>> = blocks.iter().map(key).collect();
    let mut i = 0;
    while i < blocks.len() {
        let run_end = (i..blocks.len())
            .find(|&j| keys[j].is_none() && !matches!(blocks[j].kind, BlockKind::Footnote { .. }))
            .unwrap_or(blocks.len());
        // The body may start right after the list: the run ends where an entry comes back.
        let run_end = (i..run_end)
            .find(|&j| keys[j].is_some() && keys[i..j].contains(&keys[j]))
            .unwrap_or(run_end);
        let run: Vec<usize> = (i..run_end).filter(|&j| keys[j].is_some()).collect();
        if run.len() >= 3 {
            let later = &keys[run_end..];
            let repeated = run.iter().filter(|&&j| later.contains(&keys[j])).count();
            if repeated >= 2 && repeated * 2 >= run.len() {
                for &j in &run {
                    blocks[j].kind = BlockKind::Contents;
                }
            }
        }
        i = run_end.max(i + 1);
    }
}

/// The number of a paragraph or heading that holds only a legal part's number.
pub(crate) fn lone_part_number(block: &Block) -> Option<String> {
    if !matches!(block.kind, BlockKind::Paragraph | BlockKind::Heading { .. }) {
        return None;
    }
    part_label(&block.para.text)
}

/// Whether `text` is only a legal part's label (`Article 12`, `Section A`, `ANNEX`).
pub(crate) fn is_part_label(text: &str) -> bool {
    part_label(text).is_some()
}

fn part_label(text: &str) -> Option<String> {
    let text = text.trim();
    if text.chars().count() > 24 {
        return None;
    }
    let (number, at) = heading_number(text)?;
    let legal = [
        "Article ", "Chapter ", "Section ", "Part ", "Title ", "Annex",
    ]
    .iter()
    .any(|k| number.starts_with(k));
    // `Annex.` ends a sentence (`... set out in the` / `Annex.`).
    let sentence_end = number == "Annex" && text.ends_with('.');
    (legal && text[at..].trim().is_empty() && !sentence_end).then_some(number)
}

/// Whether `block` reads as the title of the part numbered `number`: a short line that does
/// not read as a sentence, a numbered paragraph or a list item.
fn is_title_line(block: &Block, number: &str) -> bool {
    if !matches!(
        block.kind,
        BlockKind::Paragraph | BlockKind::Heading { number: None, .. }
    ) {
        return false;
    }
    let t = block.para.text.trim();
    if t.is_empty() || t.chars().count() > 200 || lone_part_number(block).is_some() {
        return false;
    }
    // `1. This Regulation ...` or `(a) ...` opens the article's text, not its title.
    if t.starts_with(|c: char| c.is_ascii_digit() || c == '(') {
        return false;
    }
    let styled = block.para.all_bold() || all_italic(&block.para);
    let heading = matches!(block.kind, BlockKind::Heading { .. });
    // Chapters and sections are titled in capitals; an article's title is set apart by style
    // or reads as a short phrase without a full stop.
    let caps = t.chars().any(char::is_alphabetic)
        && t.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    let phrase = !t.ends_with(['.', ';', ':', ',']) && t.split_whitespace().count() <= 25;
    if number.starts_with("Article") {
        heading || styled || phrase
    } else {
        heading || styled || caps || phrase
    }
}

fn all_italic(p: &crate::model::Para) -> bool {
    let t = &p.text;
    !t.trim().is_empty()
        && t.char_indices()
            .filter(|(_, c)| !c.is_whitespace())
            .all(|(i, c)| {
                p.italic
                    .iter()
                    .any(|r| r.start <= i && i + c.len_utf8() <= r.end)
            })
}

/// The heading level a legal part's kind gives: parts above titles above chapters above
/// sections above articles; an annex stands at the top.
pub(crate) fn part_level(number: &str) -> u8 {
    match number.split(' ').next().unwrap_or("") {
        "Part" | "Annex" => 1,
        "Title" => 2,
        "Chapter" => 3,
        "Section" => 4,
        _ => 5,
    }
}

#[cfg(test)]
mod tests {

    /// The parts of an act in other languages read as their English numbers; prose that
    /// opens with a part's word and number stays prose.
    #[test]
    fn foreign_parts() {
        let number = |t: &str| heading_number(t).map(|(n, at)| (n, t[at..].to_string()));
        let cases = [
            ("Artikel 12", Some(("Article 12", ""))),
            ("Artikel 12 Gegenstand", Some(("Article 12", "Gegenstand"))),
            ("KAPITEL IV", Some(("Chapter IV", ""))),
            ("Article premier", Some(("Article 1", ""))),
            ("Article 1er", Some(("Article 1", ""))),
            ("12. cikk", Some(("Article 12", ""))),
            ("II. FEJEZET", Some(("Chapter II", ""))),
            ("5 straipsnis", Some(("Article 5", ""))),
            ("I antraštinė dalis", Some(("Title I", ""))),
            ("ΠΑΡΑΡΤΗΜΑ II", Some(("Annex II", ""))),
            ("Член 3 Предмет", Some(("Article 3", "Предмет"))),
            ("Artykuł 7: Definicje", Some(("Article 7", "Definicje"))),
            (
                "Artikel 5 der Verordnung (EU) 2019/1020 bleibt unberührt.",
                None,
            ),
            ("Artikel 5 GILT NICHT", None),
            ("Die Verordnung gilt ab dem 1. Januar.", None),
            ("12. Die Kommission", Some(("12", "Die Kommission"))),
        ];
        for (text, want) in cases {
            let want = want.map(|(n, t)| (n.to_string(), t.to_string()));
            assert_eq!(number(text), want, "{text:?}");
        }
    }

    use super::*;
    use crate::model::{Para, ParaBuilder};

    fn para(text: &str, bold: bool) -> Para {
        let mut b = ParaBuilder::new();
        b.bold(bold);
        b.push_source(text, 0);
        b.bold(false);
        b.finish()
    }

    fn block(text: &str, bold: bool) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            para: para(text, bold),
            page: None,
        }
    }

    fn heads(blocks: &[Block]) -> Vec<(Option<String>, String)> {
        blocks
            .iter()
            .map(|b| match &b.kind {
                BlockKind::Heading { number, .. } => (number.clone(), b.para.text.clone()),
                _ => (None, b.para.text.clone()),
            })
            .collect()
    }

    #[test]
    fn article_and_chapter_numbers_take_the_title_line() {
        let out = join_legal_headings(vec![
            block("CHAPTER 1", true),
            block("STEP", true),
            block("Article 1", false),
            block("Subject matter", true),
            block("This Regulation establishes a Platform.", false),
            block("Article 2", false),
            block(
                "1. To strengthen European sovereignty, the Platform shall pursue:",
                false,
            ),
        ]);
        assert_eq!(
            heads(&out),
            vec![
                (Some("Chapter 1".into()), "CHAPTER 1 STEP".into()),
                (Some("Article 1".into()), "Article 1 Subject matter".into()),
                (None, "This Regulation establishes a Platform.".into()),
                (Some("Article 2".into()), "Article 2".into()),
                (
                    None,
                    "1. To strengthen European sovereignty, the Platform shall pursue:".into()
                ),
            ]
        );
    }

    #[test]
    fn a_title_after_the_page_foot_notes_joins_its_number() {
        let note = Block {
            kind: BlockKind::Footnote { number: 1 },
            para: para("OJ L 55, 28.2.2011, p. 13.", false),
            page: Some(3),
        };
        let out = join_legal_headings(vec![
            block("Article 5", false),
            note,
            block("Specific stretches", false),
            block("1. The Member States shall notify the Commission.", false),
        ]);
        assert_eq!(
            heads(&out),
            vec![
                (
                    Some("Article 5".into()),
                    "Article 5 Specific stretches".into()
                ),
                (None, "OJ L 55, 28.2.2011, p. 13.".into()),
                (
                    None,
                    "1. The Member States shall notify the Commission.".into()
                ),
            ]
        );
    }

    #[test]
    fn prose_and_quoted_articles_stay_text() {
        let out = join_legal_headings(vec![
            block("‘Article 12a", false),
            block("Article 5 of Regulation (EU) 2021/241 applies.", false),
        ]);
        assert!(out.iter().all(|b| b.kind == BlockKind::Paragraph));
    }

    fn heading(number: &str, text: &str) -> Block {
        Block {
            kind: BlockKind::Heading {
                level: 1,
                number: Some(number.into()),
            },
            para: para(text, false),
            page: None,
        }
    }

    fn kinds(blocks: &[Block]) -> Vec<&'static str> {
        blocks
            .iter()
            .map(|b| match b.kind {
                BlockKind::Heading { .. } => "h",
                BlockKind::Contents => "toc",
                BlockKind::Paragraph => "p",
                _ => "other",
            })
            .collect()
    }

    #[test]
    fn a_numbered_paragraph_reads_as_a_sentence() {
        for prose in [
            "The draft conclusions were examined by the Working Party on",
            "The notified body shall assess the application within three months",
            "STRESSES that energy storage is a key enabler",
            "‘notified body’ means a conformity assessment body",
            "Delegations agreed on the text set out in the Annex.",
            "Le projet de conclusions a été examiné par le groupe",
            "On 5 July 2023, the Commission submitted its proposal (ST 11503/23) to the",
            "The Council adopted its general approach on 17 June 2024 (document",
            "The Working Party examined the draft at its meetings",
            // The verb before a comma, the past before a no-break space.
            "The member or members and the staff of each supervisory authority shall, in",
            "The Working Party examined\u{a0}the draft at its meetings",
        ] {
            assert!(reads_as_sentence(prose), "{prose}");
        }
        for title in [
            "The proposal/initiative relates to:",
            "What is the Commission doing?",
            "CONTEXT OF THE PROPOSAL",
            "Added value of Union involvement (it may result from different factors). For the purposes of this point it is the value added.",
            "The European Green Deal",
            "The revised text of the Regulation on soil monitoring",
            "Selected indicators of the Digital Decade",
            "Requirement(s) to be met in the short or long term including a detailed timeline",
        ] {
            assert!(!reads_as_sentence(title), "{title}");
        }
    }

    #[test]
    fn a_paragraph_cut_after_its_numbered_first_line_is_joined_back() {
        let out = settle_headings(vec![
            heading(
                "1",
                "1. The draft conclusions were examined by the Working Party on",
            ),
            block("Energy at its meeting on 9 May 2023.", false),
            heading("2", "2. SCOPE"),
        ]);
        assert_eq!(kinds(&out), ["p", "h"]);
        assert!(
            out[0]
                .para
                .text
                .ends_with("Party on Energy at its meeting on 9 May 2023.")
        );
    }

    #[test]
    fn headings_repeated_after_a_run_of_headings_are_a_contents_list() {
        let out = settle_headings(vec![
            heading("1", "1. FRAMEWORK"),
            heading("1.1", "1.1. Title"),
            heading("2", "2. MANAGEMENT"),
            heading("1", "1. FRAMEWORK"),
            heading("1.1", "1.1. Title"),
            block("Text.", false),
            heading("2", "2. MANAGEMENT"),
        ]);
        assert_eq!(kinds(&out), ["toc", "toc", "toc", "h", "h", "p", "h"]);
        // The same heading in two annexes, each with its text, is no contents list.
        let annexes = settle_headings(vec![
            heading("1", "1. SCOPE"),
            block("Text.", false),
            heading("1", "1. SCOPE"),
            block("Text.", false),
        ]);
        assert_eq!(kinds(&annexes), ["h", "p", "h", "p"]);
    }

    #[test]
    fn a_letter_out_of_sequence_is_a_signature_not_a_heading() {
        let out = settle_headings(vec![
            heading("A", "A. INTRODUCTION"),
            heading("B", "B. SCOPE"),
            block("The President", false),
            heading("R", "R. METSOLA"),
        ]);
        assert_eq!(kinds(&out), ["h", "h", "p", "p"]);
    }

    #[test]
    fn a_title_in_capitals_wrapped_over_lines_is_one_title() {
        let out = settle_headings(vec![
            heading("Annex I", "ANNEX I INFORMATION TO BE PROVIDED"),
            block("IN THE APPLICATION FOR AUTHORISATION", false),
            block("An application shall contain the following:", false),
        ]);
        assert_eq!(kinds(&out), ["h", "p"]);
        assert_eq!(
            out[0].para.text,
            "ANNEX I INFORMATION TO BE PROVIDED IN THE APPLICATION FOR AUTHORISATION"
        );
        // A title in sentence case takes no line in capitals after it.
        let out = settle_headings(vec![
            heading("Annex", "Annex Roadmap of key actions"),
            block("CLIMATE AMBITION", false),
        ]);
        assert_eq!(kinds(&out), ["h", "p"]);
    }
}
