//! Command-line glue: argument definitions and what each command does with the library.
//! Exit status: 0 success, 1 a document could not be processed (or a check failed),
//! 2 usage errors (clap reports those itself).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use eurodoc::check::{self, Outcome};

mod index;

/// Read EU institutional documents (Council cover notes, Commission communications, acts) as
/// PDF, EUR-Lex HTML, Formex or Akoma Ntoso XML, Markdown or text, and write structured, schema-checked JSON: metadata, sections, footnotes,
/// references, figures and commitments.
#[derive(Debug, Parser)]
#[command(name = "eurodoc", version, about, long_about = None)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract one document and print its JSON.
    ///
    /// The format is sniffed from the content (`%PDF-`; an `<html>` root or HTML doctype; a
    /// Formex root such as `<ACT>` or `<COMBINED.FMX>`; `<akomaNtoso>`), then from the
    /// extension (.html, .md, .txt).
    /// Exit status 1 when the document cannot be processed, with the reason on stderr.
    Extract {
        /// The document: a PDF, EUR-Lex HTML, Formex or Akoma Ntoso XML, a Markdown
        /// conversion or a plain-text file.
        file: PathBuf,
        /// Write the JSON to this file instead of stdout.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// One line of JSON instead of pretty-printed.
        #[arg(long)]
        compact: bool,
    },
    /// Extract many documents in parallel into JSON Lines: one line per input, in path order.
    ///
    /// Folders are walked recursively for .pdf, .html, .htm, .xml, .md and .txt files (and
    /// files whose content is a PDF). A document that cannot be processed gets an error record
    /// {"source": {"path": ...}, "error": {"kind": ..., "message": ...}} in its place.
    /// With -o, lines go to a temporary file renamed to OUT at the end. A progress bar shows
    /// on a terminal; a summary ends the run: counts, then the documents whose extraction
    /// shows anomalies (`quality`), by kind, with a few of each. Exit status 0 when every
    /// input was processed, 1 when any failed.
    Batch {
        /// Files or folders; `-` reads paths from stdin, one per line.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Write the JSON Lines to this file instead of stdout.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Documents processed in parallel (default: one per core).
        #[arg(short, long, default_value_t = 0, value_name = "N")]
        jobs: usize,
        /// No progress bar, no per-file error messages on stderr; the summary in one line, the
        /// documents with anomalies by kind.
        #[arg(short, long)]
        quiet: bool,
        /// Stop at the first document that cannot be processed.
        #[arg(long)]
        fail_fast: bool,
    },
    /// Build and query a citation index of a corpus (SQLite): which documents cite a
    /// reference, what a document cites, the most cited references.
    ///
    /// The index is one SQLite file (default eurodoc-index.sqlite in the current folder;
    /// --db to choose another). References are matched by canonical id, so `COM (2012) 85
    /// final`, `com(2012)85` and `COM/2012/85` are the same reference. The schema is
    /// described in docs/index-schema.md.
    Index(index::IndexArgs),
    /// Print the JSON Schema of the output.
    Schema,
    /// Print the document model an input gives (one line per block), to see how it was read:
    /// block index, page, kind (`h1 2.1` heading, `p` paragraph, `li0 1.` list item, `td
    /// row:col:para` table cell, `fn 3` footnote body, `toc` contents) and, in braces, where the
    /// structure stage placed it (part of a proposal, `§` section, `recital (5)`, `¶ 2` article
    /// paragraph). Footnote calls show as `^N`.
    Blocks {
        /// The document: a PDF, EUR-Lex HTML, Formex or Akoma Ntoso XML, a Markdown
        /// conversion or a plain-text file.
        file: PathBuf,
    },
    /// Flatten `batch` output into one row per reference mention: document path and SHA-256,
    /// reference id, kind, CELEX, the text as written, section, place (`Article 2(3)`,
    /// `recital (5)`), page, footnote and sentence. Error records have no rows. The rows are
    /// those the Python package's `mention_rows` and the Spark example write.
    Mentions {
        /// `batch` output (JSON Lines); `-` reads stdin.
        #[arg(value_name = "RESULTS")]
        results: PathBuf,
        /// CSV with a header line instead of JSON Lines.
        #[arg(long)]
        csv: bool,
    },
    /// Run the fixture regression: extract every fixtures/<name>/input.* and compare with
    /// its expected.json (ignoring source.path). Exit status 1 on any difference; a fixture
    /// whose anomalies (`quality`) grew has the new ones named before its diff.
    ///
    /// A fixture over a genuine document holds `input.shared`, naming the document inside the
    /// evaluation kit's shared folder (the repository does not redistribute it). Such a
    /// fixture is skipped, with a line saying so, when that folder is absent, unless
    /// --require-shared is given.
    Check {
        /// Folder holding one sub-folder per fixture.
        #[arg(default_value = "fixtures")]
        dir: PathBuf,
        /// Rewrite the expected files from the current output instead of comparing.
        #[arg(long)]
        bless: bool,
        /// The shared folder (default: $EURODOC_SHARED, else `shared/` beside the repository
        /// that holds DIR).
        #[arg(long, value_name = "DIR")]
        shared: Option<PathBuf>,
        /// Fail, rather than skip, a fixture whose shared document is missing.
        #[arg(long)]
        require_shared: bool,
    },
}

