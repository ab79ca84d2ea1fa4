//! Legal acts in any language, found from their numbers: every `A/B` of digits is a candidate,
//! and the words around it decide. Before the number (right to left): a number sign (`No`,
//! `Nr.`, `n.º`, `č.`, `αριθ.`, `№`), the domains in brackets (`(EWG)`, `(ЕО)`), issuer and mode
//! words (`Rady`, `d'exécution`) and the act's type in one of its forms (`der Verordnung`,
//! `rozporządzenia`, `κανονισμού`), with more issuer words before it (`Council`, `Rådets`).
//! After it: a suffix domain (`/EWG`), and, in a language that puts the type last, the type
//! (`a 1408/71/EGK tanácsi rendelet`). The words come from the language tables
//! ([`crate::lang`]); the code is the same for every language, and a slash costs a few byte
//! comparisons where no act word stands next to it.

use std::ops::Range;

use crate::lang::{self, ActWord, Form, Language, Role};
use crate::output::ReferenceKind;

use super::{Citation, act_number};

/// Every act cited in `text`, the document's language `prefer` first where a word belongs to
/// several.
pub(super) fn find(text: &str, prefer: Option<&'static Language>, out: &mut Vec<Citation>) {
    // Where an earlier list already took the text.
    let mut taken_to = 0;
    for (slash, _) in text.match_indices('/') {
        if slash < taken_to {
            continue;
        }
        let Some(num) = number_at(text, slash) else {
            continue;
        };
        if num.a.start < taken_to {
            continue;
        }
        let found = before_number(text, &num, prefer).or_else(|| after_number(text, &num, prefer));
        if let Some((cits, end)) = found {
            taken_to = end;
            out.extend(cits);
        }
    }
}

/// An act number: the digits either side of a slash, and a suffix domain.
#[derive(Debug, Clone)]
struct Number {
    a: Range<usize>,
    b: Range<usize>,
    /// The suffix as written (`EWG`), without glued note digits.
    suffix: Option<Range<usize>>,
    /// Where the number ends: after its suffix, before a note number glued to it.
    end: usize,
}

fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// The end of the whitespace before `at`.
fn skip_space_back(text: &str, at: usize) -> usize {
    text[..at].trim_end_matches(is_space).len()
}

fn skip_space(text: &str, at: usize) -> usize {
    at + (text[at..].len() - text[at..].trim_start_matches(is_space).len())
}

