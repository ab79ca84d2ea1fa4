//! Layout rules on hand-made fragments: footnote areas, contents lines, page furniture,
//! headings and list items, each as a producer sets them.

use super::artifacts::Artifacts;
use super::blocks::{ProtoBlock, blocks, gutters, reading_order};
use super::contents::mark_contents;
use super::context::Context;
use super::footnotes::{
    FootnoteFrags, NOTES_NOT_TAGGED, NoteNumbers, TABLE_AT_FOOT, plain_marker, split_footnotes,
};
use super::fragments::{Frag, Piece, fragments};
use super::furniture::drop_furniture;
use super::headings::{is_label, is_subsection_line};
use super::hyphens::{Hyphens, hyphens, splits_word};
use crate::ingest::pdf::interp::{BOLD, Glyph, NO_MCID, PageContent};
use crate::ingest::pdf::tags::{Tag, TagKind};
use crate::model::BlockKind;

/// A line fragment of plain text.
fn frag(page: u32, x0: f32, x1: f32, y: f32, size: f32, text: &str) -> Frag {
    Frag {
        page,
        x0,
        x1,
        y,
        size,
        pieces: vec![Piece::Text {
            text: text.to_string(),
            style: 0,
        }],
        text: text.to_string(),
        style_all: 0,
        marker: None,
        tag: None,
        family: 1,
        contents: false,
    }
}

fn bold(mut f: Frag) -> Frag {
    f.style_all = BOLD;
    if let Some(Piece::Text { style, .. }) = f.pieces.first_mut() {
        *style = BOLD;
    }
    f
}

fn marked(mut f: Frag, n: u32) -> Frag {
    f.marker = Some(n);
    f
}

fn tagged(mut f: Frag, block: u32, kind: TagKind) -> Frag {
    f.tag = Some(Tag { block, kind });
    f
}

const PAGE: (f32, f32) = (595.0, 842.0);

fn numbers(notes: &[FootnoteFrags]) -> Vec<Option<u32>> {
    notes.iter().map(|n| n.number).collect()
}

#[test]
fn plain_footnote_numbers_in_every_form() {
    assert_eq!(plain_marker("12 Text"), Some((12, 3)));
    assert_eq!(plain_marker("12. Text"), Some((12, 4)));
    assert_eq!(plain_marker("(12) OJ L 1"), Some((12, 5)));
    assert_eq!(
        plain_marker("12"),
        Some((12, 2)),
        "Word sets the number alone"
    );
    assert_eq!(plain_marker("196."), None, "a citation cut by a line break");
    assert_eq!(plain_marker("2014/33/EU"), None);
    assert_eq!(plain_marker("1234 Text"), None);
}

#[test]
fn small_type_at_the_foot_becomes_numbered_notes() {
    let frags = vec![
        frag(
            1,
            70.0,
            520.0,
            600.0,
            12.0,
            "Body text of the page that runs to the margin.",
        ),
        marked(frag(1, 70.0, 400.0, 760.0, 10.0, "COM(2013) 45 final."), 1),
        frag(1, 70.0, 74.0, 772.0, 10.0, "2"),
        frag(1, 90.0, 300.0, 784.0, 10.0, "OJ L 186, 14.7.2012, p. 4."),
    ];
    let (body, notes, remark) = split_footnotes(frags, &[], PAGE, 12.0, false, None);
    assert_eq!(body.len(), 1);
    assert_eq!(numbers(&notes), vec![Some(1), Some(2)]);
    assert_eq!(
        notes[1].frags.len(),
        2,
        "the number above its text keeps the text"
    );
    assert_eq!(remark, None);
}

