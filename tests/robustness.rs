//! Bad input: every file gets a result or a clear error of the right kind, quickly, and
//! never a panic. The hostile PDFs are written here, byte by byte; the encrypted ones (made
//! with qpdf) are in `tests/data/`.

use std::time::{Duration, Instant};

use eurodoc::Error;

use crate::util::repo;

/// A PDF with the given objects (numbered from 1; object 1 is the catalog) and a correct xref.
fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(o);
        out.extend(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn stream(data: &[u8], extra: &str) -> Vec<u8> {
    let mut s = format!("<< /Length {} {extra} >>\nstream\n", data.len()).into_bytes();
    s.extend(data);
    s.extend(b"\nendstream");
    s
}

/// A one-page PDF showing `content` with Helvetica as /F1 and `extra` objects from 6 on.
fn page(content: &[u8], resources: &str, extra: Vec<Vec<u8>>) -> Vec<u8> {
    let mut objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources {resources} >>")
            .into_bytes(),
        stream(content, ""),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    objects.extend(extra);
    pdf(&objects)
}

const FONT: &str = "<< /Font << /F1 5 0 R >> >>";

/// Extract, and insist it finishes within a few seconds without panicking.
fn run(name: &str, bytes: &[u8]) -> Result<eurodoc::Extraction, Error> {
    let start = Instant::now();
    let r = eurodoc::extract_bytes(bytes, Some(name));
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "{name} took {:?}",
        start.elapsed()
    );
    if let Err(Error::Internal(msg)) = &r {
        panic!("{name}: internal error (a caught panic): {msg}");
    }
    r
}

#[test]
fn a_small_pdf_reads() {
    let bytes = page(
        b"BT /F1 12 Tf 72 720 Td (Regulation \\(EU\\) No 1052/2013 applies to 27 Member States.) Tj ET",
        FONT,
        vec![],
    );
    let e = run("small.pdf", &bytes).expect("reads");
    assert_eq!(e.references[0].id, "Regulation (EU) No 1052/2013");
    assert_eq!(e.figures[0].value, 27.0);
    assert_eq!(e.source.pages, Some(1));
}

#[test]
fn encrypted_pdfs() {
    let read = |n: &str| std::fs::read(repo("tests/data").join(n)).expect("test data is there");
    for n in [
        "encrypted-user-password.pdf",
        "encrypted-rc4-user-password.pdf",
    ] {
        let e = run(n, &read(n)).expect_err("needs a password");
        assert_eq!(e.kind(), "encrypted", "{n}: {e}");
        assert!(e.to_string().contains("password"), "{e}");
    }
    // An owner password only: opens with the empty user password.
    let e = run("owner.pdf", &read("encrypted-empty-user-password.pdf")).expect("opens");
    assert!(
        e.references.iter().any(|r| r.id == "COM(2013) 179"),
        "{:?}",
        e.references
    );
}

#[test]
fn damaged_files_get_clear_errors() {
    let shared = std::fs::read(repo("fixtures/com-2013-179-pdf/input.pdf")).unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated.pdf", shared[..shared.len() / 2].to_vec()),
        ("header-only.pdf", b"%PDF-1.7\n".to_vec()),
        ("garbage.pdf", {
            let mut g = b"%PDF-1.4\n".to_vec();
            g.extend((0..=255u8).cycle().take(20_000));
            g
        }),
    ];
    for (name, bytes) in cases {
        let e = run(name, &bytes).expect_err("damaged");
        assert_eq!(e.kind(), "malformed_pdf", "{name}: {e}");
    }
}

#[test]
fn a_broken_xref_is_rebuilt() {
    let good = page(
        b"BT /F1 12 Tf 72 720 Td (Broken xref text) Tj ET",
        FONT,
        vec![],
    );
    let text = String::from_utf8_lossy(&good).into_owned();
    // Point every object at the wrong place.
    let broken = text.replace("0000000009", "0000000999");
    let e = run("xref.pdf", broken.as_bytes()).expect("lopdf rebuilds the table");
    assert_eq!(e.source.pages, Some(1));
}

