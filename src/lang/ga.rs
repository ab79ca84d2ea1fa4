//! Irish.

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

pub static GA: Language = Language {
    code: "ga",
    stop_words: &[
        "agus", "an", "na", "ar", "le", "don", "ón", "is", "go", "de", "sin", "atá", "beidh",
        "seo", "chun", "faoi", "aon",
    ],
    letters: "",
    acts: &[
        ("Rialacháin", Regulation, Many),
        ("Rialachán", Regulation, One),
        ("Treoracha", Directive, Many),
        ("Treoir", Directive, One),
        ("Treorach", Directive, One),
        ("Cinneadh Réime", FrameworkDecision, One),
        ("Cinnidh Réime", FrameworkDecision, One),
        ("Cinntí", Decision, Many),
        ("Cinneadh", Decision, One),
        ("Cinnidh", Decision, One),
        ("Moltaí", Recommendation, Many),
        ("Moladh", Recommendation, One),
        ("Gníomhaíocht Chomhpháirteach", JointAction, One),
        ("Comhsheasamh", CommonPosition, One),
    ],
    endings: 0,
    issuers: &[
        ("Cur Chun Feidhme", Role::Implementing),
        ("Tarmligthe", Role::Delegated),
    ],
    type_after_number: false,
    number_signs: &["Uimh."],
    domains: &[
        ("AE", "EU"),
        ("CE", "EC"),
        ("CEE", "EEC"),
        ("Euratom", "Euratom"),
        ("CEGC", "ECSC"),
        ("CGB", "JHA"),
        ("CBES", "CFSP"),
    ],
    and: &["agus"],
    journal: &["IO"],
    journal_of: &[],
    pages: &["lch."],
    families: &[
        ("COM", "COM"),
        ("JOIN", "JOIN"),
        ("SWD", "SWD"),
        ("SEC", "SEC"),
        ("C", "C"),
    ],
    treaties: &[("CFAE", Tfeu), ("CAE", Teu)],
    article: &["Airteagal"],
    treaty_first: false,
    months: [
        &["Eanáir"],
        &["Feabhra"],
        &["Márta"],
        &["Aibreán", "Aibreáin"],
        &["Bealtaine"],
        &["Meitheamh", "Meithimh"],
        &["Iúil"],
        &["Lúnasa"],
        &["Meán Fómhair"],
        &["Deireadh Fómhair"],
        &["Samhain", "Samhna"],
        &["Nollaig", "Nollag"],
    ],
    parts: &[
        ("Airteagal", Part::Article, WordFirst),
        ("Caibidil", Part::Chapter, WordFirst),
        ("Roinn", Part::Section, WordFirst),
        ("Cuid", Part::Part, WordFirst),
        ("Teideal", Part::Title, WordFirst),
        ("Iarscríbhinn", Part::Annex, WordFirst),
        ("Aguisín", Part::Appendix, WordFirst),
    ],
    first: &[],
    places: &[
        ("An Bhruiséil", "Brussels"),
        ("Strasbourg", "Strasbourg"),
        ("Lucsamburg", "Luxembourg"),
    ],
    doc_types: &[
        ("TEACHTAIREACHT", Communication),
        ("TUARASCÁIL", Report),
        ("TOGRA", Proposal),
        ("DOICIMÉAD OIBRE FOIRNE", StaffWorkingDocument),
        ("PÁIPÉAR BÁN", WhitePaper),
        ("PÁIPÉAR UAINE", GreenPaper),
        ("MOLADH", DocKind::Recommendation),
    ],
    memorandum: &["Meabhrán míniúcháin"],
    financial_statement: &["Ráiteas airgeadais reachtach"],
    enacting: &[
        "TÁ PARLAIMINT NA hEORPA AGUS COMHAIRLE AN AONTAIS EORPAIGH",
        "TÁ COMHAIRLE AN AONTAIS EORPAIGH",
        "TÁ AN COIMISIÚN EORPACH",
    ],
    preamble: &["ag féachaint do", "de bhrí"],
    multipliers: &[("milliún", 1e6), ("billiún", 1e9)],
    percent: &["faoin gcéad"],
    currencies: &[("euro", "EUR")],
    decimal_comma: false,
};
