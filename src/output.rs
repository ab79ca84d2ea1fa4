//! The JSON contract: one [`Extraction`] object per document.
//!
//! These types are the single source of the JSON Schema in `schemas/eurodoc.schema.json`
//! (generated with schemars; `eurodoc schema` prints it, and a test fails when the checked-in
//! file differs). Dates are ISO 8601 (`YYYY-MM-DD`). Byte spans point into the ingested text:
//! the input file itself for Markdown and plain text, the text rebuilt from the layout for PDF,
//! the text read from the markup (block after block) for HTML and XML.
//! Every field is always present; absent values are `null` or empty lists.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::SourceFormat;

/// Version of this JSON contract. Bump the minor version when fields are added, the major
/// version when fields change meaning or go away.
pub const SCHEMA_VERSION: &str = "1.2.0";

/// Everything eurodoc extracts from one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Extraction {
    /// Version of the contract this object follows ([`SCHEMA_VERSION`]).
    pub schema_version: String,
    pub source: Source,
    pub metadata: Metadata,
    /// Where the cover note and the communication lie, as block ranges.
    pub parts: Parts,
    /// The numbered sections in document order (the section tree, flattened with parents).
    pub sections: Vec<Section>,
    pub footnotes: Vec<Footnote>,
    /// One entry per distinct referenced document, with every mention.
    pub references: Vec<Reference>,
    pub figures: Vec<Figure>,
    pub commitments: Vec<Commitment>,
    /// What the document asks others to do (`The Commission invites the Council to ...`,
    /// `INVITES the Member States to ...`), in the shape of a commitment: `actor` is who is
    /// asked, `modality` how (`invited`, `called on`, `urged`, `encouraged`), `text` what.
    pub requests: Vec<Commitment>,
    /// Items of the annex tables of planned actions.
    pub planned_actions: Vec<PlannedAction>,
    /// Problems noticed and worked around; the output is still usable.
    pub warnings: Vec<String>,
    /// Where the extraction shows that it cannot be trusted: one entry per kind of anomaly
    /// found (see [`AnomalyKind`]), in the order of the kinds; empty when none is found. The
    /// checks read the extraction and the document model only, the same for every input
    /// format. A warning of `warnings` is counted here under its kind.
    pub quality: Vec<Anomaly>,
}

/// The input the extraction came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Path as given on the command line, if the input was a file.
    pub path: Option<String>,
    /// SHA-256 of the input bytes, lower-case hex.
    pub sha256: String,
    pub format: SourceFormat,
    /// Size of the input in bytes.
    pub bytes: u64,
    /// Number of pages, for sources with pages.
    pub pages: Option<u32>,
}

