//! The tables and the look-ups over them.

use super::*;

#[test]
fn every_language_once_with_its_code() {
    let mut codes: Vec<&str> = ALL.iter().map(|l| l.code).collect();
    assert_eq!(codes[0], "en");
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), 24);
}

#[test]
fn act_words_in_their_forms() {
    let found = |words: &[&str]| {
        act_words(words, None)
            .first()
            .map(|a| (a.act, a.language.code, a.words))
    };
    assert_eq!(
        found(&["der", "Verordnung"]),
        Some((ActType::Regulation, "de", 1))
    );
    assert_eq!(
        found(&["rozporządzenia"]),
        Some((ActType::Regulation, "pl", 1))
    );
    assert_eq!(found(&["ΚΑΝΟΝΙΣΜΟΣ"]), Some((ActType::Regulation, "el", 1)));
    assert_eq!(
        found(&["Council", "Framework", "Decision"]),
        Some((ActType::FrameworkDecision, "en", 2))
    );
    assert_eq!(
        found(&["décision", "cadre"]),
        Some((ActType::FrameworkDecision, "fr", 2))
    );
    // A stem takes a few letters, not a word of its own.
    assert_eq!(found(&["Verordnungsentwurf"]), None);
    assert_eq!(found(&["regolamentazione"]), None);
}

#[test]
fn the_document_language_wins_a_shared_word() {
    let sl = by_code("sl");
    let first = act_words(&["direktiva"], sl);
    assert_eq!(first[0].language.code, "sl");
    let first = act_words(&["direktiva"], None);
    assert_ne!(first[0].language.code, "sl", "in table order otherwise");
}

#[test]
fn domains_per_language_and_mixed_scripts() {
    let bg = by_code("bg").unwrap();
    // `ЕС` is the EU in Bulgarian; the same letters in Latin are the EC in English.
    assert_eq!(domain(bg, "ЕС"), Some("EU"));
    assert_eq!(domain(english(), "EC"), Some("EC"));
    // A Latin `E` among Cyrillic letters.
    assert_eq!(domain(bg, "EИО"), Some("EEC"));
    assert_eq!(domain(by_code("el").unwrap(), "ΕΟΚ"), Some("EEC"));
    assert_eq!(domain(by_code("et").unwrap(), "EÜ"), Some("EC"));
    assert_eq!(domain(english(), "EÜ"), None);
}

#[test]
fn months_of_every_language() {
    assert_eq!(month_number("März"), Some(3));
    assert_eq!(month_number("stycznia"), Some(1));
    assert_eq!(month_number("Μαΐου"), Some(5));
    assert_eq!(month_number("декември"), Some(12));
    assert_eq!(month_number("kesäkuuta"), Some(6));
    assert_eq!(month_number("Widgets"), None);
}

#[test]
fn folding() {
    assert_eq!(fold("Règlement"), "reglement");
    assert_eq!(fold("ΑΠΌΦΑΣΗ"), "αποφαση");
    assert_eq!(fold("d’exécution"), "d'execution");
    assert_eq!(fold("Deċiżjoni"), "decizjoni");
}

#[test]
fn issuers_in_english() {
    assert_eq!(
        issuer_in_english(&[Role::Implementing, Role::Commission]).as_deref(),
        Some("Commission Implementing")
    );
    assert_eq!(
        issuer_in_english(&[Role::Parliament, Role::Council]).as_deref(),
        Some("European Parliament and of the Council")
    );
    assert_eq!(issuer_in_english(&[]), None);
}

#[test]
fn a_misspelt_act_word_is_one_edit_away() {
    let found = |w: &str| act_word_misspelt(w, None).map(|a| (a.act, a.language.code));
    assert_eq!(found("Regolamnet"), Some((ActType::Regulation, "mt")));
    assert_eq!(found("Regolamemt"), Some((ActType::Regulation, "mt")));
    assert_eq!(found("Regulatoin"), Some((ActType::Regulation, "en")));
    // Short words and words two edits away are not taken.
    assert_eq!(found("Decison"), None);
    assert_eq!(found("Regalemnt"), None);
    assert_eq!(found("Regulation"), None);
}