#[test]
fn hostile_structures_are_bounded() {
    let deep = [b"[".repeat(100_000), b"(x)".to_vec(), b"]".repeat(100_000)].concat();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "nested-content.pdf",
            page(
                &[
                    b"BT /F1 12 Tf 72 720 Td ".to_vec(),
                    deep.clone(),
                    b" TJ ET".to_vec(),
                ]
                .concat(),
                FONT,
                vec![],
            ),
        ),
        (
            "nested-object.pdf",
            pdf(&[
                [
                    b"<< /Type /Catalog /Pages 2 0 R /X ".to_vec(),
                    deep,
                    b" >>".to_vec(),
                ]
                .concat(),
                b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
                stream(b"BT ET", ""),
            ]),
        ),
        (
            "many-operators.pdf",
            page(&b"q Q\n".repeat(1_500_000), FONT, vec![]),
        ),
        (
            "form-drawing-itself.pdf",
            page(
                b"/Fm1 Do",
                "<< /Font << /F1 5 0 R >> /XObject << /Fm1 6 0 R >> >>",
                vec![stream(
                    b"/Fm1 Do BT /F1 12 Tf 10 10 Td (loop) Tj ET",
                    "/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /Fm1 6 0 R >> /Font << /F1 5 0 R >> >>",
                )],
            ),
        ),
        (
            "page-tree-cycle.pdf",
            pdf(&[
                b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
                b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>".to_vec(),
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
                stream(b"BT ET", ""),
            ]),
        ),
        ("no-text.pdf", page(b"0 0 10 10 re f", FONT, vec![])),
    ];
    for (name, bytes) in cases {
        match run(name, &bytes) {
            Ok(e) => assert!(e.source.pages.is_some(), "{name}"),
            Err(e) => assert!(
                matches!(e.kind(), "no_text" | "malformed_pdf" | "budget"),
                "{name}: unexpected {}: {e}",
                e.kind()
            ),
        }
    }
}

#[test]
fn a_decompression_bomb_is_refused() {
    // 65 MiB of zeros deflate to a few dozen KiB: over the per-page content limit.
    let packed = deflate(&vec![0u8; 65 << 20]);
    let objects = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>".to_vec(),
        stream(&packed, "/Filter /FlateDecode"),
    ];
    let e = run("bomb.pdf", &pdf(&objects)).expect_err("refused");
    assert_eq!(e.kind(), "budget", "{e}");
}

fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

/// Inputs the fuzzers found crashing, kept so they stay fixed (`fuzz/` has the targets).
#[test]
fn fuzzer_findings_stay_fixed() {
    let dir = repo("tests/data/fuzz");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("tests/data/fuzz exists") {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        // The pipeline catches panics; `run` fails the test when it had to.
        let _ = run(&name, &bytes);
        n += 1;
    }
    assert!(n > 0, "no fuzzer findings in {}", dir.display());
}

/// The kinds of the anomalies an extraction shows.
fn anomaly_kinds(e: &eurodoc::Extraction) -> Vec<&'static str> {
    e.quality.iter().map(|a| a.kind.name()).collect()
}

#[test]
fn bad_markup_gets_clear_errors() {
    let formex = std::fs::read(repo("fixtures/formex-act/input.xml")).unwrap();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated.xml", formex[..formex.len() / 2].to_vec(), "malformed_xml"),
        ("binary.xml", (0..=255u8).cycle().take(20_000).collect(), "binary"),
        // No NUL and few controls, but no UTF-8 either.
        ("latin.xml", (0x80..0xffu8).cycle().take(5_000).collect(), "invalid_utf8"),
        ("empty.xml", Vec::new(), "empty"),
        ("empty.html", b"  \n".to_vec(), "empty"),
        ("no-root.xml", b"<?xml version=\"1.0\"?>\n".to_vec(), "malformed_xml"),
        // Entities that expand without end.
        (
            "laughs.xml",
            b"<?xml version=\"1.0\"?><!DOCTYPE ACT [<!ENTITY a \"&b;\"><!ENTITY b \"&a;\">]><ACT>&a;</ACT>"
                .to_vec(),
            "malformed_xml",
        ),
        // A page with no text in its markup.
        ("blank.html", b"<html><body><div></div></body></html>".to_vec(), "no_text"),
    ];
    for (name, bytes, kind) in cases {
        let e = run(name, &bytes).expect_err(name);
        assert_eq!(e.kind(), kind, "{name}: {e}");
    }
}