#[test]
fn a_table_in_small_type_at_the_foot_is_not_notes() {
    // A budget table's rows: a numbered line label, then cells in columns.
    let mut frags = vec![frag(1, 70.0, 520.0, 600.0, 12.0, "Body text.")];
    for (k, y) in [700.0, 712.0, 724.0].into_iter().enumerate() {
        frags.push(frag(
            1,
            70.0,
            240.0,
            y,
            9.0,
            &format!("19{k} Productive investments"),
        ));
        frags.push(frag(1, 300.0, 320.0, y, 9.0, "0%"));
        frags.push(frag(1, 400.0, 420.0, y, 9.0, "0%"));
    }
    let (body, notes, remark) = split_footnotes(frags, &[], PAGE, 12.0, false, None);
    assert!(notes.is_empty());
    assert_eq!(body.len(), 10);
    assert_eq!(remark, Some(TABLE_AT_FOOT));
    // Numbers that share their line with other cells open no note at all.
    let mut frags = vec![frag(1, 70.0, 520.0, 600.0, 12.0, "Body text.")];
    for (k, y) in [700.0, 712.0].into_iter().enumerate() {
        frags.push(frag(1, 70.0, 100.0, y, 9.0, &format!("{}", 2014 + k)));
        frags.push(frag(1, 300.0, 340.0, y, 9.0, &format!("{}", 236 + 28 * k)));
    }
    let (_, notes, _) = split_footnotes(frags, &[], PAGE, 12.0, false, None);
    assert!(notes.is_empty());
}

#[test]
fn a_justified_note_line_that_falls_apart_is_still_a_note() {
    let frags = vec![
        frag(1, 70.0, 520.0, 600.0, 12.0, "Body text."),
        marked(frag(1, 70.0, 190.0, 700.0, 10.0, "SEC(2010)"), 22),
        frag(1, 250.0, 280.0, 700.0, 10.0, "1626"),
        frag(1, 330.0, 360.0, 700.0, 10.0, "final,"),
        frag(1, 420.0, 470.0, 700.0, 10.0, "available"),
        marked(
            frag(1, 70.0, 190.0, 712.0, 10.0, "COM(2011) 934 final."),
            23,
        ),
    ];
    let (_, notes, _) = split_footnotes(frags, &[], PAGE, 12.0, false, None);
    assert_eq!(numbers(&notes), vec![Some(22), Some(23)]);
}

#[test]
fn tagged_notes_follow_the_tags_and_report_what_the_layout_sees() {
    let frags = vec![
        tagged(frag(1, 70.0, 520.0, 600.0, 12.0, "Body."), 1, TagKind::Text),
        tagged(
            marked(frag(1, 70.0, 300.0, 760.0, 10.0, "OJ C 286."), 1),
            2,
            TagKind::NoteBody,
        ),
    ];
    let (body, notes, remark) = split_footnotes(frags, &[], PAGE, 12.0, true, None);
    assert_eq!((body.len(), numbers(&notes)), (1, vec![Some(1)]));
    assert_eq!(remark, None);
    // A page of a file that tags its notes, with numbered small type the tags leave out.
    let frags = vec![
        tagged(frag(1, 70.0, 520.0, 600.0, 12.0, "Body."), 1, TagKind::Text),
        tagged(
            marked(frag(1, 70.0, 300.0, 760.0, 10.0, "OJ C 286."), 1),
            3,
            TagKind::Text,
        ),
        tagged(
            marked(frag(1, 70.0, 300.0, 772.0, 10.0, "OJ C 440."), 2),
            4,
            TagKind::Text,
        ),
    ];
    let (body, notes, remark) = split_footnotes(frags, &[], PAGE, 12.0, true, None);
    assert_eq!((body.len(), notes.len()), (3, 0));
    assert_eq!(remark, Some(NOTES_NOT_TAGGED));
}

#[test]
fn a_separator_rule_opens_the_notes_but_a_link_underline_does_not() {
    use super::super::interp::Rule;
    let frags = vec![
        frag(1, 70.0, 520.0, 600.0, 12.0, "Body text in body type."),
        marked(frag(1, 70.0, 300.0, 700.0, 12.0, "Note in body type."), 7),
        frag(
            1,
            70.0,
            300.0,
            730.0,
            12.0,
            "https://example.eu/a/long/address",
        ),
        marked(frag(1, 70.0, 300.0, 745.0, 12.0, "Second note."), 8),
    ];
    let rules = [
        Rule {
            x0: 70.0,
            x1: 200.0,
            y: 690.0,
        },
        // The underline of the link, right under its baseline.
        Rule {
            x0: 70.0,
            x1: 300.0,
            y: 731.5,
        },
    ];
    let (body, notes, _) = split_footnotes(frags, &rules, PAGE, 12.0, false, None);
    assert_eq!(body.len(), 1);
    assert_eq!(numbers(&notes), vec![Some(7), Some(8)]);
}

