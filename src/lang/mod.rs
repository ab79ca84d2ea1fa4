//! The official languages as data: one table per language ([`Language`]) with the words EU
//! documents use for the same things in each — act types and their grammatical forms, domains,
//! number signs, Official Journal names, treaties, months, the parts of an act, the cover page's
//! lines — and the few functions every stage uses to read them. The stages have one code path
//! for all languages: they load these tables into their patterns and look words up in them.
//!
//! A form ending in `*` stands for every word that opens with it and goes on for at most the
//! table's `endings` letters (`Verordnung*` is `Verordnung`, `Verordnungen`); a form of several
//! words matches word by word (`Gemeinsam* Standpunkt*`). Words are compared folded ([`fold`]):
//! in lower case, without accents.

use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

mod bg;
mod cs;
mod da;
mod de;
pub mod detect;
mod el;
mod en;
mod es;
mod et;
mod fi;
mod fr;
mod ga;
mod hr;
mod hu;
mod it;
mod lt;
mod lv;
mod mt;
mod nl;
mod pl;
mod pt;
mod ro;
mod sk;
mod sl;
mod sv;

/// Every official language, English first: where a word belongs to several, the first wins
/// unless the document's own language is among them.
pub static ALL: [&Language; 24] = [
    &en::EN,
    &fr::FR,
    &de::DE,
    &nl::NL,
    &it::IT,
    &es::ES,
    &pt::PT,
    &da::DA,
    &sv::SV,
    &fi::FI,
    &et::ET,
    &lt::LT,
    &lv::LV,
    &mt::MT,
    &pl::PL,
    &cs::CS,
    &sk::SK,
    &sl::SL,
    &hr::HR,
    &hu::HU,
    &ro::RO,
    &bg::BG,
    &el::EL,
    &ga::GA,
];

/// English, the language of the canonical ids.
pub fn english() -> &'static Language {
    ALL[0]
}

/// The table of the language with ISO 639-1 code `code`.
pub fn by_code(code: &str) -> Option<&'static Language> {
    ALL.iter().copied().find(|l| l.code == code)
}

/// A legal act's type, as its canonical English id names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ActType {
    Regulation,
    Directive,
    Decision,
    FrameworkDecision,
    Recommendation,
    JointAction,
    CommonPosition,
}

impl ActType {
    /// The English name in an id: `Framework Decision`.
    pub fn english(self) -> &'static str {
        match self {
            ActType::Regulation => "Regulation",
            ActType::Directive => "Directive",
            ActType::Decision => "Decision",
            ActType::FrameworkDecision => "Framework Decision",
            ActType::Recommendation => "Recommendation",
            ActType::JointAction => "Joint Action",
            ActType::CommonPosition => "Common Position",
        }
    }
}

/// What an act word says besides the type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// One act (or a form that does not tell).
    One,
    /// Several acts: a list of numbers may follow (`Directives 2011/36/EU and 2011/93/EU`).
    Many,
    /// An implementing act (`Durchführungsverordnung`).
    Implementing,
    /// A delegated act (`Gedelegeerde Verordening` has it in a word of its own).
    Delegated,
}

/// What an issuer or mode word around an act's type says, in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Council,
    Commission,
    /// The European Parliament (with the Council: the co-legislators).
    Parliament,
    Implementing,
    Delegated,
}

impl Role {
    fn english(self) -> &'static str {
        match self {
            Role::Council => "Council",
            Role::Commission => "Commission",
            Role::Parliament => "European Parliament",
            Role::Implementing => "Implementing",
            Role::Delegated => "Delegated",
        }
    }
}

