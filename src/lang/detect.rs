//! The language of a text, from the text itself: each language scores one point for every word
//! of the text among its most frequent short words (its `stop_words`), and two for every letter
//! that only it writes (`ő` is Hungarian, `ħ` Maltese); Greek and Cyrillic letters count for
//! Greek and Bulgarian. The highest score wins; a text that scores nothing (numbers, a title in
//! capitals) is English, the language of the canonical ids. The first 1 500 words say enough.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use super::{ALL, Language};
use crate::model::Document;

/// How many words of a text are read.
const WORDS: usize = 1500;

/// Languages by stop word (in lower case), and the longest stop word's length in bytes: a
/// longer word is looked up nowhere. Fx hashing: SipHash's resistance to chosen keys buys
/// nothing on a table of our own words and cost a third of the detection.
static STOP_WORDS: LazyLock<(FxHashMap<String, Vec<usize>>, usize)> = LazyLock::new(|| {
    let mut map: FxHashMap<String, Vec<usize>> = FxHashMap::default();
    for (i, lang) in ALL.iter().enumerate() {
        for w in lang.stop_words {
            let entry = map.entry(w.to_lowercase()).or_default();
            if !entry.contains(&i) {
                entry.push(i);
            }
        }
    }
    let longest = map.keys().map(String::len).max().unwrap_or(0);
    (map, longest)
});

/// Each language's own letters, with its place in [`ALL`].
static LETTERS: LazyLock<Vec<(char, usize)>> = LazyLock::new(|| {
    ALL.iter()
        .enumerate()
        .flat_map(|(i, l)| l.letters.chars().map(move |c| (c, i)))
        .collect()
});

/// The language `texts` are written in.
pub fn language<'a>(texts: impl IntoIterator<Item = &'a str>) -> &'static Language {
    let mut score = [0usize; ALL.len()];
    let mut words = 0;
    let mut lower = String::new();
    let (stop_words, longest) = &*STOP_WORDS;
    'texts: for text in texts {
        for word in text.split(|c: char| !(c.is_alphabetic() || c == '.' || c == '\'')) {
            let word = word.trim_matches(['.', '\'']);
            if word.is_empty() {
                continue;
            }
            words += 1;
            if words > WORDS {
                break 'texts;
            }
            if word.is_ascii() {
                // An ASCII word adds nothing but its stop word (no letter of its own).
                if word.len() <= *longest {
                    lower.clear();
                    lower.push_str(word);
                    lower.make_ascii_lowercase();
                    if let Some(langs) = stop_words.get(lower.as_str()) {
                        for &i in langs {
                            score[i] += 1;
                        }
                    }
                }
                continue;
            }
            lower.clear();
            lower.extend(word.chars().flat_map(char::to_lowercase));
            if let Some(langs) = stop_words.get(lower.as_str()) {
                for &i in langs {
                    score[i] += 1;
                }
            }
            if lower.is_ascii() {
                continue;
            }
            for c in lower.chars().filter(|c| !c.is_ascii()) {
                if let Some(i) = script(c) {
                    score[i] += 1;
                }
                for &(letter, i) in LETTERS.iter() {
                    if letter == c {
                        score[i] += 2;
                    }
                }
            }
        }
    }
    // The first of the best: English on a tie, and for a text that says nothing.
    let best = (0..ALL.len())
        .max_by_key(|&i| (score[i], std::cmp::Reverse(i)))
        .filter(|&i| score[i] > 0)
        .unwrap_or(0);
    ALL[best]
}

/// The language of a document, from its paragraphs in reading order.
pub fn document(doc: &Document) -> &'static Language {
    language(doc.paras().map(|(_, p)| p.text.as_str()))
}

/// The language a Greek or Cyrillic letter belongs to.
fn script(c: char) -> Option<usize> {
    let code = match c {
        '\u{370}'..='\u{3ff}' | '\u{1f00}'..='\u{1fff}' => "el",
        '\u{400}'..='\u{4ff}' => "bg",
        _ => return None,
    };
    ALL.iter().position(|l| l.code == code)
}
