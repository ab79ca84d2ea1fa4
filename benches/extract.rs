//! Criterion benchmarks: whole extraction and each stage, on the bundled fixtures.
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

criterion_group!(benches, whole, stages);
criterion_main!(benches);