/// The issuer of an act in English from the roles its words name, in the order English writes
/// them: `Commission Implementing`, `European Parliament and of the Council`.
pub fn issuer_in_english(roles: &[Role]) -> Option<String> {
    let has = |r: Role| roles.contains(&r);
    let mut words: Vec<&str> = Vec::new();
    if has(Role::Parliament) {
        words.push("European Parliament and of the Council");
    } else if has(Role::Council) {
        words.push(Role::Council.english());
    } else if has(Role::Commission) {
        words.push(Role::Commission.english());
    }
    for mode in [Role::Implementing, Role::Delegated] {
        if has(mode) {
            words.push(mode.english());
        }
    }
    (!words.is_empty()).then(|| words.join(" "))
}

/// The treaties cited by article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Treaty {
    Tfeu,
    Teu,
}

impl Treaty {
    pub fn english(self) -> &'static str {
        match self {
            Treaty::Tfeu => "TFEU",
            Treaty::Teu => "TEU",
        }
    }
}

/// The parts of a legal act, as its headings number them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Article,
    Chapter,
    Section,
    Part,
    Title,
    Annex,
    Appendix,
}

impl Part {
    /// The English word of a section number: `Article`, `Annex`.
    pub fn english(self) -> &'static str {
        match self {
            Part::Article => "Article",
            Part::Chapter => "Chapter",
            Part::Section => "Section",
            Part::Part => "Part",
            Part::Title => "Title",
            Part::Annex => "Annex",
            Part::Appendix => "Appendix",
        }
    }
}

/// Where a part's number stands: `Artikel 12` or `12. cikk`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Order {
    WordFirst,
    NumberFirst,
}

/// What a document-type line says the document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    Communication,
    Report,
    Proposal,
    StaffWorkingDocument,
    WhitePaper,
    GreenPaper,
    Recommendation,
}

/// One official language's vocabulary.
#[derive(Debug)]
pub struct Language {
    /// ISO 639-1 code.
    pub code: &'static str,
    /// Its most frequent short words, which tell it from the others ([`detect`]).
    pub stop_words: &'static [&'static str],
    /// Letters that only this language (of the 24) writes, a hint for [`detect`].
    pub letters: &'static str,
    /// Legal act types in their grammatical forms.
    pub acts: &'static [(&'static str, ActType, Form)],
    /// How many letters a `*` form may add.
    pub endings: usize,
    /// Issuer and mode words next to an act's type (before it, or between it and its number:
    /// `rozporządzenie Rady (WE) nr`, `règlement d'exécution (UE)`).
    pub issuers: &'static [(&'static str, Role)],
    /// Whether an act's type follows its number (`a 2016/679/EU rendelet`).
    pub type_after_number: bool,
    /// The number sign before an act's number (`Nr.`).
    pub number_signs: &'static [&'static str],
    /// Domains as written, with their English form (`EWG` → `EEC`).
    pub domains: &'static [(&'static str, &'static str)],
    /// The word that joins the last item of a list (`and`).
    pub and: &'static [&'static str],
    /// The Official Journal's abbreviations (`ABl.`); `.` may be left out and spaces vary.
    pub journal: &'static [&'static str],
    /// The word between an issue's number and its date (`vom`), if any.
    pub journal_of: &'static [&'static str],
    /// The page abbreviation (`S.`); Latvian and Hungarian write the page first (`4. lpp.`).
    pub pages: &'static [&'static str],
    /// Commission document families as written, with the English family (`KOM` → `COM`).
    pub families: &'static [(&'static str, &'static str)],
    /// Treaty names and abbreviations (`AEUV`).
    pub treaties: &'static [(&'static str, Treaty)],
    /// The word for a treaty's article (`Artikel`, `Art.`) in its forms.
    pub article: &'static [&'static str],
    /// Whether a treaty article is cited treaty first (`SEUT 114 artikla`).
    pub treaty_first: bool,
    /// Month names in every form a date writes them, January first.
    pub months: [&'static [&'static str]; 12],
    /// The headings of an act's parts with the place of their number.
    pub parts: &'static [(&'static str, Part, Order)],
    /// Words that number the first article (`Article premier`).
    pub first: &'static [&'static str],
    /// Where the Commission dates its documents (`Brüssel`), with the English name.
    pub places: &'static [(&'static str, &'static str)],
    /// Document-type lines, as they open (in capitals or not).
    pub doc_types: &'static [(&'static str, DocKind)],
    /// The heading of a proposal's explanatory memorandum.
    pub memorandum: &'static [&'static str],
    /// The heading of a proposal's legislative financial statement.
    pub financial_statement: &'static [&'static str],
    /// How an act's preamble opens: the enacting institution's line (`DAS EUROPÄISCHE
    /// PARLAMENT UND DER RAT DER EUROPÄISCHEN UNION`).
    pub enacting: &'static [&'static str],
    /// The words that open a citation or a recital of the preamble (`gestützt auf`, `in
    /// Erwägung nachstehender Gründe`).
    pub preamble: &'static [&'static str],
    /// Multipliers of amounts as written, with their value (`Mio.` → 1 000 000).
    pub multipliers: &'static [(&'static str, f64)],
    /// Words for per cent (`Prozent`).
    pub percent: &'static [&'static str],
    /// Currency words after an amount, with the ISO code (`d'euros` → `EUR`).
    pub currencies: &'static [(&'static str, &'static str)],
    /// Whether numbers are written `1.000.000,5` (a decimal comma) rather than `1,000,000.5`.
    pub decimal_comma: bool,
}