/// Cover-note and communication metadata. Field names follow the evaluation kit.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// The Council document number, e.g. `8410/13` (with ` REV 1` etc. when present).
    pub council_number: Option<String>,
    /// The first subject code of the cover note, e.g. `JAI 282`.
    pub council_code: Option<String>,
    /// All subject codes, e.g. `["JAI 282", "COSI 40"]`.
    pub council_codes: Vec<String>,
    /// Date of the cover note.
    pub council_date: Option<String>,
    /// Language of the original, from `(OR. en)`.
    pub original_language: Option<String>,
    /// The document's own language (ISO 639-1): as its source states it (Formex, Akoma
    /// Ntoso, a Commission page's `docVars`), else read from its text: the words and letters
    /// each official language uses most; English when the text says nothing.
    pub language: Option<String>,
    /// Date the Council received the document.
    pub receipt_date: Option<String>,
    /// The `from:` line of the cover note.
    pub sender: Option<String>,
    /// The `to:` line of the cover note.
    pub recipient: Option<String>,
    /// The Commission document carried, as written, e.g. `COM(2013) 179 final`.
    pub commission_reference: Option<String>,
    /// Date of the Commission document, from `Brussels, 10.4.2013`.
    pub commission_date: Option<String>,
    /// Where the Commission document was dated (`Brussels`, `Strasbourg`).
    pub commission_place: Option<String>,
    /// What the document is, from what it says about itself.
    pub document_type: Option<DocumentType>,
    /// Its form within that type: `regulation`, `directive`, `decision`, `recommendation` for
    /// acts and proposals; `white_paper`, `green_paper` for communications.
    pub document_form: Option<String>,
    /// The document type line as written, e.g. `COMMUNICATION FROM THE COMMISSION TO THE
    /// EUROPEAN PARLIAMENT AND THE COUNCIL` or `Proposal for a REGULATION OF THE EUROPEAN
    /// PARLIAMENT AND OF THE COUNCIL`.
    pub document_type_line: Option<String>,
    /// The Council document's form: `cover_note`, `note`, `i_a_item_note`, `conclusions`,
    /// `pe_cons` (a legislative act for signature).
    pub council_form: Option<String>,
    /// The legislative procedure, e.g. `2023/0199(COD)`.
    pub procedure: Option<String>,
    /// A legal act's own id, e.g. `Regulation (EU) 2022/2065`.
    pub act: Option<String>,
    /// Where a legal act was published, e.g. `OJ L 277, 27.10.2022, p. 1`.
    pub oj_reference: Option<String>,
    /// The date a legal act was adopted (`of 19 October 2022`).
    pub adoption_date: Option<String>,
    /// A `PE-CONS` document's number, e.g. `PE-CONS 36/23`.
    pub pe_cons: Option<String>,
    /// The Council document is marked `LIMITE`.
    pub limite: bool,
    /// All languages of the original, from `(OR. en, fr)`.
    pub original_languages: Vec<String>,
    /// The title: of the communication, the report, the proposed or adopted act (what follows
    /// its type: `establishing the Strategic Technologies for Europe Platform ...`), or the
    /// Council document's subject.
    pub title: Option<String>,
    /// The CELEX number of the document itself (`32016R0679`), where its source states it.
    pub celex: Option<String>,
    /// The document's own European Legislation Identifier
    /// (`http://data.europa.eu/eli/reg/2016/679/oj`), where its source states it.
    pub eli: Option<String>,
}

/// What a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentType {
    /// A Commission (or joint) communication, white or green paper.
    Communication,
    /// A Commission report.
    Report,
    /// A Commission staff working document.
    StaffWorkingDocument,
    /// A proposal for a legal act, with its memorandum and financial statement.
    Proposal,
    /// An adopted legal act (regulation, directive, decision).
    LegalAct,
    /// A Council document that carries no Commission document: a note, conclusions,
    /// a `PE-CONS`.
    CouncilDocument,
    /// Anything else (guidelines, opinions).
    Other,
}

/// A half-open range of block indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BlockRange {
    pub start: usize,
    pub end: usize,
}

/// The parts of the document: a Council cover note and the Commission document it carries;
/// within a legislative document, a proposal's explanatory memorandum, the (proposed) act and
/// its legislative financial statement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Parts {
    /// The Council cover note, when the document has one.
    pub cover_note: Option<BlockRange>,
    /// The document itself (after any cover note).
    pub communication: Option<BlockRange>,
    /// A proposal's explanatory memorandum.
    pub memorandum: Option<BlockRange>,
    /// The text of the act (proposed or adopted): title, citations, recitals, articles,
    /// annexes.
    pub legal_text: Option<BlockRange>,
    /// The legislative financial statement of a proposal.
    pub financial_statement: Option<BlockRange>,
}

/// A half-open byte range in the ingested text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span {
            start: r.start,
            end: r.end,
        }
    }
}

/// A table cell paragraph: row, column and paragraph index inside the cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CellPosition {
    pub row: usize,
    pub col: usize,
    pub para: usize,
}

/// Where something was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Location {
    /// Number of the enclosing numbered section (`2.1`), if any.
    pub section: Option<String>,
    /// Index of the block in reading order.
    pub block: usize,
    /// The table cell, when the block is a table.
    pub cell: Option<CellPosition>,
    /// Byte span in the ingested text.
    pub span: Span,
    /// Page number (1-based), for sources with pages.
    pub page: Option<u32>,
    /// The footnote whose body holds this, if any.
    pub footnote: Option<u32>,
    /// In a legal act's preamble: the number of the recital, `5` for recital (5).
    pub recital: Option<u32>,
    /// In an article: the number of its paragraph, `2` for `2.   The tasks ...`.
    pub paragraph: Option<u32>,
}

