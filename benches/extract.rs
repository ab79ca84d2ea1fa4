//! Criterion benchmarks: whole extraction and each stage, on the bundled fixtures; and the
//! documents as EUR-Lex publishes them (HTML, Formex) beside the same act's PDF, read from
//! the evaluation kit's shared folder when it is there (skipped with a line otherwise).
//!
//! `cargo bench --bench extract` — throughput is reported in input bytes.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use eurodoc::extract::{commitments, figures, metadata, planned, references};
use eurodoc::{ingest, pipeline, quality, structure};

fn fixture(rel: &str) -> Vec<u8> {
    let path = format!("{}/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn whole(c: &mut Criterion) {
    let mut g = c.benchmark_group("extract");
    for (name, rel) in [
        ("markdown", "com-2013-179/input.md"),
        ("pdftotext", "com-2013-179-pdftotext/input.txt"),
        ("pdf", "com-2013-179-pdf/input.pdf"),
        ("pdf-libreoffice", "com-2013-179-libreoffice/input.pdf"),
    ] {
        let bytes = fixture(rel);
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| pipeline::extract_bytes(black_box(&bytes), Some(rel)).unwrap())
        });
    }
    g.finish();
}

/// The kit's HTML and Formex files, and the GDPR's Official Journal PDF: the same act as
/// Formex and as PDF.
fn formats(c: &mut Criterion) {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let shared = eurodoc::check::shared_dir(&fixtures);
    let mut g = c.benchmark_group("formats");
    for (name, rel) in [
        ("oj-html", "formats/eurlex-32022R0868-en.html"),
        (
            "consolidated-html",
            "formats/eurlex-02002L0058-20091219-en.html",
        ),
        ("commission-html", "formats/com-2022-209-en.html"),
        ("commission-html-small", "formats/com-2025-1-en.html"),
        ("formex-gdpr", "formats/fmx-32016R0679.xml"),
        ("formex-act", "formats/fmx-32024R0903.xml"),
        ("formex-combined", "formats/fmx-32024R1689-pl.xml"),
        ("akn4eu", "formats/akn4eu-com-2025-162-en.xml"),
        ("pdf-gdpr", "real/oj-l-2016-119-gdpr.pdf"),
    ] {
        let path = shared.join(rel);
        let Ok(bytes) = std::fs::read(&path) else {
            eprintln!("skipped formats/{name}: {} is missing", path.display());
            continue;
        };
        g.throughput(Throughput::Bytes(bytes.len() as u64));
        g.bench_function(name, |b| {
            b.iter(|| pipeline::extract_bytes(black_box(&bytes), Some(rel)).unwrap())
        });
    }
    g.finish();
}

fn stages(c: &mut Criterion) {
    let bytes = fixture("com-2013-179/input.md");
    let doc = ingest::ingest(&bytes, Some("input.md")).unwrap();
    let st = structure::analyze(&doc);
    let refs = references::extract(&doc, &st);
    let extraction = pipeline::extract_bytes(&bytes, Some("input.md")).unwrap();
    let mut g = c.benchmark_group("stage");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("ingest", |b| {
        b.iter(|| ingest::ingest(black_box(&bytes), Some("input.md")).unwrap())
    });
    g.bench_function("structure", |b| {
        b.iter(|| structure::analyze(black_box(&doc)))
    });
    g.bench_function("metadata", |b| {
        b.iter(|| metadata::extract(black_box(&doc), &st))
    });
    g.bench_function("references", |b| {
        b.iter(|| references::extract(black_box(&doc), &st))
    });
    g.bench_function("figures", |b| {
        b.iter(|| figures::extract(black_box(&doc), &st, &refs))
    });
    g.bench_function("commitments", |b| {
        b.iter(|| commitments::extract(black_box(&doc), &st, &refs))
    });
    g.bench_function("planned", |b| {
        b.iter(|| planned::extract(black_box(&doc), &st))
    });
    g.bench_function("quality", |b| {
        b.iter(|| quality::check(black_box(&doc), &extraction))
    });
    g.finish();
}

criterion_group!(benches, whole, formats, stages);
criterion_main!(benches);
