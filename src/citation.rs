//! Citation parsing: find EU document references in a string and give each its canonical id,
//! kind, parts and links. Pure functions over text; the references stage
//! ([`crate::extract::references`]) runs them over the document model, and the index uses
//! [`normalise`] to read a user's query the same way.
//!
//! Canonical ids: `COM(2013) 45` (revision and `final` dropped, two-digit years written out),
//! `OJ L 186, 14.7.2012, p. 4`, `Directive 2011/36/EU`, `Regulation (EU) No 1052/2013`,
//! `Decision 2005/387/JHA`, `Framework Decision 2004/757/JHA`, `2010/0246(COD)`,
//! `Article 42(7) TEU`, `8410/13`. Issuer words (`Council`, `Commission Implementing`) are not
//! part of an act's id; its number stays as cited (`Directive 95/46/EC`).

use std::ops::Range;
use std::sync::LazyLock;

use crate::lang::{self, Language};
use crate::re::{Captures, Regex};

use crate::output::{Links, ReferenceDetails, ReferenceKind};

mod acts;
mod treaties;

/// One citation found in a string.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    /// Byte range of the citation in the searched string.
    pub range: Range<usize>,
    pub id: String,
    pub kind: ReferenceKind,
    pub details: ReferenceDetails,
}

// Separators inside citations: any whitespace, including no-break and thin spaces (`\s` is
// Unicode-aware in the regex crate). A citation that opens with a word starts after a
// character that is no letter or digit: ASCII `\b` does not see Greek and Cyrillic letters,
// and a Unicode class before the names slows every search, so the code checks it
// ([`word_start`]).

/// The Commission's document families in every language (`KOM`, `SEK`, `K`, `Ε`, `С`, `Ċ`)
/// with their English family.
static FAMILIES: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    let mut v: Vec<(&str, &str)> = lang::ALL
        .iter()
        .flat_map(|l| l.families.iter().copied())
        .collect();
    v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    v.dedup();
    v
});

static COMMISSION: LazyLock<Regex> = LazyLock::new(|| {
    let families = FAMILIES
        .iter()
        .map(|(w, _)| lang::escape(w))
        .collect::<Vec<_>>()
        .join("|");
    crate::re::compile(&format!(
        concat!(
            r"(?:(?P<fam>{f})\s*\(\s*(?P<y>\d{{4}}|\d{{2}})\s*\)\s*(?P<n>\d{{1,5}})",
            r"(?:\s*/\s*(?P<rev>\d{{1,2}})\b)?",
            r"(?:\s+(?i:(?P<fin>final))(?:\s*/\s*(?P<finrev>\d{{1,2}}))?)?",
            // `COM/2013/0179 final` (EUR-Lex), `SWD 2016/319` (a space instead of the brackets).
            r"|(?P<fam2>{f})(?P<sep>/|\s+)(?P<y2>\d{{4}})/(?P<n2>\d{{1,5}})\b(?:\s+(?i:(?P<fin2>final)))?)"
        ),
        f = families
    ))
    .unwrap()
});

/// The Official Journal in every language: `OJ L 186, 14.7.2012, p. 4`, `ABl. L 119 vom
/// 4.5.2016, S. 1`, `HL L 119., 2016.5.4., 1. o.`, `OL L 119, 2016 5 4, p. 1`, and the newer
/// form without a page, `OJ L, 2024/1689, 12.7.2024`.
static OJ: LazyLock<Regex> = LazyLock::new(|| {
    let all = || lang::ALL.iter();
    let names = lang::alternation(all().flat_map(|l| l.journal.iter().copied()));
    let signs = lang::alternation(all().flat_map(|l| l.number_signs.iter().copied()));
    let of = lang::alternation(all().flat_map(|l| l.journal_of.iter().copied()));
    let pages = lang::alternation(all().flat_map(|l| l.pages.iter().copied()));
    // Day first (`4.5.2016`, `4.5.2016.` in Latvian and Croatian), year first with dots
    // (Hungarian) or spaces (Lithuanian).
    let date = r"\d{1,2}\.\s?\d{1,2}\.\s?(?:\d{4}|\d{2})\b\.?|\d{4}\.\s?\d{1,2}\.\s?\d{1,2}\.|\d{4}\s\d{1,2}\s\d{1,2}\b";
    crate::re::compile(&format!(
        concat!(
            r"(?P<name>{names})\s*(?:",
            r"(?P<s1>[LC])\s*,\s*(?P<y1>\d{{4}})/(?P<n1>\d{{1,5}})\s*,\s*(?P<date1>{date})",
            r"|(?:(?:{signs})\s*)?(?P<series>[LC])\s*(?P<num>\d{{1,4}})(?:\s*(?P<special>[A-Z])\b)?",
            r"(?:\s*/\s*(?P<page0>\d{{1,4}}))?\.?",
            r"\s*(?:,|\s(?:{of})\s)\s*(?P<date>{date})(?:\s*г\.)?",
            // The page after its word (`p. 1`) or before it (`1. lpp.`, `1. o.`).
            r"(?:\s*,?\s*(?:(?:{pages})\s*(?P<page>\d{{1,4}})|(?P<page2>\d{{1,4}})\.\s*(?:{pages}))(?:\s*[-–]\s*\d{{1,4}})?)?)"
        ),
        names = names,
        signs = signs,
        of = of,
        pages = pages,
        date = date,
    ))
    .unwrap()
});