/// A numbered section.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Section number without the trailing dot: `2`, `2.1`, `IV`, `B`, `Annex 1`, and the
    /// parts of a legal act with their kind: `Chapter I`, `Section 2`, `Article 12`.
    pub number: String,
    pub title: String,
    /// Depth in the tree, 1 for top-level sections.
    pub level: u8,
    /// Number of the parent section (within the same part).
    pub parent: Option<String>,
    /// The part of a legislative document the section belongs to: `memorandum`,
    /// `legal_text` or `financial_statement`. Each part numbers its headings on its own.
    pub part: Option<String>,
    /// Index of the heading block.
    pub block: usize,
    /// Blocks from the heading up to the next section of the same or higher level.
    pub blocks: BlockRange,
    pub page: Option<u32>,
    pub span: Span,
}

/// A footnote with its text and the places that call it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Footnote {
    pub number: u32,
    pub text: String,
    /// Index of the footnote body block.
    pub block: usize,
    pub page: Option<u32>,
    pub span: Span,
    pub calls: Vec<FootnoteCall>,
    /// The call stands in text the source leaves out, as its markup says: a consolidated
    /// text omits the preamble whose citations called their notes. Such a body has no
    /// `calls` and is no anomaly.
    pub call_omitted: bool,
}

/// A place in the text that calls a footnote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FootnoteCall {
    /// Where the call mark sits; `span` covers `phrase`.
    pub location: Location,
    /// The phrase the call follows: the bold name it is attached to, or the words before it
    /// back to the start of the clause.
    pub phrase: String,
    /// Whether `phrase` is a bold span (an instrument name, typically).
    pub bold: bool,
}

/// The kind of a referenced document.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum ReferenceKind {
    /// Commission document (`COM(2013) 179`).
    #[serde(rename = "COM")]
    Com,
    /// Joint communication of the Commission and the High Representative.
    #[serde(rename = "JOIN")]
    Join,
    /// Staff working document.
    #[serde(rename = "SWD")]
    Swd,
    /// Secretariat-General document (older staff working papers).
    #[serde(rename = "SEC")]
    Sec,
    /// Commission act (`C(2016) 1500`).
    #[serde(rename = "C")]
    C,
    /// Official Journal citation.
    #[serde(rename = "OJ")]
    Oj,
    #[serde(rename = "directive")]
    Directive,
    #[serde(rename = "regulation")]
    Regulation,
    #[serde(rename = "decision")]
    Decision,
    #[serde(rename = "framework_decision")]
    FrameworkDecision,
    /// Interinstitutional procedure (`2010/0246(COD)`).
    #[serde(rename = "procedure")]
    Procedure,
    /// Article of a treaty (`Article 222 TFEU`).
    #[serde(rename = "treaty_article")]
    TreatyArticle,
    /// Council document (`8410/13`).
    #[serde(rename = "council_document")]
    CouncilDocument,
    /// Recommendation (`Commission Recommendation 2003/361/EC`).
    #[serde(rename = "recommendation")]
    Recommendation,
    /// CFSP joint action (`Council Joint Action 2008/124/CFSP`).
    #[serde(rename = "joint_action")]
    JointAction,
    /// CFSP or JHA common position (`Common Position 2008/944/CFSP`).
    #[serde(rename = "common_position")]
    CommonPosition,
    /// European Council document (`EUCO 4/23`).
    #[serde(rename = "european_council_document")]
    EuropeanCouncilDocument,
}

/// Links derived from a reference's id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Links {
    /// CELEX number, for legal acts (`32011L0036`).
    pub celex: Option<String>,
    /// EUR-Lex page for the document.
    pub eurlex: Option<String>,
    /// European Legislation Identifier, where the act has one.
    pub eli: Option<String>,
    /// Legislative Observatory page, for procedures.
    pub procedure: Option<String>,
}

/// One referenced document with all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Canonical id: `COM(2013) 45`, `Directive 2011/36/EU`, `OJ L 186, 14.7.2012, p. 4` ...
    pub id: String,
    pub kind: ReferenceKind,
    /// The distinct raw forms seen in the text.
    pub forms: Vec<String>,
    /// Names the text gives the document.
    pub titles: Vec<String>,
    pub links: Links,
    /// The parts of the id.
    pub details: ReferenceDetails,
    pub mentions: Vec<Mention>,
}

