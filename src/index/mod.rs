//! A citation index over a corpus, in SQLite: which documents cite a reference, what a
//! document cites, the most cited references, and the citation edges.
//!
//! The SQL schema, its version and how it migrates are described in `docs/index-schema.md`.
//! Each document is written in one transaction, in WAL mode, so an interrupted run leaves the
//! index consistent and the next run completes it. References are looked up by the same
//! canonical ids the references stage gives them ([`crate::citation::normalise`]), so a query
//! finds the documents whichever way the reference is written.

mod add;

pub use add::{AddOptions, AddSummary, Status, add_paths, add_results, stored_path};

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::citation::{self, Citation};
use crate::extract::references::{id_key, reference_key};
use crate::output::{AnomalyKind, Extraction, Links};

/// The schema this version of eurodoc writes and reads.
pub const SCHEMA_VERSION: i64 = 3;
const APPLICATION: &str = "eurodoc-index";

/// What can go wrong with an index.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IndexError {
    #[error("{} is not an eurodoc index: {reason}", path.display())]
    NotAnIndex { path: PathBuf, reason: String },
    #[error(
        "{} was written by a newer eurodoc (index schema {found}, this one reads up to {SCHEMA_VERSION}); upgrade eurodoc",
        path.display()
    )]
    TooNew { path: PathBuf, found: i64 },
    #[error("no index at {} (build one with `eurodoc index add`)", path.display())]
    Missing { path: PathBuf },
    #[error("cannot open the index {}: {reason}", path.display())]
    CannotOpen { path: PathBuf, reason: String },
    #[error("index database error: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

pub type Result<T, E = IndexError> = std::result::Result<T, E>;

/// An open index.
pub struct Index {
    conn: Connection,
    path: PathBuf,
}

/// What adding one document did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Added {
    /// A new document.
    New,
    /// A document at a path already indexed, with new content: its rows were replaced.
    Replaced,
    /// The same content is already indexed at this path: nothing written.
    Unchanged,
    /// The same content is indexed at another path, `of`: not written again.
    Duplicate { of: String },
}

/// One place a reference is mentioned.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MentionRow {
    pub page: Option<u32>,
    pub section: Option<String>,
    /// The recital of a legal act's preamble (`5` for recital (5)).
    pub recital: Option<u32>,
    /// The paragraph of an article (`2`).
    pub paragraph: Option<u32>,
    pub footnote: Option<u32>,
    pub text: String,
    pub sentence: String,
    /// The kinds of anomaly the document's extraction shows on the mention's page or in its
    /// section: where what the mention says may be misread.
    pub anomalies_near: Vec<String>,
}

/// A document that cites a reference, with its mentions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CitingDocument {
    pub path: String,
    /// The document's own reference (`COM(2013) 179 final`).
    pub reference: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    /// How many anomalies its extraction shows (`quality`); `None` when it was indexed by an
    /// eurodoc that did not check.
    pub anomalies: Option<u32>,
    pub mentions: Vec<MentionRow>,
}

/// The answer to a query: a reference and everything citing it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QueryResult {
    pub id: String,
    pub kind: String,
    pub links: Links,
    pub titles: Vec<String>,
    /// Paths of the indexed documents that are this reference.
    pub in_corpus: Vec<String>,
    pub documents: Vec<CitingDocument>,
}

/// One reference a document cites.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cited {
    pub id: String,
    pub kind: String,
    pub mentions: u32,
    pub titles: Vec<String>,
    /// The cited document is itself in the index.
    pub in_corpus: bool,
    /// Where the document cites it, in reading order, each place once: `Article 2(3)`,
    /// `recital (9)`, `2.1`, `footnote 4` (see [`place`]).
    pub places: Vec<String>,
}

/// A mention's place for a reader: an article with its paragraph (`Article 2(3)`), a recital
/// (`recital (9)`), a section (`2.1`, `Annex`), a footnote (`2.1, footnote 4`).
pub fn place(
    section: Option<&str>,
    recital: Option<u32>,
    paragraph: Option<u32>,
    footnote: Option<u32>,
) -> Option<String> {
    let mut at = match (section, recital, paragraph) {
        (_, Some(r), _) => Some(format!("recital ({r})")),
        (Some(s), None, Some(p)) if s.starts_with("Article ") => Some(format!("{s}({p})")),
        (Some(s), None, Some(p)) => Some(format!("{s}, paragraph {p}")),
        (Some(s), None, None) => Some(s.to_string()),
        (None, None, _) => None,
    };
    if let Some(f) = footnote {
        at = Some(match at {
            Some(a) => format!("{a}, footnote {f}"),
            None => format!("footnote {f}"),
        });
    }
    at
}