#[test]
fn contents_lines_with_leaders_wrapped_entries_and_title() {
    let frags = vec![
        frag(1, 70.0, 200.0, 100.0, 14.0, "TABLE OF CONTENTS"),
        frag(
            1,
            70.0,
            520.0,
            130.0,
            11.0,
            "I. INTRODUCTION .................................. 5",
        ),
        frag(
            1,
            70.0,
            510.0,
            145.0,
            11.0,
            "1 Article 6(1) (e) – necessary for the performance of a task carried",
        ),
        frag(
            1,
            90.0,
            520.0,
            158.0,
            11.0,
            "out in the public interest ....................... 14",
        ),
        frag(
            1,
            70.0,
            520.0,
            173.0,
            11.0,
            "II. DEFINITIONS .................................. 6",
        ),
        frag(
            1,
            70.0,
            521.0,
            188.0,
            11.0,
            "6 Article 6(1) (f) – legitimate interests of a third party .14",
        ),
        frag(
            1,
            70.0,
            450.0,
            230.0,
            11.0,
            "A body paragraph after the contents.",
        ),
    ];
    let mut pages = vec![frags];
    mark_contents(&mut pages);
    let marks: Vec<bool> = pages[0].iter().map(|f| f.contents).collect();
    assert_eq!(marks, vec![true, true, true, true, true, true, false]);
}

#[test]
fn running_heads_and_page_numbers_go_repeated_body_text_stays() {
    let mut pages: Vec<Vec<Frag>> = (1..=4)
        .map(|p| {
            vec![
                frag(p, 70.0, 140.0, 40.0, 9.0, &format!("L 277/{p}")),
                frag(
                    p,
                    70.0,
                    520.0,
                    300.0,
                    12.0,
                    "Member States shall ensure that the rules apply.",
                ),
                // The same sentence near the foot of every page, but not at one height.
                frag(
                    p,
                    70.0,
                    520.0,
                    640.0 + 25.0 * p as f32,
                    12.0,
                    "This Regulation shall be binding.",
                ),
                frag(p, 290.0, 300.0, 800.0, 9.0, &format!("{p}")),
            ]
        })
        .collect();
    let contents: Vec<PageContent> = (0..4)
        .map(|_| PageContent {
            height: 842.0,
            ..PageContent::default()
        })
        .collect();
    drop_furniture(&mut pages, &contents);
    for page in &pages {
        let texts: Vec<&str> = page.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Member States shall ensure that the rules apply.",
                "This Regulation shall be binding."
            ]
        );
    }
}

fn ctx() -> Context {
    Context {
        body: 12.0,
        body_family: 1,
        pitch: 14.0,
        hyphens: Hyphens::default(),
        words: Default::default(),
    }
}

fn kinds(blocks: &[ProtoBlock]) -> Vec<String> {
    blocks
        .iter()
        .map(|b| {
            let text: Vec<&str> = b.lines.iter().map(|l| l.text.as_str()).collect();
            let kind = match &b.kind {
                BlockKind::Heading { .. } => "h",
                BlockKind::ListItem { .. } => "li",
                BlockKind::Contents => "toc",
                BlockKind::Table(_) => "table",
                _ => "p",
            };
            format!("{kind}: {}", text.join(" / "))
        })
        .collect()
}

