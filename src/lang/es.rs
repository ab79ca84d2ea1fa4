//! Spanish.

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

pub static ES: Language = Language {
    code: "es",
    stop_words: &[
        "el", "los", "las", "del", "en", "que", "por", "con", "una", "para", "se", "al", "es",
        "son", "lo", "sobre", "su", "sus", "como", "será", "este", "esta", "considerando",
    ],
    letters: "ñ¿¡",
    acts: &[
        ("Reglamentos", Regulation, Many),
        ("Reglamento", Regulation, One),
        ("Directivas", Directive, Many),
        ("Directiva", Directive, One),
        ("Decisiones marco", FrameworkDecision, Many),
        ("Decisión marco", FrameworkDecision, One),
        ("Decisiones", Decision, Many),
        ("Decisión", Decision, One),
        ("Recomendaciones", Recommendation, Many),
        ("Recomendación", Recommendation, One),
        ("Acciones comunes", JointAction, Many),
        ("Acción común", JointAction, One),
        ("Posiciones comunes", CommonPosition, Many),
        ("Posición común", CommonPosition, One),
    ],
    endings: 0,
    issuers: &[
        ("de Ejecución", Role::Implementing),
        ("Delegado", Role::Delegated),
        ("Delegada", Role::Delegated),
    ],
    type_after_number: false,
    number_signs: &["n°", "nº", "n.º", "no", "n", "núm."],
    domains: &[
        ("UE", "EU"),
        ("CE", "EC"),
        ("CEE", "EEC"),
        ("Euratom", "Euratom"),
        ("CEEA", "Euratom"),
        ("CECA", "ECSC"),
        ("JAI", "JHA"),
        ("PESC", "CFSP"),
    ],
    and: &["y", "e"],
    journal: &["DO"],
    journal_of: &["de"],
    pages: &["p."],
    families: &[
        ("COM", "COM"),
        ("JOIN", "JOIN"),
        ("SWD", "SWD"),
        ("SEC", "SEC"),
        ("C", "C"),
    ],
    treaties: &[
        ("TFUE", Tfeu),
        ("TUE", Teu),
        ("Tratado de Funcionamiento de la Unión Europea", Tfeu),
        ("Tratado de la Unión Europea", Teu),
    ],
    article: &["artículo", "artículos", "art."],
    treaty_first: false,
    months: [
        &["enero"],
        &["febrero"],
        &["marzo"],
        &["abril"],
        &["mayo"],
        &["junio"],
        &["julio"],
        &["agosto"],
        &["septiembre", "setiembre"],
        &["octubre"],
        &["noviembre"],
        &["diciembre"],
    ],
    parts: &[
        ("Artículo", Part::Article, WordFirst),
        ("Capítulo", Part::Chapter, WordFirst),
        ("Sección", Part::Section, WordFirst),
        ("Parte", Part::Part, WordFirst),
        ("Título", Part::Title, WordFirst),
        ("Anexo", Part::Annex, WordFirst),
        ("Apéndice", Part::Appendix, WordFirst),
    ],
    first: &[],
    places: &[
        ("Bruselas", "Brussels"),
        ("Estrasburgo", "Strasbourg"),
        ("Luxemburgo", "Luxembourg"),
    ],
    doc_types: &[
        ("COMUNICACIÓN", Communication),
        ("COMUNICACIÓN CONJUNTA", Communication),
        ("INFORME", Report),
        ("INFORME CONJUNTO", Report),
        ("PROPUESTA", Proposal),
        ("DOCUMENTO DE TRABAJO DE LOS SERVICIOS", StaffWorkingDocument),
        ("LIBRO BLANCO", WhitePaper),
        ("LIBRO VERDE", GreenPaper),
        ("RECOMENDACIÓN", DocKind::Recommendation),
    ],
    memorandum: &["Exposición de motivos"],
    financial_statement: &["Ficha financiera legislativa", "Ficha financiera"],
    enacting: &[
        "EL PARLAMENTO EUROPEO Y EL CONSEJO DE LA UNIÓN EUROPEA",
        "EL CONSEJO DE LA UNIÓN EUROPEA",
        "LA COMISIÓN EUROPEA",
        "EL CONSEJO DE LAS COMUNIDADES EUROPEAS",
        "LA COMISIÓN DE LAS COMUNIDADES EUROPEAS",
    ],
    preamble: &["visto", "vista", "considerando"],
    multipliers: &[("millones", 1e6), ("millón", 1e6)],
    percent: &["por ciento"],
    currencies: &[("euros", "EUR"), ("euro", "EUR")],
    decimal_comma: true,
};
