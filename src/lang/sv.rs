//! Swedish.

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

pub static SV: Language = Language {
    code: "sv",
    stop_words: &[
        "och", "av", "till", "en", "ett", "den", "det", "är", "för", "med", "på", "som", "inte",
        "skall", "ska", "eller", "vid", "från", "har", "att", "om", "detta", "dessa", "enligt",
    ],
    letters: "",
    acts: &[
        ("förordningar", Regulation, Many),
        ("förordning*", Regulation, One),
        ("genomförandeförordning*", Regulation, Implementing),
        ("direktiv*", Directive, One),
        ("genomförandedirektiv*", Directive, Implementing),
        ("beslut*", Decision, One),
        ("genomförandebeslut*", Decision, Implementing),
        ("rambeslut*", FrameworkDecision, One),
        ("rekommendationer", Recommendation, Many),
        ("rekommendation*", Recommendation, One),
        ("gemensam* åtgärd*", JointAction, One),
        ("gemensam* ståndpunkt*", CommonPosition, One),
    ],
    endings: 3,
    issuers: &[
        ("Europaparlamentets och rådets", Role::Parliament),
        ("rådets", Role::Council),
        ("kommissionens", Role::Commission),
        ("delegerade", Role::Delegated),
    ],
    type_after_number: false,
    number_signs: &["nr"],
    domains: &[
        ("EU", "EU"),
        ("EG", "EC"),
        ("EEG", "EEC"),
        ("Euratom", "Euratom"),
        ("EKSG", "ECSC"),
        ("RIF", "JHA"),
        ("GUSP", "CFSP"),
    ],
    and: &["och"],
    journal: &["EUT", "EGT"],
    journal_of: &[],
    pages: &["s."],
    families: &[
        ("KOM", "COM"),
        ("SEK", "SEC"),
        ("K", "C"),
        ("COM", "COM"),
        ("JOIN", "JOIN"),
        ("SWD", "SWD"),
        ("SEC", "SEC"),
        ("C", "C"),
    ],
    treaties: &[
        ("FEUF", Tfeu),
        ("EUF-fördraget", Tfeu),
        ("FEU", Teu),
        ("EU-fördraget", Teu),
        ("fördraget om Europeiska unionens funktionssätt", Tfeu),
        ("fördraget om Europeiska unionen", Teu),
    ],
    article: &["artikel", "artiklarna", "artiklar"],
    treaty_first: false,
    months: [
        &["januari"],
        &["februari"],
        &["mars"],
        &["april"],
        &["maj"],
        &["juni"],
        &["juli"],
        &["augusti"],
        &["september"],
        &["oktober"],
        &["november"],
        &["december"],
    ],
    parts: &[
        ("Artikel", Part::Article, WordFirst),
        ("Kapitel", Part::Chapter, WordFirst),
        ("Avsnitt", Part::Section, WordFirst),
        ("Del", Part::Part, WordFirst),
        ("Avdelning", Part::Title, WordFirst),
        ("Bilaga", Part::Annex, WordFirst),
        ("Tillägg", Part::Appendix, WordFirst),
    ],
    first: &[],
    places: &[
        ("Bryssel", "Brussels"),
        ("Strasbourg", "Strasbourg"),
        ("Luxemburg", "Luxembourg"),
    ],
    doc_types: &[
        ("MEDDELANDE", Communication),
        ("GEMENSAMT MEDDELANDE", Communication),
        ("RAPPORT", Report),
        ("GEMENSAM RAPPORT", Report),
        ("FÖRSLAG", Proposal),
        (
            "ARBETSDOKUMENT FRÅN KOMMISSIONENS AVDELNINGAR",
            StaffWorkingDocument,
        ),
        ("VITBOK", WhitePaper),
        ("GRÖNBOK", GreenPaper),
        ("REKOMMENDATION", DocKind::Recommendation),
    ],
    memorandum: &["Motivering"],
    financial_statement: &[
        "Finansieringsöversikt för rättsakt",
        "Finansieringsöversikt",
    ],
    enacting: &[
        "EUROPAPARLAMENTET OCH EUROPEISKA UNIONENS RÅD",
        "EUROPEISKA UNIONENS RÅD",
        "EUROPEISKA KOMMISSIONEN",
        "RÅDET FÖR EUROPEISKA GEMENSKAPERNA",
        "KOMMISSIONEN FÖR EUROPEISKA GEMENSKAPERNA",
    ],
    preamble: &["med beaktande av", "av följande skäl"],
    multipliers: &[
        ("miljoner", 1e6),
        ("miljon", 1e6),
        ("miljarder", 1e9),
        ("miljard", 1e9),
        ("milj", 1e6),
        ("mdr", 1e9),
    ],
    percent: &["procent"],
    currencies: &[("euro", "EUR")],
    decimal_comma: true,
};
