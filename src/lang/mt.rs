//! Maltese. Articles glue to the word with a hyphen (`ir-Regolament`, `tal-Kunsill`): the
//! words are read apart.

use super::ActType::*;
use super::DocKind::{
    self, Communication, GreenPaper, Proposal, Report, StaffWorkingDocument, WhitePaper,
};
use super::Form::*;
use super::Language;
use super::Order::*;
use super::Part;
use super::Role;
use super::Treaty::*;

pub static MT: Language = Language {
    code: "mt",
    stop_words: &[
        "il", "tal", "li", "ta", "u", "fil", "għal", "minn", "ma", "dan", "din", "jew", "huwa",
        "hija", "għandu", "mill", "lill", "tad", "tar", "bħala", "fuq", "billi",
    ],
    letters: "ħġċ",
    acts: &[
        ("Regolamenti", Regulation, Many),
        ("Regolament", Regulation, One),
        ("Direttivi", Directive, Many),
        ("Direttiva", Directive, One),
        ("Deċiżjoni Kwadru", FrameworkDecision, One),
        ("Deċiżjonijiet", Decision, Many),
        ("Deċiżjoni", Decision, One),
        ("Rakkomandazzjonijiet", Recommendation, Many),
        ("Rakkomandazzjoni", Recommendation, One),
        ("Azzjoni Konġunta", JointAction, One),
        ("Pożizzjoni Komuni", CommonPosition, One),
        ("Posizzjoni Komuni", CommonPosition, One),
    ],
    endings: 0,
    issuers: &[
        ("tal Parlament Ewropew u tal Kunsill", Role::Parliament),
        ("tal Kunsill", Role::Council),
        ("tal Kummissjoni", Role::Commission),
        ("ta Implimentazzjoni", Role::Implementing),
        ("Delegat", Role::Delegated),
        ("Delegata", Role::Delegated),
    ],
    type_after_number: false,
    number_signs: &["Nru", "Nru.", "Nri", "Numru"],
    domains: &[
        ("UE", "EU"),
        ("KE", "EC"),
        ("KEE", "EEC"),
        ("Euratom", "Euratom"),
        ("KEFA", "ECSC"),
        ("ĠAI", "JHA"),
        ("PESK", "CFSP"),
    ],
    and: &["u"],
    journal: &["ĠU"],
    journal_of: &[],
    pages: &["p."],
    families: &[
        ("K", "C"),
        ("Ċ", "C"),
        ("COM", "COM"),
        ("JOIN", "JOIN"),
        ("SWD", "SWD"),
        ("SEC", "SEC"),
        ("C", "C"),
    ],
    treaties: &[
        ("TFUE", Tfeu),
        ("TUE", Teu),
        ("Trattat dwar il-Funzjonament tal-Unjoni Ewropea", Tfeu),
        ("Trattat dwar l-Unjoni Ewropea", Teu),
    ],
    article: &["Artikolu", "Artikoli", "Art."],
    treaty_first: false,
    months: [
        &["Jannar"],
        &["Frar"],
        &["Marzu"],
        &["April"],
        &["Mejju"],
        &["Ġunju"],
        &["Lulju"],
        &["Awwissu"],
        &["Settembru"],
        &["Ottubru"],
        &["Novembru"],
        &["Diċembru"],
    ],
    parts: &[
        ("Artikolu", Part::Article, WordFirst),
        ("Kapitolu", Part::Chapter, WordFirst),
        ("Taqsima", Part::Section, WordFirst),
        ("Parti", Part::Part, WordFirst),
        ("Titolu", Part::Title, WordFirst),
        ("Anness", Part::Annex, WordFirst),
        ("Appendiċi", Part::Appendix, WordFirst),
    ],
    first: &[],
    places: &[
        ("Brussell", "Brussels"),
        ("Strasburgu", "Strasbourg"),
        ("il-Lussemburgu", "Luxembourg"),
    ],
    doc_types: &[
        ("KOMUNIKAZZJONI", Communication),
        ("KOMUNIKAZZJONI KONĠUNTA", Communication),
        ("RAPPORT", Report),
        ("RAPPORT KONĠUNT", Report),
        ("PROPOSTA", Proposal),
        ("DOKUMENT TA' ĦIDMA TAL-PERSUNAL", StaffWorkingDocument),
        ("KARTA BAJDA", WhitePaper),
        ("KARTA ĦADRA", GreenPaper),
        ("RAKKOMANDAZZJONI", DocKind::Recommendation),
    ],
    memorandum: &["Memorandum ta' spjegazzjoni"],
    financial_statement: &["Dikjarazzjoni finanzjarja leġiżlattiva"],
    enacting: &[
        "IL-PARLAMENT EWROPEW U L-KUNSILL TAL-UNJONI EWROPEA",
        "IL-KUNSILL TAL-UNJONI EWROPEA",
        "IL-KUMMISSJONI EWROPEA",
        "IL-KUNSILL TAL-KOMUNITAJIET EWROPEJ",
        "IL-KUMMISSJONI TAL-KOMUNITAJIET EWROPEJ",
    ],
    preamble: &["wara li kkunsidraw", "wara li kkunsidra", "billi"],
    multipliers: &[
        ("miljun", 1e6),
        ("miljuni", 1e6),
        ("biljun", 1e9),
        ("biljuni", 1e9),
    ],
    percent: &["fil-mija"],
    currencies: &[("euro", "EUR")],
    decimal_comma: false,
};
