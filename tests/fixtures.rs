//! Fixture regression: one test per `fixtures/<name>/`, comparing the extraction of its
//! `input.*` with its `expected.json` and validating the output against the schema.
//! A fixture listed here but missing on disk fails; a fixture on disk but not listed fails too.
//! A fixture over a genuine document reads it from the shared folder (`input.shared`) and is
//! skipped, with a line saying so, where that folder is absent (never in CI).

use eurodoc::check::{self, Outcome};

use crate::util::{assert_valid, repo, shared_dir, skip};

fn check_fixture(name: &str) {
    let fixture = check::load(&repo("fixtures").join(name), &shared_dir())
        .unwrap_or_else(|e| panic!("fixture {name} is missing or broken: {e}"));
    if fixture.shared && !fixture.input.is_file() {
        skip(
            &format!("fixtures::{name}"),
            &format!("{} is missing", fixture.input.display()),
        );
        return;
    }
    let got = eurodoc::extract_file(&fixture.input)
        .unwrap_or_else(|e| panic!("fixture {name}: extraction failed: {e}"));
    assert_valid(&serde_json::to_value(&got).expect("serialises"));
    match check::compare(&fixture, &got, false) {
        Ok(Outcome::Pass) => {}
        Ok(Outcome::Fail { diff, grown }) => {
            let grown: Vec<String> = grown
                .iter()
                .map(|g| {
                    let places: Vec<String> = g
                        .new_places
                        .iter()
                        .map(|p| format!("\n    new: {p}"))
                        .collect();
                    format!("\n  more anomalies: {g}{}", places.concat())
                })
                .collect();
            panic!(
                "fixture {name}: output differs from expected.json (run `cargo run -- check --bless` if the change is right):{}\n{diff}",
                grown.concat()
            )
        }
        Ok(Outcome::Blessed) => unreachable!("not blessing"),
        Err(e) => panic!("{e}"),
    }
}

macro_rules! fixtures {
    ($($test:ident => $dir:literal),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                check_fixture($dir);
            }
        )*
        const LISTED: &[&str] = &[$($dir),*];
    };
}

fixtures! {
    act_annex_parts => "act-annex-parts",
    act_notes_per_page => "act-notes-per-page",
    act_oj_1999_columns => "act-oj-1999-columns",
    com_2013_179 => "com-2013-179",
    com_2013_179_libreoffice => "com-2013-179-libreoffice",
    com_2013_179_pdf => "com-2013-179-pdf",
    com_2013_179_pdftotext => "com-2013-179-pdftotext",
    com_2019_640_green_deal => "com-2019-640-green-deal",
    com_2019_640_green_deal_pdf => "com-2019-640-green-deal-pdf",
    com_2022_496_ai_liability_directive => "com-2022-496-ai-liability-directive",
    com_2020_381_farm_to_fork_brochure => "com-2020-381-farm-to-fork-brochure",
    oj_l_2021_243_climate_law => "oj-l-2021-243-climate-law",
    com_2023_335_step => "com-2023-335-step",
    com_2023_335_step_p1_9 => "com-2023-335-step-p1-9",
    commitments_libreoffice => "commitments-libreoffice",
    commitments_plain => "commitments-plain",
    commitments_variants => "commitments-variants",
    council_note_conclusions => "council-note-conclusions",
    council_note_documents => "council-note-documents",
    council_pe_cons => "council-pe-cons",
    council_note_bilingual => "council-note-bilingual",
    council_note_numbered_paragraphs => "council-note-numbered-paragraphs",
    council_note_numbered_paragraphs_fr => "council-note-numbered-paragraphs-fr",
    council_annex_without_cover => "council-annex-without-cover",
    council_ia_item_note => "council-ia-item-note",
    cover_note_compact => "cover-note-compact",
    cover_note_libreoffice => "cover-note-libreoffice",
    cover_note_plain => "cover-note-plain",
    figures_point_grouping => "figures-point-grouping",
    figures_variants => "figures-variants",
    joint_communication => "joint-communication",
    oj_l_2016_119_gdpr => "oj-l-2016-119-gdpr",
    oj_l_277_2022_dsa => "oj-l-277-2022-dsa",
    pe_cons_43_24_esg_ratings => "pe-cons-43-24-esg-ratings",
    planned_actions_transposed => "planned-actions-transposed",
    proposal_commitment_lists => "proposal-commitment-lists",
    proposal_financial_statement_contents => "proposal-financial-statement-contents",
    references_plain => "references-plain",
    references_variants => "references-variants",
    wp29_wp251rev01_profiling => "wp29-wp251rev01-profiling",
    eurlex_act_caret_notes => "eurlex-act-caret-notes",
    converter_notes_run_on => "converter-notes-run-on",
    converter_notes_as_lists => "converter-notes-as-lists",
    proposal_converter_cover => "proposal-converter-cover",
    proposal_converter_cover_year_apart => "proposal-converter-cover-year-apart",
    pe_cons_converter => "pe-cons-converter",
    oj_1999_act_text => "oj-1999-act-text",
    oj_2006_act_text => "oj-2006-act-text",
    oj_c_notice_text => "oj-c-notice-text",
}

#[test]
fn every_fixture_on_disk_has_a_test() {
    let mut on_disk: Vec<String> = std::fs::read_dir(repo("fixtures"))
        .expect("fixtures/ is readable")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = LISTED.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "tests/fixtures.rs must list every fixture directory"
    );
}
