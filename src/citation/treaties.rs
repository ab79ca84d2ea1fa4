//! Treaty articles in the other languages, from each language's table: article first
//! (`Artikel 114 AEUV`, `article 114 du TFUE`, `artigo 114.º do TFUE`, `članka 114. UFEU-a`,
//! `l-Artikolu 114 tat-TFUE`) or treaty first (`SEUT 114 artikla`, `EUMSZ 114. cikke`, `LESD
//! 114. pants`, `ELTL artikli 114`). English keeps its own patterns in the parent module (lists,
//! paragraphs, `thereof`). A language's pattern runs only where one of its treaty names occurs.

use std::sync::{LazyLock, OnceLock};

const _: () = assert!(lang::ALL.len() <= 32, "a language is a bit of a u32");

use crate::lang::{self, Language, Treaty};
use crate::re::{Captures, Regex};

use super::{Citation, squash, treaty_articles};

/// An article number as treaties are cited: `114`, `192(1)`, `42(7)(a)`; the ordinal marks
/// some languages add (`114.º`, `114.`).
const ARTICLE_NO: &str = r"\d{1,3}(?:\s*\(\s*\d{1,2}\s*\))?(?:\s*\(\s*[a-z]\s*\))?";
const ORDINAL: &str = r"(?:\.?\s?º|\.)?";

/// Each language's pattern, by its place in [`lang::ALL`], compiled when a text first names
/// one of its treaties (each costs more than a short document's whole extraction); English
/// has none here.
static PATTERNS: LazyLock<Vec<OnceLock<Option<Regex>>>> =
    LazyLock::new(|| lang::ALL.iter().map(|_| OnceLock::new()).collect());

fn pattern(l: &Language) -> Regex {
    // Abbreviations as written; full names in any case (`traité` opens a sentence too).
    let names = {
        let mut v: Vec<&str> = l.treaties.iter().map(|(n, _)| *n).collect();
        v.sort_by_key(|n| std::cmp::Reverse(n.len()));
        v.iter()
            .map(|n| {
                let f = lang::flexible(n);
                if n.contains(' ') {
                    format!("(?i:{f})")
                } else {
                    f
                }
            })
            .collect::<Vec<_>>()
            .join("|")
    };
    let article = lang::alternation(l.article.iter().copied());
    let and = lang::alternation(l.and.iter().copied());
    let after = r"(?:-\p{Ll}{1,3})?(?:[^\p{L}\p{N}]|$)";
    let body = if l.treaty_first {
        format!(
            r"(?P<treaty>{names}){after2}\s*(?:(?i:{article})\s+(?P<n1>{no})|(?P<n2>{no}){ord}\s+(?i:{article}))(?:[^\p{{L}}\p{{N}}]|$)",
            after2 = r"(?:-\p{Ll}{1,3})?",
            no = ARTICLE_NO,
            ord = ORDINAL,
        )
    } else {
        // Short words may stand between the number and the treaty (`du`, `της`, `tat-`).
        format!(
            r"(?i:{article})\s+(?P<first>{no}){ord}(?P<rest>(?:\s*(?:,|(?i:{and}))\s*{no}{ord})*)\s*,?(?:\s+\p{{Ll}}{{1,5}}){{0,2}}[\s\-]+\[?(?P<treaty>{names}){after}",
            no = ARTICLE_NO,
            ord = ORDINAL,
        )
    };
    crate::re::compile(&format!(r"(?:^|[^\p{{L}}\p{{N}}])(?:{body})"))
        .expect("the treaty patterns compile")
}

/// Treaty articles cited in `text` in `language` (every language but English when `None`).
pub(super) fn find(text: &str, language: Option<&'static Language>, out: &mut Vec<Citation>) {
    let mut named_in_any: Option<u32> = None;
    for (i, l) in lang::ALL.iter().enumerate() {
        // English has no pattern here: the parent module reads its treaty articles.
        if l.code == "en" || language.is_some_and(|d| !std::ptr::eq(d, *l)) {
            continue;
        }
        let named = match language {
            Some(_) => l.treaties.iter().any(|(n, _)| names(text, n)),
            None => *named_in_any.get_or_insert_with(|| named_languages(text)) & (1 << i) != 0,
        };
        if !named {
            continue;
        }
        let compiled = PATTERNS[i]
            .get_or_init(|| (l.code != "en" && !l.treaties.is_empty()).then(|| pattern(l)));
        let Some(re) = compiled.as_ref() else {
            continue;
        };
        for c in re.captures_iter(text) {
            article(l, &c, out);
        }
    }
}