/// Run a parsed command line.
pub fn run(args: Args) -> Result<ExitCode> {
    match args.command {
        Command::Extract {
            file,
            output,
            compact,
        } => extract(file, output, compact),
        Command::Batch {
            paths,
            output,
            jobs,
            quiet,
            fail_fast,
        } => batch(paths, output, jobs, quiet, fail_fast),
        Command::Index(args) => index::run(args),
        Command::Schema => {
            print_stdout(&eurodoc::output::schema_json())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check {
            dir,
            bless,
            shared,
            require_shared,
        } => check(dir, bless, shared, require_shared),
        Command::Mentions { results, csv } => mentions(results, csv),
        Command::Blocks { file } => {
            let bytes =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let doc = eurodoc::ingest::ingest(&bytes, Some(&file.to_string_lossy()))
                .with_context(|| format!("{}", file.display()))?;
            let structure = eurodoc::structure::analyze(&doc);
            print_stdout(&doc.outline_with(|b| structure.describe_block(b)))?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn extract(file: PathBuf, output: Option<PathBuf>, compact: bool) -> Result<ExitCode> {
    let extraction = eurodoc::extract_file(&file).with_context(|| format!("{}", file.display()))?;
    let mut json = if compact {
        serde_json::to_string(&extraction)?
    } else {
        serde_json::to_string_pretty(&extraction)?
    };
    json.push('\n');
    match output {
        Some(out) => {
            std::fs::write(&out, json).with_context(|| format!("cannot write {}", out.display()))?
        }
        None => print_stdout(&json)?,
    }
    // The process ends here; freeing the extraction piece by piece would only delay that.
    std::mem::forget(extraction);
    Ok(ExitCode::SUCCESS)
}

fn mentions(results: PathBuf, csv: bool) -> Result<ExitCode> {
    use std::io::{BufRead, Write};
    let name = results.display().to_string();
    let input: Box<dyn BufRead> = if results.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(&results).with_context(|| format!("cannot read {name}"))?;
        Box::new(std::io::BufReader::new(file))
    };
    let out = std::io::BufWriter::new(std::io::stdout().lock());
    let each_row = |write: &mut dyn FnMut(&eurodoc::mentions::MentionRow) -> Result<()>| {
        for (n, line) in input.lines().enumerate() {
            let line = line.with_context(|| format!("cannot read {name}"))?;
            if line.trim().is_empty() {
                continue;
            }
            let rows = eurodoc::mentions::mention_rows_of_line(&line).with_context(|| {
                format!("{name}:{}: not a line of `eurodoc batch` output", n + 1)
            })?;
            for row in &rows {
                write(row)?;
            }
        }
        Ok(())
    };
    let result = if csv {
        let mut w = csv::Writer::from_writer(out);
        each_row(&mut |row| Ok(w.serialize(row)?)).and_then(|()| Ok(w.flush()?))
    } else {
        let mut out = out;
        each_row(&mut |row| {
            serde_json::to_writer(&mut out, row)?;
            Ok(out.write_all(b"\n")?)
        })
        .and_then(|()| Ok(out.flush()?))
    };
    match result {
        Err(e) if index::is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(e),
        Ok(()) => Ok(ExitCode::SUCCESS),
    }
}

fn check(
    dir: PathBuf,
    bless: bool,
    shared: Option<PathBuf>,
    require_shared: bool,
) -> Result<ExitCode> {
    let shared = shared.unwrap_or_else(|| check::shared_dir(&dir));
    let fixtures = check::discover(&dir, &shared)?;
    let (mut failed, mut skipped) = (0, 0);
    for f in &fixtures {
        match check::run(f, bless) {
            Ok(Outcome::Pass) => println!("pass     {}", f.name),
            Ok(Outcome::Blessed) => println!("blessed  {}", f.name),
            Ok(Outcome::Fail { diff, grown }) => {
                failed += 1;
                println!("FAIL     {}", f.name);
                // The anomalies it gained first: they say what broke, the diff says how.
                for g in &grown {
                    println!("  more anomalies: {g}");
                    for p in &g.new_places {
                        println!("    new: {p}");
                    }
                }
                println!("{diff}");
            }
            Err(e @ check::CheckError::SharedMissing { .. }) if !require_shared => {
                skipped += 1;
                println!("skip     {e}");
            }
            Err(e) => {
                failed += 1;
                println!("ERROR    {e:#}");
            }
        }
    }
    println!(
        "{} fixtures, {} passed, {} failed, {} skipped",
        fixtures.len(),
        fixtures.len() - failed - skipped,
        failed,
        skipped
    );
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn batch(
    paths: Vec<PathBuf>,
    output: Option<PathBuf>,
    jobs: usize,
    quiet: bool,
    fail_fast: bool,
) -> Result<ExitCode> {
    use std::sync::atomic::{AtomicU64, Ordering};

    let inputs = eurodoc::batch::collect_inputs(&expand_stdin(paths)?);
    if inputs.is_empty() {
        anyhow::bail!(
            "no documents found (looked for .pdf, .html, .htm, .xml, .md and .txt files)"
        );
    }
    let bar = progress_bar(inputs.len(), quiet);
    let pages = AtomicU64::new(0);
    let done = |o: &eurodoc::batch::Outcome| {
        let total = pages.fetch_add(o.stats.pages, Ordering::Relaxed) + o.stats.pages;
        bar.set_message(format!("{total} pages"));
        bar.inc(1);
        if let (Some((_, message)), false) = (&o.error, quiet) {
            note(&bar, format!("{}: {message}", o.path.display()));
        }
    };
    let options = eurodoc::batch::Options { jobs, fail_fast };
    let summary = match &output {
        Some(out) => {
            // Written under a temporary name and renamed when complete, so a crash never
            // leaves a partial file that looks like a finished dataset.
            let name = out
                .file_name()
                .map_or_else(|| "out".into(), |n| n.to_string_lossy().into_owned());
            let tmp = out.with_file_name(format!(".{name}.partial-{}", std::process::id()));
            let file = std::fs::File::create(&tmp)
                .with_context(|| format!("cannot create {}", tmp.display()))?;
            let mut w = std::io::BufWriter::new(file);
            let result =
                eurodoc::batch::run(&inputs, &options, &done, &mut |o| writeln!(w, "{}", o.line))
                    .and_then(|s| w.flush().map(|()| s));
            match result {
                Ok(s) => {
                    std::fs::rename(&tmp, out).with_context(|| {
                        format!("cannot rename {} to {}", tmp.display(), out.display())
                    })?;
                    s
                }
                Err(e) => {
                    let _ = std::fs::remove_file(&tmp);
                    return Err(e).with_context(|| format!("cannot write {}", out.display()));
                }
            }
        }
        None => {
            let stdout = std::io::stdout();
            let mut w = stdout.lock();
            match eurodoc::batch::run(&inputs, &options, &done, &mut |o| {
                writeln!(w, "{}", o.line)?;
                w.flush()
            }) {
                Ok(s) => s,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                    return Ok(ExitCode::SUCCESS);
                }
                Err(e) => return Err(e).context("cannot write to stdout"),
            }
        }
    };
    bar.finish_and_clear();
    let st = summary.stats;
    let anomalies = anomaly_line(st.documents, &summary.anomalies);
    if quiet {
        eprintln!("{anomalies}");
    } else {
        let secs = summary.elapsed.as_secs_f64();
        eprintln!(
            "{} documents: {} ok, {} failed{}; {} pages, {} references, {} figures, {} commitments; {:.1} s, {:.1} documents/s",
            st.documents,
            st.ok,
            st.failed,
            if summary.stopped {
                " (stopped at the first failure)"
            } else {
                ""
            },
            st.pages,
            st.references,
            st.figures,
            st.commitments,
            secs,
            st.documents as f64 / secs.max(1e-9),
        );
        eprintln!("{anomalies}");
        // Where to look first: a few documents for each kind.
        for (kind, n) in summary.anomalies.ranked() {
            let examples = &summary.anomalies.examples[&kind];
            let shown: Vec<String> = examples.iter().map(|p| p.display().to_string()).collect();
            let more = n - examples.len();
            eprintln!(
                "  {kind}: {}{}",
                shown.join(", "),
                if more > 0 {
                    format!(" and {} more", grouped(more))
                } else {
                    String::new()
                }
            );
        }
    }
    Ok(if st.failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The closing line of a batch: the documents whose extraction shows anomalies, by kind,
/// most documents first (`1 912 documents, 37 with anomalies: 21 footnote-gap, ...`).
fn anomaly_line(documents: usize, a: &eurodoc::batch::AnomalyCounts) -> String {
    let head = format!(
        "{} {}",
        grouped(documents),
        if documents == 1 {
            "document"
        } else {
            "documents"
        }
    );
    if a.documents == 0 {
        return format!("{head}, none with anomalies");
    }
    let kinds: Vec<String> = a
        .ranked()
        .into_iter()
        .map(|(kind, n)| format!("{} {kind}", grouped(n)))
        .collect();
    format!(
        "{head}, {} with anomalies: {}",
        grouped(a.documents),
        kinds.join(", ")
    )
}

/// `n` with its thousands set apart by spaces: `1 912`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// The paths given, with `-` replaced by the paths read from stdin, one per line.
fn expand_stdin(paths: Vec<PathBuf>) -> Result<Vec<PathBuf>> {
    use std::io::BufRead;
    let mut args = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            for line in std::io::stdin().lock().lines() {
                let line = line.context("cannot read paths from stdin")?;
                if !line.trim().is_empty() {
                    args.push(PathBuf::from(line.trim()));
                }
            }
        } else {
            args.push(p);
        }
    }
    Ok(args)
}

/// A progress bar over `len` documents with rate and ETA, on stderr; hidden when `quiet` or
/// when stderr is not a terminal.
fn progress_bar(len: usize, quiet: bool) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if quiet || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let style = indicatif::ProgressStyle::with_template(
        "{spinner} {elapsed_precise} [{bar:30}] {pos}/{len} documents, {msg}, {rate} ETA {eta}",
    )
    .expect("a valid template")
    .with_key(
        "rate",
        |s: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.1} documents/s", s.per_sec());
        },
    )
    .progress_chars("=> ");
    indicatif::ProgressBar::new(len as u64).with_style(style)
}

/// Print a line above the progress bar, or on stderr when there is none.
fn note(bar: &indicatif::ProgressBar, line: String) {
    if bar.is_hidden() {
        eprintln!("{line}");
    } else {
        bar.println(line);
    }
}

/// Write to stdout; a closed pipe (`eurodoc extract x | head`) is not an error.
fn print_stdout(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to stdout"),
    }
}
