//! The text ingester (Markdown and plain text) and every stage on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for format in [eurodoc::model::SourceFormat::Markdown, eurodoc::model::SourceFormat::Text] {
        let doc = eurodoc::ingest::text::ingest(text, format);
        let source = eurodoc::output::Source {
            path: None,
            sha256: String::new(),
            format,
            bytes: data.len() as u64,
            pages: doc.pages,
        };
        let _ = eurodoc::pipeline::extract_document(&doc, source);
    }
});