/// A word in lower case without its accents (`Règlement` → `reglement`, `ΚΑΝΟΝΙΣΜΌΣ` →
/// `κανονισμος`), as the tables are compared.
pub fn fold(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    word.to_lowercase()
        .nfd()
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .map(|c| if c == '’' { '\'' } else { c })
        .collect()
}

/// A domain as written, in the form tables compare it: in capitals, Greek and Cyrillic letters
/// that look Latin made Latin (the texts mix them: `(EИО)` has a Latin `E`).
pub fn domain_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .map(lookalike)
        .collect()
}

/// `text` with its Cyrillic that was decoded as Latin-1 set right, or `None` when it has none.
/// A Cyrillic text saved in Windows-1251 and read as Latin-1 turns `на Съвета (ЕО) No.` into
/// `íà Ñúâåòà (ÅÎ) Nî.`: in a text that has Cyrillic letters, the letters U+00C0 to U+00FF are
/// such (Windows-1251 puts `А` to `я` at 0xC0 to 0xFF). Each letter keeps its length in UTF-8,
/// so offsets into the repaired text are offsets into `text`.
pub fn cp1251_repaired(text: &str) -> Option<String> {
    let latin1 = |c: char| ('\u{c0}'..='\u{ff}').contains(&c) && c != '×' && c != '÷';
    // UTF-8 opens U+00C0 to U+00FF with 0xC3 and U+0400 to U+04FF with 0xD0 to 0xD3: a byte
    // scan spares the characters of almost every paragraph.
    let bytes = text.as_bytes();
    if !bytes.contains(&0xc3) || !bytes.iter().any(|b| (0xd0..=0xd3).contains(b)) {
        return None;
    }
    if !text.chars().any(latin1) || !text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c)) {
        return None;
    }
    Some(
        text.chars()
            .map(|c| {
                if latin1(c) {
                    char::from_u32(c as u32 - 0xc0 + 0x410).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// The Latin letter a Greek or Cyrillic capital looks like (`Е` → `E`, `Κ` → `K`), else the
/// letter itself.
fn lookalike(c: char) -> char {
    match c {
        'А' | 'Α' => 'A',
        'В' | 'Β' => 'B',
        'Е' | 'Ε' => 'E',
        'К' | 'Κ' => 'K',
        'М' | 'Μ' => 'M',
        'Н' | 'Η' => 'H',
        'О' | 'Ο' => 'O',
        'Р' | 'Ρ' => 'P',
        'С' => 'C',
        'Т' | 'Τ' => 'T',
        'Х' | 'Χ' => 'X',
        'І' | 'Ι' => 'I',
        'Ζ' => 'Z',
        'Ν' => 'N',
        'Υ' => 'Y',
        c => c,
    }
}

/// Whether `word` (folded) is `form` (folded): equal, or for a `*` form opening with it and
/// adding at most `endings` letters.
fn form_matches(form: &str, word: &str, endings: usize) -> bool {
    match form.strip_suffix('*') {
        Some(stem) => word.starts_with(stem) && word[stem.len()..].chars().count() <= endings,
        None => form == word,
    }
}

/// An act word found: its type, what the form says, and the languages it belongs to.
#[derive(Debug, Clone)]
pub struct ActWord {
    pub act: ActType,
    pub form: Form,
    /// How many words the form has (`Framework Decision` has two).
    pub words: usize,
    /// Whether the form is a stem (`Verordnung*`), which stands for plurals too.
    pub stem: bool,
    pub language: &'static Language,
}

/// An act form as looked up: its folded words, its language's place in [`ALL`], what it says.
type IndexedForm = (Vec<String>, usize, ActType, Form);

/// Act forms by the first letters of their last word, for a quick look-up: a folded word's
/// first two characters select the few forms to compare.
static ACT_INDEX: LazyLock<HashMap<String, Vec<IndexedForm>>> = LazyLock::new(|| {
    let mut map: HashMap<String, Vec<IndexedForm>> = HashMap::new();
    for (li, lang) in ALL.iter().enumerate() {
        for (form, act, f) in lang.acts {
            let words: Vec<String> = form.split_whitespace().map(fold).collect();
            let last = words.last().expect("a form has a word");
            map.entry(prefix2(last))
                .or_default()
                .push((words.clone(), li, *act, *f));
        }
    }
    map
});

fn prefix2(w: &str) -> String {
    w.chars().filter(|c| *c != '*').take(2).collect()
}

/// The act types that `words` (in text order, the type's last word last) may end with: longer
/// forms first, then exact forms before stems, then in the languages' order with `prefer`
/// first; each with how many of the words it takes.
pub fn act_words(words: &[&str], prefer: Option<&'static Language>) -> Vec<ActWord> {
    let Some(last) = words.last() else {
        return Vec::new();
    };
    let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
    let last_folded = &folded[folded.len() - 1];
    let Some(candidates) = ACT_INDEX.get(&prefix2(last_folded)) else {
        return Vec::new();
    };
    let _ = last;
    let mut out: Vec<(usize, ActWord)> = Vec::new();
    for (form_words, li, act, form) in candidates {
        let lang = ALL[*li];
        let n = form_words.len();
        if n > folded.len() {
            continue;
        }
        let tail = &folded[folded.len() - n..];
        if form_words
            .iter()
            .zip(tail)
            .all(|(f, w)| form_matches(f, w, lang.endings))
        {
            let stem = form_words.iter().any(|f| f.ends_with('*'));
            let rank = if prefer.is_some_and(|p| std::ptr::eq(p, lang)) {
                0
            } else {
                li + 1
            };
            out.push((
                rank,
                ActWord {
                    act: *act,
                    form: *form,
                    words: n,
                    stem,
                    language: lang,
                },
            ));
        }
    }
    // Longer forms first, a word's own form before a stem that takes it, then by language.
    out.sort_by_key(|(rank, w)| (std::cmp::Reverse(w.words), w.stem, *rank));
    out.into_iter().map(|(_, w)| w).collect()
}

/// The act type of a word misspelt by one letter (left out, added, changed, or two swapped:
/// `Regolamnet`), from the forms of eight letters or more written out in full.
pub fn act_word_misspelt(word: &str, prefer: Option<&'static Language>) -> Option<ActWord> {
    let w: Vec<char> = fold(word).chars().collect();
    // A word the tables hold is no misspelling (`Regulation` is one letter from `Regulations`).
    if w.len() < 8 || !act_words(&[word], prefer).is_empty() {
        return None;
    }
    let languages = prefer.into_iter().chain(ALL.iter().copied());
    for lang in languages {
        for (form, act, f) in lang.acts {
            if form.contains([' ', '*']) {
                continue;
            }
            let form: Vec<char> = fold(form).chars().collect();
            if form.len() >= 8 && one_edit_apart(&w, &form) {
                return Some(ActWord {
                    act: *act,
                    form: *f,
                    words: 1,
                    stem: false,
                    language: lang,
                });
            }
        }
    }
    None
}

/// Whether `a` and `b` differ by one letter left out, added or changed, or two swapped.
fn one_edit_apart(a: &[char], b: &[char]) -> bool {
    if a == b {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let head = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    match long.len() - short.len() {
        0 => {
            let tail = |from: usize| short[from..] == long[from..];
            tail(head + 1)
                || (head + 1 < short.len()
                    && short[head] == long[head + 1]
                    && short[head + 1] == long[head]
                    && tail(head + 2))
        }
        1 => short[head..] == long[head + 1..],
        _ => false,
    }
}

/// Every language's domains by [`domain_key`]: the languages that write it (their place in
/// [`ALL`], in order) with its English form. The act scanner asks for a domain at every
/// bracket; keying the tables once spares a key per table entry per question.
static DOMAINS: LazyLock<rustc_hash::FxHashMap<String, Vec<(usize, &'static str)>>> =
    LazyLock::new(|| {
        let mut map: rustc_hash::FxHashMap<String, Vec<(usize, &'static str)>> = Default::default();
        for (i, l) in ALL.iter().enumerate() {
            for (d, en) in l.domains {
                let entry = map.entry(domain_key(d)).or_default();
                // A language's first entry for a key is its reading.
                if !entry.iter().any(|(j, _)| *j == i) {
                    entry.push((i, en));
                }
            }
        }
        map
    });

/// The English domain of `written` in `lang` (`EWG` → `EEC` in German), if it is one.
pub fn domain(lang: &Language, written: &str) -> Option<&'static str> {
    let Some(i) = ALL.iter().position(|l| std::ptr::eq(*l, lang)) else {
        let key = domain_key(written);
        return lang
            .domains
            .iter()
            .find(|(d, _)| domain_key(d) == key)
            .map(|(_, en)| *en);
    };
    DOMAINS
        .get(&domain_key(written))?
        .iter()
        .find(|(j, _)| *j == i)
        .map(|(_, en)| *en)
}

/// The English domain of `written` in any language, `prefer` first.
pub fn any_domain(prefer: &Language, written: &str) -> Option<&'static str> {
    let Some(i) = ALL.iter().position(|l| std::ptr::eq(*l, prefer)) else {
        return domain(prefer, written).or_else(|| Some(DOMAINS.get(&domain_key(written))?[0].1));
    };
    let entries = DOMAINS.get(&domain_key(written))?;
    entries
        .iter()
        .find(|(j, _)| *j == i)
        .or_else(|| entries.first())
        .map(|(_, en)| *en)
}

/// The parts of an act every language's table names with `folded` (a word as [`fold`] gives
/// it: `rozdzial`, `παραρτημα`): each with its language's place in [`ALL`] (English is 0), in
/// that order, and where the number stands.
pub fn parts_named(folded: &str) -> &'static [(usize, Part, Order)] {
    type Named = rustc_hash::FxHashMap<String, Vec<(usize, Part, Order)>>;
    static PARTS: LazyLock<Named> = LazyLock::new(|| {
        let mut map = Named::default();
        for (i, l) in ALL.iter().enumerate() {
            for &(word, part, order) in l.parts {
                map.entry(fold(word)).or_default().push((i, part, order));
            }
        }
        map
    });
    PARTS.get(folded).map_or(&[], Vec::as_slice)
}

/// Whether `word` numbers a first article in some language (`premier`, `1er`, `primo`), in
/// any case.
pub fn is_first_article(word: &str) -> bool {
    let firsts = || ALL.iter().flat_map(|l| l.first.iter());
    match word.is_ascii() {
        true => firsts().any(|f| f.eq_ignore_ascii_case(word)),
        false => word.len() <= 16 && firsts().any(|f| fold(word) == fold(f)),
    }
}

/// Whether `lower` (in lower case) names an article or a part of an act in some language
/// (`artikel`, `art`, `artykułu`, `kapitel`, `cikk`): a number after it is the part's, never
/// a note's.
pub fn is_part_word(lower: &str) -> bool {
    static WORDS: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
        ALL.iter()
            .flat_map(|l| {
                let parts = l.parts.iter().map(|(w, _, _)| *w);
                l.article.iter().copied().chain(parts)
            })
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .collect()
    });
    WORDS.contains(lower)
}

/// Every number sign of every language, folded and without spaces, longest first.
pub static NUMBER_SIGNS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = ALL
        .iter()
        .flat_map(|l| l.number_signs.iter())
        .map(|s| sign_key(s))
        .collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.chars().count()));
    v.dedup();
    v
});