/// Whether `text` has an Official Journal series letter before a number or a comma (`L 186`,
/// `C 115 E`, `L, 2024/1689`, `ºC 83`): a byte scan that spares most paragraphs [`OJ`].
fn journal_series(text: &str) -> bool {
    let b = text.as_bytes();
    (0..b.len()).any(|i| {
        matches!(b[i], b'L' | b'C')
            && (i == 0 || !b[i - 1].is_ascii_alphanumeric())
            && b.get(i + 1)
                .is_some_and(|n| n.is_ascii_digit() || matches!(n, b' ' | b',' | 0xc2))
    })
}

/// Day, month and year of an Official Journal date as [`OJ`] reads it.
fn journal_date(s: &str) -> Option<(u32, u32, String)> {
    let parts: Vec<&str> = s
        .split(|c: char| c == '.' || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let [x, y, z] = parts[..] else {
        return None;
    };
    if x.len() == 4 {
        Some((z.parse().ok()?, y.parse().ok()?, x.to_string()))
    } else {
        Some((x.parse().ok()?, y.parse().ok()?, z.to_string()))
    }
}

static PROCEDURE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        r"\b(\d{4})\s*/\s*(\d{4})\s*\(\s*(COD|CNS|APP|NLE|INI|INL|BUD|DEC|RSP|RPS|AVC|SYN|ACI|IMM|REG|DCE|COS|INS|ITS|DEA|BUI)\s*\)",
        r"|\(\s*(\d{4})\s*\)\s*(\d{4})\s*\(\s*(COD|CNS|APP|NLE|INI|INL|BUD|DEC|RSP|RPS|AVC|SYN|ACI|IMM|REG|DCE|COS|INS|ITS|DEA|BUI)\s*\)"
    ))
    .unwrap()
});

/// An article number as treaties are cited: `114`, `192(1)`, `42(7)(a)`.
macro_rules! article_no {
    () => {
        r"\d{1,3}(?:\s*\(\s*\d{1,2}\s*\))?(?:\s*\(\s*[a-z]\s*\))?"
    };
}
/// The treaties: `TFEU`, `TEU` and their full names.
macro_rules! treaty_name {
    () => {
        r"TFEU|TEU|Treaty\s+on\s+the\s+Functioning\s+of\s+the\s+European\s+Union|Treaty\s+on\s+European\s+Union"
    };
}
/// `, first paragraph`, `, third subparagraph` between an article and what follows it.
macro_rules! ordinal_paragraph {
    () => {
        r"\s*,\s*(?:first|second|third|fourth|fifth|sixth)\s+(?:sub)?paragraph"
    };
}

static TREATY: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        r"\b(?i:Art(?:icle)?s?\.?)\s+(",
        article_no!(),
        ")",
        // More articles (`, 28 and 34`), words between the article and the treaty (`, first
        // paragraph,`), points of another article (`, and point (a) of Article 169(2),`).
        r"((?:\s*(?:,|and|or)\s*",
        article_no!(),
        r"|",
        ordinal_paragraph!(),
        r"|\s*,?\s*and\s+points?\s+\([a-z]\)\s+of\s+Article\s+\d{1,3}(?:\s*\(\s*\d{1,2}\s*\))?)*)",
        // A treaty named in brackets, as a quotation supplies it: `Articles 26(2), 28 and 34
        // [TFEU]`.
        r"\s*,?\s+(?:of\s+the\s+)?\[?(",
        treaty_name!(),
        r")\b"
    ))
    .unwrap()
});

/// An act's citation of its legal basis: `Having regard to the Treaty on the Functioning of the
/// European Union, and in particular Article 114 thereof`.
static TREATY_THEREOF: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        r"\b(",
        treaty_name!(),
        ")",
        r"\s*,?\s+and\s+in\s+particular\s+",
        r"((?i:Articles?))\s+(",
        article_no!(),
        ")",
        // `, third paragraph`, `, first subparagraph, point (b)`
        r"((?:",
        ordinal_paragraph!(),
        r"(?:\s*,\s*points?\s+\([a-z]\))?",
        r"|\s*(?:,\s*and|,|and)\s*(?:Articles?\s+)?",
        article_no!(),
        ")*)",
        r"\s+thereof\b"
    ))
    .unwrap()
});

static COUNCIL_DOC: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        r"(?:\bST\s+|\b(?i:Council)\s+(?i:doc(?:ument)?s?)\.?\s+(?:(?i:No)\.?\s+)?|\b(?i:doc(?:ument)?)\.?\s+(?:(?i:No)\.?\s+)?)",
        r"(\d{3,5}(?:/\d{1,2})?)/(\d{2})\b((?:\s+(?:REV|ADD|COR)\s*\d{1,2})*)",
        r"|\b(\d{3,5}(?:/\d{1,2})?)/(\d{2})((?:\s+(?:REV|ADD|COR)\s*\d{1,2})+)"
    ))
    .unwrap()
});

/// A Council document of the `PE-CONS` series (the act as the co-legislators agreed it):
/// `PE-CONS 43/24`.
static PE_CONS: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(r"\bPE-CONS\s+(\d{1,5})\s*/\s*(\d{2})\b((?:\s+(?:REV|ADD|COR)\s*\d{1,2})*)")
        .unwrap()
});