/// The act number whose slash is at `slash`: one to four digits either side (spaces allowed
/// around the slash), no digit or slash touching them.
fn number_at(text: &str, slash: usize) -> Option<Number> {
    let bytes = text.as_bytes();
    let a_end = skip_space_back(text, slash);
    let a_start = text[..a_end]
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .len();
    if a_end - a_start == 0 || a_end - a_start > 4 {
        return None;
    }
    if a_start > 0 && matches!(bytes[a_start - 1], b'/' | b'.' | b',') {
        // `2011/36/2012`, `1.500/3`: part of something else.
        if bytes[a_start - 1] == b'/' || a_start > 1 && bytes[a_start - 2].is_ascii_digit() {
            return None;
        }
    }
    let b_start = skip_space(text, slash + 1);
    let b_end = b_start
        + text[b_start..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
    // Up to four digits; five or six where a note's number is glued to a year (`1073/19993`),
    // which [`citation`] splits off.
    if b_end == b_start || b_end - b_start > 6 {
        return None;
    }
    let mut num = Number {
        a: a_start..a_end,
        b: b_start..b_end,
        suffix: None,
        end: b_end,
    };
    // A suffix domain: `/EEC`, `/ΕΟΚ`, `/EG12` (a note's number glued to it).
    let after = skip_space(text, b_end);
    if text[after..].starts_with('/') {
        let s = skip_space(text, after + 1);
        let letters = text[s..]
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(text.len() - s, |(i, _)| i);
        if letters > 0 {
            let word_end = s + letters;
            let glued = text[word_end..]
                .bytes()
                .take_while(u8::is_ascii_digit)
                .count();
            let boundary = text[word_end + glued..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if boundary
                && glued <= 3
                && lang::any_domain(lang::english(), &text[s..word_end]).is_some()
            {
                num.suffix = Some(s..word_end);
                num.end = word_end;
            }
        }
    } else if text[b_end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        // `2016/679x`: the number goes on (`1199/97г.` is the year, in Bulgarian).
        return None;
    }
    Some(num)
}

/// A word of the text that ends at `at` (after an apostrophe, itself a separator).
fn word_before(text: &str, at: usize) -> Option<Range<usize>> {
    let head = &text[..at];
    let end = head.trim_end_matches(APOSTROPHES).len();
    let start = head[..end]
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i)?;
    Some(start..end)
}

/// Apostrophes join words as a hyphen does (`d'exécution`, `b'deċiżjoni`, `κατ' εξουσιοδότηση`).
const APOSTROPHES: [char; 2] = ['\'', '’'];

/// Up to `n` words ending at `at` (whitespace or a hyphen between them), in text order.
fn words_before(text: &str, at: usize, n: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = skip_space_back(text, at);
    // A hyphen left hanging (`ta' l- (KEE)`).
    if text[..pos].ends_with('-') {
        pos = skip_space_back(text, pos - 1);
    }
    while out.len() < n {
        let Some(w) = word_before(text, pos) else {
            break;
        };
        pos = w.start;
        out.push(w);
        // A hyphen or an apostrophe joins words as a space does (`tal-Kunsill`,
        // `décision-cadre`, `d'exécution`).
        let back = skip_space_back(text, pos);
        let back = if text[..back].ends_with('-') {
            skip_space_back(text, back - 1)
        } else {
            skip_space_back(text, text[..back].trim_end_matches(APOSTROPHES).len())
        };
        if back == pos && pos > 0 {
            break; // something other than a space before the word
        }
        if back < pos && !text[..back].ends_with(char::is_alphabetic) {
            break;
        }
        pos = back;
    }
    out.reverse();
    out
}

/// Up to `n` words starting at `at`, in text order.
fn words_after(text: &str, at: usize, n: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut pos = skip_space(text, at);
    while out.len() < n {
        let len = text[pos..]
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(text.len() - pos, |(i, _)| i);
        if len == 0 {
            break;
        }
        out.push(pos..pos + len);
        pos += len;
        let next = skip_space(text, pos);
        let next = if text[next..].starts_with('-') {
            skip_space(text, next + 1)
        } else {
            skip_space(
                text,
                next + (text[next..].len() - text[next..].trim_start_matches(APOSTROPHES).len()),
            )
        };
        if next == pos {
            break;
        }
        pos = next;
    }
    out
}

/// Issuer and mode phrases that end at `at`, right to left: where they start and their roles.
/// `before_type`: the words stand before the act's type, where capitals make them a title's.
fn issuers_before(text: &str, mut at: usize, roles: &mut Vec<Role>, before_type: bool) -> usize {
    loop {
        let words = words_before(text, at, 7);
        let folded: Vec<String> = words.iter().map(|w| lang::fold(&text[w.clone()])).collect();
        let hit = lang::ISSUERS.iter().find(|(phrase, _)| {
            phrase.len() <= folded.len() && folded[folded.len() - phrase.len()..] == phrase[..]
        });
        match hit {
            // In capitals the words are an act's own title line (`COUNCIL DIRECTIVE
            // 1999/31/EC`), whose issuer the act's metadata gives: the mention is the act.
            Some((phrase, _))
                if before_type && capitals(text, &words[words.len() - phrase.len()..]) =>
            {
                return at;
            }
            Some((phrase, role)) => {
                roles.push(*role);
                at = words[words.len() - phrase.len()].start;
            }
            None => return at,
        }
    }
}

/// Whether every word of `words` is in capitals (of two letters or more).
fn capitals(text: &str, words: &[Range<usize>]) -> bool {
    words.iter().all(|w| {
        let word = &text[w.clone()];
        word.chars().count() > 1 && !word.chars().any(char::is_lowercase)
    })
}

/// Issuer and mode phrases that start at `at`: where they end and their roles.
fn issuers_after(text: &str, mut at: usize, roles: &mut Vec<Role>) -> usize {
    loop {
        let words = words_after(text, at, 7);
        let folded: Vec<String> = words.iter().map(|w| lang::fold(&text[w.clone()])).collect();
        let hit = lang::ISSUERS.iter().find(|(phrase, _)| {
            phrase.len() <= folded.len() && folded[..phrase.len()] == phrase[..]
        });
        match hit {
            Some((phrase, role)) => {
                roles.push(*role);
                at = words[phrase.len() - 1].end;
            }
            None => return at,
        }
    }
}

/// The number sign that ends at `at` (`Nr.`, `n. º`, `αριθ .`): where it starts.
fn sign_before(text: &str, at: usize) -> Option<usize> {
    let mut collected: Vec<char> = Vec::new();
    let mut found = None;
    for (i, c) in text[..at].char_indices().rev() {
        if c.is_whitespace() {
            if collected.is_empty() {
                continue;
            }
            // Spaces may stand inside a sign (`Nr .`), not before its first letter.
            continue;
        }
        collected.push(c);
        if collected.len() > 8 {
            break;
        }
        let candidate: String = collected.iter().rev().collect();
        let key = lang::sign_key(&candidate);
        let boundary = text[..i]
            .chars()
            .next_back()
            .is_none_or(|p| !p.is_alphanumeric());
        if boundary && lang::NUMBER_SIGNS.contains(&key) {
            found = Some(i);
        }
    }
    found
}

/// The domains in brackets that end at `at` (`(EWG, Euratom)`), as written: where the bracket
/// opens and the names. `None` when the brackets hold something else.
fn domains_before(text: &str, at: usize) -> Option<(usize, Vec<&str>)> {
    if !text[..at].ends_with(')') {
        return None;
    }
    let close = at - 1;
    let from = close.saturating_sub(80);
    let open = (from..close)
        .rev()
        .find(|&i| text.is_char_boundary(i) && text[i..].starts_with('('))?;
    let inner = &text[open + 1..close];
    if inner.contains(['(', ')']) {
        return None;
    }
    // A trailing comma is a slip some translations keep (`(EWG, Euratom, EWWiS,)`).
    let names: Vec<&str> = inner
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    let all = !names.is_empty()
        && names
            .iter()
            .all(|n| lang::any_domain(lang::english(), n).is_some());
    all.then_some((open, names))
}

/// The English domains of `names` in `language` (every one must be its own), joined: `EEC,
/// Euratom`.
fn domains_in(language: &Language, names: &[&str]) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for n in names {
        out.push(lang::domain(language, n)?);
    }
    Some(out.join(", "))
}

