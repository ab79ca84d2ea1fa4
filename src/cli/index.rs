//! `eurodoc index ...`: build and ask the citation index.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Subcommand, ValueEnum};

use eurodoc::index::{self, AddOptions, Added, Index, Status};

use super::{expand_stdin, note, print_stdout, progress_bar};

/// The arguments of `eurodoc index` (its help text is on `Command::Index`).
#[derive(Debug, clap::Args)]
pub struct IndexArgs {
    /// The index file.
    #[arg(
        long,
        global = true,
        default_value = "eurodoc-index.sqlite",
        value_name = "FILE"
    )]
    db: PathBuf,
    #[command(subcommand)]
    command: IndexCommand,
}

#[derive(Debug, Subcommand)]
enum IndexCommand {
    /// Extract documents (in parallel, like `batch`) and add them to the index.
    ///
    /// Incremental: a file whose content (SHA-256) is already indexed is not extracted again;
    /// a file whose content changed has its rows replaced. Each document is written in its
    /// own transaction, so an interrupted run leaves a consistent index and the next run
    /// completes it. Exit status 1 when any document could not be indexed.
    Add {
        /// Files or folders (walked for .pdf, .html, .xml, .md, .txt); `-` reads paths from stdin.
        #[arg(required_unless_present = "from", value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Index the extractions of a `batch` output (JSON Lines; `-` for stdin) instead of
        /// extracting files.
        #[arg(long, value_name = "RESULTS", conflicts_with = "paths")]
        from: Option<PathBuf>,
        /// Documents extracted in parallel (default: one per core).
        #[arg(short, long, default_value_t = 0, value_name = "N")]
        jobs: usize,
        /// Stop after indexing N new or changed documents; run again to continue.
        #[arg(long, value_name = "N")]
        limit: Option<usize>,
        /// No progress bar, no summary, no per-file error messages.
        #[arg(short, long)]
        quiet: bool,
    },
    /// Every indexed document that cites a reference, with each mention's page, section and
    /// sentence.
    ///
    /// A mention on a page or in a section where the citing document's extraction shows
    /// anomalies (`quality`) is marked `!`, with their kinds: there, what it says may be
    /// misread.
    ///
    /// REF is written any way a document would (`COM (2012) 85 final`, `directive
    /// 2011/36/eu`, `OJ L 101, 15.4.2011, p. 1`) or as a CELEX number (`32011L0036`).
    /// Exit status 1 when the index knows nothing of it.
    Query {
        #[arg(value_name = "REF")]
        reference: String,
        /// Print one JSON object: id, kind, links, titles, in_corpus, documents.
        #[arg(long)]
        json: bool,
    },
    /// What one indexed document cites, and where.
    ///
    /// For each reference: how often, its kind and title, and the places that cite it (`in
    /// recital (9); Article 2(3); 2.1, footnote 4`). DOC is the document's own reference
    /// (`COM(2013) 179`), its Council number, or its path (or the end of its path). Exit
    /// status 1 when no indexed document matches.
    Cites {
        #[arg(value_name = "DOC")]
        document: String,
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
    /// The most cited references, by number of citing documents.
    Top {
        /// Only references of this kind.
        #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(index::KINDS))]
        kind: Option<String>,
        /// How many.
        #[arg(short, default_value_t = 20, value_name = "N")]
        n: usize,
        /// Print a JSON array.
        #[arg(long)]
        json: bool,
    },
    /// The citation edges (citing document -> cited reference, with mention counts), for
    /// graph tools.
    ///
    /// `cited_in_corpus` marks a cited reference that is itself an indexed
    /// document.
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
        /// Write to this file instead of stdout.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Check the index file's integrity (after a crash, a full disk or a copy).
    ///
    /// Exit status 1 when it finds a problem.
    Verify,
    /// Counts: documents, references, mentions, by kind; the documents whose extraction
    /// shows the most anomalies (`quality`), with their kinds.
    Stats {
        /// Print one JSON object.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// Comma-separated values with a header line.
    Csv,
    /// One JSON object per edge.
    Jsonl,
}

pub fn run(args: IndexArgs) -> Result<ExitCode> {
    let db = args.db;
    match args.command {
        IndexCommand::Add {
            paths,
            from,
            jobs,
            limit,
            quiet,
        } => add(&db, paths, from, AddOptions { jobs, limit }, quiet),
        IndexCommand::Query { reference, json } => query(&open(&db)?, &reference, json),
        IndexCommand::Cites { document, json } => cites(&open(&db)?, &document, json),
        IndexCommand::Top { kind, n, json } => {
            let rows = open(&db)?.top(kind.as_deref(), n)?;
            if json {
                print_stdout(&format!("{}\n", serde_json::to_string_pretty(&rows)?))?;
            } else {
                let mut out = String::from("documents  mentions  kind                id\n");
                for r in rows {
                    out += &format!(
                        "{:>9}  {:>8}  {:<18}  {}\n",
                        r.documents, r.mentions, r.kind, r.id
                    );
                }
                print_stdout(&out)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        IndexCommand::Export { format, output } => export(&open(&db)?, format, output),
        IndexCommand::Verify => {
            let problems = open(&db)?.verify()?;
            if problems.is_empty() {
                print_stdout(&format!("{}: ok\n", db.display()))?;
                return Ok(ExitCode::SUCCESS);
            }
            for p in problems {
                eprintln!("{}: {p}", db.display());
            }
            Ok(ExitCode::from(1))
        }
        IndexCommand::Stats { json } => {
            let s = open(&db)?.stats()?;
            if json {
                print_stdout(&format!("{}\n", serde_json::to_string_pretty(&s)?))?;
            } else {
                let mut out = format!(
                    "documents   {}\nreferences  {}\nmentions    {}\n\nkind                references  mentions\n",
                    s.documents, s.references, s.mentions
                );
                for k in &s.by_kind {
                    out += &format!("{:<18}  {:>10}  {:>8}\n", k.kind, k.references, k.mentions);
                }
                out += &format!(
                    "\ndocuments with anomalies  {} of {}\n",
                    s.with_anomalies, s.documents
                );
                if s.unchecked > 0 {
                    out += &format!(
                        "not checked               {} (indexed by an older eurodoc; `index add` their files again)\n",
                        s.unchecked
                    );
                }
                if !s.most_anomalies.is_empty() {
                    out += "\nanomalies  document\n";
                }
                for d in &s.most_anomalies {
                    let kinds: Vec<String> =
                        d.kinds.iter().map(|(k, n)| format!("{n} {k}")).collect();
                    out += &format!(
                        "{:>9}  {}{}\n{:>11}{}\n",
                        d.anomalies,
                        d.path,
                        d.reference
                            .as_ref()
                            .map(|r| format!("  ({r})"))
                            .unwrap_or_default(),
                        "",
                        kinds.join(", ")
                    );
                }
                print_stdout(&out)?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn open(db: &std::path::Path) -> Result<Index> {
    Ok(Index::open_existing(db)?)
}

fn add(
    db: &std::path::Path,
    paths: Vec<PathBuf>,
    from: Option<PathBuf>,
    options: AddOptions,
    quiet: bool,
) -> Result<ExitCode> {
    // Inputs are gathered before the index is opened: the walk opens and closes files, and
    // closing one of the index's own would drop SQLite's locks on it.
    let inputs = match from {
        Some(_) => Vec::new(),
        None => {
            let inputs = eurodoc::batch::collect_inputs(&expand_stdin(paths)?);
            if inputs.is_empty() {
                anyhow::bail!(
                    "no documents found (looked for .pdf, .html, .htm, .xml, .md and .txt files)"
                );
            }
            inputs
        }
    };
    let mut index = Index::open(db)?;
    let summary = match from {
        Some(results) => {
            // The number of records is not known in advance: a counter, not a bar.
            let bar = progress_bar(0, quiet);
            if !bar.is_hidden() {
                bar.set_style(
                    indicatif::ProgressStyle::with_template(
                        "{spinner} {elapsed_precise} {pos} records, {per_sec}",
                    )
                    .expect("a valid template"),
                );
            }
            let mut done = |path: &str, status: &Status| {
                bar.inc(1);
                report(&bar, quiet, path, status);
            };
            let name = results.display().to_string();
            let s = if results.as_os_str() == "-" {
                let stdin = std::io::stdin().lock();
                index::add_results(&mut index, stdin, &name, &options, &mut done)?
            } else {
                let file =
                    std::fs::File::open(&results).with_context(|| format!("cannot read {name}"))?;
                let reader = std::io::BufReader::new(file);
                index::add_results(&mut index, reader, &name, &options, &mut done)?
            };
            bar.finish_and_clear();
            s
        }
        None => {
            let bar = progress_bar(inputs.len(), quiet);
            let mut written = 0usize;
            let mut done = |path: &str, status: &Status| {
                if matches!(status, Status::Added(Added::New | Added::Replaced)) {
                    written += 1;
                }
                bar.set_message(format!("{written} indexed"));
                bar.inc(1);
                report(&bar, quiet, path, status);
            };
            let s = index::add_paths(&mut index, &inputs, &options, &mut done)?;
            bar.finish_and_clear();
            s
        }
    };
    if !quiet {
        let total = index.stats()?.documents;
        let secs = summary.elapsed.as_secs_f64();
        let seen = summary.written() + summary.unchanged + summary.duplicates + summary.failed;
        eprintln!(
            "{} new, {} replaced, {} unchanged, {} duplicates, {} failed{}; the index has {} documents; {:.1} s, {:.1} documents/s",
            summary.new,
            summary.replaced,
            summary.unchanged,
            summary.duplicates,
            summary.failed,
            if summary.stopped_at_limit {
                " (stopped at --limit; run again to continue)"
            } else {
                ""
            },
            total,
            secs,
            seen as f64 / secs.max(1e-9),
        );
    }
    Ok(if summary.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Say what happened to one input, when it is worth saying.
fn report(bar: &indicatif::ProgressBar, quiet: bool, path: &str, status: &Status) {
    if quiet {
        return;
    }
    match status {
        Status::Failed { message, .. } => note(bar, format!("{path}: {message}")),
        Status::Added(Added::Duplicate { of }) => note(
            bar,
            format!("{path}: same content as {of}, not indexed again"),
        ),
        Status::Added(_) => {}
    }
}

fn query(index: &Index, reference: &str, json: bool) -> Result<ExitCode> {
    let Some(q) = index.query(reference)? else {
        let read_as = eurodoc::citation::normalise(reference)
            .filter(|c| c.id != reference.trim())
            .map(|c| format!(" (read as {})", c.id))
            .unwrap_or_default();
        eprintln!("eurodoc: no indexed document cites {reference}{read_as}");
        return Ok(ExitCode::from(1));
    };
    if json {
        print_stdout(&format!("{}\n", serde_json::to_string_pretty(&q)?))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = format!("{} ({})\n", q.id, q.kind);
    for link in [&q.links.eurlex, &q.links.eli, &q.links.procedure]
        .into_iter()
        .flatten()
    {
        out += &format!("  {link}\n");
    }
    if let Some(celex) = &q.links.celex {
        out += &format!("  CELEX {celex}\n");
    }
    for t in &q.titles {
        out += &format!("  title: {t}\n");
    }
    for p in &q.in_corpus {
        out += &format!("  indexed as: {p}\n");
    }
    let mentions: usize = q.documents.iter().map(|d| d.mentions.len()).sum();
    out += &format!(
        "cited by {}, {}\n",
        plural(q.documents.len(), "document"),
        plural(mentions, "mention")
    );
    for d in &q.documents {
        out += "\n";
        out += &heading(&[&d.reference, &d.date, &d.title]);
        out += &format!("  {}\n", d.path);
        let near = d
            .mentions
            .iter()
            .filter(|m| !m.anomalies_near.is_empty())
            .count();
        if near > 0 {
            out += &format!(
                "  ! its extraction shows anomalies near {near} of {}\n",
                plural(d.mentions.len(), "mention")
            );
        }
        for m in &d.mentions {
            let mut at = Vec::new();
            if let Some(p) = m.page {
                at.push(format!("p. {p}"));
            }
            at.extend(eurodoc::index::place(
                m.section.as_deref(),
                m.recital,
                m.paragraph,
                m.footnote,
            ));
            let at = if at.is_empty() {
                String::new()
            } else {
                format!("[{}] ", at.join(", "))
            };
            out += &format!("    {at}{}\n", m.sentence);
            if !m.anomalies_near.is_empty() {
                out += &format!("      ! near: {}\n", m.anomalies_near.join(", "));
            }
        }
    }
    print_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn cites(index: &Index, document: &str, json: bool) -> Result<ExitCode> {
    let Some(c) = index.cites(document)? else {
        eprintln!("eurodoc: no indexed document is {document}");
        return Ok(ExitCode::from(1));
    };
    if json {
        print_stdout(&format!("{}\n", serde_json::to_string_pretty(&c)?))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    out += &heading(&[&c.reference, &c.title]);
    out += &format!(
        "  {}\ncites {}\n\n",
        c.path,
        plural(c.references.len(), "reference")
    );
    out += "mentions  kind                id\n";
    for r in &c.references {
        out += &format!(
            "{:>8}  {:<18}  {}{}{}\n",
            r.mentions,
            r.kind,
            r.id,
            if r.in_corpus { "  [in corpus]" } else { "" },
            r.titles
                .first()
                .map(|t| format!("  ({t})"))
                .unwrap_or_default()
        );
        if !r.places.is_empty() {
            out += &format!("{:>30}in {}\n", "", r.places.join("; "));
        }
    }
    print_stdout(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn export(index: &Index, format: ExportFormat, output: Option<PathBuf>) -> Result<ExitCode> {
    let sink: Box<dyn Write> = match &output {
        Some(out) => Box::new(
            std::fs::File::create(out)
                .with_context(|| format!("cannot create {}", out.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let sink = std::io::BufWriter::new(sink);
    let result = match format {
        ExportFormat::Csv => {
            let mut w = csv::Writer::from_writer(sink);
            index
                .edges(|e| {
                    w.serialize(&e).map_err(|e| match e.into_kind() {
                        csv::ErrorKind::Io(io) => io,
                        other => std::io::Error::other(format!("{other:?}")),
                    })
                })
                .map_err(anyhow::Error::from)
                .and_then(|()| Ok(w.flush()?))
        }
        ExportFormat::Jsonl => {
            let mut w = sink;
            index
                .edges(|e| {
                    serde_json::to_writer(&mut w, &e)?;
                    w.write_all(b"\n")
                })
                .map_err(anyhow::Error::from)
                .and_then(|()| Ok(w.flush()?))
        }
    };
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        // `eurodoc index export | head` is not an error.
        Err(e) if output.is_none() && is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e.context(match &output {
            Some(out) => format!("cannot write {}", out.display()),
            None => "cannot write to stdout".to_string(),
        })),
    }
}

pub(super) fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    // A write to a closed pipe surfaces as whichever writer's error wrapped the io::Error.
    let io = match e.downcast_ref::<index::IndexError>() {
        Some(index::IndexError::Io(io)) => Some(io),
        _ => e.downcast_ref::<std::io::Error>(),
    };
    let csv = e
        .downcast_ref::<csv::Error>()
        .is_some_and(|c| matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == BrokenPipe));
    let json = e
        .downcast_ref::<serde_json::Error>()
        .and_then(serde_json::Error::io_error_kind)
        == Some(BrokenPipe);
    io.is_some_and(|io| io.kind() == BrokenPipe) || csv || json
}

/// The fields a document has, on one line: `COM(2013) 179 final | 2013-04-10 | Title`.
fn heading(fields: &[&Option<String>]) -> String {
    let known: Vec<&str> = fields.iter().filter_map(|f| f.as_deref()).collect();
    if known.is_empty() {
        String::new()
    } else {
        format!("{}\n", known.join(" | "))
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}