#[test]
fn headings_by_number_and_type_not_by_number_alone() {
    let mut big = frag(1, 70.0, 300.0, 100.0, 14.0, "II. Definitions");
    big.family = 2;
    let frags = vec![
        big,
        frag(
            1,
            70.0,
            520.0,
            130.0,
            12.0,
            "The GDPR introduces provisions to ensure that profiling is fair.",
        ),
        frag(
            1,
            70.0,
            520.0,
            144.0,
            12.0,
            "1. To strengthen European sovereignty, the Platform shall pursue",
        ),
        frag(1, 70.0, 300.0, 158.0, 12.0, "the following objectives."),
        frag(
            1,
            70.0,
            330.0,
            190.0,
            12.0,
            "3.2.3.1. Estimated requirements of human resources",
        ),
        frag(
            1,
            70.0,
            520.0,
            220.0,
            12.0,
            "Body text follows here and runs to the right margin of the page.",
        ),
    ];
    assert_eq!(
        kinds(&blocks(frags, &ctx(), None)),
        vec![
            "h: II. Definitions",
            "p: The GDPR introduces provisions to ensure that profiling is fair.",
            "li: 1. To strengthen European sovereignty, the Platform shall pursue / the following objectives.",
            "h: 3.2.3.1. Estimated requirements of human resources",
            "p: Body text follows here and runs to the right margin of the page.",
        ]
    );
}

#[test]
fn a_heading_wrapped_over_two_lines_stays_one() {
    let frags = vec![
        bold(frag(
            1,
            70.0,
            520.0,
            100.0,
            12.0,
            "3. Article 16 - Right to rectification, Article 17 Right to erasure and",
        )),
        bold(frag(
            1,
            70.0,
            330.0,
            114.0,
            12.0,
            "Article 18 Right to restriction of processing",
        )),
        frag(
            1,
            70.0,
            520.0,
            140.0,
            12.0,
            "Profiling can involve an element of prediction, which increases the risk.",
        ),
    ];
    let out = kinds(&blocks(frags, &ctx(), None));
    assert_eq!(out.len(), 2, "{out:?}");
    assert!(out[0].starts_with("h: 3. Article 16") && out[0].ends_with("of processing"));
}

#[test]
fn a_number_set_apart_by_a_tab_is_a_heading_not_a_table() {
    let frags = vec![
        bold(frag(1, 70.0, 90.0, 100.0, 12.0, "1.2.")),
        bold(frag(
            1,
            110.0,
            300.0,
            100.0,
            12.0,
            "Policy area(s) concerned",
        )),
        frag(1, 110.0, 220.0, 114.0, 12.0, "Industrial policy"),
        bold(frag(1, 70.0, 90.0, 140.0, 12.0, "1.3.")),
        bold(frag(
            1,
            110.0,
            330.0,
            140.0,
            12.0,
            "The proposal/initiative relates to:",
        )),
        frag(1, 110.0, 220.0, 154.0, 12.0, "a new action"),
    ];
    let out = kinds(&blocks(frags, &ctx(), None));
    assert!(!out.iter().any(|k| k.starts_with("table")), "{out:?}");
    assert!(out[0].starts_with("h: 1.2. / Policy area(s)"), "{out:?}");
}

#[test]
fn a_list_item_wrapped_without_a_hanging_indent_goes_on() {
    let frags = vec![
        frag(
            1,
            70.0,
            520.0,
            100.0,
            12.0,
            "(a) endorse the priorities set out in this report and ensure them in the",
        ),
        frag(1, 70.0, 130.0, 114.0, 12.0, "Policy Cycle;"),
        frag(
            1,
            70.0,
            400.0,
            128.0,
            12.0,
            "(b) review progress in the second half of 2018.",
        ),
    ];
    assert_eq!(
        kinds(&blocks(frags, &ctx(), None)),
        vec![
            "li: (a) endorse the priorities set out in this report and ensure them in the / Policy Cycle;",
            "li: (b) review progress in the second half of 2018.",
        ]
    );
}

#[test]
fn labels_and_subsection_numbers() {
    for label in ["1.2.", "IV.", "A.", "(a)", "•", "\u{f0b7}", "3.2.3.1."] {
        assert!(is_label(label), "{label}");
    }
    for text in ["1.2. Title", "Article 5", "2014"] {
        assert!(!is_label(text), "{text}");
    }
    assert!(is_subsection_line(
        "2.2.1. Justification of the management mode(s)"
    ));
    assert!(!is_subsection_line(
        "05.02.01 European Regional Development Fund"
    ));
    assert!(!is_subsection_line(
        "2.1. The Commission will adopt the report by the end of the year."
    ));
}