/// A regulation of the first years (1958–1967), numbered without a year: `Council Regulation
/// No 1 determining the languages ...`, `Regulation No 31 (EEC), 11 (EAEC)`. Only the issuer
/// before or the domain after tells it from the numbered regulations of other bodies (`UN
/// Regulation No 10`); with the issuer, its title (or its date) must follow, since a note's
/// call glued to the number in plain text (`Council Regulation No 137 shall apply`, note 37)
/// reads as another number.
static EARLY_REGULATION: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        r"(?P<issuer>\b(?:EEC\s+)?Council|\bCommission)\s+Regulation\s+No\.?\s*(?P<n1>\d{1,3})",
        r"(?:\s*:|\s+(?:of|on|determining|laying|implementing|concerning|amending|relating|fixing|establishing)\b)",
        r"|\bRegulation\s+No\.?\s*(?P<n2>\d{1,3})\s*\((?:EEC|EAEC|Euratom)\)"
    ))
    .unwrap()
});

/// Whether a word may start at `at`: no letter, digit or `_` before it.
fn word_start(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
}

/// The words some English forms need (`TFEU`, `thereof`, `PE-CONS`, ...), in the order of
/// [`WORDS`]: one pass over a paragraph tells which of those patterns may match.
#[derive(Clone, Copy)]
enum Word {
    Treaty,
    Thereof,
    PeCons,
    RegulationNo,
    Euco,
}

/// The needles of each [`Word`]: `TEU`, `TFEU` and `Treaty` all ask for the treaty patterns.
const WORDS: [(&str, Word); 7] = [
    ("TEU", Word::Treaty),
    ("TFEU", Word::Treaty),
    ("Treaty", Word::Treaty),
    ("thereof", Word::Thereof),
    ("PE-CONS", Word::PeCons),
    ("Regulation No", Word::RegulationNo),
    ("EUCO", Word::Euco),
];

/// Which [`Word`]s a text holds, as bits.
struct Words(u8);

impl Words {
    /// One Aho-Corasick pass instead of a substring search per word: seven searches per
    /// paragraph were a quarter of the stage. Leftmost-first, since only that runs the SIMD
    /// prefilter (an overlapping or standard search steps byte by byte); restarting one byte
    /// after each match's start finds every word, since none holds or starts another.
    fn in_text(text: &str) -> Words {
        static SEARCHER: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
            // A DFA searches no faster behind the prefilter and costs a start-up to build.
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                .build(WORDS.iter().map(|(w, _)| w))
                .expect("a handful of literal words")
        });
        let mut bits = 0u8;
        let mut at = 0;
        while let Some(m) = SEARCHER.find(aho_corasick::Input::new(text).span(at..text.len())) {
            bits |= 1 << WORDS[m.pattern().as_usize()].1 as u8;
            at = m.start() + 1;
        }
        Words(bits)
    }

    fn has(&self, w: Word) -> bool {
        self.0 & (1 << w as u8) != 0
    }
}

/// Every citation in `text`, in order, without overlaps (the longer wins).
pub fn find(text: &str) -> Vec<Citation> {
    find_in(text, None)
}