/// The parts of a reference id; which are set depends on the kind.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferenceDetails {
    /// Year, four digits.
    pub year: Option<u32>,
    /// Number within the year (or the act number), as written without leading zeros.
    pub number: Option<String>,
    /// Revision (`45/3` → 3, `final/2` → 2).
    pub revision: Option<u32>,
    /// Whether the `final` marker was written.
    #[serde(rename = "final")]
    pub is_final: bool,
    /// Issuing institution words dropped from the id (`Council`, `Commission Implementing`).
    pub issuer: Option<String>,
    /// Domain or treaty suffix (`EU`, `EC`, `JHA`, `CFSP`, `EU, Euratom`).
    pub domain: Option<String>,
    /// OJ series (`L`, `C`, `C E`), OJ page, date.
    pub series: Option<String>,
    pub page: Option<u32>,
    pub date: Option<String>,
    /// Procedure type (`COD`, `INI`, ...).
    pub procedure_type: Option<String>,
    /// Treaty (`TFEU`, `TEU`) and article (`42(7)`).
    pub treaty: Option<String>,
    pub article: Option<String>,
}

/// One mention of a reference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mention {
    /// The text as written.
    pub text: String,
    pub location: Location,
    /// The sentence the mention is in.
    pub sentence: String,
}

/// A numeric fact.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    /// The full number (`US$2.1 trillion` → 2100000000000).
    pub value: f64,
    /// Upper bound of a range (`between 10 and 20` → value 10, value_max 20).
    pub value_max: Option<f64>,
    /// `percent`, `percentage_points`, an ISO 4217 code, a time unit, a measure, or `count`.
    pub unit: String,
    /// `over`, `almost`, `up to` ... as written, lower-cased.
    pub qualifier: Option<String>,
    /// The exact span of the figure, qualifier to counted thing.
    pub text: String,
    /// What a count counts (`operational messages`).
    pub counted: Option<String>,
    /// Whether the number was written in words (`eight years`).
    pub spelled: bool,
    pub location: Location,
    pub sentence: String,
}

/// A deadline attached to a commitment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// The date, ISO 8601.
    pub date: String,
    /// `by` (on or before), `from` (on or after), `within` (during the period ending on `date`),
    /// `horizon` (only the block's year is known).
    pub relation: String,
    /// The words that give it.
    pub text: Option<String>,
}

/// Who commits to do what, from a "way forward" block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Commitment {
    /// Number of the enclosing numbered section.
    pub section: Option<String>,
    /// Title of that section.
    pub objective: Option<String>,
    /// Canonical actor: `Commission`, `Member States`, `Council`,
    /// `European Parliament and Council`, `agencies`, ...
    pub actor: String,
    /// The lead-in as written (`Member States are encouraged to:`).
    pub actor_text: String,
    /// Named parties (`Europol`, `Eurojust`), from the lead-in or the end of the item.
    pub parties: Vec<String>,
    /// `will`, `should`, `encouraged`, `invited`.
    pub modality: String,
    /// The leading verb (`publish`, `propose`).
    pub action: Option<String>,
    /// Every action of the item: the leading verb and those joined by `and will`
    /// (`propose ... and will review ...` → `propose`, `review`).
    pub actions: Vec<String>,
    /// The item as written, without the trailing `;` or `.`.
    pub text: String,
    /// Ids of the references the item contains.
    pub references: Vec<String>,
    pub deadline: Option<Deadline>,
    pub location: Location,
}

/// An item of an annex table of planned actions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlannedAction {
    /// Objective number.
    pub objective: Option<u32>,
    /// Objective title.
    pub objective_title: Option<String>,
    /// Column header label (`Action 2`, `Cross cutting issues`); `null` when the layout lost
    /// the columns (a table flattened into a list of paragraphs).
    pub action: Option<String>,
    /// Column header text after the label.
    pub action_title: Option<String>,
    /// The year: the grid's year row, or the first year of a roadmap's timetable (`null` for
    /// an `Ongoing` action).
    pub year: Option<u32>,
    /// A roadmap's timetable as written (`Q4 2021`, `Spring 2020`, `From 2020`).
    pub timetable: Option<String>,
    /// The quarter a timetable names (`4` for `Q4 2021`).
    pub quarter: Option<u8>,
    /// Actor prefixed to the item (`Member States`).
    pub actor: Option<String>,
    pub text: String,
    pub location: Location,
}

