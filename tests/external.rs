//! Other projects' citation tests (`../shared/eval/external/`): sentences from the public test
//! suites of other EU citation parsers and EUR-Lex conventions, each with the acts it cites
//! (`-` for none; a `?` marks an id that may be found or not) and their CELEX numbers. Every
//! expected id must be found with its CELEX, nothing else may be, and a sentence that cites
//! nothing gives nothing.

use crate::util::shared_file;

/// One sentence's failures, as lines.
fn failures(sentence: &str, ids: &str, celexes: &str) -> Vec<String> {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| !c.is_whitespace())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let got = eurodoc::extract_bytes(format!("{sentence}\n").as_bytes(), Some("sentence.txt"))
        .map(|e| e.references)
        .unwrap_or_default();
    let mut out = Vec::new();
    let wanted: Vec<(bool, &str, &str)> = if ids == "-" {
        Vec::new()
    } else {
        ids.split('|')
            .zip(celexes.split('|'))
            .map(|(id, celex)| {
                let id = id.trim();
                (
                    id.starts_with('?'),
                    id.trim_start_matches('?'),
                    celex.trim(),
                )
            })
            .collect()
    };
    for (optional, id, celex) in &wanted {
        match got.iter().find(|r| squash(&r.id) == squash(id)) {
            None if !optional => out.push(format!("{id} missing in: {sentence}")),
            None => {}
            Some(r) if *celex != "-" && r.links.celex.as_deref() != Some(celex) => {
                out.push(format!("{id}: CELEX {:?}, want {celex}", r.links.celex))
            }
            Some(_) => {}
        }
    }
    for r in &got {
        if !wanted.iter().any(|(_, id, _)| squash(id) == squash(&r.id)) {
            out.push(format!("{} is not cited in: {sentence}", r.id));
        }
    }
    out
}

fn run(file: &str) {
    let Some(path) = shared_file(file, &format!("eval/external/{file}")) else {
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{file}: {e}"));
    let mut checked = 0;
    let mut fails = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let cols: Vec<&str> = line.split('\t').collect();
        assert!(
            cols.len() >= 3,
            "{file}: a line without its columns: {line}"
        );
        fails.extend(failures(cols[0], cols[1], cols[2]));
        checked += 1;
    }
    assert!(checked >= 20, "{file}: only {checked} sentences");
    assert!(fails.is_empty(), "{file}:\n{}", fails.join("\n"));
}

#[test]
fn peers_citation_suites() {
    run("peers-citations.tsv");
}

#[test]
fn official_celex_numbers() {
    run("citations.tsv");
}