/// The same, each name in its own language or any other.
fn domains_any(language: &Language, names: &[&str]) -> Option<String> {
    let mut out: Vec<&str> = Vec::new();
    for n in names {
        out.push(lang::any_domain(language, n)?);
    }
    Some(out.join(", "))
}

/// What was read around an act's number.
struct Parts<'t> {
    act: ActWord,
    roles: Vec<Role>,
    domains: Option<Vec<&'t str>>,
    has_no: bool,
}

/// An act whose type stands before its number: the citations (a list's several) and where
/// they end.
fn before_number(
    text: &str,
    num: &Number,
    prefer: Option<&'static Language>,
) -> Option<(Vec<Citation>, usize)> {
    let mut pos = skip_space_back(text, num.a.start);
    let mut has_no = false;
    if let Some(s) = sign_before(text, pos) {
        has_no = true;
        pos = skip_space_back(text, s);
    }
    let mut domains = None;
    let mut bare = false;
    if text[..pos].ends_with(')') {
        let (open, names) = domains_before(text, pos)?;
        domains = Some(names);
        pos = skip_space_back(text, open);
    } else if let Some(w) = word_before(text, pos) {
        // A domain without its brackets (`Regulamentul CEE nr. 2783/75`).
        let word = &text[w.clone()];
        if word.chars().all(|c| !c.is_lowercase())
            && lang::any_domain(lang::english(), word).is_some()
        {
            domains = Some(vec![word]);
            bare = true;
            pos = skip_space_back(text, w.start);
        }
    }
    let mut roles = Vec::new();
    pos = issuers_before(text, pos, &mut roles, false);
    // Domains in brackets and a number sign make an act's number beyond doubt: then a word or
    // two the tables lack may stand before them (`Regolament ta' l- (KEE) Nru`, an issuer
    // misspelt), and the type may be misspelt by a letter (`Regolamnet (KEE) Nru`).
    let sure = domains.is_some() && has_no;
    let (act, type_start) = (0..if sure { 3 } else { 1 })
        .find_map(|skip| {
            let words = words_before(text, pos, 3 + skip);
            let words = &words[..words.len().checked_sub(skip)?];
            let texts: Vec<&str> = words.iter().map(|w| &text[w.clone()]).collect();
            let act = choose(lang::act_words(&texts, prefer), domains.as_deref())?;
            Some((act.clone(), words[words.len() - act.words].start))
        })
        .or_else(|| {
            let w = words_before(text, pos, 1).pop().filter(|_| sure)?;
            let act = lang::act_word_misspelt(&text[w.clone()], prefer)?;
            Some((act, w.start))
        })?;
    // English writes an act's domains in brackets: a bare one is taken only before `No`.
    if bare && !has_no && act.language.code == "en" {
        return None;
    }
    let start = issuers_before(text, type_start, &mut roles, true);
    let parts = Parts {
        act,
        roles,
        domains,
        has_no,
    };
    let first = citation(text, &parts, num, None)?;
    let mut end = num.end;
    let mut list = vec![first];
    let mut far = Vec::new();
    if lists(&parts.act) {
        end = more_numbers(text, &parts, num.end, &mut list);
        far = far_items(text, &parts, end);
    }
    let range = start..end;
    let mut out: Vec<Citation> = list
        .into_iter()
        .map(|c| Citation {
            range: range.clone(),
            ..c
        })
        .collect();
    let far_end = far.last().map_or(end, |c| c.range.end);
    out.extend(far);
    Some((out, far_end.max(end)))
}