/// One kind of anomaly found in an extraction: how many, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Anomaly {
    pub kind: AnomalyKind,
    /// How many times the anomaly occurs.
    pub count: usize,
    /// Where, in document order: the first [`MAX_ANOMALY_PLACES`] (20) of them.
    pub places: Vec<AnomalyPlace>,
}

/// How many places an [`Anomaly`] lists; `count` counts them all.
pub const MAX_ANOMALY_PLACES: usize = 20;

/// Where an anomaly shows, as far as it is known.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnomalyPlace {
    /// Page (1-based), for sources with pages.
    pub page: Option<u32>,
    /// Number of the enclosing numbered section.
    pub section: Option<String>,
    /// Index of the block in reading order.
    pub block: Option<usize>,
    /// The footnote concerned: the body, the call, or the number that is missing.
    pub footnote: Option<u32>,
    /// A short excerpt of the text at fault, or what is wrong with it (`2.3 after 2.4`).
    pub excerpt: String,
}

impl std::fmt::Display for AnomalyPlace {
    /// `p. 3, § 2.1, block 40, footnote 7: excerpt`, with what is known.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut at: Vec<String> = Vec::new();
        at.extend(self.page.map(|p| format!("p. {p}")));
        at.extend(self.section.as_ref().map(|s| format!("§ {s}")));
        at.extend(self.block.map(|b| format!("block {b}")));
        at.extend(self.footnote.map(|n| format!("footnote {n}")));
        if at.is_empty() {
            f.write_str(&self.excerpt)
        } else {
            write!(f, "{}: {}", at.join(", "), self.excerpt)
        }
    }
}

/// The kinds of anomaly. Each names something a careful reader would call a bug of the
/// extraction, never a matter of taste. The first thirteen are the checks of the evaluation
/// kit's `selfcheck.py`, with its names and rules; the others are what only the library sees.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum AnomalyKind {
    /// Footnote numbers skip (1, 2, 4): a body was lost or misread. Counted over all the
    /// document's footnote numbers, one per number missing between the lowest and the highest.
    FootnoteGap,
    /// A footnote body that no call in the text points to.
    FootnoteUncalled,
    /// A footnote call that has no body (a warning says so).
    CallWithoutBody,
    /// A footnote body set aside: two bodies with one number (a warning says so).
    BodyDropped,
    /// The same numbered heading twice in one part (a table of contents read as headings, or
    /// a running title).
    HeadingRepeated,
    /// A "heading" whose title reads like a sentence of body text (a numbered paragraph or
    /// point taken for a heading): over 400 characters, or over 60 that open like a sentence
    /// (`The ... is`).
    HeadingIsProse,
    /// A numbered heading (`2.3`) that goes backwards among its siblings (after `2.4`); a
    /// restart at 1 opens a new series and is not counted.
    HeadingOrder,
    /// Converter notation left in text: `(^3)`, `[^3]`, `<sup>`, `^12`.
    NotationResidue,
    /// A page number line, running head (`L 277/4`) or `EN n EN` footer left in a sentence.
    FurnitureResidue,
    /// A figure that is a footnote number followed by the note's first word (`12 COM`).
    FigureNoteNumber,
    /// A figure read from digits grouped by dots or spaces as a small decimal (`6.600 groups`
    /// read as 6.6).
    FigureGrouping,
    /// A CELEX number that is not well formed.
    CelexForm,
    /// An act id whose domain cannot exist in its year: `(EU)` before 2010, `(EC)` after
    /// 2010, `No` with a year-first number, a domain before a suffix form
    /// (`Directive (EU) 2000/60/EC`).
    IdEra,
    /// A numbered heading that skips a number among its siblings (`2.3` right after `2.1`,
    /// `Article 7` after `Article 5`): a heading was lost or misread.
    HeadingSkip,
    /// A footnote call in the first row of a table, its header.
    CallInTableHeader,
    /// A table whose grid could not be read: an annex table of planned actions read as a
    /// run of paragraphs, its columns lost.
    TableUnread,
    /// A footnote area that could not be read as notes: a page foot that reads as numbered
    /// notes kept as text, small type at the foot set as a table, text in the notes that
    /// continues no note, a text whose note bodies were not found.
    FootnoteAreaUnread,
    /// A page whose text is in fonts without a Unicode mapping: it may come out garbled.
    TextUndecodable,
    /// A page that hit a work limit and was read only in part.
    PageTruncated,
    /// A PDF that marks most of its text as page furniture (artifacts): the marks were
    /// ignored, so running heads may stand in the text.
    ArtifactsIgnored,
    /// Markup of an HTML or XML source that its reader does not know: read as plain text,
    /// so what it marked (a heading, a note, a table) may be lost.
    MarkupUnread,
    /// A warning that no other kind names.
    OtherWarning,
}

