//! A port of the evaluation kit's `realcheck.py`: scores one extraction against a hand-written
//! checklist of a real document (`fixtures/<name>/checks.json`), so the tests hold the same bar
//! without the shared folder. Categories and rules follow the Python scorer line by line.

use std::collections::{BTreeMap, HashSet};

use regex::Regex;
use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// Per category: (passed, total, failures).
pub type Scores = BTreeMap<String, (usize, usize, Vec<String>)>;

fn norm(s: &str) -> String {
    let s: String = s.nfkc().collect::<String>().to_lowercase();
    let s = s.replace(['\u{2019}', '\u{2018}'], "'");
    s.chars()
        .filter(|c| {
            !(c.is_whitespace()
                || matches!(
                    c,
                    '.' | ',' | ';' | ':' | '(' | ')' | '[' | ']' | '\'' | '"' | '-'
                )
                || *c == '\u{a0}')
        })
        .collect()
}

fn num(s: &str) -> String {
    let t = s.trim().trim_end_matches('.');
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn text(v: &Value, key: &str) -> String {
    v.get(key).and_then(Value::as_str).unwrap_or("").to_string()
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map_or(&[][..], Vec::as_slice)
}

/// Every piece of document text the extraction carries, as the Python scorer walks it.
fn walk_text(ext: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for s in list(ext, "sections") {
        out.push(("section title".into(), text(s, "title")));
    }
    for f in list(ext, "footnotes") {
        out.push((format!("footnote {}", f["number"]), text(f, "text")));
    }
    for r in list(ext, "references") {
        for m in list(r, "mentions") {
            out.push((format!("mention of {}", text(r, "id")), text(m, "sentence")));
        }
    }
    for f in list(ext, "figures") {
        out.push((format!("figure {}", text(f, "text")), text(f, "sentence")));
    }
    for c in list(ext, "commitments") {
        out.push(("commitment".into(), text(c, "text")));
    }
    out
}

/// Score `ext` against `chk`.
pub fn check(ext: &Value, chk: &Value) -> Scores {
    let mut res = Scores::new();
    if let Some(md) = chk.get("metadata").and_then(Value::as_object) {
        let got = &ext["metadata"];
        let mut fails = Vec::new();
        for (k, want) in md {
            let mut have = got.get(k).cloned().unwrap_or(Value::Null);
            if k == "council_code" {
                if let Some(codes) = got.get("council_codes").and_then(Value::as_array) {
                    if !codes.is_empty() {
                        have = Value::String(
                            codes
                                .iter()
                                .filter_map(Value::as_str)
                                .collect::<Vec<_>>()
                                .join(" "),
                        );
                    }
                }
            }
            let show = |v: &Value| match v {
                Value::String(s) => s.clone(),
                Value::Null => "None".into(),
                other => other.to_string(),
            };
            if norm(&show(&have)) != norm(&show(want)) {
                fails.push(format!("metadata {k}: got {have}, want {want}"));
            }
        }
        res.insert("metadata".into(), (md.len() - fails.len(), md.len(), fails));
    }
    let has_calls = |f: &&Value| {
        f.get("calls")
            .and_then(Value::as_array)
            .is_some_and(|c| !c.is_empty())
    };
    if let Some(fnc) = chk
        .get("footnotes")
        .filter(|v| v["per_page"].as_bool() == Some(true))
    {
        // Numbering restarts on every page: a body is known by its page of the file and its
        // printed number, and its calls must stand on that page.
        let bodies: Vec<(i64, i64, String)> = list(fnc, "bodies")
            .iter()
            .filter_map(|b| {
                Some((
                    b[0].as_i64()?,
                    b[1].as_i64()?,
                    b[2].as_str().unwrap_or("").to_string(),
                ))
            })
            .collect();
        let mut got: BTreeMap<(i64, i64), &Value> = BTreeMap::new();
        for f in list(ext, "footnotes") {
            let key = (
                f["page"].as_i64().unwrap_or(-1),
                f["number"].as_i64().unwrap_or(-1),
            );
            got.entry(key).or_insert(f);
        }
        let (mut fails, mut ok, mut called) = (Vec::new(), 0, 0);
        for (p, n, want) in &bodies {
            match got.get(&(*p, *n)) {
                None => fails.push(format!("footnote ({n}) of page {p} missing")),
                Some(f) if !want.is_empty() && !norm(&text(f, "text")).starts_with(&norm(want)) => {
                    fails.push(format!(
                        "footnote ({n}) of page {p} text {:?}, want {want:?}",
                        text(f, "text")
                    ))
                }
                Some(f) => {
                    ok += 1;
                    if list(f, "calls")
                        .iter()
                        .any(|c| c["location"]["page"].as_i64() == Some(*p))
                    {
                        called += 1;
                    }
                }
            }
        }
        let extra: Vec<&(i64, i64)> = got
            .keys()
            .filter(|k| !bodies.iter().any(|(p, n, _)| (*p, *n) == **k))
            .collect();
        for (p, n) in &extra {
            fails.push(format!(
                "footnote {n} of page {p} is not a footnote of the document"
            ));
        }
        res.insert("footnotes".into(), (ok, bodies.len() + extra.len(), fails));
        res.insert("calls".into(), (called, bodies.len(), Vec::new()));
    } else if let Some(fnc) = chk.get("footnotes").filter(|v| !v.is_null()) {
        let count = fnc["count"].as_u64().unwrap_or(0) as i64;
        let texts: BTreeMap<i64, String> = fnc
            .get("texts")
            .and_then(Value::as_object)
            .map(|m| {
                m.iter()
                    .filter_map(|(k, v)| Some((k.parse().ok()?, v.as_str()?.to_string())))
                    .collect()
            })
            .unwrap_or_default();
        let mut got: BTreeMap<i64, &Value> = BTreeMap::new();
        for f in list(ext, "footnotes") {
            if let Some(n) = f["number"].as_i64() {
                got.entry(n).or_insert(f);
            }
        }
        let (mut fails, mut ok) = (Vec::new(), 0);
        for k in 1..=count {
            match got.get(&k) {
                None => fails.push(format!("footnote {k} missing")),
                Some(f) => match texts.get(&k) {
                    Some(want) if !norm(&text(f, "text")).starts_with(&norm(want)) => fails.push(
                        format!("footnote {k} text {:?}, want {want:?}", text(f, "text")),
                    ),
                    _ => ok += 1,
                },
            }
        }
        let extra: Vec<i64> = got
            .keys()
            .filter(|&&n| n < 1 || n > count)
            .copied()
            .collect();
        for n in &extra {
            fails.push(format!("footnote {n} is not a footnote of the document"));
        }
        res.insert(
            "footnotes".into(),
            (ok, count as usize + extra.len(), fails),
        );
        let called = (1..=count)
            .filter(|k| got.get(k).is_some_and(has_calls))
            .count();
        let fails = (1..=count)
            .filter(|k| got.get(k).is_some_and(|f| !has_calls(f)))
            .map(|k| format!("footnote {k} has no call"))
            .collect();
        res.insert("calls".into(), (called, count as usize, fails));
    }
    if let Some(secs) = chk.get("sections").and_then(Value::as_array) {
        let found: Vec<(String, String)> = list(ext, "sections")
            .iter()
            .map(|s| (num(&text(s, "number")), norm(&text(s, "title"))))
            .collect();
        let (mut fails, mut ok, mut used) = (Vec::new(), 0, HashSet::new());
        for s in secs {
            let (n, title) = (s[0].as_str().unwrap_or(""), s[1].as_str().unwrap_or(""));
            let want: String = norm(title).chars().take(40).collect();
            let hit = found.iter().enumerate().position(|(i, (fn_, ft))| {
                !used.contains(&i) && *fn_ == num(n) && ft.starts_with(&want)
            });
            match hit {
                Some(i) => {
                    used.insert(i);
                    ok += 1;
                }
                None => fails.push(format!("section {n} {title:?} missing")),
            }
        }
        let spurious = found.len() - used.len();
        for (i, s) in list(ext, "sections").iter().enumerate() {
            if !used.contains(&i) {
                fails.push(format!(
                    "section {} {:?} is not a heading of the document",
                    text(s, "number"),
                    text(s, "title")
                ));
            }
        }
        res.insert("sections".into(), (ok, secs.len() + spurious, fails));
    }
    if let Some(refs) = chk.get("references").filter(|v| v.is_object()) {
        let ids: HashSet<String> = list(ext, "references")
            .iter()
            .map(|r| norm(&text(r, "id")))
            .collect();
        let mut fails = Vec::new();
        for r in list(refs, "must").iter().filter_map(Value::as_str) {
            if !ids.contains(&norm(r)) {
                fails.push(format!("reference {r} missing"));
            }
        }
        for r in list(refs, "must_not").iter().filter_map(Value::as_str) {
            if ids.contains(&norm(r)) {
                fails.push(format!("reference {r} must not be emitted"));
            }
        }
        let total = list(refs, "must").len() + list(refs, "must_not").len();
        res.insert("references".into(), (total - fails.len(), total, fails));
    }
    if let Some(figs) = chk.get("figures").filter(|v| v.is_object()) {
        let got = list(ext, "figures");
        let mut fails = Vec::new();
        for want in list(figs, "must") {
            let wt = want.get("text").and_then(Value::as_str);
            let cands: Vec<&Value> = got
                .iter()
                .filter(|f| {
                    let ft = norm(&text(f, "text"));
                    match wt {
                        None => true,
                        Some(w) => norm(w).contains(&ft) && !ft.is_empty() || ft.contains(&norm(w)),
                    }
                })
                .collect();
            let fits = |f: &Value| {
                for k in ["value", "value_max"] {
                    if let Some(w) = want.get(k) {
                        let have = f.get(k).filter(|v| !v.is_null());
                        if have.is_none() != w.is_null() {
                            return false;
                        }
                        if let (Some(h), Some(w)) = (have.and_then(Value::as_f64), w.as_f64()) {
                            if (h - w).abs() > 1e-6 * w.abs().max(1.0) {
                                return false;
                            }
                        }
                    }
                }
                for k in ["unit", "qualifier"] {
                    if let Some(w) = want.get(k) {
                        let have = f.get(k).filter(|v| !v.is_null() && v.as_str() != Some(""));
                        if have.cloned().unwrap_or(Value::Null) != *w {
                            return false;
                        }
                    }
                }
                true
            };
            if !cands.iter().any(|f| fits(f)) {
                fails.push(format!("figure {want} missing or wrong"));
            }
        }
        for label in list(figs, "must_not").iter().filter_map(Value::as_str) {
            let bad = got.iter().any(|f| {
                let ft = norm(&text(f, "text"));
                !ft.is_empty()
                    && norm(label).contains(&ft)
                    && norm(&text(f, "sentence")).contains(&norm(label))
            });
            if bad {
                fails.push(format!("figure from {label:?} must not be emitted"));
            }
        }
        let total = list(figs, "must").len() + list(figs, "must_not").len();
        res.insert("figures".into(), (total - fails.len(), total, fails));
    }
    if let Some(com) = chk.get("commitments").filter(|v| v.is_object()) {
        let got = list(ext, "commitments");
        let mut fails = Vec::new();
        for frag in list(com, "must").iter().filter_map(Value::as_str) {
            if !got
                .iter()
                .any(|c| norm(&text(c, "text")).contains(&norm(frag)))
            {
                fails.push(format!("commitment {frag:?} missing"));
            }
        }
        let actors = com.get("actors").and_then(Value::as_object);
        for (frag, actor) in actors.into_iter().flatten() {
            let hit: Vec<&Value> = got
                .iter()
                .filter(|c| norm(&text(c, "text")).contains(&norm(frag)))
                .collect();
            if !hit.iter().any(|c| c.get("actor") == Some(actor)) {
                fails.push(format!("commitment {frag:?}: want actor {actor}"));
            }
        }
        let total = list(com, "must").len() + actors.map_or(0, |a| a.len());
        res.insert("commitments".into(), (total - fails.len(), total, fails));
    }
    if let Some(pl) = chk.get("planned").filter(|v| v.is_object()) {
        let got = list(ext, "planned_actions");
        let mut fails = Vec::new();
        for frag in list(pl, "must").iter().filter_map(Value::as_str) {
            let found = got.iter().any(|p| {
                let joined = ["action_title", "text", "action"]
                    .iter()
                    .map(|k| text(p, k))
                    .collect::<Vec<_>>()
                    .join(" ");
                norm(&joined).contains(&norm(frag))
            });
            if !found {
                fails.push(format!("planned action {frag:?} missing"));
            }
        }
        let mut total = list(pl, "must").len();
        if let Some(max) = pl.get("max").and_then(Value::as_u64) {
            total += 1;
            if got.len() as u64 > max {
                fails.push(format!(
                    "{} planned actions, at most {max} exist",
                    got.len()
                ));
            }
        }
        res.insert("planned".into(), (total - fails.len(), total, fails));
    }
    if let Some(fur) = chk.get("furniture").and_then(Value::as_array) {
        let texts = walk_text(ext);
        let mut fails = Vec::new();
        for p in fur.iter().filter_map(Value::as_str) {
            let re = Regex::new(&format!("(?m){p}")).expect("a checklist pattern compiles");
            if let Some((where_, t)) = texts.iter().find(|(_, t)| re.is_match(t)) {
                fails.push(format!("furniture /{p}/ left in {where_}: {t:?}"));
            }
        }
        res.insert(
            "furniture".into(),
            (fur.len() - fails.len(), fur.len(), fails),
        );
    }
    res
}

/// The share of a category, 1.0 for an empty one.
pub fn share(scores: &Scores, category: &str) -> f64 {
    scores.get(category).map_or(1.0, |&(ok, total, _)| {
        if total == 0 {
            1.0
        } else {
            ok as f64 / total as f64
        }
    })
}
