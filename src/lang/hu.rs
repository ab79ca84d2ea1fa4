//! Hungarian: an act's type follows its number (`a 2016/679/EU rendelet`, `az (EU)
//! 2016/679 európai parlamenti és tanácsi rendelet`), a regulation's domain is written as a
//! suffix (`a 1408/71/EGK rendelet`), dates run year first (`2016.5.4.`) and pages are `1. o.`.

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

pub static HU: Language = Language {
    code: "hu",
    stop_words: &[
        "a", "az", "és", "hogy", "nem", "egy", "is", "van", "meg", "ez", "azt", "csak", "vagy",
        "mint", "már", "kell", "szerint", "ezen", "ennek", "amely", "mivel", "tekintettel",
    ],
    letters: "őű",
    acts: &[
        ("rendeletek", Regulation, Many),
        ("rendeletekben", Regulation, Many),
        ("rendeleteket", Regulation, Many),
        ("rendelet*", Regulation, One),
        ("irányelvek", Directive, Many),
        ("irányelvekben", Directive, Many),
        ("irányelveket", Directive, Many),
        ("irányelv*", Directive, One),
        ("kerethatározat*", FrameworkDecision, One),
        ("határozatok", Decision, Many),
        ("határozat*", Decision, One),
        ("ajánlás*", Recommendation, One),
        ("együttes fellépés*", JointAction, One),
        ("közös álláspont*", CommonPosition, One),
    ],
    endings: 6,
    issuers: &[
        ("európai parlamenti és tanácsi", Role::Parliament),
        ("tanácsi és európai parlamenti", Role::Parliament),
        ("tanácsi", Role::Council),
        ("bizottsági", Role::Commission),
        ("végrehajtási", Role::Implementing),
        ("felhatalmazáson alapuló", Role::Delegated),
    ],
    type_after_number: true,
    number_signs: &[],
    domains: &[
        ("EU", "EU"),
        ("EK", "EC"),
        ("EGK", "EEC"),
        ("Euratom", "Euratom"),
        ("ESZAK", "ECSC"),
        ("IB", "JHA"),
        ("KKBP", "CFSP"),
    ],
    and: &["és"],
    journal: &["HL"],
    journal_of: &[],
    pages: &["o."],
    families: &[
        ("COM", "COM"),
        ("JOIN", "JOIN"),
        ("SWD", "SWD"),
        ("SEC", "SEC"),
        ("C", "C"),
    ],
    treaties: &[
        ("EUMSZ", Tfeu),
        ("EUSZ", Teu),
        ("az Európai Unió működéséről szóló szerződés", Tfeu),
        ("az Európai Unióról szóló szerződés", Teu),
    ],
    article: &[
        "cikk", "cikke", "cikkének", "cikkében", "cikket", "cikkben", "cikkei", "cikkek",
        "cikkére", "cikkétől",
    ],
    treaty_first: true,
    months: [
        &["január"],
        &["február"],
        &["március"],
        &["április"],
        &["május"],
        &["június"],
        &["július"],
        &["augusztus"],
        &["szeptember"],
        &["október"],
        &["november"],
        &["december"],
    ],
    parts: &[
        ("cikk", Part::Article, NumberFirst),
        ("fejezet", Part::Chapter, NumberFirst),
        ("szakasz", Part::Section, NumberFirst),
        ("rész", Part::Part, NumberFirst),
        ("cím", Part::Title, NumberFirst),
        ("melléklet", Part::Annex, NumberFirst),
        ("függelék", Part::Appendix, NumberFirst),
    ],
    first: &[],
    places: &[
        ("Brüsszel", "Brussels"),
        ("Strasbourg", "Strasbourg"),
        ("Luxembourg", "Luxembourg"),
    ],
    doc_types: &[
        ("A BIZOTTSÁG KÖZLEMÉNYE", Communication),
        ("KÖZÖS KÖZLEMÉNY", Communication),
        ("A BIZOTTSÁG JELENTÉSE", Report),
        ("KÖZÖS JELENTÉS", Report),
        ("JAVASLAT", Proposal),
        ("BIZOTTSÁGI SZOLGÁLATI MUNKADOKUMENTUM", StaffWorkingDocument),
        ("FEHÉR KÖNYV", WhitePaper),
        ("ZÖLD KÖNYV", GreenPaper),
        ("A BIZOTTSÁG AJÁNLÁSA", DocKind::Recommendation),
    ],
    memorandum: &["Indokolás"],
    financial_statement: &["Pénzügyi kimutatás"],
    enacting: &[
        "AZ EURÓPAI PARLAMENT ÉS AZ EURÓPAI UNIÓ TANÁCSA",
        "AZ EURÓPAI UNIÓ TANÁCSA",
        "AZ EURÓPAI BIZOTTSÁG",
        "AZ EURÓPAI KÖZÖSSÉGEK TANÁCSA",
        "AZ EURÓPAI KÖZÖSSÉGEK BIZOTTSÁGA",
    ],
    preamble: &["tekintettel", "mivel"],
    multipliers: &[("millió", 1e6), ("milliárd", 1e9), ("Mrd", 1e9)],
    percent: &["százalék"],
    currencies: &[("euró", "EUR"), ("eurót", "EUR")],
    decimal_comma: true,
};