#[test]
fn automatic_hyphenation_is_undone_compounds_are_kept() {
    let lines: Vec<Frag> = [
        "the operational action plan on irregular immi-",
        "gration within the policy cycle and the cross-",
        "border cooperation that cross border teams need;",
        "many more lines end in hyph-",
        "enation in this text, so the producer hyphen-",
        "ates words, as TeX does when it sets its para-",
        "graphs justified, and a few more lines without",
        "any break; then one more broken word: docu-",
        "ments are set this way by many producers.",
    ]
    .iter()
    .enumerate()
    .map(|(i, t)| frag(1, 70.0, 520.0, 100.0 + 14.0 * i as f32, 12.0, t))
    .collect();
    let mut ctx = ctx();
    ctx.hyphens = hyphens(&[lines]);
    assert!(ctx.hyphens.automatic);
    assert!(splits_word(
        "irregular immi-",
        "gration within",
        &ctx.hyphens
    ));
    assert!(!splits_word(
        "and the cross-",
        "border cooperation",
        &ctx.hyphens
    ));
}

/// LibreOffice sets an ODT's notes with the number in the note's own type and the text at a
/// hanging indent; where three notes or more start there, the indent splits each line after
/// its number. Two numbers on a line are a table's row.
#[test]
fn a_note_number_before_its_text_at_a_hanging_indent_opens_the_note() {
    let mut frags = vec![frag(
        3,
        72.0,
        540.0,
        600.0,
        12.0,
        "Body text of the page that runs to the margin.",
    )];
    for (k, text) in ["COM(2013) 45/3.", "COM(2013) 44/2.", "COM(2013) 42 final."]
        .iter()
        .enumerate()
    {
        let y = 700.0 + 11.5 * k as f32;
        frags.push(frag(3, 72.0, 77.0, y, 10.0, &format!("{}", k + 1)));
        frags.push(frag(3, 86.3, 200.0, y, 10.0, text));
    }
    let (body, notes, _) = split_footnotes(frags, &[], PAGE, 12.0, false, None);
    assert_eq!(body.len(), 1);
    assert_eq!(numbers(&notes), vec![Some(1), Some(2), Some(3)]);
    assert_eq!(notes[2].frags[1].text, "COM(2013) 42 final.");
    // A row of numbers in small type at the foot is no note.
    let frags = vec![
        frag(3, 72.0, 540.0, 600.0, 12.0, "Body text of the page."),
        frag(3, 72.0, 77.0, 700.0, 10.0, "1"),
        frag(3, 86.3, 100.0, 700.0, 10.0, "236"),
    ];
    let (_, notes, _) = split_footnotes(frags, &[], PAGE, 12.0, false, None);
    assert!(notes.is_empty());
}

/// Notes numbered anew on every page: a plain `2` after the page's own `1` is the page's
/// second note, though the page before had a note 2.
#[test]
fn a_note_numbered_1_frees_the_numbers_taken_before() {
    let page = |p: u32| {
        vec![
            frag(p, 72.0, 540.0, 600.0, 12.0, "Body text of the page."),
            frag(
                p,
                72.0,
                400.0,
                700.0,
                9.0,
                "(1) OJ C 262, 25.7.2018, p. 62.",
            ),
            frag(
                p,
                72.0,
                400.0,
                711.0,
                9.0,
                "(2) OJ C 176, 23.5.2018, p. 57.",
            ),
        ]
    };
    let mut numbering = NoteNumbers::default();
    let mut settled = Vec::new();
    for p in 1..=2 {
        let (_, notes, _) = split_footnotes(page(p), &[], PAGE, 12.0, false, None);
        settled.extend(notes.into_iter().map(|n| numbering.settle(n).number));
    }
    assert_eq!(settled, vec![Some(1), Some(2), Some(1), Some(2)]);
}