/// What a document cites.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CitesResult {
    pub path: String,
    pub reference: Option<String>,
    pub title: Option<String>,
    pub references: Vec<Cited>,
}

/// A reference with how many documents cite it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TopRow {
    pub id: String,
    pub kind: String,
    pub documents: u32,
    pub mentions: u32,
}

/// A citation edge: a document cites a reference so many times.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Edge {
    pub citing_path: String,
    pub citing_reference: Option<String>,
    pub cited: String,
    pub kind: String,
    pub mentions: u32,
    /// The cited reference is a document of the corpus.
    pub cited_in_corpus: bool,
}

/// Counts over the index.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    pub documents: u64,
    pub references: u64,
    pub mentions: u64,
    pub by_kind: Vec<KindCount>,
    /// Documents whose extraction shows anomalies.
    pub with_anomalies: u64,
    /// Documents indexed by an eurodoc that did not check its extractions (schema 2 and
    /// before): the next `add` of their files extracts them again.
    pub unchecked: u64,
    /// The documents with the most anomalies, most first (at most [`MOST_ANOMALIES`]).
    pub most_anomalies: Vec<DocumentAnomalies>,
}

/// How many documents [`Stats::most_anomalies`] lists.
pub const MOST_ANOMALIES: usize = 10;

/// A document's anomalies, by kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentAnomalies {
    pub path: String,
    pub reference: Option<String>,
    pub anomalies: u32,
    /// Kind and count, most first.
    pub kinds: Vec<(String, u32)>,
}

/// Distinct references and mentions of one kind.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KindCount {
    pub kind: String,
    pub references: u64,
    pub mentions: u64,
}

/// The reference kinds, as the JSON output names them.
pub const KINDS: [&str; 17] = [
    "COM",
    "JOIN",
    "SWD",
    "SEC",
    "C",
    "OJ",
    "directive",
    "regulation",
    "decision",
    "framework_decision",
    "procedure",
    "treaty_article",
    "council_document",
    "recommendation",
    "joint_action",
    "common_position",
    "european_council_document",
];

/// Version 2: where in a legal act a mention stands, its recital or its article's paragraph.
const SCHEMA_V2: &str = "
ALTER TABLE mentions ADD COLUMN recital INTEGER;
ALTER TABLE mentions ADD COLUMN paragraph INTEGER;
";

/// Version 3: what each document's extraction shows cannot be trusted (its `quality`).
/// Documents written before have `anomalies` NULL: not checked, extracted again by the next
/// `add` of their files.
const SCHEMA_V3: &str = "
ALTER TABLE documents ADD COLUMN anomalies INTEGER;
CREATE INDEX documents_anomalies ON documents(anomalies);
CREATE TABLE anomalies (
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (document, kind)
) WITHOUT ROWID;
CREATE TABLE anomaly_places (
    document INTEGER NOT NULL,
    kind TEXT NOT NULL,
    seq INTEGER NOT NULL,
    page INTEGER,
    section TEXT,
    block INTEGER,
    footnote INTEGER,
    excerpt TEXT NOT NULL,
    PRIMARY KEY (document, kind, seq),
    FOREIGN KEY (document, kind) REFERENCES anomalies(document, kind) ON DELETE CASCADE
) WITHOUT ROWID;
";