#[test]
fn deep_nesting_is_refused_or_cut_in_time() {
    let n = 100_000;
    // html5ever's time grows with the square of the nesting of blocks and lists: refused.
    for (name, open) in [("divs.html", "<div>"), ("lists.html", "<ul><li>x")] {
        let page = format!("<html><body>{}x</body></html>", open.repeat(n));
        let e = run(name, page.as_bytes()).expect_err(name);
        assert_eq!(e.kind(), "budget", "{name}: {e}");
    }
    // Inline elements cost the parser nothing: read, the deep ones as their text.
    let page = format!(
        "<html><body><p>{}Deep text.</p></body></html>",
        "<span>".repeat(500)
    );
    let e = run("spans.html", page.as_bytes()).expect("read");
    assert!(
        e.warnings.iter().any(|w| w.contains("deep")),
        "{:?}",
        e.warnings
    );
    assert!(anomaly_kinds(&e).contains(&"markup-unread"));
    // XML nested as deep: read, with the text of what lies too deep.
    let act = format!(
        "<?xml version=\"1.0\"?><ACT>{}Deep text.{}</ACT>",
        "<P>".repeat(n),
        "</P>".repeat(n)
    );
    let e = run("deep.xml", act.as_bytes()).expect("read");
    assert!(
        e.warnings.iter().any(|w| w.contains("deep")),
        "{:?}",
        e.warnings
    );
    assert!(anomaly_kinds(&e).contains(&"markup-unread"));
}

#[test]
fn unknown_markup_is_read_as_text_with_a_warning() {
    let cases: [(&str, &[u8]); 3] = [
        (
            "feed.xml",
            b"<?xml version=\"1.0\"?><rss><channel><title>Regulation (EU) 2016/679</title><item>Directive 95/46/EC is repealed.</item></channel></rss>",
        ),
        (
            "page.html",
            b"<html><body><h1>1. Scope</h1><p>Regulation (EU) 2016/679 applies.</p><p>Directive 95/46/EC is repealed.</p></body></html>",
        ),
        // A Formex act whose markup the reader does not know in part.
        (
            "act.xml",
            b"<?xml version=\"1.0\"?><ACT><ENACTING.TERMS><NEW.THING>Regulation (EU) 2016/679 applies.</NEW.THING><NEWER><P>Directive 95/46/EC is repealed.</P></NEWER></ENACTING.TERMS></ACT>",
        ),
    ];
    for (name, bytes) in cases {
        let e = run(name, bytes).expect(name);
        assert!(
            anomaly_kinds(&e).contains(&"markup-unread"),
            "{name}: {:?}",
            e.warnings
        );
        // Nothing is dropped: the text under the unknown markup is read.
        let ids: Vec<&str> = e.references.iter().map(|r| r.id.as_str()).collect();
        assert!(ids.contains(&"Regulation (EU) 2016/679"), "{name}: {ids:?}");
        assert!(ids.contains(&"Directive 95/46/EC"), "{name}: {ids:?}");
    }
    // A truncated page is read as far as it goes.
    let e = run(
        "cut.html",
        b"<html><body><p>Regulation (EU) 2016/679 applies.</p><p>Directive 95/4",
    )
    .expect("read");
    assert!(
        e.references
            .iter()
            .any(|r| r.id == "Regulation (EU) 2016/679")
    );
}
