//! Command-line glue: argument definitions and what each command does with the library.
//! Exit status: 0 success, 1 a document could not be processed (or a check failed),
//! 2 usage errors (clap reports those itself).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};

use eurodoc::check::{self, Outcome};

/// Read EU institutional documents (Council cover notes, Commission communications) as PDF,
/// Markdown or text, and write structured, schema-checked JSON: metadata, sections, footnotes,
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
    /// The format is sniffed from the content (`%PDF-`), then from the extension (.md, .txt).
    /// Exit status 1 when the document cannot be processed, with the reason on stderr.
    Extract {
        /// The document: a PDF, a Markdown conversion or a plain-text file.
        file: PathBuf,
        /// Write the JSON to this file instead of stdout.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// One line of JSON instead of pretty-printed.
        #[arg(long)]
        compact: bool,
    },
    /// Print the JSON Schema of the output.
    Schema,
    /// Print the document model an input gives (one line per block), to see how it was read.
    Blocks {
        /// The document: a PDF, a Markdown conversion or a plain-text file.
        file: PathBuf,
    },
    /// Run the fixture regression: extract every fixtures/<name>/input.* and compare with
    /// its expected.json (ignoring source.path). Exit status 1 on any difference.
    Check {
        /// Folder holding one sub-folder per fixture.
        #[arg(default_value = "fixtures")]
        dir: PathBuf,
        /// Rewrite the expected files from the current output instead of comparing.
        #[arg(long)]
        bless: bool,
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
        Command::Schema => {
            print_stdout(&eurodoc::output::schema_json())?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Check { dir, bless } => check(dir, bless),
        Command::Blocks { file } => {
            let bytes =
                std::fs::read(&file).with_context(|| format!("cannot read {}", file.display()))?;
            let doc = eurodoc::ingest::ingest(&bytes, Some(&file.to_string_lossy()))
                .with_context(|| format!("{}", file.display()))?;
            print_stdout(&doc.outline())?;
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

fn check(dir: PathBuf, bless: bool) -> Result<ExitCode> {
    let fixtures = check::discover(&dir)?;
    let mut failed = 0;
    for f in &fixtures {
        match check::run(f, bless) {
            Ok(Outcome::Pass) => println!("pass     {}", f.name),
            Ok(Outcome::Blessed) => println!("blessed  {}", f.name),
            Ok(Outcome::Fail { diff }) => {
                failed += 1;
                println!("FAIL     {}\n{}", f.name, diff);
            }
            Err(e) => {
                failed += 1;
                println!("ERROR    {e:#}");
            }
        }
    }
    println!(
        "{} fixtures, {} passed, {} failed",
        fixtures.len(),
        fixtures.len() - failed,
        failed
    );
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Write to stdout; a closed pipe (`eurodoc extract x | head`) is not an error.
fn print_stdout(s: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("cannot write to stdout"),
    }
}
