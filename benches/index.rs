//! The citation index at corpus scale: `cargo bench --bench index`.
//!
//! Builds an index of a generated corpus (default 10 000 documents; `EURODOC_BENCH_DOCS` to
//! change) made from the fixtures' expected extractions, each copy with its own path, hash,
//! own reference and renumbered references, so the index holds many distinct references with
//! a realistic spread: most cited by a few documents, one (`COM(2012) 85`) by exactly one
//! document in ten. Prints documents indexed per second and the size on disk, then measures
//! queries in-process (no process start) with a plain median over repeated runs and with
//! criterion. `EURODOC_BENCH_DB=FILE` keeps the index in FILE, e.g. to time
//! `eurodoc index query --db FILE` with hyperfine.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::Criterion;

use eurodoc::Extraction;
use eurodoc::index::Index;

const HOT: &str = "COM(2012) 85";
const HOT_EVERY: usize = 10;

/// The fixtures' expected extractions, the material the corpus is made of.
fn bases() -> Vec<Extraction> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    dirs.iter()
        .map(|d| {
            let text = std::fs::read_to_string(d.join("expected.json")).unwrap();
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", d.display()))
        })
        .collect()
}

/// Add `by` thousands to the last number of an id: `COM(2013) 48` → `COM(2013) 3048`.
fn renumber(id: &str, by: usize) -> String {
    let end = id
        .rfind(|c: char| c.is_ascii_digit())
        .map_or(id.len(), |i| i + 1);
    let start = id[..end]
        .rfind(|c: char| !c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    match id[start..end].parse::<usize>() {
        Ok(n) => format!("{}{}{}", &id[..start], n + 1000 * by, &id[end..]),
        Err(_) => format!("{id} {by}"),
    }
}

/// Document `i` of the corpus.
fn document(bases: &[Extraction], i: usize) -> Extraction {
    let mut e = bases[i % bases.len()].clone();
    e.source.path = Some(format!("/corpus/{:02}/doc-{i:05}.pdf", i % 97));
    e.source.sha256 = format!("{i:064x}");
    e.metadata.commission_reference =
        Some(format!("COM({}) {} final", 2000 + i / 1000, 100 + i % 1000));
    for (k, r) in e.references.iter_mut().enumerate() {
        // Each of a base's references becomes one of 400 variants, never the original id.
        let by = 1 + (i * 7 + k * 13) % 400;
        r.id = renumber(&r.id, by);
        r.links.celex = None;
        r.links.eli = None;
    }
    if i % HOT_EVERY == 0 {
        let mut hot = bases[0].references[0].clone();
        for base in bases {
            if let Some(r) = base.references.iter().find(|r| r.id == HOT) {
                hot = r.clone();
            }
        }
        assert_eq!(hot.id, HOT, "a fixture cites {HOT}");
        e.references.push(hot);
    }
    e
}

fn file_size(db: &Path) -> u64 {
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|s| std::fs::metadata(format!("{}{s}", db.display())).ok())
        .map(|m| m.len())
        .sum()
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn main() {
    let docs: usize = std::env::var("EURODOC_BENCH_DOCS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let bases = bases();
    let dir = tempfile::tempdir().unwrap();
    // EURODOC_BENCH_DB keeps the index, to time the command line against it afterwards.
    let db = match std::env::var_os("EURODOC_BENCH_DB") {
        Some(p) => {
            for s in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{s}", Path::new(&p).display()));
            }
            p.into()
        }
        None => dir.path().join("bench.sqlite"),
    };

    let mut index = Index::open(&db).unwrap();
    let mut mentions = 0usize;
    let mut spent = Duration::ZERO;
    for i in 0..docs {
        let e = document(&bases, i);
        mentions += e.references.iter().map(|r| r.mentions.len()).sum::<usize>();
        // Only the index's work is timed, not making the document.
        let t = Instant::now();
        index.add(&e).unwrap();
        spent += t.elapsed();
    }
    drop(index);
    let size = file_size(&db);
    let index = Index::open_existing(&db).unwrap();
    let stats = index.stats().unwrap();
    println!(
        "indexed {docs} documents ({} references, {mentions} mentions) in {:.2} s: {:.0} documents/s; index {:.1} MB on disk ({:.1} kB per document)",
        stats.references,
        spent.as_secs_f64(),
        docs as f64 / spent.as_secs_f64(),
        size as f64 / 1e6,
        size as f64 / 1e3 / docs as f64,
    );

    let t = Instant::now();
    let mut again = Index::open_existing(&db).unwrap();
    for i in 0..docs {
        again.add(&document(&bases, i)).unwrap();
    }
    println!(
        "re-adding all {docs} (unchanged, includes making them): {:.2} s",
        t.elapsed().as_secs_f64()
    );
    drop(again);

    let hot = index.query("COM (2012) 85 final").unwrap().unwrap();
    assert_eq!(hot.documents.len(), docs.div_ceil(HOT_EVERY));
    let rare = renumber("COM(2013) 48", 9);
    for (name, q) in [
        ("query, cited by 1 in 10", "COM (2012) 85 final"),
        ("query, rare", &rare),
    ] {
        let times: Vec<Duration> = (0..200)
            .map(|_| {
                let t = Instant::now();
                black_box(index.query(black_box(q)).unwrap());
                t.elapsed()
            })
            .collect();
        let found = index.query(q).unwrap().map_or(0, |r| r.documents.len());
        println!(
            "{name} ({q}, {found} citing documents): median {:.2} ms over 200 runs",
            median(times).as_secs_f64() * 1e3
        );
    }

    let mut c = Criterion::default().configure_from_args();
    let mut g = c.benchmark_group("index");
    g.bench_function("query-hot", |b| {
        b.iter(|| index.query(black_box("COM (2012) 85 final")).unwrap())
    });
    g.bench_function("query-rare", |b| {
        b.iter(|| index.query(black_box(&rare)).unwrap())
    });
    g.bench_function("cites", |b| {
        b.iter(|| index.cites(black_box("COM(2005) 100")).unwrap())
    });
    g.bench_function("top-20", |b| b.iter(|| index.top(None, 20).unwrap()));
    g.finish();
    c.final_summary();
}