/// Every citation in `text` of a document in `language`: where a word belongs to several
/// languages, the document's own is read first, and treaty articles are looked for in English
/// and the document's language (in every language when it is not known).
pub fn find_in(text: &str, language: Option<&'static Language>) -> Vec<Citation> {
    // Every form has an ASCII digit (the patterns read `\d` as `[0-9]`): most paragraphs
    // have none and are done with one byte scan.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    // Offsets into the repaired text are offsets into `text`.
    let repaired = lang::cp1251_repaired(text);
    let text = repaired.as_deref().unwrap_or(text);
    let mut out = Vec::new();
    // Cheap checks for a character each form needs spare most paragraphs most regexes.
    let slash = text.contains('/');
    let paren = text.contains('(');
    let words = Words::in_text(text);
    if paren || slash {
        for c in COMMISSION.captures_iter(text) {
            if c.get(0).is_some_and(|m| word_start(text, m.start())) {
                out.extend(commission(&c));
            }
        }
    }
    if journal_series(text) {
        for c in OJ.captures_iter(text) {
            if c.get(0).is_some_and(|m| word_start(text, m.start())) {
                out.extend(official_journal(&c));
            }
        }
    }
    if slash {
        acts::find(text, language, &mut out);
    }
    if paren {
        for c in PROCEDURE.captures_iter(text) {
            out.extend(procedure(&c));
        }
    }
    treaties::find(text, language, &mut out);
    if words.has(Word::Treaty) {
        for c in TREATY.captures_iter(text) {
            treaty(&c, &mut out);
        }
        if words.has(Word::Thereof) {
            for c in TREATY_THEREOF.captures_iter(text) {
                treaty_thereof(&c, &mut out);
            }
        }
    }
    for c in COUNCIL_DOC.captures_iter(text).filter(|_| slash) {
        // `document 2011/36/EU` is not a Council document: the number must end there.
        let end = c.get(0).map_or(0, |m| m.end());
        if text[end..].starts_with('/') {
            continue;
        }
        out.extend(council_document(&c));
    }
    if words.has(Word::PeCons) {
        for c in PE_CONS.captures_iter(text) {
            let m = c.get(0).expect("the whole match");
            let tail = c.get(3).map_or("", |t| t.as_str());
            let mut cit = council_number(m.range(), &c[1], &c[2], tail);
            cit.id = format!("PE-CONS {}/{}", &c[1], &c[2]);
            out.push(cit);
        }
    }
    if words.has(Word::RegulationNo) {
        for c in EARLY_REGULATION.captures_iter(text) {
            let (Some(m), Some(n)) = (c.get(0), c.name("n1").or_else(|| c.name("n2"))) else {
                continue;
            };
            // The citation ends at its number (or its domain), not at the title's first word.
            let end = match c.name("n1") {
                Some(n1) => n1.end(),
                None => m.end(),
            };
            // `Regulation No 1234/2007` is a numbered act of its year.
            if text[n.end()..].starts_with('/') {
                continue;
            }
            let number = strip_zeros(n.as_str());
            out.push(Citation {
                range: m.start()..end,
                id: format!("Regulation No {number}"),
                kind: ReferenceKind::Regulation,
                details: ReferenceDetails {
                    number: Some(number),
                    issuer: c.name("issuer").map(|i| squash(i.as_str())),
                    ..ReferenceDetails::default()
                },
            });
        }
    }
    if words.has(Word::Euco) {
        static EUCO: LazyLock<Regex> =
            LazyLock::new(|| crate::re::compile(r"\bEUCO\s+(\d{1,4})/(\d{2})\b").unwrap());
        for c in EUCO.captures_iter(text) {
            let (Some(year), Ok(number)) = (full_year(&c[2]), c[1].parse::<u32>()) else {
                continue;
            };
            out.push(Citation {
                range: c.get(0).expect("the whole match").range(),
                id: format!("EUCO {number}/{}", &c[2]),
                kind: ReferenceKind::EuropeanCouncilDocument,
                details: ReferenceDetails {
                    year: Some(year),
                    number: Some(number.to_string()),
                    ..ReferenceDetails::default()
                },
            });
        }
    }
    // Keep the longest of overlapping matches (an act inside an OJ citation's text, say).
    out.sort_by(|a, b| {
        a.range
            .start
            .cmp(&b.range.start)
            .then(b.range.len().cmp(&a.range.len()))
    });
    // Citations of one list (`Articles 82 and 83 TFEU`) share the list's range and are all kept.
    let mut kept: Vec<Citation> = Vec::with_capacity(out.len());
    for c in out {
        let clash = kept
            .iter()
            .rev()
            .take_while(|k| c.range.start < k.range.end)
            .any(|k| k.range != c.range || k.id == c.id);
        if clash {
            continue;
        }
        kept.push(c);
    }
    kept
}

/// The first citation in `s`, read leniently (any case), for user queries such as
/// `com (2012) 85 final` or `directive 2011/36/eu`.
pub fn normalise(s: &str) -> Option<Citation> {
    find(s)
        .into_iter()
        .next()
        .or_else(|| find(&upper_families(s)).into_iter().next())
}

/// Upper-case the document-family prefixes and act suffixes of a query (`com(2012)`,
/// `oj l 186`, `/eu`), leaving the rest as typed.
fn upper_families(s: &str) -> String {
    static WORDS: LazyLock<Regex> = LazyLock::new(|| {
        crate::re::compile(r"(?i)\boj\s+(?:no\.?\s+)?[lc]\b|\b(com|join|swd|sec|c|oj|st|rev|cod|cns|ini|app|nle|tfeu|teu)\b|/(eu|ec|eec|jha|cfsp|euratom)\b|\b(no)\b")
            .unwrap()
    });
    WORDS.replace_all_with(s, |c: &Captures| {
        let m = c.get(0).map_or("", |m| m.as_str());
        if c.get(3).is_some()
            && c.get(1).is_none()
            && c.get(2).is_none()
            && !m.to_lowercase().starts_with("oj")
        {
            "No".to_string()
        } else {
            m.to_uppercase()
        }
    })
}

fn full_year(y: &str) -> Option<u32> {
    let v: u32 = y.parse().ok()?;
    Some(match y.len() {
        2 if v >= 50 => 1900 + v,
        2 => 2000 + v,
        _ => v,
    })
}

fn strip_zeros(n: &str) -> String {
    let t = n.trim_start_matches('0');
    if t.is_empty() { "0".into() } else { t.into() }
}

fn commission(c: &Captures) -> Option<Citation> {
    let written = c.name("fam").or_else(|| c.name("fam2"))?;
    let english = |w: &str| FAMILIES.iter().find(|(f, _)| *f == w).map(|(_, e)| *e);
    let family = english(written.as_str())?;
    let end = c.get(0)?.end();
    let (year, number, revision, fin, fin_rev) = if c.name("fam").is_some() {
        (
            full_year(&c["y"])?,
            strip_zeros(&c["n"]),
            c.name("rev").and_then(|r| r.as_str().parse().ok()),
            c.name("fin").is_some(),
            c.name("finrev").and_then(|r| r.as_str().parse().ok()),
        )
    } else {
        // `C 2016/319` would be an OJ C series or a table's cell: only the `/` form for C.
        if family == "C" && &c["sep"] != "/" {
            return None;
        }
        (
            full_year(&c["y2"])?,
            strip_zeros(&c["n2"]),
            None,
            c.name("fin2").is_some(),
            None,
        )
    };
    let kind = match family {
        "COM" => ReferenceKind::Com,
        "JOIN" => ReferenceKind::Join,
        "SWD" => ReferenceKind::Swd,
        "SEC" => ReferenceKind::Sec,
        _ => ReferenceKind::C,
    };
    Some(Citation {
        range: written.start()..end,
        id: format!("{family}({year}) {number}"),
        kind,
        details: ReferenceDetails {
            year: Some(year),
            number: Some(number),
            revision: revision.or(fin_rev),
            is_final: fin,
            ..ReferenceDetails::default()
        },
    })
}