/// An act whose type follows its number (`a 2016/679/EU rendelet`), or a list of numbers
/// that share the type after the last (`a 64/433/EGK és a 71/118/EGK irányelv`).
fn after_number(
    text: &str,
    num: &Number,
    prefer: Option<&'static Language>,
) -> Option<(Vec<Citation>, usize)> {
    // The domain may be bracketed before the number: `az (EU) 2016/679 rendelet`.
    let before = skip_space_back(text, num.a.start);
    let bracket = domains_before(text, before);
    let start = bracket.as_ref().map_or(num.a.start, |(open, _)| *open);
    // Each number with its bracketed domains and where its suffixes end.
    let mut numbers: Vec<(Number, Option<Vec<&str>>, usize)> = Vec::new();
    let mut item = (num.clone(), bracket.map(|(_, names)| names));
    loop {
        // A suffix may list several domains: `2531/72/Euratom, ESZAK, EGK rendelettel`.
        let suffixes_end = more_suffixes(text, item.0.end);
        let (n, names) = item;
        numbers.push((n, names, suffixes_end));
        let pos = skip_note(text, suffixes_end);
        let mut roles = Vec::new();
        let after_issuers = skip_note(text, issuers_after(text, pos, &mut roles));
        if let Some((act, type_end)) = type_after(text, after_issuers, prefer) {
            let mut out = Vec::new();
            let last = numbers.len() - 1;
            for (i, (n, names, suffixes_end)) in numbers.iter().enumerate() {
                let parts = Parts {
                    act: act.clone(),
                    roles: roles.clone(),
                    domains: names.clone(),
                    has_no: false,
                };
                // A number of a list stands alone; the last takes the type with it.
                let from = if i == 0 { start } else { n.a.start };
                let to = if i == last { type_end } else { *suffixes_end };
                let cit = citation(text, &parts, n, Some(&text[n.end..*suffixes_end]))?;
                out.push(Citation {
                    range: from..to,
                    ..cit
                });
            }
            return Some((out, type_end));
        }
        // The next number of a list: `, 71/118/EGK` or `és a 71/118/EGK`.
        let next = list_separator(text, skip_note(text, suffixes_end), None)?;
        let bracket = domains_after(text, next).map(|(end, names)| (skip_space(text, end), names));
        let at = bracket.as_ref().map_or(next, |(e, _)| *e);
        let slash = text[at..].find('/')? + at;
        let n = number_at(text, slash)?;
        if n.a.start != at || numbers.len() >= 8 {
            return None;
        }
        item = (n, bracket.map(|(_, names)| names));
    }
}