/// A number sign as compared: in lower case, spaces dropped, `°` and `º` as one, Greek and
/// Cyrillic letters that look Latin made Latin (`Nо.` with a Cyrillic `о`).
pub fn sign_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == '°' { 'º' } else { c })
        .flat_map(char::to_uppercase)
        .map(lookalike)
        .flat_map(char::to_lowercase)
        .collect()
}

/// Issuer and mode words of every language, folded, each with its role: a phrase as its
/// folded words (an apostrophe parts words as a space does).
pub static ISSUERS: LazyLock<Vec<(Vec<String>, Role)>> = LazyLock::new(|| {
    let mut v: Vec<(Vec<String>, Role)> = ALL
        .iter()
        .flat_map(|l| l.issuers.iter())
        .map(|(p, r)| {
            let words = p.split(|c: char| c.is_whitespace() || c == '\'' || c == '’');
            (words.filter(|w| !w.is_empty()).map(fold).collect(), *r)
        })
        .collect();
    v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    v
});

/// Month number (1-12) of a month name in any language, as dates write it (`März`,
/// `stycznia`, `Μαΐου`).
pub fn month_number(name: &str) -> Option<u32> {
    static MONTHS: LazyLock<HashMap<String, u32>> = LazyLock::new(|| {
        let mut m = HashMap::new();
        for lang in ALL.iter() {
            for (i, forms) in lang.months.iter().enumerate() {
                for f in *forms {
                    m.entry(fold(f)).or_insert(i as u32 + 1);
                }
            }
        }
        m
    });
    MONTHS.get(&fold(name.trim_end_matches('.'))).copied()
}

/// Every month name of every language, for patterns: alternatives longest first.
pub fn month_alternatives() -> String {
    let mut v: Vec<&str> = ALL
        .iter()
        .flat_map(|l| l.months.iter().flat_map(|f| f.iter().copied()))
        .collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.dedup();
    v.iter().map(|s| escape(s)).collect::<Vec<_>>().join("|")
}

/// A literal for a pattern: regex syntax escaped, a space as any run of spaces and a `.` as an
/// optional dot with optional space after (`Dz.U.` is also `Dz. U.` and `DzU`).
pub fn flexible(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            ' ' => out.push_str(r"\s*"),
            '.' => out.push_str(r"\.?\s?"),
            c => out.push_str(&escape(&c.to_string())),
        }
    }
    out
}

/// `s` with the regex syntax escaped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// An alternation of `items` (longest first), each made [`flexible`].
pub fn alternation<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    let mut v: Vec<&str> = items.into_iter().collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v.dedup();
    v.iter().map(|s| flexible(s)).collect::<Vec<_>>().join("|")
}

#[cfg(test)]
mod tests;