fn official_journal(c: &Captures) -> Option<Citation> {
    let name = c.name("name")?;
    let range = name.start()..c.get(0)?.end();
    if let Some(series) = c.name("s1") {
        // act-by-act
        let series = series.as_str();
        let year: u32 = c["y1"].parse().ok()?;
        let number = strip_zeros(&c["n1"]);
        let (d, mo, y) = journal_date(&c["date1"])?;
        let date = crate::dates::iso(y.parse().ok()?, mo, d)?;
        return Some(Citation {
            range,
            id: format!("OJ {series}, {year}/{number}, {d}.{mo}.{y}"),
            kind: ReferenceKind::Oj,
            details: ReferenceDetails {
                year: Some(year),
                number: Some(number),
                series: Some(series.to_string()),
                date: Some(date),
                ..ReferenceDetails::default()
            },
        });
    }
    let series = &c["series"];
    let number = strip_zeros(&c["num"]);
    let special = c.name("special").map(|s| s.as_str());
    let (d, mo, y) = journal_date(&c["date"])?;
    let y = full_year(&y)?;
    let date = crate::dates::iso(y, mo, d)?;
    let page: Option<u32> = c
        .name("page")
        .or_else(|| c.name("page2"))
        .or_else(|| c.name("page0"))
        .and_then(|p| p.as_str().parse().ok());
    let series_full = match special {
        Some(s) => format!("{series} {s}"),
        None => series.to_string(),
    };
    let mut id = match special {
        Some(s) => format!("OJ {series} {number} {s}, {d}.{mo}.{y}"),
        None => format!("OJ {series} {number}, {d}.{mo}.{y}"),
    };
    if let Some(p) = page {
        id.push_str(&format!(", p. {p}"));
    }
    Some(Citation {
        range,
        id,
        kind: ReferenceKind::Oj,
        details: ReferenceDetails {
            year: Some(y),
            number: Some(number),
            series: Some(series_full),
            page,
            date: Some(date),
            ..ReferenceDetails::default()
        },
    })
}