/// After `at`, past a note's number in brackets (`77/388/EGK [3] irányelv`).
fn skip_note(text: &str, at: usize) -> usize {
    let s = skip_space(text, at);
    let rest = &text[s..];
    let Some(close) = (match rest.chars().next() {
        Some('[') => Some(']'),
        Some('(') => Some(')'),
        _ => None,
    }) else {
        return at;
    };
    let digits = rest[1..].bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) && rest[1 + digits..].starts_with(close) {
        s + digits + 2
    } else {
        at
    }
}

/// The end of further domains after a suffix: `, Euratom, ESZAK`.
fn more_suffixes(text: &str, mut pos: usize) -> usize {
    loop {
        let s = skip_space(text, pos);
        if !text[s..].starts_with(',') {
            return pos;
        }
        let w = skip_space(text, s + 1);
        let len = text[w..]
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(text.len() - w, |(i, _)| i);
        if len == 0 || lang::any_domain(lang::english(), &text[w..w + len]).is_none() {
            return pos;
        }
        pos = w + len;
    }
}

/// Domains in brackets that open at `at`: where they close and the names.
fn domains_after(text: &str, at: usize) -> Option<(usize, Vec<&str>)> {
    if !text[at..].starts_with('(') {
        return None;
    }
    let close = text[at..].find(')')? + at;
    domains_before(text, close + 1).map(|(_, names)| (close + 1, names))
}

/// An act type that opens at `at` in a language that writes the type after the number.
fn type_after(
    text: &str,
    at: usize,
    prefer: Option<&'static Language>,
) -> Option<(ActWord, usize)> {
    let words = words_after(text, at, 2);
    for n in (1..=words.len()).rev() {
        let texts: Vec<&str> = words[..n].iter().map(|w| &text[w.clone()]).collect();
        if let Some(act) = lang::act_words(&texts, prefer)
            .into_iter()
            .find(|a| a.words == n && a.language.type_after_number)
        {
            return Some((act, words[n - 1].end));
        }
    }
    None
}

/// The first of the act words found whose language writes the domains seen (all of them);
/// else the first.
fn choose(candidates: Vec<ActWord>, domains: Option<&[&str]>) -> Option<ActWord> {
    let fits = |a: &ActWord| domains.is_none_or(|d| domains_in(a.language, d).is_some());
    let first = candidates.first().cloned();
    candidates
        .into_iter()
        .find(|a| fits(a) && !a.language.type_after_number)
        .or(first.filter(|a| !a.language.type_after_number))
}

/// Whether a list of numbers may follow the act word: a plural, or a stem, which stands for
/// plurals too.
fn lists(act: &ActWord) -> bool {
    matches!(act.form, Form::Many) || act.stem
}

/// A separator between the numbers of a list that starts at `at` (`, `, ` and `, `, and `,
/// with an article after it in a language that writes one: `és a`): where the next item
/// starts. `language` limits the words to its own; `None` takes any language's.
fn list_separator(text: &str, at: usize, language: Option<&Language>) -> Option<usize> {
    let mut pos = skip_space(text, at);
    let mut separated = false;
    if text[pos..].starts_with(',') {
        pos = skip_space(text, pos + 1);
        separated = true;
    }
    let words = words_after(text, pos, 2);
    let and_words = |w: &str| {
        let w = lang::fold(w);
        let in_lang = |l: &Language| l.and.iter().any(|a| lang::fold(a) == w);
        match language {
            Some(l) => in_lang(l),
            None => lang::ALL.iter().any(|l| in_lang(l)),
        }
    };
    if let Some(first) = words.first() {
        if and_words(&text[first.clone()]) && first.start == pos {
            pos = skip_space(text, first.end);
            separated = true;
            // An article after `és` (`és a 71/118/EGK`).
            if let Some(second) = words.get(1).filter(|w| w.start == pos) {
                let w = lang::fold(&text[second.clone()]);
                let article = w.chars().count() <= 2
                    && language.is_none_or(|l| l.stop_words.iter().any(|s| lang::fold(s) == w));
                if article && language.is_none() {
                    pos = skip_space(text, second.end);
                }
            }
        }
    }
    (separated && pos > at).then_some(pos)
}

