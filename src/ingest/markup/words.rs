//! The words of the EU's languages that name a legal act's parts and its kind: the markup says
//! that an element is a division or an annex, the words say which (`ROZDZIAŁ I` is `Chapter I`,
//! from the languages' tables in `src/lang`; `Rozporządzenie` a regulation).

/// The kind of an act, from a word of its title: `Regulation`, `Directive` or `Decision`.
pub const ACT_WORDS: &[(&str, &[&str])] = &[
    (
        "Regulation",
        &[
            "regulation",
            "règlement",
            "verordnung",
            "reglamento",
            "regolamento",
            "rozporządzenie",
            "verordening",
            "regulamento",
            "regulamentul",
            "nařízení",
            "nariadenie",
            "uredba",
            "regula",
            "reglamentas",
            "rendelet",
            "asetus",
            "määrus",
            "forordning",
            "förordning",
            "κανονισμός",
            "регламент",
            "rialachán",
            "regolament",
        ],
    ),
    (
        "Directive",
        &[
            "directive",
            "richtlinie",
            "directiva",
            "direttiva",
            "dyrektywa",
            "richtlijn",
            "diretiva",
            "directiva",
            "směrnice",
            "smernica",
            "direktiva",
            "direktīva",
            "direktyva",
            "irányelv",
            "direktiivi",
            "direktiiv",
            "direktiv",
            "οδηγία",
            "директива",
            "treoir",
        ],
    ),
    (
        "Decision",
        &[
            "decision",
            "décision",
            "beschluss",
            "decisión",
            "decisione",
            "decyzja",
            "besluit",
            "decisão",
            "decizia",
            "rozhodnutí",
            "rozhodnutie",
            "odluka",
            "sklep",
            "lēmums",
            "sprendimas",
            "határozat",
            "päätös",
            "otsus",
            "afgørelse",
            "beslut",
            "απόφαση",
            "решение",
            "cinneadh",
            "deċiżjoni",
        ],
    ),
];

/// The English word for `word` in `table`, ignoring case.
fn english(table: &[(&'static str, &[&str])], word: &str) -> Option<&'static str> {
    let w = word
        .trim_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    table
        .iter()
        .find(|(_, words)| words.contains(&w.as_str()))
        .map(|(en, _)| *en)
}

/// `ROZDZIAŁ I` → `Chapter I`, `ANNEX III` → `Annex III`, `Article 12` → `Article 12`, a
/// lone `ANNEX` → `Annex`: a part's label in any language as the contract numbers it. The
/// label is the word and the number that follows it; `None` when the first word names no
/// part.
pub fn part_number(label: &str) -> Option<String> {
    let mut words = label.split_whitespace();
    // The languages' tables of parts (src/lang), whichever language and order.
    let word = words.next()?.trim_matches(|c: char| !c.is_alphabetic());
    let kind = crate::lang::parts_named(&crate::lang::fold(word))
        .first()?
        .1
        .english();
    match words.next() {
        Some(n) => {
            let n = n.trim_end_matches(['.', ':', ',']);
            is_part_number(n).then(|| format!("{kind} {n}"))
        }
        None => Some(kind.to_string()),
    }
}

/// A part's number: Arabic (`12`, `12a`), Roman (`IV`) or a letter (`A`).
pub(crate) fn is_part_number(n: &str) -> bool {
    let digits = n.trim_end_matches(|c: char| c.is_ascii_lowercase());
    (!digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit()))
        || (!n.is_empty() && n.len() <= 7 && n.bytes().all(|b| b"IVXLC".contains(&b)))
        || (n.len() == 1 && n.bytes().all(|b| b.is_ascii_uppercase()))
}

/// The number of an article from its label in any language: `Artykuł 12` → `Article 12`,
/// `Article premier` → `Article 1`. The number is the label's last word.
pub fn article_number(label: &str) -> Option<String> {
    let last = label.split_whitespace().next_back()?;
    let last = last.trim_end_matches(['.', ':']);
    if crate::lang::is_first_article(last) {
        return Some("Article 1".to_string());
    }
    is_part_number(last).then(|| format!("Article {last}"))
}

/// The kind of act the first words of a title name (`Rozporządzenie Parlamentu ...` →
/// `Regulation`; `Euroopan parlamentin ja neuvoston asetus (EU) ...` → `Regulation`): the
/// first word before the act's number that names a kind.
pub fn act_kind(title: &str) -> Option<&'static str> {
    title
        .split_whitespace()
        .take_while(|w| !w.starts_with(|c: char| c.is_ascii_digit()))
        .find_map(|w| english(ACT_WORDS, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_in_any_language() {
        assert_eq!(part_number("ROZDZIAŁ\u{a0}I").as_deref(), Some("Chapter I"));
        assert_eq!(part_number("SEKCJA 2").as_deref(), Some("Section 2"));
        assert_eq!(part_number("CHAPTER IV").as_deref(), Some("Chapter IV"));
        assert_eq!(part_number("ZAŁĄCZNIK III").as_deref(), Some("Annex III"));
        assert_eq!(part_number("ANNEX").as_deref(), Some("Annex"));
        assert_eq!(part_number("ANNEX I:").as_deref(), Some("Annex I"));
        assert_eq!(part_number("General provisions"), None);
        assert_eq!(part_number("Section of the text"), None);
        assert_eq!(
            article_number("Artykuł\u{a0}12").as_deref(),
            Some("Article 12")
        );
        assert_eq!(
            article_number("Article premier").as_deref(),
            Some("Article 1")
        );
        assert_eq!(article_number("Article 5a").as_deref(), Some("Article 5a"));
        assert_eq!(
            act_kind("Rozporządzenie Parlamentu Europejskiego i Rady (UE) 2024/1689"),
            Some("Regulation")
        );
        assert_eq!(
            act_kind("Euroopan parlamentin ja neuvoston asetus (EU) 2016/679"),
            Some("Regulation")
        );
        assert_eq!(act_kind("DIRECTIVE 2002/58/EC OF THE"), Some("Directive"));
    }
}