/// A page in two columns, each with its notes under its own separator (the Official Journal
/// before 2004): the right column's text runs on beside the left column's notes.
#[test]
fn each_column_has_its_notes_at_its_foot() {
    use super::super::interp::Rule;
    let mut frags = Vec::new();
    for k in 0..10 {
        let y = 100.0 + 20.0 * k as f32;
        frags.push(frag(
            1,
            45.0,
            289.0,
            y,
            10.0,
            "text of the left column that runs on",
        ));
        frags.push(frag(
            1,
            307.0,
            551.0,
            y + 3.0,
            10.0,
            "text of the right column, on",
        ));
    }
    frags.push(frag(
        1,
        307.0,
        551.0,
        708.0,
        10.0,
        "the right column still goes on here",
    ));
    frags.push(frag(
        1,
        307.0,
        551.0,
        720.0,
        10.0,
        "and here, beside the left notes.",
    ));
    frags.push(frag(
        1,
        45.0,
        150.0,
        703.0,
        8.0,
        "(1) OJ C 153, 19.5.1998, p. 14.",
    ));
    frags.push(frag(
        1,
        45.0,
        150.0,
        713.0,
        8.0,
        "(2) OJ C 407, 28.12.1998, p. 38.",
    ));
    frags.push(frag(
        1,
        307.0,
        415.0,
        751.0,
        8.0,
        "(3) OJ L 320, 30.12.1995, p. 25.",
    ));
    let rules = [
        Rule {
            x0: 45.0,
            x1: 142.0,
            y: 694.0,
        },
        Rule {
            x0: 307.0,
            x1: 404.0,
            y: 742.0,
        },
    ];
    let gutter = gutters(&[frags.clone()], &[PAGE.0])[0];
    assert_eq!(gutter, Some(PAGE.0 / 2.0));
    let (body, notes, _) = split_footnotes(frags, &rules, PAGE, 10.0, false, gutter);
    assert_eq!(numbers(&notes), vec![Some(1), Some(2), Some(3)]);
    assert!(notes.iter().all(|n| n.frags.len() == 1));
    let order = reading_order(body, gutter);
    assert_eq!(order.len(), 22);
    assert!(
        order[..10].iter().all(|f| f.x0 < 100.0),
        "the left column first"
    );
    assert_eq!(order[21].text, "and here, beside the left notes.");
}

/// The last page of a document in two columns, its right column short, is read by columns.
#[test]
fn a_short_last_page_keeps_the_documents_columns() {
    let page = |p: u32, right: usize| {
        let mut frags = Vec::new();
        for k in 0..10 {
            let y = 100.0 + 20.0 * k as f32;
            frags.push(frag(
                p,
                45.0,
                289.0,
                y,
                10.0,
                "text of the left column that runs on",
            ));
            if k < right {
                frags.push(frag(p, 307.0, 551.0, y, 10.0, "text of the right column"));
            }
        }
        frags
    };
    let pages = vec![page(1, 10), page(2, 2)];
    let mid = Some(PAGE.0 / 2.0);
    assert_eq!(gutters(&pages, &[PAGE.0, PAGE.0]), vec![mid, mid]);
    // Alone, the short page shows no columns.
    assert_eq!(gutters(&pages[1..], &[PAGE.0]), vec![None]);
    // A left-column line that reaches its column's edge goes on in the next line.
    let lines = vec![
        frag(
            2,
            45.0,
            289.0,
            100.0,
            12.0,
            "in accordance with Article 13 of Regulation (EC)",
        ),
        frag(2, 45.0, 100.0, 114.0, 12.0, "No 322/97."),
        frag(
            2,
            307.0,
            551.0,
            100.0,
            12.0,
            "This Regulation shall be binding in its entirety.",
        ),
    ];
    let out = kinds(&blocks(reading_order(lines, mid), &ctx(), mid));
    assert_eq!(
        out,
        vec![
            "p: in accordance with Article 13 of Regulation (EC) / No 322/97.",
            "p: This Regulation shall be binding in its entirety."
        ]
    );
}