/// Further numbers of a list after a plural act word (`Directives 2011/36/EU and 2011/93/EU`,
/// `Regulations (EC) No 765/2008 and (EU) No 305/2011`): pushed to `list`; where the list ends.
fn more_numbers(text: &str, parts: &Parts, mut end: usize, list: &mut Vec<Citation>) -> usize {
    let language = parts.act.language;
    while let Some(item_start) = list_separator(text, end, Some(language)) {
        let Some((n, domains, has_no)) = list_item(text, item_start, false) else {
            break;
        };
        let item = Parts {
            act: parts.act.clone(),
            roles: parts.roles.clone(),
            domains: domains.or_else(|| parts.domains.clone()),
            has_no,
        };
        let Some(cit) = citation(text, &item, &n, None) else {
            break;
        };
        list.push(cit);
        end = n.end;
    }
    end
}

/// A number of a list starting at `at`: its domains in brackets (`required` or not), a sign,
/// the digits and a suffix.
fn list_item(text: &str, at: usize, required: bool) -> Option<(Number, Option<Vec<&str>>, bool)> {
    let mut pos = at;
    let mut domains = None;
    if let Some((end, names)) = domains_after(text, pos) {
        domains = Some(names);
        pos = skip_space(text, end);
    } else if required {
        return None;
    }
    let digits = text[pos..].find(|c: char| c.is_ascii_digit())? + pos;
    let gap = &text[pos..digits];
    let has_no = !gap.trim().is_empty();
    if has_no {
        let key = lang::sign_key(gap);
        if !lang::NUMBER_SIGNS.contains(&key) {
            return None;
        }
    }
    let slash = text[digits..].find('/')? + digits;
    let n = number_at(text, slash)?;
    (n.a.start == digits).then_some((n, domains, has_no))
}

/// Items of a list with subject clauses between them (`Regulations (EU) No 1305/2013 on
/// support ..., (EU) No 1306/2013 on the financing ... and (EU) No 1307/2013 on ...`): each
/// carries its domain; the list runs to the end of the sentence or the next act word.
fn far_items(text: &str, parts: &Parts, from: usize) -> Vec<Citation> {
    let language = parts.act.language;
    let mut limit = (from + 600).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let rest = &text[from..limit];
    // The sentence's end, a semicolon, or another act word ends the list.
    let mut stop = rest.len();
    for (i, c) in rest.char_indices() {
        if c == ';'
            || (c == '.'
                && rest[i + 1..].starts_with(char::is_whitespace)
                && rest[i + 1..].trim_start().starts_with(char::is_uppercase))
        {
            stop = i;
            break;
        }
    }
    for w in words_after_all(&rest[..stop]) {
        let word = &rest[w.clone()];
        if lang::act_words(&[word], Some(language))
            .iter()
            .any(|a| a.words == 1 && std::ptr::eq(a.language, language))
        {
            stop = stop.min(w.start);
            break;
        }
    }
    let window = &rest[..stop];
    let mut out = Vec::new();
    let mut searched = 0;
    while let Some(open) = window[searched..].find('(').map(|i| i + searched) {
        searched = open + 1;
        // A comma or the list's `and` before the bracket.
        let head = window[..open].trim_end();
        let sep_ok = head.ends_with(',')
            || language.and.iter().any(|a| {
                head.len() >= a.len()
                    && head.is_char_boundary(head.len() - a.len())
                    && lang::fold(&head[head.len() - a.len()..]) == lang::fold(a)
                    && head[..head.len() - a.len()].ends_with(char::is_whitespace)
            });
        if !sep_ok {
            continue;
        }
        let Some((n, domains, has_no)) = list_item(window, open, true) else {
            continue;
        };
        let item = Parts {
            act: parts.act.clone(),
            roles: parts.roles.clone(),
            domains,
            has_no,
        };
        if let Some(cit) = citation(window, &item, &n, None) {
            out.push(Citation {
                range: from + open..from + n.end,
                ..cit
            });
            searched = n.end;
        }
    }
    out
}