impl AnomalyKind {
    /// Every kind, in the order of the output.
    pub const ALL: [AnomalyKind; 22] = [
        AnomalyKind::FootnoteGap,
        AnomalyKind::FootnoteUncalled,
        AnomalyKind::CallWithoutBody,
        AnomalyKind::BodyDropped,
        AnomalyKind::HeadingRepeated,
        AnomalyKind::HeadingIsProse,
        AnomalyKind::HeadingOrder,
        AnomalyKind::NotationResidue,
        AnomalyKind::FurnitureResidue,
        AnomalyKind::FigureNoteNumber,
        AnomalyKind::FigureGrouping,
        AnomalyKind::CelexForm,
        AnomalyKind::IdEra,
        AnomalyKind::HeadingSkip,
        AnomalyKind::CallInTableHeader,
        AnomalyKind::TableUnread,
        AnomalyKind::FootnoteAreaUnread,
        AnomalyKind::TextUndecodable,
        AnomalyKind::PageTruncated,
        AnomalyKind::ArtifactsIgnored,
        AnomalyKind::MarkupUnread,
        AnomalyKind::OtherWarning,
    ];

    /// The kind's name as the JSON writes it (`footnote-gap`).
    pub fn name(self) -> &'static str {
        match self {
            AnomalyKind::FootnoteGap => "footnote-gap",
            AnomalyKind::FootnoteUncalled => "footnote-uncalled",
            AnomalyKind::CallWithoutBody => "call-without-body",
            AnomalyKind::BodyDropped => "body-dropped",
            AnomalyKind::HeadingRepeated => "heading-repeated",
            AnomalyKind::HeadingIsProse => "heading-is-prose",
            AnomalyKind::HeadingOrder => "heading-order",
            AnomalyKind::NotationResidue => "notation-residue",
            AnomalyKind::FurnitureResidue => "furniture-residue",
            AnomalyKind::FigureNoteNumber => "figure-note-number",
            AnomalyKind::FigureGrouping => "figure-grouping",
            AnomalyKind::CelexForm => "celex-form",
            AnomalyKind::IdEra => "id-era",
            AnomalyKind::HeadingSkip => "heading-skip",
            AnomalyKind::CallInTableHeader => "call-in-table-header",
            AnomalyKind::TableUnread => "table-unread",
            AnomalyKind::FootnoteAreaUnread => "footnote-area-unread",
            AnomalyKind::TextUndecodable => "text-undecodable",
            AnomalyKind::PageTruncated => "page-truncated",
            AnomalyKind::ArtifactsIgnored => "artifacts-ignored",
            AnomalyKind::MarkupUnread => "markup-unread",
            AnomalyKind::OtherWarning => "other-warning",
        }
    }

    /// The kind of this name, if it is one.
    pub fn from_name(name: &str) -> Option<AnomalyKind> {
        AnomalyKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Whether `selfcheck.py` of the evaluation kit has this check, under the same name.
    pub fn in_selfcheck(self) -> bool {
        self <= AnomalyKind::IdEra
    }
}

impl std::fmt::Display for AnomalyKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The JSON Schema of [`Extraction`], pretty-printed, with a trailing newline.
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Extraction);
    let mut s = serde_json::to_string_pretty(&schema).expect("a schema always serialises");
    s.push('\n');
    s
}
