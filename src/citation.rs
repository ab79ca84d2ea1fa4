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

use crate::re::{Captures, Regex};

use crate::output::{Links, ReferenceDetails, ReferenceKind};

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
// Unicode-aware in the regex crate).

static COMMISSION: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        r"\b(COM|JOIN|SWD|SEC|C)\s*\(\s*(\d{4}|\d{2})\s*\)\s*(\d{1,5})",
        r"(?:\s*/\s*(\d{1,2})\b)?",
        r"(?:\s+(?i:(final))(?:\s*/\s*(\d{1,2}))?)?",
        // `COM/2013/0179 final` (EUR-Lex), `SWD 2016/319` (a space instead of the brackets).
        r"|\b(COM|JOIN|SWD|SEC|C)(/|\s+)(\d{4})/(\d{1,5})\b(?:\s+(?i:(final)))?"
    ))
    .unwrap()
});

static OJ: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(concat!(
        // act-by-act form: OJ L, 2024/1689, 12.7.2024
        r"\bO\.?\s?J\.?\s+([LC])\s*,\s*(\d{4})/(\d{1,5})\s*,\s*(\d{1,2})\.(\d{1,2})\.(\d{4})",
        // classic form: OJ L 186, 14.7.2012, p. 4 / OJ C 115 E of 4.5.2010 / OJ L 130/1
        r"|\bO\.?\s?J\.?\s+(?:No\.?\s+)?([LC])\s*(\d{1,4})(?:\s*([A-Z])\b)?(?:\s*/\s*(\d{1,4}))?",
        r"\s*(?:,|\bof\b)\s*(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b",
        r"(?:\s*,?\s*pp?\.\s*(\d{1,4})(?:\s*[-–]\s*\d{1,4})?)?"
    ))
    .unwrap()
});

const DOMAINS: &str = r"EU|EC|EEC|EURATOM|Euratom|JHA|CFSP|ECSC|GAI|PESC|CE|UE";

static ACT: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(&format!(
        concat!(
            r"(?P<issuer>\b(?:(?:European\s+Parliament\s+and\s+(?:of\s+the\s+)?)?Council|Commission)\s+)?",
            r"(?P<mode>\b(?i:Implementing|Delegated)\s+)?",
            r"(?P<type>\b(?i:Framework\s+Decisions?|Directives?|Regulations?|Decisions?|Recommendations?|Joint\s+Actions?|Common\s+Positions?))",
            r"(?:\s*\(\s*(?P<dom>(?i:{d})(?:\s*,\s*(?i:{d}))?)\s*\))?",
            r"\s*(?P<no>(?i:No|Nr|n°)\.?\s*)?",
            r"(?P<a>\d{{1,4}})\s*/\s*(?P<b>\d{{1,4}})",
            r"(?:\s*/\s*(?P<suf>(?i:{d}))(?P<glued>\d{{1,3}})?)?\b"
        ),
        d = DOMAINS
    ))
    .unwrap()
});

/// `Directives 2011/36/EU and 2011/93/EU`, `Regulations (EC) No 765/2008 and (EU) No
/// 305/2011`: further numbers after a plural act word, each with its own domain if written.
static ACT_MORE: LazyLock<Regex> = LazyLock::new(|| {
    crate::re::compile(&format!(
        r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+){}",
        list_item(false)
    ))
    .unwrap()
});

