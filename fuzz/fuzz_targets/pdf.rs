//! The PDF reader and every stage on arbitrary bytes: must not panic, hang or blow the stack.
//! Runs without the pipeline's `catch_unwind`, so a panic is reported as a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = eurodoc::ingest::pdf::ingest(data) {
        let source = eurodoc::output::Source {
            path: None,
            sha256: String::new(),
            format: doc.format,
            bytes: data.len() as u64,
            pages: doc.pages,
        };
        let _ = eurodoc::pipeline::extract_document(&doc, source);
    }
});