const SCHEMA_V1: &str = "
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    pages INTEGER,
    reference TEXT,
    reference_key TEXT,
    council_number TEXT,
    title TEXT,
    date TEXT
);
CREATE INDEX documents_sha256 ON documents(sha256);
CREATE INDEX documents_reference ON documents(reference_key);
CREATE INDEX documents_council ON documents(council_number);
CREATE TABLE refs (
    key TEXT PRIMARY KEY,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    celex TEXT,
    eurlex TEXT,
    eli TEXT,
    procedure TEXT
) WITHOUT ROWID;
CREATE INDEX refs_celex ON refs(celex);
CREATE INDEX refs_kind ON refs(kind);
CREATE TABLE citations (
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ref TEXT NOT NULL REFERENCES refs(key),
    mentions INTEGER NOT NULL,
    PRIMARY KEY (document, ref)
) WITHOUT ROWID;
CREATE INDEX citations_ref ON citations(ref, document, mentions);
CREATE TABLE mentions (
    document INTEGER NOT NULL,
    ref TEXT NOT NULL,
    seq INTEGER NOT NULL,
    page INTEGER,
    section TEXT,
    footnote INTEGER,
    text TEXT NOT NULL,
    sentence TEXT NOT NULL,
    PRIMARY KEY (ref, document, seq),
    FOREIGN KEY (document, ref) REFERENCES citations(document, ref) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE titles (
    ref TEXT NOT NULL,
    document INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    PRIMARY KEY (ref, document, title)
) WITHOUT ROWID;
CREATE INDEX titles_document ON titles(document);
";

impl Index {
    /// Open the index at `path`, which must exist: for reading commands, where creating an
    /// empty index would only hide a mistyped path.
    pub fn open_existing(path: &Path) -> Result<Index> {
        if !path.exists() {
            return Err(IndexError::Missing {
                path: path.to_path_buf(),
            });
        }
        Index::open(path)
    }

    /// Open the index at `path`, creating it if the file does not exist. A file that is not
    /// an eurodoc index is refused before anything is written to it.
    pub fn open(path: &Path) -> Result<Index> {
        let not_index = |reason: String| IndexError::NotAnIndex {
            path: path.to_path_buf(),
            reason,
        };
        if path.is_dir() {
            return Err(not_index("a folder".into()));
        }
        let conn = Connection::open(path).map_err(|e| IndexError::CannotOpen {
            path: path.to_path_buf(),
            reason: match path.parent() {
                Some(dir) if !dir.as_os_str().is_empty() && !dir.is_dir() => {
                    format!("the folder {} does not exist", dir.display())
                }
                _ => match e.sqlite_error() {
                    Some(code) => code.to_string(),
                    None => e.to_string(),
                },
            },
        })?;
        // Before anything else, so that every statement waits out another process's lock.
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        identity(&conn, path)?;
        let setup = || -> rusqlite::Result<()> {
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.pragma_update(None, "synchronous", "NORMAL")?;
            conn.pragma_update(None, "foreign_keys", "ON")
        };
        setup().map_err(|e| not_index(unreadable(&e)))?;
        let mut index = Index {
            conn,
            path: path.to_path_buf(),
        };
        index.migrate()?;
        Ok(index)
    }

    /// Create the schema, or bring it up to [`SCHEMA_VERSION`] one step at a time, in one
    /// transaction that holds the write lock, so two processes opening a new index at once
    /// cannot both create it.
    fn migrate(&mut self) -> Result<()> {
        if identity(&self.conn, &self.path)? == Some(SCHEMA_VERSION) {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        // Another process may have done it while this one waited for the lock.
        let version = match identity(&tx, &self.path)? {
            Some(v) => v,
            None => {
                tx.execute_batch("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);")?;
                tx.execute(
                    "INSERT INTO meta (key, value) VALUES ('application', ?1), ('schema_version', '0')",
                    params![APPLICATION],
                )?;
                0
            }
        };
        // Step n takes the schema from version n to n + 1.
        const STEPS: [&str; 3] = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3];
        for step in STEPS.iter().skip(version as usize) {
            tx.execute_batch(step)?;
        }
        tx.execute(
            "UPDATE meta SET value = ?1 WHERE key = 'schema_version'",
            params![SCHEMA_VERSION.to_string()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// The files SQLite keeps for this index (the database, its WAL and shared memory), with
    /// canonical paths.
    pub fn own_files(&self) -> HashSet<PathBuf> {
        let db = std::fs::canonicalize(&self.path).unwrap_or_else(|_| self.path.clone());
        ["", "-wal", "-shm", "-journal"]
            .iter()
            .map(|suffix| {
                let mut name = db.clone().into_os_string();
                name.push(suffix);
                PathBuf::from(name)
            })
            .collect()
    }

    /// The SHA-256 of every indexed document, to skip known content before extracting it.
    /// A document not checked for anomalies (indexed by an older eurodoc) is not known: it
    /// is extracted again.
    pub fn known_content(&self) -> Result<HashSet<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT sha256 FROM documents WHERE anomalies IS NOT NULL")?;
        let rows = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Record that the file at `path` holds content with this SHA-256 that is already
    /// indexed: nothing to write, unless `path` held other content before, whose rows go.
    pub fn add_known(&mut self, path: &str, sha256: &str) -> Result<Option<Added>> {
        let tx = self.conn.transaction()?;
        let outcome = skip_known(&tx, path, sha256)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// Index one extraction in one transaction. Content already indexed (by SHA-256) is not
    /// written again; a document at the same path with other content is replaced. The
    /// document's references to itself (a cover note naming the communication it carries)
    /// are not citations and are left out.
    pub fn add(&mut self, e: &Extraction) -> Result<Added> {
        // An extraction of bytes that came from no file is named by its content.
        let path = e
            .source
            .path
            .clone()
            .unwrap_or_else(|| format!("sha256:{}", e.source.sha256));
        let tx = self.conn.transaction()?;
        if let Some(outcome) = skip_known(&tx, &path, &e.source.sha256)? {
            tx.commit()?;
            return Ok(outcome);
        }
        let replaced = remove_document(&tx, &path)?;
        let md = &e.metadata;
        // A document's own reference: its COM number, or an act's own id.
        let own_ref = md.commission_reference.as_ref().or(md.act.as_ref());
        let own_key = own_ref.and_then(|r| reference_key(r));
        let council_key = md.council_number.as_deref().map(id_key);
        let anomalies: usize = e.quality.iter().map(|a| a.count).sum();
        tx.execute(
            "INSERT INTO documents (path, sha256, format, pages, reference, reference_key, council_number, title, date, anomalies)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                path,
                e.source.sha256,
                json_name(&e.source.format),
                e.source.pages,
                own_ref,
                own_key,
                council_key,
                md.title,
                md.commission_date
                    .as_ref()
                    .or(md.adoption_date.as_ref())
                    .or(md.council_date.as_ref()),
                anomalies as i64,
            ],
        )?;
        let doc = tx.last_insert_rowid();
        {
            let mut kind_row = tx.prepare_cached(
                "INSERT INTO anomalies (document, kind, count) VALUES (?1, ?2, ?3)",
            )?;
            let mut place_row = tx.prepare_cached(
                "INSERT INTO anomaly_places (document, kind, seq, page, section, block, footnote, excerpt)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?;
            for a in &e.quality {
                kind_row.execute(params![doc, a.kind.name(), a.count as i64])?;
                for (seq, p) in a.places.iter().enumerate() {
                    place_row.execute(params![
                        doc,
                        a.kind.name(),
                        seq as i64,
                        p.page,
                        p.section,
                        p.block.map(|b| b as i64),
                        p.footnote,
                        p.excerpt
                    ])?;
                }
            }
        }
        {
            let mut upsert_ref = tx.prepare_cached(
                "INSERT INTO refs (key, id, kind, celex, eurlex, eli, procedure) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT(key) DO NOTHING",
            )?;
            let mut cite = tx.prepare_cached(
                "INSERT INTO citations (document, ref, mentions) VALUES (?1, ?2, ?3)",
            )?;
            let mut mention = tx.prepare_cached(
                "INSERT INTO mentions (document, ref, seq, page, section, footnote, text, sentence, recital, paragraph)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            let mut title = tx.prepare_cached(
                "INSERT OR IGNORE INTO titles (ref, document, title) VALUES (?1, ?2, ?3)",
            )?;
            for r in &e.references {
                let key = id_key(&r.id);
                if Some(&key) == own_key.as_ref() || Some(&key) == council_key.as_ref() {
                    continue;
                }
                upsert_ref.execute(params![
                    key,
                    r.id,
                    json_name(&r.kind),
                    r.links.celex,
                    r.links.eurlex,
                    r.links.eli,
                    r.links.procedure
                ])?;
                cite.execute(params![doc, key, r.mentions.len() as i64])?;
                for (seq, m) in r.mentions.iter().enumerate() {
                    mention.execute(params![
                        doc,
                        key,
                        seq as i64,
                        m.location.page,
                        m.location.section,
                        m.location.footnote,
                        m.text,
                        m.sentence,
                        m.location.recital,
                        m.location.paragraph
                    ])?;
                }
                for t in &r.titles {
                    title.execute(params![key, doc, t])?;
                }
            }
        }
        tx.commit()?;
        Ok(if replaced {
            Added::Replaced
        } else {
            Added::New
        })
    }

    /// The reference a user's query names: any written form of a reference (normalised as
    /// the references stage does), a CELEX number, or an id as stored. Gives the key and, when
    /// the query parsed as a reference, its canonical form.
    fn resolve(&self, query: &str) -> Result<(String, Option<Citation>)> {
        if let Some(c) = citation::normalise(query) {
            return Ok((id_key(&c.id), Some(c)));
        }
        let q = query.trim();
        let by_celex: Option<String> = self
            .conn
            .query_row(
                "SELECT key FROM refs WHERE celex = ?1",
                params![q.to_ascii_uppercase()],
                |r| r.get(0),
            )
            .optional()?;
        Ok((by_celex.unwrap_or_else(|| id_key(q)), None))
    }

    /// Every document citing the reference `query` names, with each mention; `None` when
    /// the index knows nothing of it (no document cites it or is it).
    pub fn query(&self, query: &str) -> Result<Option<QueryResult>> {
        let (key, parsed) = self.resolve(query)?;
        let row = self
            .conn
            .query_row(
                "SELECT id, kind, celex, eurlex, eli, procedure FROM refs WHERE key = ?1",
                params![key],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        Links {
                            celex: r.get(2)?,
                            eurlex: r.get(3)?,
                            eli: r.get(4)?,
                            procedure: r.get(5)?,
                        },
                    ))
                },
            )
            .optional()?;
        let in_corpus: Vec<String> = self
            .conn
            .prepare_cached(
                "SELECT path FROM documents WHERE reference_key = ?1 OR council_number = ?1 ORDER BY path",
            )?
            .query_map(params![key], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let (id, kind, links) = match (row, parsed) {
            (Some(row), _) => row,
            // Not cited, but a document of the corpus is this reference.
            (None, Some(c)) if !in_corpus.is_empty() => {
                let links = citation::links(c.kind, &c.id, &c.details);
                (c.id, json_name(&c.kind), links)
            }
            (None, _) => return Ok(None),
        };
        let mut titles: Vec<String> = self
            .conn
            .prepare_cached("SELECT DISTINCT title FROM titles WHERE ref = ?1 ORDER BY title")?
            .query_map(params![key], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        titles.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        let mut documents: Vec<CitingDocument> = Vec::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.id, d.path, d.reference, d.title, d.date, m.page, m.section, m.footnote, m.text, m.sentence, m.recital, m.paragraph, d.anomalies
             FROM mentions m JOIN documents d ON d.id = m.document
             WHERE m.ref = ?1 ORDER BY d.path, m.seq",
        )?;
        let mut rows = stmt.query(params![key])?;
        let mut last_doc = None;
        // The anomaly places of the document being read.
        let mut places: Vec<AnomalyAt> = Vec::new();
        while let Some(r) = rows.next()? {
            let doc: i64 = r.get(0)?;
            if last_doc != Some(doc) {
                let anomalies: Option<u32> = r.get(12)?;
                places = if anomalies.unwrap_or(0) > 0 {
                    self.anomaly_places(doc)?
                } else {
                    Vec::new()
                };
                documents.push(CitingDocument {
                    path: r.get(1)?,
                    reference: r.get(2)?,
                    title: r.get(3)?,
                    date: r.get(4)?,
                    anomalies,
                    mentions: Vec::new(),
                });
                last_doc = Some(doc);
            }
            if let Some(d) = documents.last_mut() {
                let (page, section): (Option<u32>, Option<String>) = (r.get(5)?, r.get(6)?);
                d.mentions.push(MentionRow {
                    anomalies_near: near(&places, page, section.as_deref()),
                    page,
                    section,
                    recital: r.get(10)?,
                    paragraph: r.get(11)?,
                    footnote: r.get(7)?,
                    text: r.get(8)?,
                    sentence: r.get(9)?,
                });
            }
        }
        Ok(Some(QueryResult {
            id,
            kind,
            links,
            titles,
            in_corpus,
            documents,
        }))
    }

    /// Where a document's extraction shows anomalies.
    fn anomaly_places(&self, doc: i64) -> Result<Vec<AnomalyAt>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind, page, section FROM anomaly_places WHERE document = ?1 ORDER BY kind, seq",
        )?;
        let rows = stmt
            .query_map(params![doc], |r| {
                Ok(AnomalyAt {
                    kind: r.get(0)?,
                    page: r.get(1)?,
                    section: r.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// What the document `doc` cites: `doc` is its own reference (`COM(2013) 179`) or its path.
    pub fn cites(&self, doc: &str) -> Result<Option<CitesResult>> {
        let by_ref = reference_key(doc);
        let found = self
            .conn
            .query_row(
                "SELECT id, path, reference, title FROM documents
                 WHERE reference_key = ?1 OR path = ?2 OR path LIKE '%/' || ?2
                 ORDER BY (path = ?2) DESC, path LIMIT 1",
                params![by_ref.unwrap_or_default(), doc],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                    ))
                },
            )
            .optional()?;
        let Some((id, path, reference, title)) = found else {
            return Ok(None);
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.key, r.id, r.kind, c.mentions,
                    EXISTS (SELECT 1 FROM documents d WHERE d.reference_key = r.key OR d.council_number = r.key)
             FROM citations c JOIN refs r ON r.key = c.ref
             WHERE c.document = ?1 ORDER BY r.kind, r.id",
        )?;
        let rows: Vec<(String, Cited)> = stmt
            .query_map(params![id], |r| {
                Ok((
                    r.get(0)?,
                    Cited {
                        id: r.get(1)?,
                        kind: r.get(2)?,
                        mentions: r.get(3)?,
                        titles: Vec::new(),
                        in_corpus: r.get(4)?,
                        places: Vec::new(),
                    },
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut titles = self.conn.prepare_cached(
            "SELECT title FROM titles WHERE document = ?1 AND ref = ?2 ORDER BY title",
        )?;
        let mut places = self.conn.prepare_cached(
            "SELECT section, recital, paragraph, footnote FROM mentions
             WHERE document = ?1 AND ref = ?2 ORDER BY seq",
        )?;
        let mut references = Vec::with_capacity(rows.len());
        for (key, mut c) in rows {
            c.titles = titles
                .query_map(params![id, key], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let found: Vec<Option<String>> = places
                .query_map(params![id, key], |r| {
                    Ok(place(
                        r.get::<_, Option<String>>(0)?.as_deref(),
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                    ))
                })?
                .collect::<rusqlite::Result<_>>()?;
            for p in found.into_iter().flatten() {
                if !c.places.contains(&p) {
                    c.places.push(p);
                }
            }
            references.push(c);
        }
        Ok(Some(CitesResult {
            path,
            reference,
            title,
            references,
        }))
    }

    /// The most cited references (by citing documents, then id, as the Spark job orders them:
    /// documents are counted alike everywhere, mentions are not), of one kind if given.
    pub fn top(&self, kind: Option<&str>, n: usize) -> Result<Vec<TopRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.id, r.kind, COUNT(*) AS docs, SUM(c.mentions) AS mentions
             FROM citations c JOIN refs r ON r.key = c.ref
             WHERE ?1 IS NULL OR r.kind = ?1
             GROUP BY c.ref ORDER BY docs DESC, r.id LIMIT ?2",
        )?;
        let rows = stmt
            .query_map(params![kind, n as i64], |r| {
                Ok(TopRow {
                    id: r.get(0)?,
                    kind: r.get(1)?,
                    documents: r.get(2)?,
                    mentions: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Every citation edge, for graph tools, through `each`.
    pub fn edges(&self, mut each: impl FnMut(Edge) -> std::io::Result<()>) -> Result<()> {
        let mut stmt = self.conn.prepare(
            "SELECT d.path, d.reference, r.id, r.kind, c.mentions,
                    EXISTS (SELECT 1 FROM documents x WHERE x.reference_key = r.key OR x.council_number = r.key)
             FROM citations c JOIN documents d ON d.id = c.document JOIN refs r ON r.key = c.ref
             ORDER BY d.path, r.id",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let e = Edge {
                citing_path: r.get(0)?,
                citing_reference: r.get(1)?,
                cited: r.get(2)?,
                kind: r.get(3)?,
                mentions: r.get(4)?,
                cited_in_corpus: r.get(5)?,
            };
            each(e)?;
        }
        Ok(())
    }

    /// Documents, references, mentions, and per kind.
    pub fn stats(&self) -> Result<Stats> {
        let one = |sql: &str| -> Result<u64> {
            Ok(self.conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64)
        };
        let mut stmt = self.conn.prepare(
            "SELECT r.kind, COUNT(DISTINCT c.ref), SUM(c.mentions)
             FROM citations c JOIN refs r ON r.key = c.ref GROUP BY r.kind ORDER BY r.kind",
        )?;
        let by_kind = stmt
            .query_map([], |r| {
                Ok(KindCount {
                    kind: r.get(0)?,
                    references: r.get::<_, i64>(1)? as u64,
                    mentions: r.get::<_, i64>(2)? as u64,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut most = self.conn.prepare(
            "SELECT id, path, reference, anomalies FROM documents WHERE anomalies > 0
             ORDER BY anomalies DESC, path LIMIT ?1",
        )?;
        let mut kinds = self.conn.prepare_cached(
            "SELECT kind, count FROM anomalies WHERE document = ?1 ORDER BY count DESC, kind",
        )?;
        let mut most_anomalies = Vec::new();
        let rows: Vec<(i64, String, Option<String>, u32)> = most
            .query_map(params![MOST_ANOMALIES as i64], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (id, path, reference, anomalies) in rows {
            let mut by_kind: Vec<(String, u32)> = kinds
                .query_map(params![id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            // Most first, then in the order of the kinds.
            by_kind.sort_by_key(|(k, n)| {
                (
                    std::cmp::Reverse(*n),
                    AnomalyKind::from_name(k).map_or(usize::MAX, |k| k as usize),
                )
            });
            most_anomalies.push(DocumentAnomalies {
                path,
                reference,
                anomalies,
                kinds: by_kind,
            });
        }
        Ok(Stats {
            documents: one("SELECT COUNT(*) FROM documents")?,
            references: one("SELECT COUNT(DISTINCT ref) FROM citations")?,
            mentions: one("SELECT COALESCE(SUM(mentions), 0) FROM citations")?,
            by_kind,
            with_anomalies: one("SELECT COUNT(*) FROM documents WHERE anomalies > 0")?,
            unchecked: one("SELECT COUNT(*) FROM documents WHERE anomalies IS NULL")?,
            most_anomalies,
        })
    }

    /// Check the file's integrity and its references between tables: the problems found,
    /// none when the index is sound. Reads the whole file.
    pub fn verify(&self) -> Result<Vec<String>> {
        let mut problems: Vec<String> = self
            .conn
            .prepare("PRAGMA integrity_check")?
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter(|p| p != "ok")
            .collect();
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        let dangling = stmt.query_map([], |r| {
            Ok(format!(
                "a row of {} points to a missing row of {}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(2)?
            ))
        })?;
        for d in dangling {
            problems.push(d?);
        }
        Ok(problems)
    }

    /// The paths of the indexed documents.
    pub fn paths(&self) -> Result<Vec<String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT path FROM documents ORDER BY path")?;
        let rows = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

/// Whether the database at `path` is an eurodoc index: its schema version, or `None` when
/// it is empty (a new index). Only reads.
fn identity(conn: &Connection, path: &Path) -> Result<Option<i64>> {
    let not_index = |reason: String| IndexError::NotAnIndex {
        path: path.to_path_buf(),
        reason,
    };
    let (tables, has_meta): (i64, bool) = conn
        .query_row(
            "SELECT COUNT(*), COALESCE(SUM(name = 'meta'), 0) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(|e| not_index(unreadable(&e)))?;
    if !has_meta {
        return if tables == 0 {
            Ok(None)
        } else {
            Err(not_index(
                "an SQLite database of another application".into(),
            ))
        };
    }
    let value = |key: &str| -> Result<Option<String>> {
        Ok(conn
            .query_row("SELECT value FROM meta WHERE key = ?1", params![key], |r| {
                r.get(0)
            })
            .optional()?)
    };
    if value("application")?.as_deref() != Some(APPLICATION) {
        return Err(not_index(
            "its meta table belongs to another application".into(),
        ));
    }
    let version = value("schema_version")?
        .and_then(|v| v.parse::<i64>().ok())
        .ok_or_else(|| not_index("its schema version is missing".into()))?;
    if version > SCHEMA_VERSION {
        return Err(IndexError::TooNew {
            path: path.to_path_buf(),
            found: version,
        });
    }
    Ok(Some(version))
}

/// Why SQLite could not read a file, in words.
fn unreadable(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => format!("not an SQLite database ({e})"),
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            format!(
                "a damaged SQLite database ({e}); delete it and rebuild it with `eurodoc index add`"
            )
        }
        _ => format!("cannot be read ({e})"),
    }
}

/// Remove the document at `path`, if any, with its rows, and the references no other
/// document cites. Whether there was one.
fn remove_document(tx: &rusqlite::Transaction, path: &str) -> Result<bool> {
    let gone = tx.execute("DELETE FROM documents WHERE path = ?1", params![path])? > 0;
    if gone {
        tx.execute(
            "DELETE FROM refs WHERE NOT EXISTS (SELECT 1 FROM citations c WHERE c.ref = refs.key)",
            [],
        )?;
    }
    Ok(gone)
}

/// Where an anomaly stands, as `query` compares it with a mention.
struct AnomalyAt {
    kind: String,
    page: Option<u32>,
    section: Option<String>,
}

/// The kinds among `places` that stand on `page` or in `section`, each once, in the order of
/// the kinds.
fn near(places: &[AnomalyAt], page: Option<u32>, section: Option<&str>) -> Vec<String> {
    let mut kinds: Vec<String> = Vec::new();
    for a in places {
        let same_page = page.is_some() && a.page == page;
        let same_section = section.is_some() && a.section.as_deref() == section;
        if (same_page || same_section) && !kinds.contains(&a.kind) {
            kinds.push(a.kind.clone());
        }
    }
    kinds.sort_by_key(|k| AnomalyKind::from_name(k).map_or(usize::MAX, |k| k as usize));
    kinds
}

/// What to do with content already indexed, if it is: `None` when it is new, or when the
/// copy indexed was not checked for anomalies (an older eurodoc wrote it).
fn skip_known(tx: &rusqlite::Transaction, path: &str, sha256: &str) -> Result<Option<Added>> {
    let at: Option<String> = tx
        .query_row(
            "SELECT path FROM documents WHERE sha256 = ?1 AND anomalies IS NOT NULL
             ORDER BY path = ?2 DESC LIMIT 1",
            params![sha256, path],
            |r| r.get(0),
        )
        .optional()?;
    Ok(match at {
        None => None,
        Some(at) if at == path => Some(Added::Unchanged),
        Some(at) => {
            // The file now holds another document's content: what it held before is gone.
            remove_document(tx, path)?;
            Some(Added::Duplicate { of: at })
        }
    })
}

/// A unit enum's name as the JSON output spells it (`COM`, `pdf`).
pub(crate) fn json_name(value: &impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extractions_without_a_path_are_kept_apart_by_content() {
        let dir = tempfile::tempdir().unwrap();
        let mut index = Index::open(&dir.path().join("ix.sqlite")).unwrap();
        let a =
            crate::extract_bytes(b"The Commission adopted COM(2012) 85 final.\n", None).unwrap();
        let b = crate::extract_bytes(b"See COM(2012) 85 and COM(2013) 48.\n", None).unwrap();
        assert_eq!(index.add(&a).unwrap(), Added::New);
        assert_eq!(index.add(&b).unwrap(), Added::New);
        assert_eq!(index.add(&a).unwrap(), Added::Unchanged);
        let q = index.query("COM (2012) 85").unwrap().unwrap();
        assert_eq!(q.documents.len(), 2);
        assert!(q.documents.iter().all(|d| d.path.starts_with("sha256:")));
    }

    #[test]
    fn kinds_are_the_output_names_all_of_them() {
        let schema: serde_json::Value =
            serde_json::from_str(&crate::output::schema_json()).unwrap();
        let mut names: Vec<String> = Vec::new();
        for alt in schema["$defs"]["ReferenceKind"]["oneOf"]
            .as_array()
            .unwrap()
        {
            if let Some(c) = alt["const"].as_str() {
                names.push(c.to_string());
            }
            for e in alt["enum"].as_array().into_iter().flatten() {
                names.push(e.as_str().unwrap().to_string());
            }
        }
        names.sort();
        let mut kinds: Vec<String> = KINDS.iter().map(|k| k.to_string()).collect();
        kinds.sort();
        assert_eq!(kinds, names);
    }
}