/// An act number in a list after a plural act word: `(EU) No 305/2011`, `2011/93/EU`, the
/// domain in brackets optional or `required`; groups `dom`, `no`, `a`, `b`, `suf`.
fn list_item(required: bool) -> String {
    let dom = format!(
        r"\(\s*(?P<dom>(?i:{d})(?:\s*,\s*(?i:{d}))?)\s*\)\s*",
        d = DOMAINS
    );
    let dom = if required { dom } else { format!("(?:{dom})?") };
    format!(
        r"{dom}(?P<no>(?i:No)\.?\s*)?(?P<a>\d{{1,4}})\s*/\s*(?P<b>\d{{1,4}})(?:\s*/\s*(?P<suf>(?i:{d})))?\b",
        d = DOMAINS
    )
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

/// Every citation in `text`, in order, without overlaps (the longer wins).
pub fn find(text: &str) -> Vec<Citation> {
    let mut out = Vec::new();
    // Cheap checks for a character each form needs spare most paragraphs most regexes.
    let slash = text.contains('/');
    let paren = text.contains('(');
    if paren || slash {
        for c in COMMISSION.captures_iter(text) {
            out.extend(commission(&c));
        }
    }
    if text.contains('J') {
        for c in OJ.captures_iter(text) {
            out.extend(official_journal(&c));
        }
    }
    if slash {
        for c in ACT.captures_iter(text) {
            acts(text, &c, &mut out);
        }
    }
    if paren {
        for c in PROCEDURE.captures_iter(text) {
            out.extend(procedure(&c));
        }
    }
    if text.contains("TEU") || text.contains("TFEU") || text.contains("Treaty") {
        for c in TREATY.captures_iter(text) {
            treaty(&c, &mut out);
        }
        if text.contains("thereof") {
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
    if text.contains("PE-CONS") {
        for c in PE_CONS.captures_iter(text) {
            let m = c.get(0).expect("the whole match");
            let tail = c.get(3).map_or("", |t| t.as_str());
            let mut cit = council_number(m.range(), &c[1], &c[2], tail);
            cit.id = format!("PE-CONS {}/{}", &c[1], &c[2]);
            out.push(cit);
        }
    }
    if text.contains("Regulation No") {
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
    if text.contains("EUCO") {
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
    let m = c.get(0)?;
    let (family, year, number, revision, fin, fin_rev) = if c.get(1).is_some() {
        (
            &c[1],
            full_year(&c[2])?,
            strip_zeros(&c[3]),
            c.get(4).and_then(|r| r.as_str().parse().ok()),
            c.get(5).is_some(),
            c.get(6).and_then(|r| r.as_str().parse().ok()),
        )
    } else {
        // `C 2016/319` would be an OJ C series or a table's cell: only the `/` form for C.
        if &c[7] == "C" && &c[8] != "/" {
            return None;
        }
        (
            &c[7],
            full_year(&c[9])?,
            strip_zeros(&c[10]),
            None,
            c.get(11).is_some(),
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
        range: m.range(),
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
    let m = c.get(0)?;
    if c.get(1).is_some() {
        // act-by-act
        let series = &c[1];
        let year: u32 = c[2].parse().ok()?;
        let number = strip_zeros(&c[3]);
        let date = crate::dates::iso(c[6].parse().ok()?, c[5].parse().ok()?, c[4].parse().ok()?)?;
        let (d, mo): (u32, u32) = (c[4].parse().ok()?, c[5].parse().ok()?);
        return Some(Citation {
            range: m.range(),
            id: format!("OJ {series}, {year}/{number}, {d}.{mo}.{}", &c[6]),
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
    let series = &c[7];
    let number = strip_zeros(&c[8]);
    let special = c.get(9).map(|s| s.as_str());
    let (d, mo): (u32, u32) = (c[11].parse().ok()?, c[12].parse().ok()?);
    let y = full_year(&c[13])?;
    let date = crate::dates::iso(y, mo, d)?;
    let page: Option<u32> = c
        .get(14)
        .or(c.get(10))
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
        range: m.range(),
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

/// Normalised act type from the word as written.
fn act_type(word: &str) -> Option<(&'static str, ReferenceKind)> {
    let w = word.to_lowercase();
    let w = squash(&w);
    Some(match w.trim_end_matches('s') {
        "framework decision" => ("Framework Decision", ReferenceKind::FrameworkDecision),
        "directive" => ("Directive", ReferenceKind::Directive),
        "regulation" => ("Regulation", ReferenceKind::Regulation),
        "decision" => ("Decision", ReferenceKind::Decision),
        "recommendation" => ("Recommendation", ReferenceKind::Recommendation),
        "joint action" => ("Joint Action", ReferenceKind::JointAction),
        "common position" => ("Common Position", ReferenceKind::CommonPosition),
        _ => return None,
    })
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

fn acts(text: &str, c: &Captures, out: &mut Vec<Citation>) {
    let Some(m) = c.name("type") else { return };
    let Some((tname, kind)) = act_type(m.as_str()) else {
        return;
    };
    let issuer = {
        let i = c.name("issuer").map_or("", |x| x.as_str().trim());
        let mode = c.name("mode").map_or("", |x| x.as_str().trim());
        let words = [i, mode]
            .iter()
            .filter(|s| !s.is_empty())
            .map(|s| squash(s))
            .collect::<Vec<_>>()
            .join(" ");
        (!words.is_empty()).then_some(words)
    };
    let mode = c
        .name("mode")
        .map(|x| x.as_str().trim().to_ascii_lowercase());
    let domain = c.name("dom").map(|d| norm_domain(d.as_str()));
    let start = c.get(0).map_or(0, |x| x.start());
    let first = act_number(
        tname,
        kind,
        domain.as_deref(),
        c.name("no").is_some(),
        &c["a"],
        &c["b"],
        c.name("suf").map(|s| s.as_str()),
        issuer.clone(),
        mode.as_deref(),
    );
    let mut end = c
        .name("glued")
        .map_or(c.get(0).map_or(0, |x| x.end()), |g| g.start());
    let Some(first) = first else { return };
    let mut list = vec![first];
    // Plural act words take a list of numbers: `Directives 2011/36/EU and 2011/93/EU`; every
    // act of the list gets the list's whole range as its written form.
    if m.as_str().to_lowercase().ends_with('s') {
        while let Some(more) = ACT_MORE.captures(&text[end..]) {
            let own_domain = more.name("dom").map(|d| norm_domain(d.as_str()));
            let Some(cit) = act_number(
                tname,
                kind,
                own_domain.as_deref().or(domain.as_deref()),
                more.name("no").is_some(),
                &more["a"],
                &more["b"],
                more.name("suf").map(|s| s.as_str()),
                issuer.clone(),
                mode.as_deref(),
            ) else {
                break;
            };
            end += more.get(0).map_or(0, |x| x.end());
            list.push(cit);
        }
    }
    let mut far: Vec<Citation> = Vec::new();
    // `Regulations (EU) No 1305/2013 on support for rural development ..., (EU) No 1306/2013
    // on the financing ...`: items that each carry their domain, with subject clauses
    // between, up to the end of the sentence or the next act word.
    if m.as_str().to_lowercase().ends_with('s') {
        static ITEM: LazyLock<Regex> = LazyLock::new(|| {
            crate::re::compile(&format!(
                r"(?:,\s*(?:and\s+)?|\s+and\s+){}",
                list_item(true)
            ))
            .unwrap()
        });
        static STOP: LazyLock<Regex> = LazyLock::new(|| {
            crate::re::compile(r"[.;]\s+\p{Lu}|;|(?i:\b(?:directives?|regulations?|decisions?)\b)")
                .unwrap()
        });
        let rest = &text[end..];
        let limit = STOP.find(rest).map_or(rest.len().min(600), |s| s.start());
        for more in ITEM.captures_iter(&rest[..limit]) {
            let own_domain = more.name("dom").map(|d| norm_domain(d.as_str()));
            if let Some(cit) = act_number(
                tname,
                kind,
                own_domain.as_deref(),
                more.name("no").is_some(),
                &more["a"],
                &more["b"],
                more.name("suf").map(|s| s.as_str()),
                issuer.clone(),
                mode.as_deref(),
            ) {
                let whole = more.get(0).expect("the whole match");
                let at = whole.start() + whole.as_str().find('(').unwrap_or(0);
                far.push(Citation {
                    range: end + at..end + whole.end(),
                    ..cit
                });
            }
        }
    }
    out.extend(list.into_iter().map(|cit| Citation {
        range: start..end,
        ..cit
    }));
    out.extend(far);
}

/// Build an act citation from its number parts, deciding which part is the year.
///
/// `No 1049/2001` and `676/2002/EC` are number-first (number 1049 of 2001); `2005/387/JHA`,
/// `95/46/EC` and `(EU) 2016/679` are year-first. With `No` the number always comes first;
/// otherwise a four-digit second part that is a plausible year and a first part that is not
/// marks number-first.
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
    mode: Option<&str>,
) -> Option<Citation> {
    let plausible_year = |s: &str| {
        full_year(s).is_some_and(|y| (1951..=2100).contains(&y)) && (s.len() == 4 || s.len() == 2)
    };
    let suffix_norm = suffix.map(norm_domain);
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
    let _ = mode;
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

const EURLEX: &str = "https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=";

/// Links derivable from a citation's kind and parts.
pub fn links(kind: ReferenceKind, id: &str, d: &ReferenceDetails) -> Links {
    let mut l = Links::default();
    let (Some(year), Some(number)) = (d.year, d.number.as_deref()) else {
        if kind == ReferenceKind::TreatyArticle {
            treaty_links(d, &mut l);
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
            l.eurlex = Some(format!("{EURLEX}{family}:{year}:{number}:FIN"));
        }
        ReferenceKind::Oj => {
            let series = d.series.as_deref().unwrap_or("L").replace(' ', "");
            if id.contains(", ") && id.split(", ").nth(1).is_some_and(|p| p.contains('/')) {
                // act-by-act: OJ L, 2024/1689 → OJ:L_202401689
                let n: u32 = number.parse().unwrap_or(0);
                l.eurlex = Some(format!("{EURLEX}OJ:{series}_{year}{n:05}"));
            } else {
                l.eurlex = Some(format!("{EURLEX}OJ:{}:{year}:{number}:TOC", series));
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
            l.eurlex = Some(format!("{EURLEX}CELEX:{celex}"));
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
                "https://data.consilium.europa.eu/doc/document/{series}-{number}-{year}-{suffix}/en/pdf"
            ));
        }
        ReferenceKind::TreatyArticle => treaty_links(d, &mut l),
        ReferenceKind::EuropeanCouncilDocument => {
            l.eurlex = Some(format!(
                "https://data.consilium.europa.eu/doc/document/EUCO-{number}-{year}-INIT/en/pdf"
            ));
        }
    }
    l
}

/// Treaty articles: CELEX of the consolidated treaty article (TFEU sector E, TEU sector M).
fn treaty_links(d: &ReferenceDetails, l: &mut Links) {
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
    l.eurlex = Some(format!("{EURLEX}CELEX:{celex}"));
    l.celex = Some(celex);
}

#[cfg(test)]
mod tests;