/// The Official Journal's head in pieces (issue and page, language, title, date) on an act
/// of two pages, which is too few to tell a running head by repetition, and a Council footer
/// line in pieces of two sizes.
#[test]
fn the_journal_head_and_a_footer_line_in_pieces_are_furniture() {
    let mut pages: Vec<Vec<Frag>> = vec![
        vec![
            frag(1, 45.0, 82.0, 42.0, 10.0, "L 123/10"),
            frag(1, 184.0, 197.0, 42.0, 10.0, "EN"),
            frag(
                1,
                227.0,
                411.0,
                42.0,
                10.0,
                "Official Journal of the European Communities",
            ),
            frag(1, 515.0, 550.0, 42.0, 10.0, "5.5.1999"),
            frag(
                1,
                45.0,
                289.0,
                300.0,
                10.0,
                "COUNCIL REGULATION (EC) No 1012/1999",
            ),
            frag(1, 57.0, 106.0, 804.0, 12.0, "ANNEX I"),
            frag(1, 268.0, 331.0, 804.0, 12.0, "ECOFIN.1.B"),
            frag(1, 516.0, 540.0, 808.0, 18.0, "EN"),
        ],
        vec![
            frag(2, 45.0, 80.0, 42.0, 10.0, "5.5.1999"),
            frag(2, 184.0, 197.0, 42.0, 10.0, "EN"),
            frag(
                2,
                227.0,
                411.0,
                42.0,
                10.0,
                "Official Journal of the European Communities",
            ),
            frag(2, 513.0, 550.0, 42.0, 10.0, "L 123/11"),
            frag(
                2,
                45.0,
                289.0,
                300.0,
                10.0,
                "This Regulation shall be binding.",
            ),
        ],
    ];
    let contents: Vec<PageContent> = (0..2)
        .map(|_| PageContent {
            height: 842.0,
            ..PageContent::default()
        })
        .collect();
    let dropped = drop_furniture(&mut pages, &contents);
    let texts = |p: &Vec<Frag>| p.iter().map(|f| f.text.clone()).collect::<Vec<_>>();
    assert_eq!(
        texts(&pages[0]),
        vec!["COUNCIL REGULATION (EC) No 1012/1999"]
    );
    assert_eq!(texts(&pages[1]), vec!["This Regulation shall be binding."]);
    assert_eq!(
        dropped[..2],
        [
            (
                1,
                "L 123/10 EN Official Journal of the European Communities 5.5.1999".to_string()
            ),
            (1, "ANNEX I ECOFIN.1.B EN".to_string())
        ]
    );
}

/// A page whose columns do not share baselines: a call raised in the right column sits
/// lower than the left column's line before it, and goes with its own line below.
#[test]
fn a_call_raised_in_the_other_column_goes_with_its_own_line() {
    let mut page = PageContent {
        width: PAGE.0,
        height: PAGE.1,
        ..PageContent::default()
    };
    let mut put = |x: f32, y: f32, size: f32, text: &str| {
        for (k, c) in text.chars().enumerate() {
            let start = page.text.len() as u32;
            page.text.push(c);
            page.glyphs.push(Glyph {
                x: x + 0.5 * size * k as f32,
                y,
                w: 0.5 * size,
                size,
                style: 0,
                start,
                len: c.len_utf8() as u16,
                mcid: NO_MCID,
                artifact: false,
                family: 1,
            });
        }
    };
    put(45.0, 102.2, 10.0, "on the carriage of goods");
    put(412.0, 104.6, 7.0, "10");
    put(327.0, 108.2, 10.0, "passengers by sea");
    let contents = vec![page];
    let frags = fragments(&contents, None, &Artifacts::survey(&contents));
    let texts: Vec<(&str, &[Piece])> = frags[0]
        .iter()
        .map(|f| (f.text.as_str(), f.pieces.as_slice()))
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert_eq!(texts[0].0, "on the carriage of goods");
    assert_eq!(texts[1].0, "passengers by sea");
    assert!(texts[1].1.contains(&Piece::Call(10)), "{texts:?}");
}