/// The languages (bits by place in [`lang::ALL`]) of which `text` may name a treaty, as
/// [`names`] reads each name: one pass over the text instead of a search per name (a hundred,
/// when the language is not known). By hand rather than Aho-Corasick: its automaton for these
/// names cost more to build (1.7 million instructions) than a one-line document's extraction.
fn named_languages(text: &str) -> u32 {
    /// By the first byte of a name without its first letter: the languages, the rest of the
    /// name and its first letter.
    type Rests = Vec<Vec<(usize, &'static str, char)>>;
    static RESTS: LazyLock<Rests> = LazyLock::new(|| {
        let mut table: Rests = vec![Vec::new(); 256];
        for (i, l) in lang::ALL.iter().enumerate() {
            for (name, _) in l.treaties {
                let mut chars = name.chars();
                let Some(first) = chars.next() else { continue };
                let rest = chars.as_str();
                if let Some(&b) = rest.as_bytes().first() {
                    table[usize::from(b)].push((i, rest, first));
                }
            }
        }
        table
    });
    let bytes = text.as_bytes();
    let mut bits = 0u32;
    for (at, &b) in bytes.iter().enumerate() {
        for &(i, rest, first) in &RESTS[usize::from(b)] {
            // `rest` opens with a character's first byte, so `at` is a boundary when it matches.
            if bits & (1 << i) != 0 || !bytes[at..].starts_with(rest.as_bytes()) {
                continue;
            }
            let before = text[..at].chars().next_back();
            if before.is_some_and(|c| c.to_lowercase().eq(first.to_lowercase())) {
                bits |= 1 << i;
            }
        }
    }
    bits
}

/// Whether `text` may name the treaty `name`: its first letter, in either case (a full name
/// opens a sentence too), right before the rest of it. English text holds `TFEU`, never the
/// `FUE` of `TFUE` after a `T`, so no other language's pattern is compiled for it.
fn names(text: &str, name: &str) -> bool {
    let mut chars = name.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest = chars.as_str();
    !rest.is_empty()
        && text.match_indices(rest).any(|(at, _)| {
            text[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.to_lowercase().eq(first.to_lowercase()))
        })
}

fn article(l: &Language, c: &Captures, out: &mut Vec<Citation>) {
    let (Some(whole), Some(treaty)) = (c.get(0), c.name("treaty")) else {
        return;
    };
    let written = treaty.as_str();
    let Some(which) = l
        .treaties
        .iter()
        .find(|(n, _)| lang::fold(&squash(n)) == lang::fold(&squash(written)))
        .map(|(_, t)| *t)
        .or_else(|| l.treaties.first().map(|(_, t)| *t))
    else {
        return;
    };
    // The citation starts at its first word (the pattern takes the character before it).
    let start = whole.start()
        + whole
            .as_str()
            .char_indices()
            .find(|(_, ch)| ch.is_alphanumeric())
            .map_or(0, |(i, _)| i);
    let end = whole.start()
        + whole
            .as_str()
            .trim_end_matches(|ch: char| !ch.is_alphanumeric())
            .len();
    let name = match which {
        Treaty::Tfeu => Treaty::Tfeu.english(),
        Treaty::Teu => Treaty::Teu.english(),
    };
    let first = c
        .name("first")
        .or_else(|| c.name("n1"))
        .or_else(|| c.name("n2"));
    let Some(first) = first else { return };
    treaty_articles(start..end, name, first.as_str(), c.name("rest"), out);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-pass scan names the same languages as a search per name, on every language's
    /// names as written, in lower and upper case, inside words and glued to others.
    #[test]
    fn one_pass_agrees_with_a_search_per_name() {
        let mut texts = vec![
            String::new(),
            "Artikel 114 AEUV und Artikel 5 EUV".to_string(),
            "l'article 114 du TFUE; SEUT 114 artikla; EUMSZ 114. cikke".to_string(),
            "COM(2013) 179 final, no treaty here".to_string(),
        ];
        for l in lang::ALL.iter() {
            for (name, _) in l.treaties {
                texts.push(format!("voir {name}."));
                texts.push(format!("x{}", name.to_lowercase()));
                texts.push(format!("({})", name.to_uppercase()));
                texts.push(name.chars().skip(1).collect());
            }
        }
        for text in &texts {
            let bits = named_languages(text);
            for (i, l) in lang::ALL.iter().enumerate() {
                let one_by_one = l.treaties.iter().any(|(n, _)| names(text, n));
                assert_eq!(bits & (1 << i) != 0, one_by_one, "{} in {text:?}", l.code);
            }
        }
    }
}