/// Every word of `s`.
fn words_after_all(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let word = c.is_alphabetic();
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push(st..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(st..s.len());
    }
    out
}

/// The citation of number `num` read with `parts`; `extra_suffixes` are further suffix domains
/// (`, Euratom, ESZAK`).
fn citation(
    text: &str,
    parts: &Parts,
    num: &Number,
    extra_suffixes: Option<&str>,
) -> Option<Citation> {
    let language = parts.act.language;
    let domain = match &parts.domains {
        Some(names) => Some(domains_any(language, names)?),
        None => None,
    };
    let mut suffix = match &num.suffix {
        Some(s) => Some(lang::any_domain(language, &text[s.clone()])?.to_string()),
        None => None,
    };
    if let (Some(s), Some(extra)) = (&mut suffix, extra_suffixes) {
        for name in extra.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            s.push_str(", ");
            s.push_str(lang::any_domain(language, name)?);
        }
    }
    let mut roles = parts.roles.clone();
    match parts.act.form {
        Form::Implementing => roles.push(Role::Implementing),
        Form::Delegated => roles.push(Role::Delegated),
        _ => {}
    }
    let kind = match parts.act.act {
        lang::ActType::Regulation => ReferenceKind::Regulation,
        lang::ActType::Directive => ReferenceKind::Directive,
        lang::ActType::Decision => ReferenceKind::Decision,
        lang::ActType::FrameworkDecision => ReferenceKind::FrameworkDecision,
        lang::ActType::Recommendation => ReferenceKind::Recommendation,
        lang::ActType::JointAction => ReferenceKind::JointAction,
        lang::ActType::CommonPosition => ReferenceKind::CommonPosition,
    };
    let a = &text[num.a.clone()];
    let mut b = &text[num.b.clone()];
    let mut end = num.end;
    let regulation = parts.act.act == lang::ActType::Regulation;
    if (parts.has_no || regulation) && num.suffix.is_none() {
        if let Some(year) = glued_note(a, b, regulation) {
            b = year;
            end = num.b.start + year.len();
        }
    }
    if b.len() > 4 {
        return None;
    }
    let mut cit = act_number(
        parts.act.act.english(),
        kind,
        domain.as_deref(),
        parts.has_no,
        a,
        b,
        suffix.as_deref(),
        lang::issuer_in_english(&roles),
    )?;
    cit.range = num.a.start..end;
    Some(cit)
}

/// The two-digit year of a number-first act whose note's number is glued to it, as plain text
/// renders a superscript (`nr. 2429/725` is `No 2429/72` and note 5): the year part has three
/// or four digits and is no year, its first two are, and the number part is no year either
/// (a regulation's may be, short of four digits: regulations are numbered number first). A
/// four-digit year takes a note of one or two digits the same way (`nr. 1073/19993`).
fn glued_note<'t>(a: &str, b: &'t str, regulation: bool) -> Option<&'t str> {
    let year = |s: &str| {
        super::full_year(s).is_some_and(|y| (1951..=crate::dates::latest_year()).contains(&y))
    };
    let number = !year(a) || (regulation && a.len() < 4);
    match b.len() {
        // `2826/20002`: a four-digit year and a note.
        5 | 6 if year(&b[..4]) && number => Some(&b[..4]),
        3 | 4 if !(b.len() == 4 && year(b)) && year(&b[..2]) && number => Some(&b[..2]),
        _ => None,
    }
}