/// Collapse whitespace runs (including no-break and thin spaces) to single spaces, trimmed:
/// a citation as written, in the form a reader expects.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn norm_domain(d: &str) -> String {
    d.split(',')
        .map(|p| {
            let p = p.trim();
            match p.to_ascii_uppercase().as_str() {
                "EURATOM" => "Euratom".to_string(),
                up => up.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Build an act citation from its number parts, deciding which part is the year.
///
/// `No 1049/2001` and `676/2002/EC` are number-first (number 1049 of 2001); `2005/387/JHA`,
/// `95/46/EC` and `(EU) 2016/679` are year-first. With `No` the number always comes first;
/// otherwise a four-digit second part that is a plausible year and a first part that is not
/// marks number-first, and so does, for a regulation, a two-digit year after a number that
/// cannot be one (`1408/71/EGK rendelet`, as Hungarian writes `Regulation (EEC) No 1408/71`).
/// `domain` and `suffix` are English (`EEC, Euratom`).
#[allow(clippy::too_many_arguments)]
fn act_number(
    tname: &str,
    kind: ReferenceKind,
    domain: Option<&str>,
    has_no: bool,
    a: &str,
    b: &str,
    suffix: Option<&str>,
    issuer: Option<String>,
) -> Option<Citation> {
    // An act's year is past: `47` in `80/47/CEE` is no year (2047), nor `2092` in
    // `2092/91/EGK`.
    let plausible_year = |s: &str| {
        full_year(s).is_some_and(|y| (1951..=crate::dates::latest_year()).contains(&y))
            && (s.len() == 4 || s.len() == 2)
    };
    let suffix_norm = suffix.map(norm_domain);
    // Whether a year fits the domains written with the number (`EEC` until 1993, `EC` until
    // 2009, `EU` from 2009): of two readings, the one whose year fits.
    let fits_domains = |year: u32| {
        domain
            .into_iter()
            .chain(suffix_norm.as_deref())
            .flat_map(|d| d.split(','))
            .all(|d| match d.trim() {
                "EEC" => year <= 1993,
                "EC" | "JHA" => (1992..=2009).contains(&year),
                "EU" => year >= 2009,
                "ECSC" => year <= 2002,
                _ => true,
            })
    };
    // ECSC decisions number first with a two-digit year: `Decision 3632/93/ECSC`.
    let ecsc = suffix_norm.as_deref() == Some("ECSC");
    // `No` marks number-first (`No 1049/2001`, `No 1408/71`), unless the first part is the
    // year: `Regulation (EU) No 2017/1001`, `Council Directive No 2004/82/EC` and `Directive
    // No 64/433/EEC` are year-first numbers written with a stray `No`.
    let number_first = if has_no {
        let a_year4 = a.len() == 4 && plausible_year(a);
        let b_year4 = b.len() == 4 && plausible_year(b);
        // `(EU) No 2018/1999`: both parts read as years, and the Union's domain did not
        // exist in the second, so the first is the year.
        let eu_before_its_time =
            domain == Some("EU") && b_year4 && full_year(b).is_some_and(|y| y < 2010);
        if a_year4 && eu_before_its_time {
            false
        } else if a_year4 {
            // `No 2004/82/EC`: a four-digit year first, a number after; but a two-digit year
            // without a suffix ends a regulation's number of its time (`Regulation No 2027/97`
            // is number 2027 of 1997).
            b_year4 || (b.len() == 2 && plausible_year(b) && suffix.is_none())
        } else {
            plausible_year(b) || !plausible_year(a)
        }
    } else if tname == "Regulation" {
        // Regulations numbered year first only from 2015 (`2016/679`); before, number first
        // (`1408/71/EGK rendelet`, `2092/91/EGK rendelet`), the domain telling which where
        // both parts could be a year (`2019/93/EGK` is number 2019 of 1993).
        let year_first = a.len() == 4
            && plausible_year(a)
            && full_year(a).is_some_and(|y| y >= 2015)
            && !(plausible_year(b)
                && full_year(b).is_some_and(&fits_domains)
                && !full_year(a).is_some_and(&fits_domains));
        !year_first && plausible_year(b)
    } else {
        (b.len() == 4 && plausible_year(b) && !(a.len() == 4 && plausible_year(a)))
            || (ecsc && plausible_year(b) && !plausible_year(a))
    };
    let (year, number) = if number_first {
        (full_year(b)?, strip_zeros(a))
    } else {
        if !plausible_year(a) {
            return None;
        }
        (full_year(a)?, strip_zeros(b))
    };
    if number == "0" {
        return None;
    }
    // The id takes the act's official form where the text's is informal (`Regulation
    // 2016/679` → `Regulation (EU) 2016/679`, `Regulation 1049/2001` → `Regulation (EC) No
    // 1049/2001`): since 2015 every act is numbered `(EU) YEAR/N`; before, regulations were
    // `(EEC)`, `(EC)` or `(EU) No N/YEAR` by their year, directives and decisions `YEAR/N/EEC`,
    // `/EC`, `/EU` (a suffix, never a domain in brackets), and a directive cited without its
    // suffix (`Directive 93/13`) takes its era's.
    let era = |year: u32, number: &str| -> &'static str {
        let n: u32 = number.parse().unwrap_or(0);
        match year {
            ..=1992 => "EEC",
            // The Treaty of Maastricht (1 November 1993) made the EEC the EC: the directives of
            // 1993 up to the hundredth came before it.
            1993 if n < 100 => "EEC",
            1993..=2009 => "EC",
            _ => "EU",
        }
    };
    let suffix_form = matches!(tname, "Directive" | "Decision") && year < 2015 && !number_first;
    let mut suffix = suffix_norm;
    let mut domain = domain;
    // Regulations carry their domain in brackets since 1968; a language that writes it as a
    // suffix (`1408/71/EGK rendelet`) cites `Regulation (EEC) No 1408/71`. The first ones
    // kept the suffix (`Regulation No 359/67/EEC`).
    let suffix_domain;
    if tname == "Regulation" && domain.is_none() && year >= 1968 {
        if let Some(s) = suffix.take() {
            suffix_domain = s;
            domain = Some(suffix_domain.as_str());
        }
    }
    if suffix_form && suffix.is_none() {
        match domain {
            // `Decision (EU) 2013/755` is `Decision 2013/755/EU`.
            Some(d) if matches!(d, "EU" | "EC" | "EEC") => {
                suffix = Some(d.to_string());
                domain = None;
            }
            None if tname == "Directive" => suffix = Some(era(year, &number).to_string()),
            _ => {}
        }
    }
    // A suffix form never gains a domain: `Directive (EU) 2000/60/EC` is `Directive
    // 2000/60/EC`.
    if suffix.is_some() && year < 2015 {
        domain = None;
    }
    let official = match (domain, &suffix) {
        (Some(d), _) => Some(d.to_string()),
        (None, Some(_)) => None,
        (None, None) if year >= 2015 && !number_first => Some("EU".to_string()),
        (None, None) if tname == "Regulation" && number_first => Some(
            match year {
                ..=1992 => "EEC",
                1993..=2009 => "EC",
                _ => "EU",
            }
            .to_string(),
        ),
        (None, None) => None,
    };
    let mut id = String::from(tname);
    if let Some(d) = &official {
        id.push_str(&format!(" ({d})"));
    }
    // Regulations numbered first, and the number-first decisions of the Parliament and the
    // Council (`Decision No 676/2002/EC`) and of the ECSC, write `No`.
    if number_first
        && (has_no || tname == "Regulation" || (tname == "Decision" && suffix.is_some()))
    {
        id.push_str(" No");
    }
    id.push_str(&format!(" {a}/{b}"));
    if let Some(s) = &suffix {
        id.push_str(&format!("/{s}"));
    }
    Some(Citation {
        range: 0..0,
        id,
        kind,
        details: ReferenceDetails {
            year: Some(year),
            number: Some(number),
            issuer,
            domain: suffix.or(official),
            ..ReferenceDetails::default()
        },
    })
}

fn procedure(c: &Captures) -> Option<Citation> {
    let m = c.get(0)?;
    let (y, n, t) = if c.get(1).is_some() {
        (&c[1], &c[2], &c[3])
    } else {
        (&c[4], &c[5], &c[6])
    };
    Some(Citation {
        range: m.range(),
        id: format!("{y}/{n}({t})"),
        kind: ReferenceKind::Procedure,
        details: ReferenceDetails {
            year: y.parse().ok(),
            number: Some(n.to_string()),
            procedure_type: Some(t.to_string()),
            ..ReferenceDetails::default()
        },
    })
}

fn treaty_name(s: &str) -> &'static str {
    if s.contains("Functioning") || s == "TFEU" {
        "TFEU"
    } else {
        "TEU"
    }
}

fn treaty(c: &Captures, out: &mut Vec<Citation>) {
    let Some(m) = c.get(0) else { return };
    treaty_articles(m.range(), treaty_name(&c[3]), &c[1], c.get(2), out);
}

/// `the Treaty ..., and in particular Article 114 thereof`: the mention is the articles' part,
/// from `Article` to `thereof`.
fn treaty_thereof(c: &Captures, out: &mut Vec<Citation>) {
    let (Some(m), Some(word)) = (c.get(0), c.get(2)) else {
        return;
    };
    treaty_articles(
        word.start()..m.end(),
        treaty_name(&c[1]),
        &c[3],
        c.get(4),
        out,
    );
}

fn treaty_articles(
    range: Range<usize>,
    treaty: &str,
    first: &str,
    rest: Option<crate::re::Match>,
    out: &mut Vec<Citation>,
) {
    let article = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let mut articles = vec![article(first)];
    // `Articles 82 and 83 TFEU`: each number is a mention of its own article.
    if let Some(rest) = rest.filter(|g| !g.as_str().trim().is_empty()) {
        static NUM: LazyLock<Regex> = LazyLock::new(|| crate::re::compile(article_no!()).unwrap());
        for n in NUM.find_iter(rest.as_str()) {
            articles.push(article(n.as_str()));
        }
    }
    for art in articles {
        out.push(Citation {
            range: range.clone(),
            id: format!("Article {art} {treaty}"),
            kind: ReferenceKind::TreatyArticle,
            details: ReferenceDetails {
                treaty: Some(treaty.to_string()),
                article: Some(art),
                ..ReferenceDetails::default()
            },
        });
    }
}

fn council_document(c: &Captures) -> Option<Citation> {
    let m = c.get(0)?;
    let (n, y, tail) = if c.get(1).is_some() {
        (&c[1], &c[2], c.get(3).map_or("", |t| t.as_str()))
    } else {
        (&c[4], &c[5], c.get(6).map_or("", |t| t.as_str()))
    };
    Some(council_number(m.range(), n, y, tail))
}

/// A Council document citation for number `n` (`8410`, or `5869/1` with the revision the
/// number carries) of two-digit year `y`, with its `REV 1`, `ADD 1`, `COR 1` tail. An addendum
/// or a corrigendum is a document of its own, so the id keeps `ADD 1` and `COR 1`; a revision
/// is the same document's later text, kept in the id where the number carries it (`5869/1/10
/// REV 1`, as the register writes it) and otherwise in `details.revision` (`ST 6334/23 REV 2`
/// is `6334/23`), its link going to the revision either way.
pub fn council_number(range: Range<usize>, n: &str, y: &str, tail: &str) -> Citation {
    static REV: LazyLock<Regex> = LazyLock::new(|| crate::re::compile(r"REV\s*(\d{1,2})").unwrap());
    static PART: LazyLock<Regex> =
        LazyLock::new(|| crate::re::compile(r"(REV|ADD|COR)\s*(\d{1,2})").unwrap());
    let revision = REV.captures(tail).and_then(|r| r[1].parse().ok());
    let revised_number = n.contains('/');
    let tail: Vec<String> = PART
        .captures_iter(tail)
        .filter(|c| revised_number || &c[1] != "REV")
        .map(|c| format!("{} {}", &c[1], &c[2]))
        .collect();
    let mut id = format!("{n}/{y}");
    if !tail.is_empty() {
        id = format!("{id} {}", tail.join(" "));
    }
    let n = n.split('/').next().unwrap_or(n);
    Citation {
        range,
        id,
        kind: ReferenceKind::CouncilDocument,
        details: ReferenceDetails {
            year: full_year(y),
            number: Some(n.to_string()),
            revision,
            ..ReferenceDetails::default()
        },
    }
}

/// Links derivable from a citation's kind and parts, to the English texts.
pub fn links(kind: ReferenceKind, id: &str, d: &ReferenceDetails) -> Links {
    links_in(kind, id, d, "en")
}

/// Links derivable from a citation's kind and parts, to the texts in `language` (ISO 639-1)
/// where the target has them: EUR-Lex and the Council's register.
pub fn links_in(kind: ReferenceKind, id: &str, d: &ReferenceDetails, language: &str) -> Links {
    let upper = language.to_ascii_uppercase();
    let eurlex = format!("https://eur-lex.europa.eu/legal-content/{upper}/TXT/?uri=");
    let eurlex = eurlex.as_str();
    let lower = language.to_ascii_lowercase();
    let mut l = Links::default();
    let (Some(year), Some(number)) = (d.year, d.number.as_deref()) else {
        if kind == ReferenceKind::TreatyArticle {
            treaty_links(d, eurlex, &mut l);
        }
        return l;
    };
    match kind {
        ReferenceKind::Com
        | ReferenceKind::Join
        | ReferenceKind::Swd
        | ReferenceKind::Sec
        | ReferenceKind::C => {
            let family = id.split('(').next().unwrap_or("COM");
            // The CELEX of a COM document depends on whether it is a proposal, which the
            // number alone does not say; the EUR-Lex URI by family, year and number does not.
            l.eurlex = Some(format!("{eurlex}{family}:{year}:{number}:FIN"));
        }
        ReferenceKind::Oj => {
            let series = d.series.as_deref().unwrap_or("L").replace(' ', "");
            if id.contains(", ") && id.split(", ").nth(1).is_some_and(|p| p.contains('/')) {
                // act-by-act: OJ L, 2024/1689 → OJ:L_202401689
                let n: u32 = number.parse().unwrap_or(0);
                l.eurlex = Some(format!("{eurlex}OJ:{series}_{year}{n:05}"));
            } else {
                l.eurlex = Some(format!("{eurlex}OJ:{}:{year}:{number}:TOC", series));
            }
        }
        ReferenceKind::Directive
        | ReferenceKind::Regulation
        | ReferenceKind::Decision
        | ReferenceKind::FrameworkDecision
        | ReferenceKind::Recommendation
        | ReferenceKind::JointAction
        | ReferenceKind::CommonPosition => {
            // CELEX sector 3 descriptors: joint actions and common positions are `E` (CFSP);
            // the ELI types are EUR-Lex's.
            let (letter, eli) = match kind {
                ReferenceKind::Directive => ('L', "dir"),
                ReferenceKind::Regulation => ('R', "reg"),
                ReferenceKind::FrameworkDecision => ('F', "dec_framw"),
                ReferenceKind::Recommendation => ('H', "reco"),
                ReferenceKind::JointAction => ('E', "joint_action"),
                ReferenceKind::CommonPosition => ('E', "common_pos"),
                // ECSC decisions have a sector letter of their own.
                _ if d.domain.as_deref() == Some("ECSC") => ('S', "dec"),
                _ => ('D', "dec"),
            };
            let n: u32 = number.parse().unwrap_or(0);
            let celex = format!("3{year}{letter}{n:04}");
            let mode = d.issuer.as_deref().map(str::to_ascii_lowercase);
            let eli_type = match mode.as_deref() {
                Some(m) if m.contains("implementing") => format!("{eli}_impl"),
                Some(m) if m.contains("delegated") => format!("{eli}_del"),
                _ => eli.to_string(),
            };
            l.eurlex = Some(format!("{eurlex}CELEX:{celex}"));
            l.eli = Some(format!(
                "http://data.europa.eu/eli/{eli_type}/{year}/{n}/oj"
            ));
            l.celex = Some(celex);
        }
        ReferenceKind::Procedure => {
            l.procedure = Some(format!(
                "https://oeil.secure.europarl.europa.eu/oeil/en/procedure-file?reference={id}"
            ));
        }
        ReferenceKind::CouncilDocument => {
            // The register names a document by its revision and parts: `ST-7102-2022-REV-1`,
            // `ST-12345-2019-ADD-1-COR-1`.
            let parts = match id.split_once(' ') {
                Some((_, tail)) if !id.starts_with("PE-CONS") => tail.replace(' ', "-"),
                _ => String::new(),
            };
            let suffix = match (d.revision, parts.as_str()) {
                (_, p) if p.starts_with("REV") => p.to_string(),
                (Some(r), "") => format!("REV-{r}"),
                (Some(r), p) => format!("REV-{r}-{p}"),
                (None, "") => "INIT".to_string(),
                (None, p) => p.to_string(),
            };
            // The register files the `PE-CONS` series as `PE`, the others as `ST`.
            let series = if id.starts_with("PE-CONS") {
                "PE"
            } else {
                "ST"
            };
            l.eurlex = Some(format!(
                "https://data.consilium.europa.eu/doc/document/{series}-{number}-{year}-{suffix}/{lower}/pdf"
            ));
        }
        ReferenceKind::TreatyArticle => treaty_links(d, eurlex, &mut l),
        ReferenceKind::EuropeanCouncilDocument => {
            l.eurlex = Some(format!(
                "https://data.consilium.europa.eu/doc/document/EUCO-{number}-{year}-INIT/{lower}/pdf"
            ));
        }
    }
    l
}

/// Treaty articles: CELEX of the consolidated treaty article (TFEU sector E, TEU sector M).
fn treaty_links(d: &ReferenceDetails, eurlex: &str, l: &mut Links) {
    let (Some(t), Some(a)) = (d.treaty.as_deref(), d.article.as_deref()) else {
        return;
    };
    let n: u32 = a
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(0);
    let letter = if t == "TFEU" { 'E' } else { 'M' };
    let celex = format!("12016{letter}{n:03}");
    l.eurlex = Some(format!("{eurlex}CELEX:{celex}"));
    l.celex = Some(celex);
}

#[cfg(test)]
mod languages;
#[cfg(test)]
mod tests;
